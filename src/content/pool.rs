//! Runs independent jobs (parsing one lesson or quiz file each, or one
//! piece of a long lesson) on the calling thread and one helper, which
//! take the next job from a shared source until none is left: loading a
//! course sits on the path to the learner's first frame, and its files
//! parse independently.
//!
//! One helper, not a pool sized to the machine: an ordinary course's jobs
//! take about a millisecond in all, less than starting many threads costs,
//! and the machines this runs on often have two cores.

use std::sync::{Mutex, PoisonError};

/// `work(0..count)`, in order. A panic in a job propagates, as it would
/// without the helper.
pub fn run_all<T: Send>(count: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    run_jobs(0..count, count > 1, work)
}

/// `work` on every job `jobs` yields, the results in the jobs' order. The
/// jobs are made as they are taken (under a lock), so the first ones are
/// worked on while the source is still finding the next. A panic in a job
/// or in the source propagates.
pub fn run_each<J, T: Send>(
    jobs: impl Iterator<Item = J> + Send,
    work: impl Fn(J) -> T + Sync,
) -> Vec<T> {
    run_jobs(jobs, true, work)
}

fn run_jobs<J, T: Send>(
    jobs: impl Iterator<Item = J> + Send,
    helper: bool,
    work: impl Fn(J) -> T + Sync,
) -> Vec<T> {
    let jobs = Mutex::new(jobs.enumerate());
    let done: Mutex<Vec<(usize, T)>> = Mutex::new(Vec::new());
    let drain = || loop {
        // A poisoned lock means a panic elsewhere, which the scope re-raises.
        let Some((i, job)) = jobs.lock().ok().and_then(|mut jobs| jobs.next()) else {
            break;
        };
        let result = work(job);
        done.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((i, result));
    };
    std::thread::scope(|scope| {
        if helper {
            // Without a thread (resource limits) the caller does every job.
            let _ = std::thread::Builder::new().spawn_scoped(scope, drain);
        }
        drain();
    });
    let mut done = done.into_inner().unwrap_or_else(PoisonError::into_inner);
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

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

    #[test]
    fn every_job_of_a_source_once_in_order() {
        let runs = AtomicUsize::new(0);
        let out = run_each((0..100).map(|i| i * 3), |j| {
            runs.fetch_add(1, Ordering::Relaxed);
            j + 1
        });
        assert_eq!(out, (0..100).map(|i| i * 3 + 1).collect::<Vec<_>>());
        assert_eq!(runs.load(Ordering::Relaxed), 100);
        assert!(run_each(std::iter::empty::<usize>(), |i| i).is_empty());
    }
}
