//! End to end: `serverless-tutor quiz ... --plain` on a fixture course with a
//! scripted stdin; the score line and the attempts recorded in progress.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const COURSE: &str = "tests/fixtures/quiz-course";

fn quiz(data: &Path, stdin: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    let mut cmd = Command::cargo_bin("serverless-tutor").unwrap();
    cmd.args(["--course", COURSE, "--data-dir"])
        .arg(data)
        .args(["quiz", "q", "--plain"])
        .args(extra)
        .env_remove("SERVERLESS_TUTOR_DATA_DIR")
        .env("NO_COLOR", "1")
        .write_stdin(stdin.to_owned())
        .assert()
}

fn progress(data: &Path) -> Value {
    let text = std::fs::read_to_string(data.join("progress.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn attempts<'a>(p: &'a Value, question: &str) -> &'a Vec<Value> {
    p["courses"]["quiz-fixture"]["quizzes"]["q"]["questions"][question]
        .as_array()
        .unwrap()
}

#[test]
fn whole_quiz_in_line_mode_scores_and_records_every_attempt() {
    let data = tempfile::tempdir().unwrap();
    let out = quiz(
        data.path(),
        "A\nfails 1 memory\nleft\nauth=functions, streaming=functions\n",
        &["--no-shuffle"],
    )
    .success()
    .get_output()
    .stdout
    .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.ends_with("score: 2/4\n"), "{out}");
    assert!(out.contains("Question 2 of 4 (works or fails?)"));
    assert!(out.contains("❌ 1 | let hits = 0;"), "{out}");
    assert!(!out.contains('\u{1b}'), "no escape codes when piped");

    let p = progress(data.path());
    let pick = attempts(&p, "pick");
    assert_eq!(pick.len(), 1);
    assert_eq!(pick[0]["attempt"], 1);
    assert_eq!(
        pick[0]["answer"],
        serde_json::json!({"type": "choice", "selected": [0]})
    );
    assert_eq!(pick[0]["grade"]["correct"], true);
    assert_eq!(pick[0]["seed"], Value::Null);
    let counter = &attempts(&p, "counter")[0];
    assert_eq!(
        counter["answer"],
        serde_json::json!({"type": "verdict", "verdict": "fails", "lines": [1], "reason": "in-memory-state"})
    );
    assert_eq!(counter["grade"]["lines_correct"], true);
    assert_eq!(counter["grade"]["reason_correct"], true);
    assert_eq!(attempts(&p, "export")[0]["grade"]["correct"], false);
    let placed = &attempts(&p, "where")[0];
    assert_eq!(placed["answer"]["targets"], serde_json::json!([0, 0]));
    assert_eq!(placed["grade"]["items_correct"], 1);
    assert!(placed["at"].as_str().is_some_and(|s| s.starts_with("20")));
    assert!(placed["time_ms"].is_u64());
}

#[test]
fn second_run_numbers_attempts_on_and_keeps_the_seed() {
    let data = tempfile::tempdir().unwrap();
    quiz(data.path(), "A\n", &["--seed", "7"]).success();
    let out = quiz(data.path(), "B\n", &["--seed", "7"]).success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let p = progress(data.path());
    let pick = attempts(&p, "pick");
    let right = usize::from(pick[1]["grade"]["correct"] == true);
    let tail = format!("End of input: 1 of 4 questions answered.\nscore: {right}/4\n");
    assert!(text.ends_with(&tail), "{text}");
    assert_eq!(pick.len(), 2);
    assert_eq!(pick[1]["attempt"], 2);
    assert_eq!(pick[1]["seed"], 7);
    assert_eq!(p["courses"]["quiz-fixture"]["quizzes"]["q"]["seed"], 7);
    assert!(attempts(&p, "pick")
        .iter()
        .all(|a| a["answer"]["type"] == "choice"));
}

#[test]
fn wrong_input_is_reasked_and_eof_ends_cleanly() {
    let data = tempfile::tempdir().unwrap();
    let out = quiz(data.path(), "Q\nA\nfails\n", &["--no-shuffle"]).success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("Not understood (\"Q\" is not one of the options). Please answer with one letter (A to C), e.g. B."), "{text}");
    assert!(
        text.contains("Not understood (say which lines fail, e.g. 3 or 3-5)"),
        "{text}"
    );
    assert!(
        text.ends_with("End of input: 1 of 4 questions answered.\nscore: 1/4\n"),
        "{text}"
    );
    assert_eq!(attempts(&progress(data.path()), "pick").len(), 1);
}

#[test]
fn unknown_quiz_is_a_usage_error() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("serverless-tutor").unwrap();
    let out = cmd
        .args(["--course", COURSE, "--data-dir"])
        .arg(data.path())
        .args(["quiz", "nope", "--plain"])
        .write_stdin("")
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("unknown quiz \"nope\""), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
