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
        if !root.exists() {
            return Err(FilesError::Missing(display(root)));
        }
        if root.is_file() {
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
            Ok(text) => {
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

fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
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
