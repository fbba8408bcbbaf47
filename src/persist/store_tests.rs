//! Tests for the progress store: damaged files, newer files, concurrent
//! instances and threads.

use super::*;
use crate::persist::progress::{Attempt, LessonProgress};
use crate::quiz::answer::{Answer, Grade};
use std::sync::Arc;

fn attempt(n: u32) -> Attempt {
    Attempt {
        attempt: n,
        answer: Answer::Choice { selected: vec![1] },
        grade: Grade {
            correct: true,
            ..Grade::default()
        },
        time_ms: 1200,
        at: chrono::DateTime::from_timestamp(1_780_000_000, 0).unwrap_or_default(),
        seed: None,
    }
}

fn record(p: &mut Progress, quiz: &str, question: &str) {
    let course = p.courses.entry("course".into()).or_default();
    let q = course.quizzes.entry(quiz.into()).or_default();
    let attempts = q.questions.entry(question.into()).or_default();
    attempts.push(attempt(attempts.len() as u32 + 1));
}

fn corrupt_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains("progress.json.corrupt-"))
        .collect();
    v.sort();
    v
}

#[test]
fn a_fresh_directory_is_created_and_starts_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("a/b");
    let opened = ProgressStore::open(&dir).unwrap();
    assert!(dir.is_dir());
    assert_eq!(opened.progress, Progress::default());
    assert_eq!(opened.notice, None);
}

#[test]
fn updates_are_saved_and_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    let store = ProgressStore::open(tmp.path()).unwrap().store;
    let saved = store
        .update(|p| {
            let c = p.courses.entry("course".into()).or_default();
            c.last_lesson = Some("02-state".into());
            c.lessons.insert(
                "02-state".into(),
                LessonProgress {
                    read: true,
                    ..LessonProgress::default()
                },
            );
        })
        .unwrap();
    let again = ProgressStore::open(tmp.path()).unwrap();
    assert_eq!(again.progress, saved);
    assert_eq!(again.notice, None);
    assert_eq!(store.load(), saved);
    assert_eq!(ProgressStore::read_only(tmp.path()).unwrap(), saved);
}

fn open_with_file(content: &[u8]) -> (tempfile::TempDir, Opened) {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join(PROGRESS_FILE), content).unwrap();
    let opened = ProgressStore::open(tmp.path()).unwrap();
    (tmp, opened)
}

#[test]
fn each_damaged_file_is_moved_aside_with_a_notice() {
    let cases: [(&[u8], &str); 5] = [
        (b"", "is empty"),
        (b"\0\0\0\0\0\0", "NUL bytes"),
        (
            br#"{"schema_version":1,"courses":{"course":{"las"#,
            "not valid JSON",
        ),
        (br#"{"schema_version":1,"courses":[]}"#, "schema"),
        (br#"{"version":"1.0"}"#, "schema"),
    ];
    for (content, expected) in cases {
        let (tmp, opened) = open_with_file(content);
        assert_eq!(opened.progress, Progress::default(), "starts fresh");
        let notice = opened.notice.expect("a notice, never a silent reset");
        assert!(notice.contains(expected), "{notice:?} lacks {expected:?}");
        assert!(!notice.contains('\n'), "one line: {notice:?}");
        let aside = corrupt_files(tmp.path());
        assert_eq!(aside.len(), 1, "moved aside: {aside:?}");
        assert!(notice.contains(&aside[0].display().to_string()), "{notice}");
        assert_eq!(fs::read(&aside[0]).unwrap(), content, "kept byte for byte");
        assert!(!tmp.path().join(PROGRESS_FILE).exists());
    }
}

#[test]
fn a_file_from_a_newer_version_is_moved_aside_not_overwritten() {
    let newer = br#"{"schema_version":99,"learner":{"shiny":true}}"#;
    let (tmp, opened) = open_with_file(newer);
    let notice = opened.notice.unwrap();
    assert!(notice.contains("newer"), "{notice}");
    opened.store.update(|p| record(p, "q", "a")).unwrap();
    let aside = corrupt_files(tmp.path());
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(&aside[0]).unwrap(), newer);
}

#[test]
fn damage_twice_in_one_second_keeps_both_copies() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(PROGRESS_FILE);
    fs::write(&path, b"one").unwrap();
    ProgressStore::open(tmp.path()).unwrap();
    fs::write(&path, b"two").unwrap();
    ProgressStore::open(tmp.path()).unwrap();
    let aside = corrupt_files(tmp.path());
    assert_eq!(aside.len(), 2, "{aside:?}");
}

