//! The progress store: `progress.json` in the data directory, saved atomically,
//! shared safely between instances.
//!
//! - Every change goes through [`ProgressStore::update`]: an exclusive lock on
//!   `progress.lock`, re-read the file, apply the change, write atomically,
//!   unlock. Re-reading under the lock is the merge: a second instance's
//!   updates are on disk and are kept, never overwritten by a stale copy.
//! - A file that cannot be used (see [`Unusable`]) is moved aside as
//!   `progress.json.corrupt-<timestamp>` and the caller gets a one-line notice
//!   to show: never a crash, never a silent reset. A file from a newer version
//!   is moved aside the same way, so it is never overwritten.

use super::atomic::write_atomic;
use super::decode::{decode, encode, Unusable};
use super::progress::Progress;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub const PROGRESS_FILE: &str = "progress.json";
pub const LOCK_FILE: &str = "progress.lock";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    /// Only from the read-only path, which never moves a file.
    #[error("{}: the progress file {reason}", path.display())]
    Unusable { path: PathBuf, reason: Unusable },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

/// What [`ProgressStore::open`] found.
#[derive(Debug)]
pub struct Opened {
    pub store: ProgressStore,
    pub progress: Progress,
    /// One line for the learner, e.g. "progress file was corrupt (...); moved to ...".
    pub notice: Option<String>,
}

#[derive(Debug)]
pub struct ProgressStore {
    dir: PathBuf,
    /// The last document read or written: the base if the file is damaged
    /// between two saves, and what [`load`](Self::load) falls back to.
    last_good: Mutex<Progress>,
    /// Notices raised by saves (a file damaged behind our back), for the UI.
    notices: Mutex<Vec<String>>,
}

impl ProgressStore {
    /// Opens (creating the directory if needed) and reads the progress file.
    pub fn open(data_dir: &Path) -> Result<Opened, StoreError> {
        fs::create_dir_all(data_dir).map_err(io_err(data_dir))?;
        let store = ProgressStore {
            dir: data_dir.to_owned(),
            last_good: Mutex::new(Progress::default()),
            notices: Mutex::new(Vec::new()),
        };
        let lock = store.lock()?;
        let (progress, notice) = store.read_or_move_aside()?;
        drop(lock);
        store.remember(&progress);
        Ok(Opened {
            store,
            progress,
            notice,
        })
    }

    /// Reads the progress without creating, locking or moving anything
    /// (`export`, `progress`): a missing file is empty progress, a damaged one
    /// an error.
    pub fn read_only(data_dir: &Path) -> Result<Progress, StoreError> {
        let path = data_dir.join(PROGRESS_FILE);
        match fs::read(&path) {
            Ok(bytes) => decode(&bytes).map_err(|reason| StoreError::Unusable { path, reason }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Progress::default()),
            Err(e) => Err(io_err(&path)(e)),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(PROGRESS_FILE)
    }

    /// The current progress on disk (another instance's saves included), or the
    /// last good document if the file is missing or damaged right now.
    pub fn load(&self) -> Progress {
        match fs::read(self.path()).ok().map(|b| decode(&b)) {
            Some(Ok(p)) => {
                self.remember(&p);
                p
            }
            _ => self.last_good(),
        }
    }

    /// Locks, re-reads, applies `change`, saves atomically, unlocks; returns
    /// the document as saved.
    pub fn update<F: FnOnce(&mut Progress)>(&self, change: F) -> Result<Progress, StoreError> {
        let lock = self.lock()?;
        let (mut progress, notice) = self.read_or_move_aside()?;
        if let Some(notice) = notice {
            // Damaged since we last looked: build on what we knew, not on nothing.
            progress = self.last_good();
            self.push_notice(notice);
        }
        change(&mut progress);
        let path = self.path();
        write_atomic(&path, &encode(&progress)).map_err(io_err(&path))?;
        drop(lock);
        self.remember(&progress);
        Ok(progress)
    }

    /// Notices raised by saves since the last call (usually none).
    pub fn take_notices(&self) -> Vec<String> {
        std::mem::take(&mut *self.notices.lock().unwrap_or_else(|e| e.into_inner()))
    }

    fn last_good(&self) -> Progress {
        self.last_good
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn remember(&self, progress: &Progress) {
        *self.last_good.lock().unwrap_or_else(|e| e.into_inner()) = progress.clone();
    }

    fn push_notice(&self, notice: String) {
        self.notices
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(notice);
    }

    /// Exclusive lock on `progress.lock`, released when the file is dropped.
    /// Each call opens its own handle, so threads of one process exclude each
    /// other as well as other processes.
    fn lock(&self) -> Result<File, StoreError> {
        let path = self.dir.join(LOCK_FILE);
        let file = File::options()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(io_err(&path))?;
        file.lock().map_err(io_err(&path))?;
        Ok(file)
    }

    /// Reads the file (caller holds the lock); an unusable one is moved aside
    /// and reported, and reading starts fresh.
    fn read_or_move_aside(&self) -> Result<(Progress, Option<String>), StoreError> {
        let path = self.path();
        let reason = match fs::read(&path) {
            Ok(bytes) => match decode(&bytes) {
                Ok(p) => return Ok((p, None)),
                Err(reason) => reason.to_string(),
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok((Progress::default(), None))
            }
            Err(e) => format!("could not be read ({e})"),
        };
        let aside = move_aside(&path)?;
        let notice = format!(
            "the progress file {reason}; it was moved to {} and progress starts fresh",
            aside.display()
        );
        Ok((
            Progress::default(),
            Some(crate::content::sanitize::inline(&notice).into_owned()),
        ))
    }
}

/// Renames `path` to `path.corrupt-<UTC timestamp>` (with `-N` appended if
/// that name is taken) and returns the new path.
fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let base = format!("{}.corrupt-{stamp}", path.display());
    let mut target = PathBuf::from(&base);
    let mut n = 1;
    while target.exists() {
        target = PathBuf::from(format!("{base}-{n}"));
        n += 1;
    }
    fs::rename(path, &target).map_err(io_err(path))?;
    Ok(target)
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
