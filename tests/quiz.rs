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

/// The progress file once it holds an attempt at `question` (within 20 s).
fn progress_once_attempted(data: &Path, question: &str) -> Value {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let text = std::fs::read_to_string(data.join("progress.json")).unwrap_or_default();
        if let Ok(p) = serde_json::from_str::<Value>(&text) {
            let saved = p["courses"]["quiz-fixture"]["quizzes"]["q"]["questions"][question]
                .as_array()
                .is_some_and(|a| !a.is_empty());
            if saved {
                return p;
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no attempt at {question} saved: {text}"
        );
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
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

/// Every question of the embedded course, in every stage, draws at small
/// and usual sizes without panicking (real content, not only fixtures).
#[test]
fn every_embedded_question_draws_in_every_stage() {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    use serverless_tutor::content::quizfile::parse_quiz;
    use serverless_tutor::content::source::CourseSource;
    use serverless_tutor::quiz::session::{Now, QuizMsg};
    use serverless_tutor::quiz::{QuizSession, QuizView};
    use serverless_tutor::theme::{Theme, ThemeName};

    let source = CourseSource::Embedded;
    let manifest = String::from_utf8(source.read("course.toml").unwrap()).unwrap();
    let table: toml::Table = manifest.parse().unwrap();
    let mut quizzes = 0;
    for lesson in table["lessons"].as_array().unwrap() {
        let lesson = lesson.as_str().unwrap();
        let text =
            String::from_utf8(source.read(&format!("lessons/{lesson}.md")).unwrap()).unwrap();
        let Some(id) = text
            .lines()
            .find_map(|l| l.strip_prefix("quiz = \""))
            .map(|rest| rest.trim_end_matches('"').to_owned())
        else {
            continue;
        };
        let path = format!("quizzes/{id}.toml");
        let quiz_text = String::from_utf8(source.read(&path).unwrap()).unwrap();
        let (quiz, _) = parse_quiz(&id, &path, &quiz_text);
        let quiz = quiz.unwrap();
        quizzes += 1;
        let mut s = QuizSession::new(&quiz, Some(11), None);
        let theme = Theme::new(ThemeName::Dark, true);
        // Walk: choose something, then submit, then next; draw at each step.
        let walk = [
            QuizMsg::Key('f'),
            QuizMsg::Toggle,
            QuizMsg::Down,
            QuizMsg::Key('b'),
            QuizMsg::Right,
            QuizMsg::Key('1'),
            QuizMsg::Key('1'),
            QuizMsg::Key('1'),
            QuizMsg::Key('1'),
            QuizMsg::Key('1'),
            QuizMsg::Submit,
            QuizMsg::Submit,
            QuizMsg::Key('2'),
            QuizMsg::Submit,
        ];
        for _ in 0..quiz.questions.len() * 2 {
            for msg in &walk {
                s.update(msg.clone(), Now::current());
                for (w, h) in [(80, 24), (120, 40), (30, 8)] {
                    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
                    let view = QuizView::new(&s, theme);
                    term.draw(|f| f.render_widget(&view, f.area())).unwrap();
                }
                if s.current_question().is_none() {
                    break;
                }
            }
        }
        assert!(
            s.current_question().is_none(),
            "quiz {id} did not finish: {:?} {:?}",
            s.progress(),
            s.stage()
        );
    }
    assert!(quizzes >= 1, "the embedded course has quizzes");
}

#[test]
fn invalid_course_prints_its_problems_and_exits_1() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("serverless-tutor").unwrap();
    let out = cmd
        .args([
            "--course",
            "tests/fixtures/broken/answer-out-of-range",
            "--data-dir",
        ])
        .arg(data.path())
        .args(["quiz", "q", "--plain"])
        .write_stdin("A\n")
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains(": error: "), "{err}");
    assert!(out.get_output().stdout.is_empty(), "nothing asked");
    assert!(!data.path().join("progress.json").exists());
}

#[test]
fn without_a_terminal_the_tui_quiz_refuses_cleanly() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("serverless-tutor").unwrap();
    let out = cmd
        .args(["--course", COURSE, "--data-dir"])
        .arg(data.path())
        .args(["quiz", "q"])
        .write_stdin("")
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// The real binary in a pseudo-terminal: `quiz q` (the TUI), the choice
/// question answered, then one verdict question answered by key (fails,
/// two lines marked, a reason); the feedback on screen and the attempt on disk.
#[test]
fn tui_answers_a_verdict_question_by_key() {
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    let data = tempfile::tempdir().unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_serverless-tutor"));
    let course = Path::new(env!("CARGO_MANIFEST_DIR")).join(COURSE);
    cmd.arg("--course");
    cmd.arg(&course);
    cmd.arg("--data-dir");
    cmd.arg(data.path());
    // The theme is given, so the app asks the terminal nothing (this
    // harness does not answer; tests/tui.rs covers the question).
    cmd.args(["--theme", "dark", "quiz", "q", "--no-shuffle"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env(
        "SERVERLESS_TUTOR_CONFIG",
        data.path().join("no-config.toml"),
    );
    cmd.env_remove("SERVERLESS_TUTOR_DATA_DIR");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut writer = pty.master.take_writer().unwrap();
    let output = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&output);
    std::thread::spawn(move || {
        let _keep_master_open = pty.master;
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let screen = || {
        let mut parser = vt100::Parser::new(30, 100, 0);
        parser.process(&output.lock().unwrap());
        parser.screen().contents()
    };
    let wait_for = |text: &str| {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = screen();
            if s.contains(text) {
                return s;
            }
            assert!(Instant::now() < deadline, "never saw {text:?}:\n{s}");
            std::thread::sleep(Duration::from_millis(30));
        }
    };
    let mut send = |keys: &str| {
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(80));
    };

    wait_for("question 1 of 4");
    send("a");
    send("\r");
    wait_for("Enter next");
    send("\r");
    wait_for("question 2 of 4");
    send("f");
    wait_for("Mark the line(s) that break");
    send(" "); // line 1
    send("\x1b[B");
    send("\x1b[B");
    send(" "); // line 3
    send("\r");
    wait_for("Why does it fail?");
    send("2"); // in-memory-state
    let shown = wait_for("Your answer:");
    assert!(shown.contains("✔ Correct"), "{shown}");
    assert!(shown.contains("Lines: ✔ right"), "{shown}");
    assert!(
        shown.contains("fails, lines 1, 3, in-memory-state"),
        "{shown}"
    );
    // The app saves the attempt after drawing the frame that shows it.
    let p = progress_once_attempted(data.path(), "counter");
    let verdict = &attempts(&p, "counter")[0];
    assert_eq!(
        verdict["answer"],
        serde_json::json!({"type": "verdict", "verdict": "fails", "lines": [1, 3], "reason": "in-memory-state"})
    );
    assert_eq!(verdict["grade"]["reason_correct"], true);
    send("\x1b");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "exit status {status:?}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("did not exit:\n{}", screen());
        }
        std::thread::sleep(Duration::from_millis(30));
    }
}
