use super::*;
use std::path::Path;

fn write(root: &Path, rel: &str, text: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

fn course(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (rel, text) in files {
        write(dir.path(), rel, text.as_bytes());
    }
    dir
}

const MANIFEST: &str =
    "id = \"c\"\ntitle = \"C\"\nversion = \"1.0\"\nlessons = [\"one\", \"two\"]\n";
const QUIZ: &str = "[[questions]]\nid = \"a\"\ntype = \"choice\"\nprompt = \"p\"\nexplanation = \"e\"\noptions = [\"x\", \"y\"]\nanswer = 0\n";

fn rendered(loaded: &Loaded) -> Vec<String> {
    loaded
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}: {}: {}",
                d.path, d.line, d.col, d.severity, d.message
            )
        })
        .collect()
}

#[test]
fn a_clean_course_loads_in_order() {
    let dir = course(&[
        ("course.toml", MANIFEST),
        (
            "lessons/one.md",
            "+++\ntitle = \"One\"\nquiz = \"q1\"\n+++\nbody\n",
        ),
        ("lessons/two.md", "+++\ntitle = \"Two\"\n+++\n"),
        ("quizzes/q1.toml", QUIZ),
    ]);
    let (course, warnings) = load_checked(&CourseSource::Dir(dir.path().into())).expect("clean");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        course
            .lessons
            .iter()
            .map(|l| l.title.as_str())
            .collect::<Vec<_>>(),
        ["One", "Two"]
    );
    assert_eq!(course.quizzes.len(), 1);
    assert_eq!(
        course
            .quiz_for(&course.lessons[0])
            .map(|q| q.questions.len()),
        Some(1)
    );
}

#[test]
fn every_problem_is_reported() {
    let dir = course(&[
        ("course.toml", "id = \"c\"\ntitle = \"C\"\nversion = \"1.0\"\nlessons = [\"one\", \"gone\", \"one\"]\n"),
        ("lessons/one.md", "+++\ntitle = \"One\"\nquiz = \"nope\"\n+++\n"),
        ("lessons/extra.md", "+++\ntitle = \"Extra\"\n+++\n"),
    ]);
    let loaded = load_course(&CourseSource::Dir(dir.path().into()));
    assert_eq!(
        rendered(&loaded),
        vec![
            "course.toml:4:19: error: lesson `gone` is listed but lessons/gone.md does not exist",
            "course.toml:4:27: error: duplicate lesson id `one` in `lessons`",
            "lessons/extra.md:0:0: warning: not listed in course.toml `lessons`, so it is not part of the course",
            "lessons/one.md:3:8: error: quiz `nope` is referenced but quizzes/nope.toml does not exist",
        ]
    );
    assert!(loaded.has_errors());
}

#[test]
fn a_broken_manifest_still_checks_the_lessons() {
    let dir = course(&[
        ("course.toml", "id = \"c\"\ntitle = \"C\"\nlessons = []\n"),
        ("lessons/one.md", "no front matter\n"),
    ]);
    let loaded = load_course(&CourseSource::Dir(dir.path().into()));
    assert!(loaded.course.is_none());
    assert_eq!(
        rendered(&loaded),
        vec![
            "course.toml:1:1: error: missing field `version`",
            "lessons/one.md:1:1: error: a lesson starts with front matter between `+++` lines (at least `title = \"...\"`)",
        ]
    );
}

#[test]
fn bad_bytes_are_clear_errors() {
    let dir = course(&[(
        "course.toml",
        "id = \"c\"\ntitle = \"C\"\nversion = \"1\"\nlessons = [\"a\", \"b\", \"c\"]\n",
    )]);
    write(
        dir.path(),
        "lessons/a.md",
        b"+++\ntitle = \"A\"\n+++\ncaf\xff\n",
    );
    write(dir.path(), "lessons/b.md", b"+++\ntitle = \"B\0\"\n+++\n");
    write(dir.path(), "lessons/c.md", b"");
    let loaded = load_course(&CourseSource::Dir(dir.path().into()));
    assert_eq!(
        rendered(&loaded),
        vec![
            "lessons/a.md:4:4: error: invalid UTF-8: byte 0xFF (save the file as UTF-8)",
            "lessons/b.md:2:11: error: file contains a NUL byte (is it a binary file?)",
            "lessons/c.md:0:0: error: file is empty",
        ]
    );
}

#[test]
fn a_fifty_megabyte_file_is_refused_quickly() {
    let dir = course(&[(
        "course.toml",
        "id = \"c\"\ntitle = \"C\"\nversion = \"1\"\nlessons = [\"big\"]\n",
    )]);
    let f = std::fs::File::create(dir.path().join("lessons/big.md"))
        .or_else(|_| {
            std::fs::create_dir_all(dir.path().join("lessons"))?;
            std::fs::File::create(dir.path().join("lessons/big.md"))
        })
        .expect("create");
    f.set_len(50 * 1024 * 1024).expect("set_len");
    let start = std::time::Instant::now();
    let loaded = load_course(&CourseSource::Dir(dir.path().into()));
    assert!(start.elapsed().as_secs() < 2);
    assert_eq!(
        rendered(&loaded),
        vec!["lessons/big.md:0:0: error: file is too large (52428800 bytes; the limit is 8388608 bytes)"]
    );
}

#[test]
fn a_missing_directory_has_no_manifest() {
    let loaded = load_course(&CourseSource::Dir("/nonexistent/course".into()));
    assert_eq!(
        rendered(&loaded),
        vec!["course.toml:0:0: error: file not found: a course directory needs a course.toml"]
    );
}
