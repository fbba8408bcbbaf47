//! End-to-end tests of the learner TUI: the real binary in a pseudo-terminal
//! (portable-pty), its output fed to a virtual terminal (vt100). Opens,
//! scrolls, switches lessons, quits; restarts where it left off; SIGTERM
//! restores the terminal; an invalid course never enters raw mode. Plus the
//! `progress` command.

use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_serverless-tutor");
const TIMEOUT: Duration = Duration::from_secs(20);

fn fixture_course() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course")
}

/// The binary running in a pseudo-terminal, with everything it wrote.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    output: Arc<Mutex<Vec<u8>>>,
    /// Set when the reader saw the end of the output (the child closed the pty).
    drained: Arc<std::sync::atomic::AtomicBool>,
    rows: u16,
    cols: u16,
}

impl Session {
    fn start(args: &[&str], data_dir: &Path, rows: u16, cols: u16) -> Session {
        Session::start_on(args, data_dir, rows, cols, None)
    }

    /// Like a real terminal, the session answers the device-attributes
    /// query (DA1), and the background-colour query (OSC 11) when given a
    /// `background` such as `rgb:ffff/ffff/ffff`.
    fn start_on(
        args: &[&str],
        data_dir: &Path,
        rows: u16,
        cols: u16,
        background: Option<&'static str>,
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.arg("--data-dir");
        cmd.arg(data_dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("SERVERLESS_TUTOR_CONFIG", data_dir.join("no-config.toml"));
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("spawn the binary");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = Arc::new(Mutex::new(pty.master.take_writer().expect("pty writer")));
        let answers = Arc::clone(&writer);
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        let drained = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let done = Arc::clone(&drained);
        std::thread::spawn(move || {
            let _keep_master_open = pty.master;
            let mut buf = [0u8; 8192];
            let mut answered = 0;
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut all = sink.lock().unwrap();
                all.extend_from_slice(&buf[..n]);
                let queries = all[answered..]
                    .windows(3)
                    .filter(|w| w == b"\x1b[c")
                    .count();
                for _ in 0..queries {
                    let mut reply = String::new();
                    if let Some(bg) = background {
                        reply.push_str(&format!("\x1b]11;{bg}\x1b\\"));
                    }
                    reply.push_str("\x1b[?62;22c");
                    let mut out = answers.lock().unwrap();
                    let _ = out.write_all(reply.as_bytes());
                    let _ = out.flush();
                }
                answered = all.len().saturating_sub(2);
            }
            done.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        Session {
            child,
            writer,
            output,
            drained,
            rows,
            cols,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    fn screen(&self) -> String {
        let mut parser = vt100::Parser::new(self.rows, self.cols, 0);
        parser.process(&self.bytes());
        parser.screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen if it never does.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {text:?}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn send(&mut self, keys: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
        drop(writer);
        // one key at a time, like a person: lets each frame land
        std::thread::sleep(Duration::from_millis(60));
    }

    fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Everything it wrote before exiting must be read too.
                while !self.drained.load(std::sync::atomic::Ordering::SeqCst)
                    && Instant::now() < deadline
                {
                    std::thread::sleep(Duration::from_millis(10));
                }
                return status.exit_code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the binary did not exit; the screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn signal(&self, sig: i32) {
        let pid = self.child.process_id().expect("child pid");
        // SAFETY: kill(2) with a pid we spawned and a valid signal number.
        let rc = unsafe { libc::kill(pid as libc::pid_t, sig) };
        assert_eq!(rc, 0, "kill failed");
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn last_index(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The terminal was handed back: after the last alternate-screen entry come
/// leaving it and showing the cursor.
fn assert_restored(bytes: &[u8]) {
    let entered = last_index(bytes, b"\x1b[?1049h").expect("never entered the alternate screen");
    let left = last_index(bytes, b"\x1b[?1049l").expect("never left the alternate screen");
    let shown = last_index(bytes, b"\x1b[?25h").expect("never showed the cursor");
    assert!(
        left > entered,
        "the alternate screen was not left at the end"
    );
    assert!(shown > entered, "the cursor was not shown at the end");
    assert!(
        contains(&bytes[entered..], b"\x1b[?1000l"),
        "mouse capture not disabled"
    );
    assert!(
        contains(&bytes[entered..], b"\x1b[?2004l"),
        "bracketed paste not disabled"
    );
}

fn course_args() -> Vec<String> {
    vec!["--course".into(), fixture_course().display().to_string()]
}

fn start(data_dir: &Path) -> Session {
    let args = course_args();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Session::start(&args, data_dir, 40, 120)
}

#[test]
fn reads_scrolls_switches_lessons_quits_and_resumes_there() {
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path());
    let screen = s.wait_for("Lesson 1/3");
    assert!(
        screen.contains("Welcome!"),
        "first run shows the hint:\n{screen}"
    );
    assert!(
        screen.contains("Cold starts happen"),
        "lesson 1 text:\n{screen}"
    );
    s.send("j");
    s.send("j");
    s.send("]");
    s.wait_for("Lesson 2/3");
    s.wait_for("State lives elsewhere");
    s.send(" ");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes());
    let saved = std::fs::read_to_string(data.path().join("progress.json")).unwrap();
    assert!(saved.contains("\"last_lesson\": \"02-state\""), "{saved}");

    let mut again = start(data.path());
    let screen = again.wait_for("Lesson 2/3");
    assert!(
        !screen.contains("Welcome!"),
        "no hint on a resumed run:\n{screen}"
    );
    again.send("[");
    again.wait_for("Lesson 1/3");
    again.send("\x03"); // Ctrl-C
    assert_eq!(again.wait_exit(), 0);
    assert_restored(&again.bytes());
}

#[test]
fn sigterm_mid_session_restores_the_terminal_and_saves() {
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path());
    s.wait_for("Lesson 1/3");
    s.send("]");
    s.wait_for("Lesson 2/3");
    s.signal(libc::SIGTERM);
    let code = s.wait_exit();
    assert_eq!(code, 128 + libc::SIGTERM as u32);
    assert_restored(&s.bytes());
    let saved = std::fs::read_to_string(data.path().join("progress.json")).unwrap();
    assert!(saved.contains("02-state"), "{saved}");
}

#[test]
fn sighup_and_sigint_from_kill_restore_too() {
    for sig in [libc::SIGHUP, libc::SIGINT] {
        let data = tempfile::tempdir().unwrap();
        let mut s = start(data.path());
        s.wait_for("Lesson 1/3");
        s.signal(sig);
        assert_eq!(s.wait_exit(), 128 + sig as u32);
        assert_restored(&s.bytes());
    }
}

#[test]
fn help_search_and_the_sidebar_work_by_key() {
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path());
    s.wait_for("Lesson 1/3");
    s.send("?");
    s.wait_for("Keys — ? or Esc closes");
    s.send("\x1b");
    s.send("/");
    s.wait_for("Search the course");
    for c in "connection pool".chars() {
        s.send(&c.to_string());
    }
    s.wait_for("lines match");
    s.send("\r");
    s.wait_for("Lesson 3/3");
    s.send("\t");
    s.send("k");
    s.send("\r");
    s.wait_for("Lesson 2/3");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn an_invalid_course_prints_errors_and_never_enters_raw_mode() {
    let data = tempfile::tempdir().unwrap();
    let broken = tempfile::tempdir().unwrap();
    std::fs::write(broken.path().join("course.toml"), "id = 3\n").unwrap();
    let dir = broken.path().display().to_string();
    let mut s = Session::start(&["--course", &dir], data.path(), 24, 80);
    assert_eq!(s.wait_exit(), 1);
    let bytes = s.bytes();
    assert!(
        !contains(&bytes, b"\x1b[?1049h"),
        "entered the alternate screen"
    );
    assert!(
        contains(&bytes, b"course.toml"),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
}

#[test]
fn a_tiny_terminal_shows_its_size_and_quits() {
    let data = tempfile::tempdir().unwrap();
    let args = course_args();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut s = Session::start(&args, data.path(), 10, 30);
    s.wait_for("30×10");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

fn cmd(data: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("serverless-tutor").unwrap();
    c.args(course_args()).arg("--data-dir").arg(data);
    c
}

#[test]
fn progress_summarises_and_reset_asks_first() {
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path());
    s.wait_for("Lesson 1/3");
    s.send("G");
    s.send("]");
    s.wait_for("Lesson 2/3");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    let out = cmd(data.path()).arg("progress").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("Lessons read: 1/3"), "{text}");
    assert!(text.contains("Last open: State lives elsewhere"), "{text}");

    let out = cmd(data.path())
        .args(["progress", "--reset"])
        .write_stdin("n\n")
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("[y/N]") && text.contains("Nothing changed."),
        "{text}"
    );

    cmd(data.path())
        .args(["progress", "--reset", "--yes"])
        .assert()
        .success();
    let out = cmd(data.path()).arg("progress").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("Lessons read: 0/3"), "{text}");
}

#[test]
fn the_quiz_opens_at_the_end_of_a_lesson_records_the_answer_and_returns() {
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path());
    s.wait_for("Lesson 1/3");
    s.send("G");
    s.wait_for("Enter take the quiz");
    s.send("\r");
    s.wait_for("question 1 of 1");
    s.send("a");
    s.send("\r");
    s.wait_for("Enter next");
    // Saved at once, though after the frame that shows the feedback.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let saved = std::fs::read_to_string(data.path().join("progress.json")).unwrap_or_default();
        if saved.contains("\"warm\"") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the attempt is never saved: {saved}"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
    s.send("\r");
    s.wait_for("Score:");
    s.send("\r");
    s.wait_for("Lesson 1/3");
    // Reading, the list is a rail of numbers; Tab opens it with titles and scores.
    s.send("\t");
    let screen = s.wait_for("/1 ");
    assert!(
        screen.contains("1/1") || screen.contains("0/1"),
        "the lesson list shows the score:\n{screen}"
    );
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
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

#[test]
fn watch_reloads_an_edited_lesson_in_place_and_shows_errors_in_a_banner() {
    let data = tempfile::tempdir().unwrap();
    let course = tempfile::tempdir().unwrap();
    copy_dir(&fixture_course(), course.path());
    let dir = course.path().display().to_string();
    let mut s = Session::start(&["--course", &dir, "--watch"], data.path(), 40, 120);
    s.wait_for("Lesson 1/3");
    s.send("]");
    s.wait_for("Lesson 2/3");
    let lesson = course.path().join("lessons/02-state.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(
        &lesson,
        text.replace("# State lives elsewhere", "# State lives in a database"),
    )
    .unwrap();
    let screen = s.wait_for("State lives in a database");
    assert!(
        screen.contains("Lesson 2/3"),
        "same lesson after the reload:\n{screen}"
    );
    std::fs::write(&lesson, "+++\ntitle = 3\n+++\n# Broken\n").unwrap();
    let screen = s.wait_for("does not validate");
    assert!(
        screen.contains("02-state.md"),
        "the error names the file:\n{screen}"
    );
    assert!(
        screen.contains("State lives in a database"),
        "the last good version stays:\n{screen}"
    );
    std::fs::write(&lesson, text).unwrap();
    s.wait_for("State lives elsewhere");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_corrupt_progress_file_is_moved_aside_with_a_one_line_notice() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("progress.json"), b"\0\0{ not json").unwrap();
    let mut s = start(data.path());
    let screen = s.wait_for("Lesson 1/3");
    assert!(screen.contains("corrupt"), "the notice is shown:\n{screen}");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let moved = std::fs::read_dir(data.path())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("progress.json.corrupt-")
        });
    assert!(moved, "the damaged file is kept aside");
}

