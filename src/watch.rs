//! `--watch`: tells the event loop when course files (`.md`, `.toml`) under
//! the course directory changed and then stayed quiet for a moment (editors
//! save in several steps). Reloading and validating is the caller's job.

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::Path;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// How long the files must stay unchanged before a reload.
const QUIET: Duration = Duration::from_millis(80);

#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("cannot watch {path}: {source}")]
    Watch {
        path: String,
        #[source]
        source: notify::Error,
    },
}

pub struct CourseWatcher {
    _watcher: RecommendedWatcher,
    events: Receiver<()>,
    changed_at: Option<Instant>,
}

impl CourseWatcher {
    pub fn start(dir: &Path) -> Result<CourseWatcher, WatchError> {
        let (tx, events) = channel();
        let fail = |source| WatchError::Watch {
            path: crate::content::sanitize::inline(&dir.display().to_string()).into_owned(),
            source,
        };
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if let Ok(event) = res {
                if is_course_edit(&event) {
                    // The receiver is gone only when the app is closing.
                    let _ = tx.send(());
                }
            }
        })
        .map_err(fail)?;
        watcher.watch(dir, RecursiveMode::Recursive).map_err(fail)?;
        Ok(CourseWatcher {
            _watcher: watcher,
            events,
            changed_at: None,
        })
    }

    /// True once after a burst of changes has settled.
    pub fn settled(&mut self, now: Instant) -> bool {
        while self.events.try_recv().is_ok() {
            self.changed_at = Some(now);
        }
        match self.changed_at {
            Some(at) if now.duration_since(at) >= QUIET => {
                self.changed_at = None;
                true
            }
            _ => false,
        }
    }

    /// Whether a change is waiting to settle (the loop then polls more often).
    pub fn pending(&self) -> bool {
        self.changed_at.is_some()
    }
}

fn is_course_edit(event: &notify::Event) -> bool {
    let mutating = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    );
    mutating
        && event.paths.iter().any(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e == "md" || e == "toml")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_lesson_is_reported_once_after_it_settles() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = CourseWatcher::start(dir.path()).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
        std::fs::write(dir.path().join("lesson.md"), "# hi").unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut seen = false;
        while Instant::now() < deadline && !seen {
            std::thread::sleep(Duration::from_millis(20));
            seen = w.settled(Instant::now());
        }
        assert!(seen, "no change reported");
        std::thread::sleep(Duration::from_millis(100));
        assert!(!w.settled(Instant::now()), "reported twice");
    }
}
