//! Runs independent jobs (parsing one lesson or quiz file each) on the
//! calling thread and one helper, which take the next job from a shared
//! counter until none is left: loading a course sits on the path to the
//! learner's first frame, and its files parse independently.
//!
//! One helper, not a pool sized to the machine: the jobs take about a
//! millisecond in all, which is less than starting many threads costs.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// `work(0..count)`, in order. A panic in a job propagates, as it would
/// without the helper.
pub fn run_all<T: Send>(count: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<T>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let drain = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(slot) = slots.get(i) else { break };
        let result = work(i);
        if let Ok(mut slot) = slot.lock() {
            *slot = Some(result);
        }
    };
    std::thread::scope(|scope| {
        if count > 1 {
            // Without a thread (resource limits) the caller does every job.
            let _ = std::thread::Builder::new().spawn_scoped(scope, drain);
        }
        drain();
    });
    slots
        .into_iter()
        .enumerate()
        .map(|(i, slot)| {
            let done = slot.into_inner().ok().flatten();
            done.unwrap_or_else(|| work(i))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_once_in_order() {
        let runs = AtomicUsize::new(0);
        let out = run_all(100, |i| {
            runs.fetch_add(1, Ordering::Relaxed);
            i * 2
        });
        assert_eq!(out, (0..100).map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(runs.load(Ordering::Relaxed), 100);
        assert!(run_all(0, |i| i).is_empty());
    }
}