#[test]
fn watch_without_a_course_dir_is_refused_before_the_terminal_is_touched() {
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start(&["--watch"], data.path(), 24, 80);
    assert_eq!(s.wait_exit(), 2);
    assert!(!contains(&s.bytes(), b"\x1b[?1049h"));
}

/// Without `--theme`, the app asks the terminal for its background: a
/// light one gets the light theme, a terminal that only answers the
/// device-attributes query keeps the dark one, and the first key after the
/// question is not lost either way.
#[test]
fn the_theme_follows_the_terminal_background() {
    let args = course_args();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    for (background, accent) in [
        (Some("rgb:ffff/ffff/f0f0"), vt100::Color::Rgb(0, 92, 197)),
        (None, vt100::Color::Rgb(97, 175, 239)),
    ] {
        let data = tempfile::tempdir().unwrap();
        let mut s = Session::start_on(&args, data.path(), 40, 120, background);
        s.wait_for("Lesson 1/3");
        s.send("]");
        s.wait_for("Lesson 2/3");
        let mut parser = vt100::Parser::new(40, 120, 0);
        parser.process(&s.bytes());
        // " [Tab]" above the lesson rail is in the theme's accent colour.
        let tab = parser.screen().cell(0, 1).expect("a cell").fgcolor();
        assert_eq!(tab, accent, "{background:?}");
        assert!(
            contains(&s.bytes(), b"\x1b]11;?"),
            "the background was asked for"
        );
        s.send("q");
        assert_eq!(s.wait_exit(), 0);
    }
}
