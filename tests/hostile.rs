//! The product from the outside, fed what nobody here wrote: real-world
//! markdown at extreme widths, escape sequences and other control text in
//! every kind of course file, broken course directories, corrupt progress
//! files, pathological JavaScript, files that are not files (FIFOs,
//! `/dev/zero`), and a terminal that goes away. Each test here is a failure
//! found by trying the binary (or a guard against one): no panic, no hang,
//! no foreign escape byte on the terminal, one clear line for the user.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::Duration;
use unicode_width::UnicodeWidthStr;

const BIN: &str = env!("CARGO_BIN_EXE_serverless-tutor");

fn cmd(data: &Path) -> Command {
    let mut c = Command::cargo_bin("serverless-tutor").unwrap();
    c.arg("--data-dir")
        .arg(data)
        .env("SERVERLESS_TUTOR_CONFIG", data.join("no-config.toml"))
        .env_remove("NO_COLOR")
        .timeout(Duration::from_secs(60));
    c
}

fn real_world() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-world");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "SOURCES.md"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "fixtures missing: {files:?}");
    files
}

/// Removes the renderer's own SGR (`ESC [ … m`) and OSC 8 hyperlink
/// sequences; whatever ESC is left came from the content.
fn strip_own_sequences(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\x1b') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let sgr_len = tail
            .strip_prefix("\x1b[")
            .and_then(|t| {
                t.find(|c: char| !(c.is_ascii_digit() || c == ';'))
                    .map(|n| (t, n))
            })
            .filter(|(t, n)| t[*n..].starts_with('m'))
            .map(|(_, n)| n + 3);
        let osc8_len = tail.strip_prefix("\x1b]8;").and_then(|t| {
            t.find("\x1b\\")
                .map(|n| n + 6)
                .or_else(|| t.find('\x07').map(|n| n + 5))
        });
        match sgr_len.or(osc8_len) {
            Some(n) => rest = &tail[n..],
            None => {
                // Keep the foreign ESC so the caller sees it.
                out.push('\x1b');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every line fits `width` (display width) and no control character, C1 or
/// bidi override is left.
fn assert_safe_output(what: &str, stdout: &[u8], width: usize, colour: bool) {
    let text = String::from_utf8(stdout.to_vec()).unwrap_or_else(|e| panic!("{what}: {e}"));
    if !colour {
        assert!(!text.contains('\x1b'), "{what}: ESC with --color never");
    }
    let plain = strip_own_sequences(&text);
    for (n, line) in plain.lines().enumerate() {
        if let Some(bad) = line.chars().find(|&c| is_unsafe(c)) {
            panic!("{what}: line {n} has {bad:?}: {line:?}");
        }
        assert!(
            line.width() <= width,
            "{what}: line {n} is {} wide (> {width}): {line:?}",
            line.width()
        );
    }
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

#[test]
fn real_world_readmes_fit_every_width_without_foreign_escapes() {
    let data = tempfile::tempdir().unwrap();
    for file in real_world() {
        for (width, colour) in [
            (1, false),
            (5, false),
            (20, false),
            (40, true),
            (80, false),
            (300, true),
        ] {
            let out = cmd(data.path())
                .arg("render")
                .arg(&file)
                .args(["--width", &width.to_string()])
                .args(["--color", if colour { "always" } else { "never" }])
                .output()
                .unwrap();
            let what = format!("{} at {width}", file.display());
            assert!(
                out.status.success(),
                "{what}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_safe_output(&what, &out.stdout, width, colour);
        }
    }
}

/// Markdown with every kind of text a terminal could act on.
fn hostile_markdown() -> Vec<(&'static str, Vec<u8>)> {
    let esc = "\x1b[2J\x1b]52;c;SGVsbG8=\x07\x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\ \u{9b}31m \u{202e}rtl\u{202c}";
    vec![
        (
            "escapes everywhere",
            format!(
                "# H {esc}\n\nP {esc}\n\n```js\nconst a = \"{esc}\";\n```\n\n| a {esc} | b |\n|---|---|\n| {esc} | c |\n\n[t {esc}](http://a{esc} \"{esc}\")\n\n![alt {esc}](i.png)\n\n> q {esc}\n\n- [x] {esc}\n"
            )
            .into_bytes(),
        ),
        ("nul and invalid utf-8", b"a\x00b \xff\xfe \xc3\x28\n\n# h\x00\n\n`c\x00d`\n".to_vec()),
        ("crlf and tabs", b"# T\r\n\r\n- a\r\n\ta\tb\tc\r\n\r\n```\r\n\t\tx\r\n```\r\n".to_vec()),
        ("10k nested quotes", format!("{} x\n", ">".repeat(10_000)).into_bytes()),
        ("10k nested lists", format!("{}x\n", "- ".repeat(10_000)).into_bytes()),
        ("deep emphasis", format!("{}x{}\n", "*".repeat(5_000), "*".repeat(5_000)).into_bytes()),
        (
            "zwj, vs16, combining, cjk",
            "👨\u{200d}👩\u{200d}👧 🏳\u{fe0f}\u{200d}🌈 🛠\u{fe0f} ⚠\u{fe0f} e\u{301}\u{301}\u{301} 漢字かな Z\u{336}\u{337}\u{338}\n\n| 👨\u{200d}👩\u{200d}👧 | ⚠\u{fe0f} |\n|---|---|\n| 漢字 | e\u{301} |\n"
                .repeat(20)
                .into_bytes(),
        ),
        (
            "a 200-column table",
            {
                let row = |f: &dyn Fn(usize) -> String| {
                    format!("|{}|\n", (0..200).map(f).collect::<Vec<_>>().join("|"))
                };
                let mut t = row(&|i| format!("c{i}"));
                t += &row(&|_| "---".into());
                t += &row(&|i| format!("value {i} with words"));
                t.into_bytes()
            },
        ),
        ("a 200 kB single line", "word ".repeat(40_000).into_bytes()),
        ("separators", "line\u{2028}sep\u{2029}para \u{85} nel \u{feff}bom\n".as_bytes().to_vec()),
    ]
}

#[test]
fn hostile_markdown_renders_safely_at_any_width() {
    let data = tempfile::tempdir().unwrap();
    for (name, bytes) in hostile_markdown() {
        let path = data.path().join("hostile.md");
        std::fs::write(&path, &bytes).unwrap();
        for (width, colour) in [(1, true), (7, false), (80, true)] {
            let out = cmd(data.path())
                .arg("render")
                .arg(&path)
                .args(["--width", &width.to_string()])
                .args(["--color", if colour { "always" } else { "never" }])
                .output()
                .unwrap();
            let what = format!("{name} at {width}");
            assert!(
                out.status.success(),
                "{what}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_safe_output(&what, &out.stdout, width, colour);
        }
    }
}

/// A valid course whose every string carries escape sequences.
fn hostile_course(root: &Path) {
    std::fs::create_dir_all(root.join("lessons")).unwrap();
    std::fs::create_dir_all(root.join("quizzes")).unwrap();
    let e = r"\u001b[2J\u001b]52;c;SGVsbG8=\u0007\u009b31m\u202e";
    std::fs::write(
        root.join("course.toml"),
        format!("id = \"evil\"\ntitle = \"T {e}\"\nversion = \"1\"\nlessons = [\"a\"]\n"),
    )
    .unwrap();
    let raw = "\x1b[2J\x1b]52;c;SGVsbG8=\x07\u{9b}31m\u{202e}";
    std::fs::write(
        root.join("lessons/a.md"),
        format!("+++\ntitle = \"L {e}\"\nquiz = \"a\"\n+++\n\n# Head {raw}\n\nPara {raw}\n\n```js\nconst x = \"{raw}\";\n```\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("quizzes/a.toml"),
        format!(
            r#"title = "Q {e}"
[[questions]]
id = "q1"
type = "choice"
prompt = "P {e}"
explanation = "E {e}"
options = ["a {e}", "b \u0000", "c \u0085"]
answer = 1
feedback = ["f {e}", "g", "h"]

[[questions]]
id = "q2"
type = "verdict"
prompt = "V {e}"
explanation = "x"
code = "app.listen(3000); // {e}\nconst y = 1;"
lang = "js"
answer = "fails"
lines = [1]
reason = "persistent-server"
"#
        ),
    )
    .unwrap();
}

fn assert_no_control(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some(bad) = text.chars().find(|&c| c != '\n' && is_unsafe(c)) {
        panic!("{what}: {bad:?} reached the output:\n{text}");
    }
}

#[test]
fn escapes_in_a_course_never_reach_validate_quiz_or_render() {
    let data = tempfile::tempdir().unwrap();
    let course = data.path().join("course");
    hostile_course(&course);
    let out = cmd(data.path())
        .arg("--course")
        .arg(&course)
        .arg("validate")
        .output()
        .unwrap();
    assert_no_control("validate", &out.stdout);
    assert_no_control("validate stderr", &out.stderr);
    let out = cmd(data.path())
        .arg("--course")
        .arg(&course)
        .args(["quiz", "a", "--plain", "--no-shuffle"])
        .write_stdin("\x1b[2J\u{9b}B\nB\nfails 1 persistent-server\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_no_control("quiz --plain", &out.stdout);
    assert_no_control("quiz --plain stderr", &out.stderr);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("score: 2/2"), "{text}");
    for args in [
        &["render", "a", "--color", "always", "--width", "30"][..],
        &["export"],
    ] {
        let out = cmd(data.path())
            .arg("--course")
            .arg(&course)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_no_control(
            &format!("{args:?}"),
            strip_own_sequences(&String::from_utf8_lossy(&out.stdout)).as_bytes(),
        );
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// `validate` on a broken course directory: exit code and a line of stderr/stdout.
fn validate(data: &Path, course: &Path) -> (i32, String) {
    let out = cmd(data)
        .arg("--course")
        .arg(course)
        .arg("validate")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("panicked"), "{}: {text}", course.display());
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn broken_course_directories_are_reported_not_crashed_on() {
    let data = tempfile::tempdir().unwrap();
    let good = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fresh = |name: &str| {
        let dir = data.path().join(name);
        std::fs::create_dir_all(dir.join("lessons")).unwrap();
        std::fs::copy(good.join("course.toml"), dir.join("course.toml")).unwrap();
        copy_dir(&good.join("lessons"), &dir.join("lessons"));
        copy_dir(&good.join("quizzes"), &dir.join("quizzes"));
        dir
    };
    let lesson = "lessons/01-what-broke.md";

    let empty = data.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let (code, text) = validate(data.path(), &empty);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("course.toml: error: file not found"),
        "{text}"
    );

    let manifest_dir = data.path().join("manifest-dir");
    std::fs::create_dir_all(manifest_dir.join("course.toml")).unwrap();
    let (code, text) = validate(data.path(), &manifest_dir);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("course.toml: error: cannot read the file: not a regular file"),
        "{text}"
    );

    let fifo = fresh("fifo");
    std::fs::remove_file(fifo.join(lesson)).unwrap();
    let c = std::ffi::CString::new(fifo.join(lesson).to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let (code, text) = validate(data.path(), &fifo);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(&format!(
            "{lesson}: error: cannot read the file: not a regular file"
        )),
        "{text}"
    );

    // A quiz that is there but unreadable is not "referenced but does not exist".
    let quiz = "quizzes/01-what-broke.toml";
    let fifo_quiz = fresh("fifo-quiz");
    std::fs::remove_file(fifo_quiz.join(quiz)).unwrap();
    let c = std::ffi::CString::new(fifo_quiz.join(quiz).to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let (code, text) = validate(data.path(), &fifo_quiz);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(&format!(
            "{quiz}: error: cannot read the file: not a regular file"
        )),
        "{text}"
    );
    assert!(!text.contains("does not exist"), "{text}");

    let looped = fresh("loop");
    std::fs::remove_file(looped.join(lesson)).unwrap();
    std::os::unix::fs::symlink("x.md", looped.join(lesson)).unwrap();
    std::os::unix::fs::symlink("01-what-broke.md", looped.join("lessons/x.md")).unwrap();
    let (code, text) = validate(data.path(), &looped);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("symbolic links"), "{text}");

    let lessons_file = data.path().join("lessons-file");
    std::fs::create_dir(&lessons_file).unwrap();
    std::fs::copy(good.join("course.toml"), lessons_file.join("course.toml")).unwrap();
    std::fs::write(lessons_file.join("lessons"), "not a directory").unwrap();
    let (code, text) = validate(data.path(), &lessons_file);
    assert_eq!(code, 1, "{text}");

    let dup = data.path().join("dup");
    copy_dir(&good.join("lessons"), &dup.join("lessons"));
    std::fs::write(
        dup.join("course.toml"),
        "id = \"x\"\ntitle = \"t\"\nversion = \"1\"\nlessons = [\"01-what-broke\", \"01-what-broke\", \"../../etc/passwd\"]\n",
    )
    .unwrap();
    let (code, text) = validate(data.path(), &dup);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("course.toml:4:29: error: duplicate lesson id `01-what-broke`"),
        "{text}"
    );
    assert!(
        text.contains("course.toml:4:46: error: lesson id `../../etc/passwd`"),
        "{text}"
    );

    let deep = data.path().join("deep-toml");
    std::fs::create_dir(&deep).unwrap();
    std::fs::write(
        deep.join("course.toml"),
        format!("a = {}{}", "[".repeat(50_000), "]".repeat(50_000)),
    )
    .unwrap();
    let (code, text) = validate(data.path(), &deep);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("course.toml:1:"), "{text}");
}

#[test]
fn a_corrupt_progress_file_is_moved_aside_with_one_line() {
    let data = tempfile::tempdir().unwrap();
    type Make<'a> = &'a dyn Fn(&Path);
    let cases: [(&str, Make); 5] = [
        ("empty", &|p| std::fs::write(p, "").unwrap()),
        ("nul", &|p| std::fs::write(p, b"\0\0\0").unwrap()),
        ("truncated", &|p| {
            std::fs::write(p, "{\n  \"schema_version\": 1,\n  \"cour").unwrap()
        }),
        ("future", &|p| {
            std::fs::write(p, "{\"schema_version\": 999, \"courses\": {}}").unwrap()
        }),
        ("directory", &|p| std::fs::create_dir(p).unwrap()),
    ];
    for (name, make) in cases {
        let dir = data.path().join(name);
        std::fs::create_dir(&dir).unwrap();
        make(&dir.join("progress.json"));
        let out = cmd(&dir)
            .args(["quiz", "01-what-broke", "--plain", "--no-shuffle"])
            .write_stdin("A\n")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{name}: one line:\n{stderr}");
        assert!(
            stderr.contains("moved to") && stderr.contains("progress.json.corrupt-"),
            "{name}: {stderr}"
        );
        let aside = std::fs::read_dir(&dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with("progress.json.corrupt-")
            })
            .count();
        assert_eq!(aside, 1, "{name}: the bad file is kept");
        let saved = std::fs::read_to_string(dir.join("progress.json")).unwrap();
        assert!(
            saved.contains("01-what-broke"),
            "{name}: the new attempt is saved: {saved}"
        );
    }
}

#[test]
fn an_error_names_its_cause_once() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let out = cmd(&file)
        .args(["quiz", "01-what-broke", "--plain"])
        .write_stdin("A\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
}

/// Expression chains without brackets, each nested 20 000 deep: the
/// checker's bracket guard does not see them, and lowering them overflowed
/// the stack (an abort, exit 134).
#[test]
fn check_reports_bracket_free_deep_chains_as_too_deep() {
    let dir = tempfile::tempdir().unwrap();
    let n = 20_000;
    let chains = [
        ("member.js", format!("x = a{};\n", ".b".repeat(n))),
        ("index.js", format!("x = a{};\n", "[0]".repeat(n))),
        ("call.js", format!("x = a{};\n", "()".repeat(n))),
        ("binary.js", format!("x = {}1;\n", "1+".repeat(n))),
        ("label.js", format!("{}x;\n", "l:".repeat(n))),
        (
            "elseif.js",
            format!("if (a) {{}}{}\n", " else if (a) {}".repeat(n)),
        ),
    ];
    for (name, text) in &chains {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = cmd(dir.path())
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (name, _) in &chains {
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(name) && l.contains("nesting deeper than")),
            "{name}:\n{stdout}"
        );
    }
}

/// The same chain in a quiz snippet crashed `validate`, which checks the
/// snippets on the main thread.
#[test]
fn validate_survives_a_deep_chain_in_a_quiz_snippet() {
    let data = tempfile::tempdir().unwrap();
    let course = data.path().join("course");
    std::fs::create_dir_all(course.join("lessons")).unwrap();
    std::fs::create_dir_all(course.join("quizzes")).unwrap();
    std::fs::write(
        course.join("course.toml"),
        "id = \"d\"\ntitle = \"t\"\nversion = \"1\"\nlessons = [\"a\"]\n",
    )
    .unwrap();
    std::fs::write(
        course.join("lessons/a.md"),
        "+++\ntitle = \"A\"\nquiz = \"a\"\n+++\n\n# A\n\ntext\n",
    )
    .unwrap();
    let code = format!("x = a{};\napp.listen(3000);", ".b".repeat(20_000));
    std::fs::write(
        course.join("quizzes/a.toml"),
        format!("[[questions]]\nid = \"q\"\ntype = \"verdict\"\nprompt = \"p\"\nexplanation = \"e\"\nlang = \"js\"\nanswer = \"fails\"\nlines = [2]\nreason = \"persistent-server\"\ncode = \"\"\"\n{code}\n\"\"\"\n"),
    )
    .unwrap();
    let (code, text) = validate(data.path(), &course);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("nesting deeper than"), "{text}");
}

#[test]
fn check_refuses_a_huge_file_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.js");
    std::fs::write(&big, vec![b' '; 9 * 1024 * 1024]).unwrap();
    let started = std::time::Instant::now();
    let out = cmd(dir.path()).arg("check").arg(&big).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.contains("larger than 8 MiB; not scanned"),
        "{stdout}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn report_leaves_out_fifos_and_devices_instead_of_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let out = cmd(dir.path())
        .arg("report")
        .arg(&fifo)
        .arg("/dev/zero")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("pipe.json: not a regular file; left out"),
        "{stderr}"
    );
    assert!(
        stderr.contains("/dev/zero: not a regular file; left out"),
        "{stderr}"
    );
}

/// An earlier build kept running at ~20% CPU after its tmux session was
/// killed: crossterm's `event::poll` retries a read of 0 bytes forever once
/// the terminal is gone. Closing the pty's master must end the process.
#[test]
fn the_tui_exits_when_its_terminal_goes_away() {
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    use std::io::Read;
    let data = tempfile::tempdir().unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(BIN);
    command.arg("--data-dir");
    command.arg(data.path());
    command.env("TERM", "xterm-256color");
    command.env(
        "SERVERLESS_TUTOR_CONFIG",
        data.path().join("no-config.toml"),
    );
    let mut child = pty.slave.spawn_command(command).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    // Read until the first frame is up (the alternate screen is entered).
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !seen.windows(8).any(|w| w == b"\x1b[?1049h") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "the binary ended before drawing");
        seen.extend_from_slice(&buf[..n]);
    }
    std::thread::sleep(Duration::from_millis(300));
    drop(reader);
    drop(pty.master);
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("still running 15 s after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
