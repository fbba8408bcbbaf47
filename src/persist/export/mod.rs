//! Exporting a learner's results: the versioned JSON document, CSV (one row per
//! question, injection-guarded) and a Markdown report card; and the TUI's
//! "export to the data dir" helper.

pub mod build;
pub mod csv_out;
pub mod describe;
pub mod hash;
pub mod markdown;
pub mod schema;
pub mod testdata;

pub use build::{build_export, ExportMeta};
pub use schema::{parse_export, to_json, Export, ParseError};

use crate::cli::ExportFormat;
use crate::content::model::Course;
use crate::persist::atomic::write_atomic;
use crate::persist::progress::CourseProgress;
use chrono::{DateTime, Utc};
use std::io;
use std::path::{Path, PathBuf};

/// The export rendered in a format.
pub fn render(export: &Export, format: ExportFormat) -> String {
    match format {
        ExportFormat::Json => to_json(export),
        ExportFormat::Csv => csv_out::to_csv(export),
        ExportFormat::Md => markdown::to_markdown(export),
    }
}

/// The learner's name: `--name`, else config `name`, else `$USER`/`$USERNAME`,
/// else `anonymous`. Blank values are skipped; the result is one safe line.
pub fn learner_name(flag: Option<&str>, config: Option<&str>) -> String {
    let env = ["USER", "USERNAME"]
        .into_iter()
        .filter_map(|k| std::env::var(k).ok());
    flag.map(str::to_owned)
        .into_iter()
        .chain(config.map(str::to_owned))
        .chain(env)
        .map(|n| crate::content::sanitize::inline(n.trim()).into_owned())
        .find(|n| !n.is_empty())
        .unwrap_or_else(|| "anonymous".into())
}

/// A file-name-safe form of a learner name: ASCII letters, digits and `_`
/// kept, runs of anything else one `-`, at most 40 chars, never empty.
pub fn file_slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_matches('-').chars().take(40).collect();
    if slug.is_empty() {
        "anonymous".into()
    } else {
        slug
    }
}

/// `<course>-<learner>-<YYYYMMDDTHHMMSSZ>`: the stem of exported files.
pub fn export_stem(course_id: &str, learner: &str, at: DateTime<Utc>) -> String {
    format!(
        "{}-{}-{}",
        file_slug(course_id),
        file_slug(learner),
        at.format("%Y%m%dT%H%M%SZ")
    )
}

/// Writes the JSON and the CSV export into `<data_dir>/exports/` (created if
/// needed) with a timestamped, sanitised name; returns both paths. An existing
/// file of that name (two exports in one second) gets a `-N` suffix instead of
/// being overwritten.
pub fn export_to_dir(
    data_dir: &Path,
    course: &Course,
    progress: &CourseProgress,
    name: &str,
) -> io::Result<Vec<PathBuf>> {
    let meta = ExportMeta {
        learner: name.to_owned(),
        exported_at: chrono::SubsecRound::trunc_subsecs(Utc::now(), 0),
    };
    export_to_dir_at(data_dir, course, progress, &meta)
}

/// [`export_to_dir`] with the time given.
pub fn export_to_dir_at(
    data_dir: &Path,
    course: &Course,
    progress: &CourseProgress,
    meta: &ExportMeta,
) -> io::Result<Vec<PathBuf>> {
    let dir = data_dir.join("exports");
    std::fs::create_dir_all(&dir)?;
    let export = build_export(course, progress, meta);
    let stem = free_stem(
        &dir,
        &export_stem(&course.id, &export.learner, meta.exported_at),
    );
    let json = dir.join(format!("{stem}.json"));
    let csv = dir.join(format!("{stem}.csv"));
    write_atomic(&json, to_json(&export).as_bytes())?;
    write_atomic(&csv, csv_out::to_csv(&export).as_bytes())?;
    Ok(vec![json, csv])
}

fn free_stem(dir: &Path, stem: &str) -> String {
    let taken =
        |s: &str| dir.join(format!("{s}.json")).exists() || dir.join(format!("{s}.csv")).exists();
    let mut candidate = stem.to_owned();
    let mut n = 1;
    while taken(&candidate) {
        candidate = format!("{stem}-{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use testdata::{at, course, progress};

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(file_slug("Ada Lovelace"), "Ada-Lovelace");
        assert_eq!(file_slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_slug("\u{1b}[31mred"), "31mred");
        assert_eq!(file_slug("Zoë"), "Zo");
        assert_eq!(file_slug("..."), "anonymous");
        assert_eq!(file_slug(""), "anonymous");
        assert_eq!(file_slug(&"x".repeat(100)).len(), 40);
        assert_eq!(
            export_stem("sample", "Ada L", at(0)),
            "sample-Ada-L-20261204T180000Z"
        );
    }

    #[test]
    fn names_fall_back_in_order() {
        assert_eq!(learner_name(Some("  Ada "), Some("Bob")), "Ada");
        assert_eq!(learner_name(Some("  "), Some("Bob")), "Bob");
        assert_eq!(learner_name(Some("a\u{1b}b"), None), "a^[b");
        // The last fallbacks depend on the environment: never blank.
        assert!(!learner_name(None, None).is_empty());
    }

    #[test]
    fn export_to_dir_writes_json_and_csv_without_overwriting() {
        let tmp = tempfile::tempdir().unwrap();
        let meta = ExportMeta {
            learner: "Ada/../x".into(),
            exported_at: at(60),
        };
        let first = export_to_dir_at(tmp.path(), &course(), &progress(), &meta).unwrap();
        let names: Vec<String> = first
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "sample-Ada-x-20261204T190000Z.json",
                "sample-Ada-x-20261204T190000Z.csv"
            ]
        );
        assert!(first
            .iter()
            .all(|p| p.parent() == Some(&tmp.path().join("exports"))));
        let back = parse_export(&std::fs::read(&first[0]).unwrap()).unwrap();
        assert_eq!(back.learner, "Ada/../x");
        let second = export_to_dir_at(tmp.path(), &course(), &progress(), &meta).unwrap();
        assert!(second[0].ends_with("sample-Ada-x-20261204T190000Z-1.json"));
    }
}
