//! Turning `report`'s arguments into a list of files: a file is itself, a
//! directory is every `*.json` directly inside it, anything else is tried as
//! a glob pattern. Each path appears once, in the order first named.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The files named by `args`, and one warning per argument that named none.
pub fn expand_inputs(args: &[String]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let mut seen = HashSet::new();
    for arg in args {
        let found = expand_one(arg);
        match found {
            Ok(paths) if paths.is_empty() => warnings.push(format!("{arg}: no export files here")),
            Ok(paths) => {
                for p in paths {
                    if seen.insert(p.clone()) {
                        files.push(p);
                    }
                }
            }
            Err(reason) => warnings.push(format!("{arg}: {reason}")),
        }
    }
    (files, warnings)
}

fn expand_one(arg: &str) -> Result<Vec<PathBuf>, String> {
    let path = Path::new(arg);
    if path.is_dir() {
        return json_files_in(path);
    }
    if path.exists() {
        return Ok(vec![path.to_owned()]);
    }
    if !arg.contains(['*', '?', '[']) {
        return Err("no such file or directory".into());
    }
    let paths = glob::glob(arg).map_err(|e| format!("not a valid pattern ({})", e.msg))?;
    let mut files = Vec::new();
    for entry in paths.flatten() {
        if entry.is_dir() {
            files.extend(json_files_in(&entry)?);
        } else {
            files.push(entry);
        }
    }
    Ok(files)
}

/// `*.json` files directly inside `dir`, sorted by name.
fn json_files_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list ({e})"))?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("json"))
                && p.is_file()
        })
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn files_directories_and_globs_expand_once_each() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        fs::create_dir(d.join("class")).unwrap();
        for name in ["b.json", "a.json", "notes.txt"] {
            fs::write(d.join("class").join(name), "{}").unwrap();
        }
        fs::write(d.join("c.json"), "{}").unwrap();
        let s = |p: PathBuf| p.to_string_lossy().into_owned();
        let args = vec![
            s(d.join("class")),
            s(d.join("*.json")),
            s(d.join("class/a.json")),
            s(d.join("missing.json")),
            s(d.join("none-*.json")),
        ];
        let (files, warnings) = expand_inputs(&args);
        assert_eq!(
            files,
            [
                d.join("class/a.json"),
                d.join("class/b.json"),
                d.join("c.json")
            ]
        );
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].ends_with("missing.json: no such file or directory"));
        assert!(warnings[1].ends_with("none-*.json: no export files here"));
    }

    #[test]
    fn a_bad_pattern_is_a_warning() {
        let (files, warnings) = expand_inputs(&["[".to_owned()]);
        assert!(files.is_empty());
        assert!(
            warnings[0].starts_with("[: not a valid pattern"),
            "{warnings:?}"
        );
    }
}
