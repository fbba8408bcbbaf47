//! Export and class report, end to end: round trips, golden files for every
//! format, CSV injection, overwrite refusal, a report over a directory with
//! damaged and foreign files, and never panicking on arbitrary bytes.

use assert_cmd::Command;
use predicates::prelude::*;
use proptest::prelude::*;
use serverless_tutor::cli::ExportFormat;
use serverless_tutor::persist::export::testdata::{at, course, progress};
use serverless_tutor::persist::export::{
    build_export, parse_export, render, to_json, Export, ExportMeta,
};
use serverless_tutor::persist::progress::{CourseProgress, Progress};
use serverless_tutor::persist::report::{class_report, render_report};
use serverless_tutor::persist::store::ProgressStore;
use std::fs;
use std::path::Path;

fn meta(name: &str, minute: i64) -> ExportMeta {
    ExportMeta {
        learner: name.into(),
        exported_at: at(minute),
    }
}

fn sample_export() -> Export {
    build_export(&course(), &progress(), &meta("Ada Lovelace", 60))
}

/// Snapshots must not depend on the crate version.
fn stable(text: &str) -> String {
    text.replace(env!("CARGO_PKG_VERSION"), "<version>")
}

#[test]
fn progress_round_trips_through_the_store_and_an_export() {
    let tmp = tempfile::tempdir().unwrap();
    let store = ProgressStore::open(tmp.path()).unwrap().store;
    store
        .update(|p| {
            p.courses.insert("sample".into(), progress());
        })
        .unwrap();
    let saved: Progress = ProgressStore::read_only(tmp.path()).unwrap();
    let export = build_export(&course(), &saved.courses["sample"], &meta("Ada", 60));
    let back = parse_export(to_json(&export).as_bytes()).unwrap();
    assert_eq!(back, export);
    assert_eq!(back, sample_export_named("Ada"));
}

fn sample_export_named(name: &str) -> Export {
    build_export(&course(), &progress(), &meta(name, 60))
}

#[test]
fn golden_json() {
    insta::assert_snapshot!(
        "export_json",
        stable(&render(&sample_export(), ExportFormat::Json))
    );
}

#[test]
fn golden_csv() {
    insta::assert_snapshot!(
        "export_csv",
        stable(&render(&sample_export(), ExportFormat::Csv))
    );
}

#[test]
fn golden_markdown() {
    insta::assert_snapshot!(
        "export_md",
        stable(&render(&sample_export(), ExportFormat::Md))
    );
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised() {
    let export = build_export(
        &course(),
        &progress(),
        &meta("=HYPERLINK(\"http://x\")", 60),
    );
    let csv = render(&export, ExportFormat::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6, "one row per question");
    for row in &rows {
        assert_eq!(&row[0], "'=HYPERLINK(\"http://x\")");
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unguarded cell {cell:?}"
            );
        }
    }
    // The prompt of `listen` starts with `=cmd|...`.
    let listen = rows.iter().find(|r| &r[5] == "listen").unwrap();
    assert!(listen[7].starts_with("'=cmd|"), "{:?}", &listen[7]);
}

fn class_exports() -> Vec<Export> {
    let mut all_right = progress();
    for attempts in all_right
        .quizzes
        .values_mut()
        .flat_map(|q| q.questions.values_mut())
    {
        for a in attempts.iter_mut() {
            a.grade.correct = true;
        }
    }
    vec![
        build_export(&course(), &progress(), &meta("Ada", 60)),
        build_export(&course(), &all_right, &meta("Bob", 61)),
        build_export(&course(), &CourseProgress::default(), &meta("Cy", 62)),
    ]
}

#[test]
fn golden_class_report_in_every_format() {
    let exports = class_exports();
    let report = class_report(&exports[0].course, &exports);
    for (name, format) in [
        ("report_md", ExportFormat::Md),
        ("report_csv", ExportFormat::Csv),
        ("report_json", ExportFormat::Json),
    ] {
        insta::assert_snapshot!(name, stable(&render_report(&report, format)));
    }
}

fn write_class(dir: &Path) {
    for (i, e) in class_exports().iter().enumerate() {
        fs::write(dir.join(format!("learner-{i}.json")), to_json(e)).unwrap();
    }
    // Ada again, older: the newer one counts.
    let old = build_export(&course(), &CourseProgress::default(), &meta("Ada", 1));
    fs::write(dir.join("ada-old.json"), to_json(&old)).unwrap();
    fs::write(
        dir.join("corrupt.json"),
        b"{\"format\":\"serverless-tutor-exp",
    )
    .unwrap();
    fs::write(dir.join("empty.json"), b"").unwrap();
    fs::write(dir.join("other-tool.json"), b"{\"name\":\"package\"}").unwrap();
    let mut foreign = sample_export();
    foreign.course.version = "2.0".into();
    fs::write(dir.join("foreign.json"), to_json(&foreign)).unwrap();
    fs::write(dir.join("notes.txt"), b"not looked at").unwrap();
}

fn bin() -> Command {
    let mut cmd = Command::cargo_bin("serverless-tutor").unwrap();
    cmd.env_remove("SERVERLESS_TUTOR_DATA_DIR")
        .env("SERVERLESS_TUTOR_CONFIG", "/nonexistent/config.toml");
    cmd
}

