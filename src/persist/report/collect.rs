//! Reading many exports (in parallel) and keeping the ones that belong in one
//! class report: valid exports of the same course, id, version and quiz
//! content; one per learner (the latest `exported_at` counts).

use crate::content::sanitize;
use crate::persist::export::schema::CourseRef;
use crate::persist::export::{parse_export, Export};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What went into a report and what was left out.
#[derive(Debug, Default)]
pub struct Collected {
    /// The course the report is for (`None` when no file was usable).
    pub course: Option<CourseRef>,
    /// One export per learner, ordered by learner name.
    pub exports: Vec<Export>,
    /// Files read successfully as exports of the chosen course.
    pub usable_files: usize,
    /// One line per file left out, naming it.
    pub warnings: Vec<String>,
    /// One line per older export of a learner that a newer one replaced.
    pub notes: Vec<String>,
}

fn shown(path: &Path) -> String {
    sanitize::inline(&path.display().to_string()).into_owned()
}

/// Reads and parses every file (in parallel), then selects.
pub fn collect(paths: &[PathBuf]) -> Collected {
    let parsed: Vec<(PathBuf, Result<Export, String>)> = paths
        .par_iter()
        .map(|p| {
            let result =
                read_limited(p).and_then(|bytes| parse_export(&bytes).map_err(|e| e.to_string()));
            (p.clone(), result)
        })
        .collect();
    select(parsed)
}

/// No export comes near this; a bigger file is refused instead of read.
const MAX_EXPORT_BYTES: u64 = 64 * 1024 * 1024;

/// The bytes of a regular file of at most [`MAX_EXPORT_BYTES`]. A FIFO named
/// on the command line blocked `report` forever, and `/dev/zero` made it
/// read until memory ran out.
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read ({e})"))?;
    if !meta.is_file() {
        return Err("not a regular file".to_owned());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_EXPORT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read ({e})"))?;
    if bytes.len() as u64 > MAX_EXPORT_BYTES {
        return Err(format!("larger than {MAX_EXPORT_BYTES} bytes"));
    }
    Ok(bytes)
}

/// Keeps the exports of the course most files are for, one per learner.
pub fn select(parsed: Vec<(PathBuf, Result<Export, String>)>) -> Collected {
    let mut out = Collected::default();
    let mut valid = Vec::new();
    for (path, result) in parsed {
        match result {
            Ok(export) => valid.push((path, export)),
            Err(reason) => out
                .warnings
                .push(format!("{}: {reason}; left out", shown(&path))),
        }
    }
    let Some(course) = majority_course(&valid) else {
        return out;
    };
    let mut latest: HashMap<String, (PathBuf, Export)> = HashMap::new();
    for (path, export) in valid {
        if !export.course.same_course(&course) {
            out.warnings.push(format!(
                "{}: an export of {}, not of {course}; left out",
                shown(&path),
                export.course
            ));
            continue;
        }
        out.usable_files += 1;
        keep_latest(&mut latest, path, export, &mut out.notes);
    }
    let mut exports: Vec<Export> = latest.into_values().map(|(_, e)| e).collect();
    exports.sort_by(|a, b| a.learner.cmp(&b.learner));
    out.exports = exports;
    out.course = Some(course);
    out
}

fn keep_latest(
    latest: &mut HashMap<String, (PathBuf, Export)>,
    path: PathBuf,
    export: Export,
    notes: &mut Vec<String>,
) {
    let learner = export.learner.clone();
    match latest.remove(&learner) {
        None => {
            latest.insert(learner, (path, export));
        }
        Some((old_path, old)) => {
            // Ties go to the later file name, so the choice never depends on
            // the order the files were read in.
            let newer_wins = (export.exported_at, &path) > (old.exported_at, &old_path);
            let (keep, drop) = if newer_wins {
                ((path, export), old_path)
            } else {
                ((old_path, old), path)
            };
            notes.push(format!(
                "{}: an older export of {learner}; {} counts",
                shown(&drop),
                shown(&keep.0)
            ));
            latest.insert(learner, keep);
        }
    }
}

/// The course most valid exports are for; ties go to the one exported last.
fn majority_course(valid: &[(PathBuf, Export)]) -> Option<CourseRef> {
    let mut counts: HashMap<&CourseRef, (usize, chrono::DateTime<chrono::Utc>)> = HashMap::new();
    for (_, e) in valid {
        let entry = counts.entry(&e.course).or_insert((0, e.exported_at));
        entry.0 += 1;
        entry.1 = entry.1.max(e.exported_at);
    }
    counts
        .into_iter()
        .max_by(|(ca, a), (cb, b)| a.cmp(b).then_with(|| cb.content_hash.cmp(&ca.content_hash)))
        .map(|(c, _)| c.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::export::testdata::{at, course, progress};
    use crate::persist::export::{build_export, ExportMeta};

    fn export(name: &str, minute: i64) -> Export {
        let meta = ExportMeta {
            learner: name.into(),
            exported_at: at(minute),
        };
        build_export(&course(), &progress(), &meta)
    }

    fn ok(path: &str, e: Export) -> (PathBuf, Result<Export, String>) {
        (PathBuf::from(path), Ok(e))
    }

    #[test]
    fn the_latest_export_of_a_learner_counts() {
        let c = select(vec![
            ok("ada-new.json", export("Ada", 30)),
            ok("ada-old.json", export("Ada", 10)),
            ok("bob.json", export("Bob", 20)),
        ]);
        assert_eq!(c.usable_files, 3);
        assert_eq!(c.exports.len(), 2);
        assert_eq!(c.exports[0].learner, "Ada");
        assert_eq!(c.exports[0].exported_at, at(30));
        assert_eq!(
            c.notes,
            ["ada-old.json: an older export of Ada; ada-new.json counts"]
        );
        assert!(c.warnings.is_empty());
    }

    #[test]
    fn invalid_and_foreign_files_are_named_and_left_out() {
        let mut foreign = export("Cy", 5);
        foreign.course.version = "2.0".into();
        let c = select(vec![
            ok("ada.json", export("Ada", 1)),
            ok("bob.json", export("Bob", 2)),
            ok("cy.json", foreign),
            (PathBuf::from("junk.json"), Err("not JSON (EOF)".into())),
        ]);
        assert_eq!(c.exports.len(), 2);
        assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
        assert_eq!(c.warnings[0], "junk.json: not JSON (EOF); left out");
        assert!(c.warnings[1].starts_with("cy.json: an export of sample version 2.0"));
        assert!(c.warnings[1].contains("not of sample version 1.0"));
    }

    #[test]
    fn nothing_usable_means_no_course() {
        let c = select(vec![(PathBuf::from("x"), Err("bad".into()))]);
        assert!(c.course.is_none() && c.exports.is_empty());
        assert_eq!(c.warnings.len(), 1);
    }
}
