//! Finding and scanning files: walks the given paths with the `ignore` crate
//! (honouring `.gitignore`, `.ignore` and hidden-file rules even outside a git
//! repository, always skipping `node_modules`), keeps `.js .mjs .cjs .jsx .ts
//! .tsx`, and scans them in parallel with rayon. A path named explicitly is
//! scanned whatever its extension.

use super::{scan_source, ScanResult, Unparseable};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub const EXTENSIONS: &[&str] = &["js", "mjs", "cjs", "jsx", "ts", "tsx"];

#[derive(Debug, thiserror::Error)]
pub enum FilesError {
    #[error("{0}: no such file or directory")]
    Missing(String),
    #[error("{path}: {message}")]
    Walk { path: String, message: String },
}

/// One scanned file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as given or found (for display).
    pub path: String,
    /// The file's text (empty when unreadable).
    pub source: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone)]
pub enum Outcome {
    Scanned(ScanResult),
    /// Could not be read (permissions, vanished): an I/O error.
    Unreadable(String),
}

/// Every file to scan under `paths`, sorted. A missing path is an error.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, FilesError> {
    let mut out = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| missing_or_walk(root, &e))?;
        if !meta.is_dir() {
            // A FIFO or device named explicitly is kept: scanning reports it
            // as not a regular file rather than skipping it silently.
            out.push(root.clone());
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .require_git(false)
            .filter_entry(|e| e.file_name() != "node_modules")
            .build();
        for entry in walker {
            let entry = entry.map_err(|e| FilesError::Walk {
                path: display(root),
                message: e.to_string(),
            })?;
            let path = entry.path();
            if entry.file_type().is_some_and(|t| t.is_file()) && has_js_extension(path) {
                out.push(path.to_path_buf());
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// `NotFound` for a path that is not there at all; anything else (a symlink
/// loop, a dangling symlink, no permission) says what it is.
fn missing_or_walk(path: &Path, e: &std::io::Error) -> FilesError {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match e.kind() {
        std::io::ErrorKind::NotFound if is_link => FilesError::Walk {
            path: display(path),
            message: "a symbolic link to a missing file".to_owned(),
        },
        std::io::ErrorKind::NotFound => FilesError::Missing(display(path)),
        _ if e.raw_os_error() == Some(libc::ELOOP) => FilesError::Walk {
            path: display(path),
            message: "a symbolic link loop".to_owned(),
        },
        _ => FilesError::Walk {
            path: display(path),
            message: e.to_string(),
        },
    }
}

pub fn has_js_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

/// Scan files in parallel; the result keeps the input order.
pub fn scan_files(files: &[PathBuf]) -> Vec<FileReport> {
    let scan = || files.par_iter().map(|p| scan_file(p)).collect();
    match rayon::ThreadPoolBuilder::new()
        .stack_size(super::stack::LARGE_STACK)
        .start_handler(|_| super::stack::mark_large_stack())
        .build()
    {
        Ok(pool) => pool.install(scan),
        Err(_) => scan(),
    }
}

/// Collect and scan.
pub fn scan_paths(paths: &[PathBuf]) -> Result<Vec<FileReport>, FilesError> {
    Ok(scan_files(&collect(paths)?))
}

fn scan_file(path: &Path) -> FileReport {
    let shown = display(path);
    let (source, outcome) = match read_limited(path) {
        Err(e) => (String::new(), Outcome::Unreadable(e.to_string())),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(mut text) => {
                // A byte order mark is not source: dropped, so columns and
                // the shown line start at the first real character.
                if text.starts_with(BOM) {
                    text.drain(..BOM.len_utf8());
                }
                let result = scan_source(&shown, &text);
                (text, Outcome::Scanned(result))
            }
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                let (line, col) = crate::content::diagnostics::line_col(&text, valid);
                let result = ScanResult::Unparseable(Unparseable {
                    line,
                    col,
                    message: "not valid UTF-8".to_owned(),
                });
                (text, Outcome::Scanned(result))
            }
        },
    };
    FileReport {
        path: shown,
        source,
        outcome,
    }
}

/// Larger source files are not scanned: a 100 MB file kept `check` busy for
/// over 30 s and 700 MB of memory (a real handler is far smaller).
const MAX_SOURCE_BYTES: u64 = 8 * 1024 * 1024;

const BOM: char = '\u{feff}';

/// Reads a regular file of at most [`MAX_SOURCE_BYTES`]. Anything else (a
/// FIFO, which would block, a device) is refused without being opened.
fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file; not scanned"));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(std::io::Error::other(format!(
            "larger than {} MiB; not scanned",
            MAX_SOURCE_BYTES >> 20
        )));
    }
    Ok(bytes)
}

fn display(path: &Path) -> String {
    let text = path.to_string_lossy();
    let text = text.strip_prefix("./").unwrap_or(&text);
    crate::content::sanitize::inline(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unreadable(report: &FileReport) -> Option<&str> {
        match &report.outcome {
            Outcome::Unreadable(e) => Some(e),
            Outcome::Scanned(_) => None,
        }
    }

    #[test]
    fn a_named_fifo_is_reported_not_skipped_or_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.js");
        let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        // Walking the directory skips it; naming it keeps it.
        assert!(collect(&[dir.path().to_path_buf()]).unwrap().is_empty());
        let files = collect(std::slice::from_ref(&fifo)).unwrap();
        assert_eq!(files, vec![fifo]);
        // Opening it would block until a writer came: it is never opened.
        let reports = scan_files(&files);
        assert_eq!(
            unreadable(&reports[0]),
            Some("not a regular file; not scanned")
        );
    }

    #[test]
    fn symlink_loops_and_dangling_links_are_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let looped = dir.path().join("loop.js");
        let dangling = dir.path().join("dangling.js");
        std::os::unix::fs::symlink("loop.js", &looped).unwrap();
        std::os::unix::fs::symlink("gone.js", &dangling).unwrap();
        let message = |p: &Path| collect(&[p.to_path_buf()]).unwrap_err().to_string();
        assert!(message(&looped).ends_with("loop.js: a symbolic link loop"));
        assert!(message(&dangling).ends_with("dangling.js: a symbolic link to a missing file"));
        let missing = dir.path().join("nothing.js");
        assert!(message(&missing).ends_with("nothing.js: no such file or directory"));
    }

    #[test]
    fn a_byte_order_mark_is_dropped_before_parsing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.js");
        std::fs::write(&path, "\u{feff}app.listen(3000);\n").unwrap();
        let reports = scan_files(&[path]);
        assert_eq!(reports[0].source, "app.listen(3000);\n");
        let Outcome::Scanned(result) = &reports[0].outcome else {
            panic!("{:?}", reports[0].outcome);
        };
        let f = &result.findings()[0];
        assert_eq!((f.line, f.col), (1, 1));
    }
}
