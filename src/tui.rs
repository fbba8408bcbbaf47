//! The event loop: terminal events → [`Msg`] → `update` → draw, then the
//! effects (saving progress, suspending, quitting) are executed here, at the
//! edge. Syntax highlighting and laying out the neighbouring lessons happen
//! only when no input is waiting ([`Msg::Idle`]), after the frame is drawn;
//! saves also happen after the frame that caused them, so neither delays a
//! redraw.

use crate::app::{self, Effect, LessonSave, Msg, State};
use crate::term::TerminalSession;
use ratatui::crossterm::event::{self, Event};
use std::io;
use std::time::Duration;

/// How often the loop wakes without input (signals, file watching).
const IDLE_POLL: Duration = Duration::from_millis(100);
/// While a file change settles.
const BUSY_POLL: Duration = Duration::from_millis(20);

/// What the loop needs from the outside world, so it can be driven in tests.
pub trait Edge {
    /// Persist lesson positions (applied in order). Errors become a banner.
    fn save(&mut self, saves: &[LessonSave]) -> Result<(), String>;
    /// A message from outside (e.g. a reloaded course), polled each wake-up.
    fn poll(&mut self) -> Option<Msg>;
    /// Whether the edge expects a message soon (poll more often).
    fn busy(&self) -> bool {
        false
    }
}

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// An exit signal (its number) arrived.
    Signal(i32),
}

pub fn run(
    session: &mut TerminalSession,
    state: &mut State,
    edge: &mut dyn Edge,
) -> io::Result<Ending> {
    let size = session.terminal().size()?;
    app::update(state, Msg::Resize(size.width, size.height));
    draw(session, state)?;
    // The first frame is up: highlighting may now happen, when idle.
    app::update(state, Msg::Highlight);
    loop {
        if let Some(sig) = session.exit_signal() {
            if let Some(save) = state.lesson_save() {
                let _ = edge.save(&[save]);
            }
            return Ok(Ending::Signal(sig));
        }
        let idle_work = state.has_idle_work();
        let wait = match (idle_work, edge.busy()) {
            (true, _) => Duration::ZERO,
            (false, true) => BUSY_POLL,
            (false, false) => IDLE_POLL,
        };
        let mut effects = Vec::new();
        let mut changed = false;
        if event::poll(wait)? {
            // Take every event already queued before drawing once.
            loop {
                if let Some(msg) = to_msg(event::read()?) {
                    effects.extend(app::update(state, msg));
                    changed = true;
                }
                if !event::poll(Duration::ZERO)? {
                    break;
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

fn draw(session: &mut TerminalSession, state: &State) -> io::Result<()> {
    session
        .terminal()
        .draw(|frame| frame.render_widget(state, frame.area()))?;
    Ok(())
}

fn to_msg(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) => Some(Msg::Key(key)),
        Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::FocusGained | Event::FocusLost => None,
    }
}

/// Runs the effects of one batch: all saves in one store update, then
/// suspend or quit.
fn execute(
    session: &mut TerminalSession,
    state: &mut State,
    edge: &mut dyn Edge,
    effects: Vec<Effect>,
) -> io::Result<Option<Ending>> {
    let mut saves = Vec::new();
    let mut ending = None;
    let mut suspend = false;
    for effect in effects {
        match effect {
            Effect::SaveLesson(save) => saves.push(save),
            Effect::Quit => ending = Some(Ending::Quit),
            Effect::Suspend => suspend = true,
            Effect::Redraw => {}
        }
    }
    if !saves.is_empty() {
        if let Err(message) = edge.save(&saves) {
            app::update(state, Msg::Notice(format!("Progress not saved: {message}")));
            if ending.is_none() {
                draw(session, state)?;
            }
        }
    }
    if ending.is_some() {
        return Ok(ending);
    }
    if suspend {
        session.suspend()?;
        let size = session.terminal().size()?;
        app::update(state, Msg::Resize(size.width, size.height));
        draw(session, state)?;
    }
    Ok(None)
}
