//! Crash-safe file replacement: a reader sees either the whole old file or the
//! whole new one, never a mix, even if the process dies or the power goes out
//! mid-save.
//!
//! The recipe: write a temp file in the *same directory* (so the rename cannot
//! cross file systems), fsync it, rename it over the target, then fsync the
//! directory so the rename itself is durable.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Replaces `path` with `bytes` atomically (see the module docs).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let staged = stage(path, bytes)?;
    commit(staged, path)
}

/// The directory a path lives in (`.` for a bare file name).
pub(crate) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Step 1: the new content, written and fsynced to a temp file beside `path`.
/// Dropping the result without [`commit`] removes the temp file and leaves
/// `path` untouched.
fn stage(path: &Path, bytes: &[u8]) -> io::Result<NamedTempFile> {
    let mut tmp = NamedTempFile::new_in(parent_dir(path))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Step 2: rename over the target, then make the rename durable.
fn commit(tmp: NamedTempFile, path: &Path) -> io::Result<()> {
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(&parent_dir(path))
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Windows cannot open a directory for fsync; `MoveFileEx` is durable enough.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn replaces_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"first version, quite long").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        // No temp file is left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn creates_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.txt");
        write_atomic(&path, b"hello").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"hello");
    }

    #[test]
    fn a_crash_between_write_and_rename_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        write_atomic(&path, b"old and complete").unwrap();

        // The process "dies" after staging: the temp file stays on disk
        // (kept, as a killed process would leave it) but is never renamed.
        let staged = stage(&path, b"new but never committed").unwrap();
        let leftover = staged.into_temp_path().keep().unwrap();

        assert!(leftover.exists(), "the temp file is still there");
        assert_eq!(
            leftover.parent(),
            Some(dir.path()),
            "staged in the same dir"
        );
        assert_eq!(fs::read(&path).unwrap(), b"old and complete");

        // The next save still works and does not trip over the leftover.
        write_atomic(&path, b"next").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"next");
    }

    #[test]
    fn a_missing_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/dir/file");
        assert!(write_atomic(&path, b"x").is_err());
    }
}
