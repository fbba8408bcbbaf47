//! The event loop: terminal events → [`Msg`] → `update` → draw, then the
//! effects (saving progress, suspending, quitting) are executed here, at the
//! edge. Syntax highlighting and laying out the neighbouring lessons happen
//! only when no input is waiting ([`Msg::Idle`]), after the frame is drawn;
//! saves also happen after the frame that caused them, so neither delays a
//! redraw.

use crate::app::{self, Effect, LessonSave, Msg, State};
use crate::content::model::Course;
use crate::persist::progress::Attempt;
use crate::quiz::session::{Now, QuizMsg};
use crate::term::background;
use crate::term::input::{InputWatch, Wait};
use crate::term::TerminalSession;
use ratatui::crossterm::event::{self, Event, KeyEvent, MouseEventKind};
use std::io;
use std::time::Duration;
use std::time::Instant;

/// How often the loop wakes without input (signals, file watching).
const IDLE_POLL: Duration = Duration::from_millis(100);
/// While a file change settles.
const BUSY_POLL: Duration = Duration::from_millis(20);
/// Deferred work (highlighting, laying out neighbours) starts only after
/// the input has been quiet this long, so a key pressed right after a frame
/// never waits for it; the highlighted version appears a moment later.
const QUIET_BEFORE_IDLE_WORK: Duration = Duration::from_millis(50);

/// What the loop needs from the outside world, so it can be driven in tests.
pub trait Edge {
    /// Persist lesson positions (applied in order). Errors become a banner.
    fn save(&mut self, saves: &[LessonSave]) -> Result<(), String>;
    /// A message from outside (e.g. a reloaded course), polled each wake-up.
    fn poll(&mut self) -> Option<Msg>;
    /// The whole course as a message, waiting for it if it is still
    /// loading (`None`: it is all there). Input is handled only after it.
    fn course_ready(&mut self) -> Option<Msg> {
        None
    }
    /// Whether the edge expects a message soon (poll more often).
    fn busy(&self) -> bool {
        false
    }
    /// Record one quiz attempt. Errors become a notice.
    fn record(&mut self, quiz_id: &str, question_id: &str, attempt: &Attempt)
        -> Result<(), String>;
    /// Export the results; returns a line saying where they went.
    fn export(&mut self, course: &Course) -> Result<String, String>;
    /// The shuffle seed for a quiz about to open (`None`: authored order).
    fn quiz_seed(&mut self) -> Option<u64>;
}

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// An exit signal (its number) arrived.
    Signal(i32),
}

/// Runs the app until it ends. `ask_background`: ask the terminal for its
/// background colour with the first frame and follow it (light or dark).
pub fn run(
    session: &mut TerminalSession,
    state: &mut State,
    edge: &mut dyn Edge,
    ask_background: bool,
) -> io::Result<Ending> {
    let input = InputWatch::new();
    let mut typed = first_frames(session, state, edge, &input, ask_background)?;
    // crossterm sets up its event reader (epoll, a signal pipe) on first
    // use: do it now rather than on the learner's first key. A key it
    // already took from the terminal is handled in the first pass.
    let mut queued = event::poll(Duration::ZERO)? || !typed.is_empty();
    let mut last_input = Instant::now();
    loop {
        let hung_up = input.hung_up();
        if let Some(sig) = session.exit_signal().or(hung_up.then_some(libc::SIGHUP)) {
            if let Some(save) = state.lesson_save() {
                let _ = edge.save(&[save]);
            }
            return Ok(Ending::Signal(sig));
        }
        let quiet_for = last_input.elapsed();
        let idle_work = state.has_idle_work() && quiet_for >= QUIET_BEFORE_IDLE_WORK;
        let wait = match (idle_work, edge.busy(), state.has_idle_work()) {
            (true, _, _) => Duration::ZERO,
            (false, _, true) => QUIET_BEFORE_IDLE_WORK.saturating_sub(quiet_for),
            (false, true, false) => BUSY_POLL,
            (false, false, false) => IDLE_POLL,
        };
        let mut effects = Vec::new();
        let mut changed = false;
        let ready = std::mem::take(&mut queued)
            || match input.wait(wait) {
                Wait::HungUp => continue,
                Wait::Ready => event::poll(Duration::ZERO)?,
                Wait::Timeout => false,
            };
        if ready {
            last_input = Instant::now();
            if let Some(msg) = edge.course_ready() {
                effects.extend(app::update(state, msg));
                changed = true;
            }
            for key in std::mem::take(&mut typed) {
                if let Some(msg) = to_msg(Event::Key(key), state) {
                    effects.extend(app::update(state, msg));
                    changed = true;
                }
            }
            // Take every event already queued before drawing once.
            while event::poll(Duration::ZERO)? {
                if let Some(msg) = to_msg(event::read()?, state) {
                    effects.extend(app::update(state, msg));
                    changed = true;
                }
            }
        } else if idle_work {
            effects.extend(app::update(state, Msg::Idle));
        }
        if let Some(msg) = edge.poll() {
            effects.extend(app::update(state, msg));
            changed = true;
        }
        if changed || effects.contains(&Effect::Redraw) {
            draw(session, state)?;
        }
        if let Some(ending) = execute(session, state, edge, effects)? {
            return Ok(ending);
        }
    }
}

