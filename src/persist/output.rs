//! Where `export` and `report` put their output: stdout (`--out -` or no
//! `--out`), or a file written atomically and never overwritten without
//! `--force`.

use super::atomic::write_atomic;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{} already exists; pass --force to overwrite it", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot write to stdout: {0}")]
    Stdout(io::Error),
}

/// Where the output went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Stdout,
    File(PathBuf),
}

/// `None` and `-` mean stdout.
pub fn is_stdout(out: Option<&Path>) -> bool {
    out.is_none_or(|p| p.as_os_str() == "-")
}

pub fn write_output(out: Option<&Path>, text: &str, force: bool) -> Result<Written, OutputError> {
    match out {
        Some(path) if !is_stdout(out) => {
            // symlink_metadata: a dangling symlink counts as existing too.
            if !force && path.symlink_metadata().is_ok() {
                return Err(OutputError::Exists(path.to_owned()));
            }
            write_atomic(path, text.as_bytes()).map_err(|source| OutputError::Write {
                path: path.to_owned(),
                source,
            })?;
            Ok(Written::File(path.to_owned()))
        }
        _ => {
            let mut stdout = io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(OutputError::Stdout)?;
            Ok(Written::Stdout)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_needs_force() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("out.json");
        assert_eq!(
            write_output(Some(&path), "one", false).unwrap(),
            Written::File(path.clone())
        );
        let err = write_output(Some(&path), "two", false).unwrap_err();
        assert!(
            err.to_string().contains("already exists; pass --force"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        write_output(Some(&path), "two", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
    }

    #[test]
    fn dash_means_stdout() {
        assert!(is_stdout(None));
        assert!(is_stdout(Some(Path::new("-"))));
        assert!(!is_stdout(Some(Path::new("./-"))));
    }
}