#[test]
fn damage_between_saves_is_reported_and_the_known_progress_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let store = ProgressStore::open(tmp.path()).unwrap().store;
    store.update(|p| record(p, "q", "a")).unwrap();
    fs::write(store.path(), b"{\"schema_vers").unwrap();
    let saved = store.update(|p| record(p, "q", "b")).unwrap();
    let quiz = &saved.courses["course"].quizzes["q"];
    assert_eq!(quiz.questions.len(), 2, "a is kept, b is added");
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("not valid JSON"));
    assert!(store.take_notices().is_empty());
    assert_eq!(corrupt_files(tmp.path()).len(), 1);
}

#[test]
fn read_only_reports_damage_without_moving_anything() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(
        ProgressStore::read_only(tmp.path()).unwrap(),
        Progress::default()
    );
    fs::write(tmp.path().join(PROGRESS_FILE), b"\0").unwrap();
    let err = ProgressStore::read_only(tmp.path()).unwrap_err();
    assert!(err.to_string().contains("NUL bytes"), "{err}");
    assert!(corrupt_files(tmp.path()).is_empty());
}

#[test]
fn two_instances_interleaving_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let a = ProgressStore::open(tmp.path()).unwrap().store;
    let b = ProgressStore::open(tmp.path()).unwrap().store;
    a.update(|p| record(p, "q1", "x")).unwrap();
    b.update(|p| record(p, "q2", "y")).unwrap();
    a.update(|p| record(p, "q1", "x")).unwrap();
    let last = b.update(|p| record(p, "q2", "z")).unwrap();
    let course = &last.courses["course"];
    assert_eq!(course.quizzes["q1"].questions["x"].len(), 2);
    assert_eq!(course.quizzes["q2"].questions["y"].len(), 1);
    assert_eq!(course.quizzes["q2"].questions["z"].len(), 1);
    assert_eq!(a.load(), last);
}

#[test]
fn threads_updating_at_once_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let shared = Arc::new(ProgressStore::open(tmp.path()).unwrap().store);
    let mut handles = Vec::new();
    for t in 0..4 {
        let shared = Arc::clone(&shared);
        let dir = tmp.path().to_owned();
        handles.push(std::thread::spawn(move || {
            // Half the threads share one store, half open their own instance.
            let own = ProgressStore::open(&dir).unwrap().store;
            let store = if t % 2 == 0 { &*shared } else { &own };
            for _ in 0..10 {
                store.update(|p| record(p, "q", &format!("t{t}"))).unwrap();
            }
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    let p = shared.load();
    let q = &p.courses["course"].quizzes["q"];
    for t in 0..4 {
        let attempts = &q.questions[&format!("t{t}")];
        assert_eq!(attempts.len(), 10);
        let numbers: Vec<u32> = attempts.iter().map(|a| a.attempt).collect();
        assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    }
    assert!(corrupt_files(tmp.path()).is_empty());
}

#[test]
fn a_leftover_temp_file_from_a_crash_is_harmless() {
    let tmp = tempfile::tempdir().unwrap();
    let store = ProgressStore::open(tmp.path()).unwrap().store;
    let saved = store.update(|p| record(p, "q", "a")).unwrap();
    fs::write(
        tmp.path().join(".tmpAbC123"),
        b"{\"schema_version\":1,\"cou",
    )
    .unwrap();
    let opened = ProgressStore::open(tmp.path()).unwrap();
    assert_eq!(opened.progress, saved);
    assert_eq!(opened.notice, None);
}

#[test]
fn an_unwritable_directory_is_an_error_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-dir");
    fs::write(&file, b"x").unwrap();
    assert!(ProgressStore::open(&file).is_err());
    assert!(ProgressStore::read_only(&file).is_err());
}
