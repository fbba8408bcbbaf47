//! Where course files come from: the course embedded in the binary, or a
//! directory on disk (`--course DIR`). Both are read through [`CourseSource`]
//! so loading and validation follow one code path.
//!
//! Files are returned as raw bytes; decoding (and the clear error for invalid
//! UTF-8, NUL bytes or oversized files) is the loader's job.

use include_dir::{include_dir, Dir};
use std::io::Read;
use std::path::{Path, PathBuf};

static EMBEDDED_LESSONS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/lessons");
static EMBEDDED_QUIZZES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/quizzes");
static EMBEDDED_ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets");
static EMBEDDED_MANIFEST: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/course.toml"));

/// Files larger than this are refused with a clear error instead of being read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: file not found")]
    NotFound { path: String },
    #[error("{path}: file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The root of a course: embedded in the binary or a directory.
#[derive(Debug, Clone)]
pub enum CourseSource {
    Embedded,
    Dir(PathBuf),
}

impl CourseSource {
    /// A short label for messages: `<embedded>` or the directory.
    pub fn label(&self) -> String {
        match self {
            CourseSource::Embedded => "<embedded course>".to_owned(),
            CourseSource::Dir(d) => d.display().to_string(),
        }
    }

    /// Reads `rel` (e.g. `lessons/01-what-broke.md`, with `/` separators).
    pub fn read(&self, rel: &str) -> Result<Vec<u8>, SourceError> {
        match self {
            CourseSource::Embedded => {
                embedded_file(rel)
                    .map(<[u8]>::to_vec)
                    .ok_or_else(|| SourceError::NotFound {
                        path: rel.to_owned(),
                    })
            }
            CourseSource::Dir(root) => read_limited(&root.join(rel), rel),
        }
    }

    /// Whether `rel` is there at all. Anything but "not found" counts, so an
    /// unreadable directory or a FIFO is reported by [`Self::read`] with its
    /// real cause instead of as "does not exist".
    pub fn exists(&self, rel: &str) -> bool {
        match self {
            CourseSource::Embedded => embedded_file(rel).is_some(),
            CourseSource::Dir(root) => match std::fs::metadata(root.join(rel)) {
                Ok(_) => true,
                Err(e) => e.kind() != std::io::ErrorKind::NotFound,
            },
        }
    }

    /// Whether `rel` is there but is not a directory (e.g. `lessons` is a
    /// regular file), so the caller can say so once rather than failing on
    /// every path beneath it.
    pub fn is_not_a_directory(&self, rel: &str) -> bool {
        match self {
            CourseSource::Embedded => false,
            CourseSource::Dir(root) => std::fs::metadata(root.join(rel)).is_ok_and(|m| !m.is_dir()),
        }
    }

    /// Relative paths of the files directly inside `dir` (`lessons`, `quizzes`, `assets`), sorted.
    pub fn list(&self, dir: &str) -> Vec<String> {
        let mut names: Vec<String> = match self {
            CourseSource::Embedded => embedded_dir(dir)
                .map(|d| {
                    d.files()
                        .filter_map(|f| {
                            f.path().file_name()?.to_str().map(|n| format!("{dir}/{n}"))
                        })
                        .collect()
                })
                .unwrap_or_default(),
            CourseSource::Dir(root) => std::fs::read_dir(root.join(dir))
                .map(|rd| {
                    rd.filter_map(Result::ok)
                        .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
                        .filter_map(|e| e.file_name().to_str().map(|n| format!("{dir}/{n}")))
                        .collect()
                })
                .unwrap_or_default(),
        };
        names.sort();
        names
    }
}

fn embedded_dir(dir: &str) -> Option<&'static Dir<'static>> {
    match dir {
        "lessons" => Some(&EMBEDDED_LESSONS),
        "quizzes" => Some(&EMBEDDED_QUIZZES),
        "assets" => Some(&EMBEDDED_ASSETS),
        _ => None,
    }
}

fn embedded_file(rel: &str) -> Option<&'static [u8]> {
    if rel == "course.toml" {
        return Some(EMBEDDED_MANIFEST);
    }
    let (dir, rest) = rel.split_once('/')?;
    embedded_dir(dir)?.get_file(rest).map(|f| f.contents())
}

fn read_limited(path: &Path, rel: &str) -> Result<Vec<u8>, SourceError> {
    let io = |source| SourceError::Io {
        path: rel.to_owned(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SourceError::NotFound {
                path: rel.to_owned(),
            })
        }
        Err(e) => return Err(io(e)),
    };
    if !meta.is_file() {
        // A directory, FIFO or device: reading it could fail oddly or block forever.
        return Err(io(std::io::Error::other("not a regular file")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(SourceError::TooLarge {
            path: rel.to_owned(),
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    // Read at most one byte past the limit, in case the file grew since `metadata`.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(SourceError::TooLarge {
            path: rel.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_course_has_a_manifest() {
        assert!(CourseSource::Embedded.exists("course.toml"));
        assert!(matches!(
            CourseSource::Embedded.read("lessons/nope.md"),
            Err(SourceError::NotFound { .. })
        ));
    }

    #[test]
    fn directory_source_refuses_huge_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let f = std::fs::File::create(dir.path().join("lessons/big.md")).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        let src = CourseSource::Dir(dir.path().to_owned());
        assert!(matches!(
            src.read("lessons/big.md"),
            Err(SourceError::TooLarge { .. })
        ));
        assert_eq!(src.list("lessons"), vec!["lessons/big.md".to_owned()]);
    }
}