#[test]
fn report_over_a_directory_leaves_out_damaged_and_foreign_files() {
    let tmp = tempfile::tempdir().unwrap();
    write_class(tmp.path());
    let out = bin()
        .arg("report")
        .arg(tmp.path())
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stdout,
        "learner,exported_at,state,red-flags,overall\n\
         Ada,2026-12-04T19:00:00Z,50.0,0.0,33.3\n\
         Bob,2026-12-04T19:01:00Z,75.0,50.0,66.7\n\
         Cy,2026-12-04T19:02:00Z,,,0.0\n"
    );
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(warnings.len(), 4, "{stderr}");
    for name in [
        "corrupt.json",
        "empty.json",
        "other-tool.json",
        "foreign.json",
    ] {
        assert!(
            warnings
                .iter()
                .any(|w| w.contains(name) && w.ends_with("left out")),
            "{name} not named: {stderr}"
        );
    }
    assert!(
        stderr.contains("ada-old.json: an older export of Ada"),
        "{stderr}"
    );
}

#[test]
fn report_with_no_usable_file_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("junk.json"), b"\0\0").unwrap();
    bin()
        .arg("report")
        .arg(tmp.path().join("*.json"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("junk.json: not JSON"))
        .stderr(predicate::str::contains("no usable export among 1 file(s)"));
}

#[test]
fn report_refuses_to_overwrite_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    write_class(tmp.path());
    let out = tmp.path().join("class.md");
    fs::write(&out, "keep me").unwrap();
    bin()
        .arg("report")
        .arg(tmp.path().join("learner-*.json"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "already exists; pass --force to overwrite it",
        ));
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");
    bin()
        .arg("report")
        .arg(tmp.path().join("learner-*.json"))
        .arg("--out")
        .arg(&out)
        .arg("--force")
        .assert()
        .success()
        .stderr(predicate::str::contains("(3 learners)"));
    let written = fs::read_to_string(&out).unwrap();
    assert!(
        written.starts_with("# Class report — Sample course"),
        "{written}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_as_an_export_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_export(&bytes);
    }

    #[test]
    fn a_damaged_real_export_never_panics(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
        let mut bytes = to_json(&sample_export()).into_bytes();
        let len = bytes.len();
        bytes[flip % len] = byte;
        bytes.truncate(cut % (len + 1));
        let _ = parse_export(&bytes);
    }

    #[test]
    fn arbitrary_bytes_as_a_progress_file_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("progress.json"), &bytes).unwrap();
        let _ = ProgressStore::read_only(tmp.path());
        let opened = ProgressStore::open(tmp.path());
        prop_assert!(opened.is_ok());
    }
}

fn export_cmd(data_dir: &Path) -> Command {
    let mut cmd = bin();
    cmd.env("SERVERLESS_TUTOR_NOW", "2026-12-04T19:00:00Z")
        .arg("--data-dir")
        .arg(data_dir)
        .arg("export");
    cmd
}

#[test]
fn export_of_the_embedded_course_reads_the_recorded_progress() {
    let tmp = tempfile::tempdir().unwrap();
    // First, an export with no progress at all: every question unanswered.
    let out = export_cmd(tmp.path())
        .args(["--name", "Ada"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let empty = parse_export(&out.stdout).unwrap();
    assert_eq!(empty.learner, "Ada");
    assert_eq!(empty.exported_at, at(60));
    assert!(!empty.quizzes.is_empty());
    assert!(empty.quizzes.iter().all(|q| q.answered == 0));

    // Record one right answer to the first question, as the app would.
    let quiz = &empty.quizzes[0];
    let question = &quiz.items[0];
    let store = ProgressStore::open(tmp.path()).unwrap().store;
    store
        .update(|p| {
            let attempt = serverless_tutor::persist::export::testdata::attempt(
                1,
                question.correct_answer.answer.clone(),
                serverless_tutor::quiz::answer::Grade {
                    correct: true,
                    ..Default::default()
                },
                3,
            );
            p.courses
                .entry(empty.course.id.clone())
                .or_default()
                .quizzes
                .entry(quiz.id.clone())
                .or_default()
                .questions
                .insert(question.id.clone(), vec![attempt]);
        })
        .unwrap();
    let out = export_cmd(tmp.path())
        .args(["--name", "Ada"])
        .output()
        .unwrap();
    let after = parse_export(&out.stdout).unwrap();
    assert_eq!(after.quizzes[0].answered, 1);
    assert_eq!(after.quizzes[0].first_try_correct, 1);
    assert!(after.quizzes[0].items[0].first_try_correct);
    assert_eq!(after.course, empty.course);
}

#[test]
fn export_refuses_to_overwrite_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("results.csv");
    fs::write(&out, "keep me").unwrap();
    export_cmd(tmp.path())
        .args(["--format", "csv", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "results.csv already exists; pass --force to overwrite it",
        ));
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");
    export_cmd(tmp.path())
        .args(["--format", "csv", "--force", "--name", "@Ada", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("wrote "));
    let csv = fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with("learner,exported_at,course_id,"), "{csv}");
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.starts_with("'@Ada,2026-12-04T19:00:00Z,")),
        "{csv}"
    );
}

#[test]
fn export_of_a_damaged_progress_file_fails_without_moving_it() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("progress.json"), b"{\"schema_version\":1,").unwrap();
    export_cmd(tmp.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not valid JSON"));
    assert!(tmp.path().join("progress.json").exists());
}

#[test]
fn export_markdown_to_stdout_with_dash() {
    let tmp = tempfile::tempdir().unwrap();
    export_cmd(tmp.path())
        .args(["--format", "md", "--out", "-", "--name", "Ada"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Report card — "))
        .stdout(predicate::str::contains("- Learner: Ada\n"));
}