/// The first frame, and what follows it before any input is handled: the
/// terminal's answer about its background (with the keys typed meanwhile,
/// returned), the rest of the course, the neighbouring lessons laid out.
fn first_frames(
    session: &mut TerminalSession,
    state: &mut State,
    edge: &mut dyn Edge,
    input: &InputWatch,
    ask_background: bool,
) -> io::Result<Vec<KeyEvent>> {
    let size = session.terminal().size()?;
    app::update(state, Msg::Resize(size.width, size.height));
    if ask_background {
        // In the same write as the frame: no extra round trip before it.
        let out = session.terminal().backend_mut().writer_mut();
        io::Write::write_all(out, background::QUERY)?;
    }
    draw(session, state)?;
    let mut typed = Vec::new();
    if ask_background {
        let reply = background::read_reply(input, background::REPLY_TIMEOUT);
        if let Some(name) = reply.theme.filter(|&name| name != state.theme.name) {
            app::update(state, Msg::Theme(name));
            draw(session, state)?;
        }
        typed = crate::term::typed::keys_in(&reply.typed);
    }
    // The rest of a course drawn from its first part is nearly loaded:
    // take it now, while the terminal shows the frame.
    if let Some(msg) = edge.course_ready() {
        app::update(state, msg);
        draw(session, state)?; // quiz scores in a wide lesson list, say
    }
    // Highlighting may now happen, when idle; the neighbours are laid out.
    app::update(state, Msg::Highlight);
    Ok(typed)
}

fn draw(session: &mut TerminalSession, state: &State) -> io::Result<()> {
    session
        .terminal()
        .draw(|frame| frame.render_widget(state, frame.area()))?;
    Ok(())
}

/// Rows the mouse wheel scrolls the quiz per notch.
const QUIZ_WHEEL_ROWS: i32 = 3;

/// A terminal event as a message. Keys (and the wheel) for the open quiz go
/// straight to its session, stamped with the time it needs for durations.
fn to_msg(event: Event, state: &State) -> Option<Msg> {
    match event {
        Event::Key(key) if app::routes_to_quiz(state, &key) => {
            crate::quiz::keys::to_msg(key).map(|m| Msg::Quiz(m, Now::current()))
        }
        Event::Mouse(mouse) if state.quiz.is_some() && state.overlay.is_none() => {
            let rows = match mouse.kind {
                MouseEventKind::ScrollDown => QUIZ_WHEEL_ROWS,
                MouseEventKind::ScrollUp => -QUIZ_WHEEL_ROWS,
                _ => return None,
            };
            Some(Msg::Quiz(QuizMsg::ScrollBy(rows), Now::current()))
        }
        Event::Key(key) => Some(Msg::Key(key)),
        Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::FocusGained | Event::FocusLost => None,
    }
}

/// Runs the effects of one batch (and any they lead to): all lesson saves in
/// one store update, attempts one by one, then suspend or quit. Redraws when
/// an effect changed the screen.
fn execute(
    session: &mut TerminalSession,
    state: &mut State,
    edge: &mut dyn Edge,
    effects: Vec<Effect>,
) -> io::Result<Option<Ending>> {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    let mut saves = Vec::new();
    let mut ending = None;
    let mut suspend = false;
    let mut redraw = false;
    let mut notices = Vec::new();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::SaveLesson(save) => saves.push(save),
            Effect::Quit => ending = Some(Ending::Quit),
            Effect::Suspend => suspend = true,
            Effect::Redraw => {}
            Effect::StartQuiz { quiz_id } => {
                let seed = edge.quiz_seed();
                let now = Instant::now();
                queue.extend(app::update(state, Msg::StartQuiz { quiz_id, seed, now }));
                redraw = true;
            }
            Effect::RecordAttempt {
                quiz_id,
                question_id,
                attempt,
            } => {
                if let Err(e) = edge.record(&quiz_id, &question_id, &attempt) {
                    notices.push(format!("Answer not saved: {e}"));
                }
            }
            Effect::Export => {
                notices.push(
                    edge.export(&state.course)
                        .unwrap_or_else(|e| format!("Export failed: {e}")),
                );
            }
        }
    }
    if !saves.is_empty() {
        if let Err(message) = edge.save(&saves) {
            notices.push(format!("Progress not saved: {message}"));
        }
    }
    for notice in notices {
        app::update(state, Msg::Notice(notice));
        redraw = true;
    }
    if ending.is_some() {
        return Ok(ending);
    }
    if redraw {
        draw(session, state)?;
    }
    if suspend {
        session.suspend()?;
        let size = session.terminal().size()?;
        app::update(state, Msg::Resize(size.width, size.height));
        draw(session, state)?;
    }
    Ok(None)
}
