//! End to end: a presenter and a speaker-notes follower in pseudo-terminals,
//! talking over the notes socket.

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_serverless-tutor");

fn fixture() -> String {
    format!(
        "{}/tests/fixtures/present-course",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn open_pty((cols, rows): (u16, u16)) -> portable_pty::PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap()
}

/// A program running in a pseudo-terminal, its screen kept by vt100.
struct Term {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Term {
    fn spawn(args: &[&str], runtime: &Path, size: (u16, u16)) -> Term {
        let pair = open_pty(size);
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        Term::spawn_command(cmd, runtime, pair)
    }

    /// The same, with stdin redirected from /dev/null: keys still come from
    /// the terminal (crossterm opens /dev/tty).
    fn spawn_stdin_null(args: &[&str], runtime: &Path, size: (u16, u16)) -> Term {
        let pair = open_pty(size);
        let mut cmd = CommandBuilder::new("/bin/sh");
        cmd.args(["-c", "exec \"$0\" \"$@\" < /dev/null", BIN]);
        cmd.args(args);
        Term::spawn_command(cmd, runtime, pair)
    }

    /// Runs `cmd` in an opened pseudo-terminal pair.
    fn spawn_command(mut cmd: CommandBuilder, runtime: &Path, pair: portable_pty::PtyPair) -> Term {
        let size = pair.master.get_size().unwrap();
        let (cols, rows) = (size.cols, size.rows);
        cmd.env("XDG_RUNTIME_DIR", runtime);
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Term {
            screen,
            writer,
            child,
            _master: pair.master,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, what: &str, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.contents().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "{what}: `{needle}` never appeared; screen:\n{}",
            self.contents()
        );
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// What the kernel sends when the terminal window closes.
    fn hang_up(&mut self) {
        let pid = self.child.process_id().expect("a running child") as libc::pid_t;
        // SAFETY: kill(2) with a pid we spawned and a valid signal number.
        assert_eq!(unsafe { libc::kill(pid, libc::SIGHUP) }, 0);
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("did not exit; screen:\n{}", self.contents());
    }
}

/// CPU time (user + system, in clock ticks) the process has used so far.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name (which is in parentheses): state is
    // field 3; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

const RIGHT: &[u8] = b"\x1b[C";

#[test]
fn the_notes_follow_the_presenter_and_leave_when_it_quits() {
    let runtime = tempfile::tempdir().unwrap();
    let course = fixture();
    let base = ["--course", course.as_str(), "present"];
    let mut notes = Term::spawn(
        &[&base[..], &["--notes"]].concat(),
        runtime.path(),
        (80, 24),
    );
    notes.wait_for("follower started first", "Waiting for the presenter");

    let mut presenter = Term::spawn(&base, runtime.path(), (120, 35));
    presenter.wait_for("presenter", "slide 1/8");
    notes.wait_for("follower attached", "Slide 1/8");
    notes.wait_for("title slide notes", "Ask who has deployed an Express app.");

    // Three steps: old model (step 1), old model (step 2), the comparison.
    let expected = [
        ("Slide 2/8 · step 1/2", "NOTE-OLD-MODEL"),
        ("Slide 2/8 · step 2/2", "NOTE-OLD-MODEL"),
        ("Slide 3/8 · step 1/2", "NOTE-COMPARE"),
    ];
    for (position, note) in expected {
        presenter.send(RIGHT);
        notes.wait_for("after a step", position);
        notes.wait_for("matching notes", note);
    }
    presenter.wait_for("presenter on the comparison", "slide 3/8  ·  step 1/2");
    assert!(notes.contents().contains("Next: Why servers break"));

    // The notes window is a clicker too.
    notes.send(RIGHT);
    presenter.wait_for("driven from the notes", "slide 3/8  ·  step 2/2");
    notes.wait_for("follower sees its own click", "Slide 3/8 · step 2/2");

    // A jump typed in one burst (as a script or a fast typist sends it).
    presenter.send(b"g7\r");
    presenter.wait_for("jumped", "slide 7/8");
    notes.wait_for("follower after the jump", "Slide 7/8");

    presenter.send(b"q");
    assert!(presenter.wait_exit().success());
    let status = notes.wait_exit();
    assert!(status.success(), "follower exit: {status:?}");
    notes.wait_for(
        "follower says why it left",
        "The presenter ended the presentation.",
    );
    let socket = runtime
        .path()
        .join("serverless-tutor/present-present-fixture.sock");
    assert!(!socket.exists(), "the presenter removes its socket");
}

#[test]
fn an_unknown_lesson_is_a_clear_error_before_the_terminal() {
    let runtime = tempfile::tempdir().unwrap();
    assert_cmd::Command::new(BIN)
        .args(["--course", &fixture(), "present", "--lesson", "nope"])
        .env("XDG_RUNTIME_DIR", runtime.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no lesson with id `nope`"));
}

#[test]
fn a_hang_up_ends_the_presenter_tells_followers_and_frees_its_socket() {
    let runtime = tempfile::tempdir().unwrap();
    let course = fixture();
    let mut presenter = Term::spawn(&["--course", &course, "present"], runtime.path(), (80, 24));
    presenter.wait_for("presenter", "slide 1/8");
    let socket = runtime
        .path()
        .join("serverless-tutor/present-present-fixture.sock");
    assert!(socket.exists());
    let mut notes = Term::spawn(
        &["--course", &course, "present", "--notes"],
        runtime.path(),
        (60, 20),
    );
    notes.wait_for("follower", "Slide 1/8");
    presenter.hang_up();
    presenter.wait_exit();
    assert!(notes.wait_exit().success());
    notes.wait_for("follower", "The presenter ended the presentation.");
    assert!(!socket.exists(), "the socket is removed after a hang-up");
}

#[test]
fn a_broken_course_is_reported_before_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    std::fs::write(
        dir.path().join("course.toml"),
        "id = \"b\"\ntitle = \"B\"\nversion = \"1\"\nlessons = [\"01-x\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("lessons/01-x.md"), "no front matter\n").unwrap();
    let runtime = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::new(BIN)
        .args(["--course", dir.path().to_str().unwrap(), "present"])
        .env("XDG_RUNTIME_DIR", runtime.path())
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("lessons/01-x.md:"), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\x1b[?1049h"));
}

#[test]
fn with_stdin_from_dev_null_the_presenter_idles_and_still_reads_keys() {
    let runtime = tempfile::tempdir().unwrap();
    let course = fixture();
    let mut presenter =
        Term::spawn_stdin_null(&["--course", &course, "present"], runtime.path(), (80, 24));
    presenter.wait_for("presenter", "slide 1/8");
    let pid = presenter.child.process_id().expect("a running child");
    // Let start-up work settle, then measure an idle stretch.
    std::thread::sleep(Duration::from_millis(300));
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_millis(1500));
    let used = cpu_ticks(pid) - before;
    // Idle means waiting in poll(2): a few ticks at most (a tick is 10 ms).
    // Polling stdin (/dev/null, always readable) used 20-30% of a core.
    assert!(used <= 10, "idle presenter used {used} ticks in 1.5 s");
    presenter.send(RIGHT);
    presenter.wait_for("keys come from the terminal", "slide 2/8");
    presenter.send(b"q");
    assert!(presenter.wait_exit().success());
}
