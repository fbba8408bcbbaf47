//! Where scanning runs: the parser and the rules recurse once per nesting
//! level, and [`MAX_DEPTH`](super::parse::MAX_DEPTH) levels of that need more
//! stack than a main thread (8 MiB) or a test thread (2 MiB) has in a debug
//! build. Scans run on a thread with [`LARGE_STACK`] instead; the `check`
//! pool's threads have one already and are marked so they scan in place.

use std::cell::Cell;

/// Stack for scanning threads. Reserved, not committed: only touched pages
/// cost memory.
pub const LARGE_STACK: usize = 256 << 20;

thread_local! {
    static ON_LARGE_STACK: Cell<bool> = const { Cell::new(false) };
}

/// Marks the current thread as having a [`LARGE_STACK`]: call it first thing
/// on threads built with one.
pub fn mark_large_stack() {
    ON_LARGE_STACK.set(true);
}

/// Runs `work` on a thread with a [`LARGE_STACK`] (this one, if marked).
/// If no thread can be started, `work` runs here: the depth limits still
/// apply, only the margin is smaller.
pub fn on_large_stack<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    if ON_LARGE_STACK.get() {
        return work();
    }
    // Kept here so the work can still run on this thread if no thread starts.
    let slot = std::sync::Mutex::new(Some(work));
    let take = || slot.lock().ok().and_then(|mut w| w.take());
    let ran = std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("scan".to_owned())
            .stack_size(LARGE_STACK)
            .spawn_scoped(scope, || {
                mark_large_stack();
                take().map(|work| work())
            });
        match spawned.map(|handle| handle.join()) {
            Ok(Ok(value)) => value,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(_) => None,
        }
    });
    match ran.or_else(|| take().map(|work| work())) {
        Some(value) => value,
        // Unreachable: the work is taken exactly once, by whichever ran it.
        None => std::panic::resume_unwind(Box::new("scan work lost")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_on_a_marked_thread_and_returns_the_value() {
        assert!(!ON_LARGE_STACK.get());
        assert_eq!(on_large_stack(|| (ON_LARGE_STACK.get(), 7)), (true, 7));
        mark_large_stack();
        let here = std::thread::current().id();
        assert_eq!(on_large_stack(|| std::thread::current().id()), here);
    }
}
