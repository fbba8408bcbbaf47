//! The two event loops: the presenter (slides on the projector, serving the
//! notes socket) and the notes follower. The only place with terminal and
//! socket I/O; everything they draw or decide is in the pure modules.

use super::keys::{follower_key, to_msg, FollowerKey};
use super::notes_view::{Link, NotesView};
use super::protocol::{Action, Snapshot, ToFollower, ToPresenter};
use super::slides::Slide;
use super::socket::{Client, Received, Server, SocketError};
use super::state::{update, Effect, Msg, State};
use super::terminal::Session;
use super::view::SlideView;
use crate::theme::Theme;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long the loops wait for a key before checking the socket and clock.
const FRAME: Duration = Duration::from_millis(100);

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
    #[error(transparent)]
    Session(#[from] crate::term::TermError),
    #[error(transparent)]
    Socket(#[from] SocketError),
}

/// How the follower ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowEnd {
    /// The presenter quit (or went away).
    PresenterLeft,
    /// The speaker closed the notes window.
    Closed,
}

fn clock() -> String {
    chrono::Local::now().format("%H:%M").to_string()
}

/// Runs the projector until `q` or a signal. `server`: the notes socket, if any.
pub fn present(
    course_id: &str,
    deck: &[Slide],
    start: usize,
    theme: Theme,
    mut server: Option<Server>,
) -> Result<(), AppError> {
    let result = present_frames(course_id, deck, start, theme, &mut server);
    // Followers hear the presenter left even when the terminal failed.
    if let Some(server) = server {
        server.close();
    }
    result
}

fn present_frames(
    course_id: &str,
    deck: &[Slide],
    start: usize,
    theme: Theme,
    server: &mut Option<Server>,
) -> Result<(), AppError> {
    let mut session = Session::enter()?;
    let started = Instant::now();
    let mut state = State::new(start, deck.len());
    let snapshot = |state: &State| {
        ToFollower::State(Box::new(Snapshot::of(
            course_id,
            deck,
            state,
            started.elapsed(),
        )))
    };
    'frames: while !session.stopped() {
        let view = SlideView {
            deck,
            state: &state,
            theme,
            elapsed: started.elapsed(),
            clock: clock(),
        };
        session
            .terminal()
            .draw(|f| f.render_widget(&view, f.area()))?;
        let Some(keys) = session.keys(FRAME)? else {
            break 'frames;
        };
        // Each key is applied before the next is read, so `g 1 2 Enter`
        // arriving in one batch still types into the prompt `g` opened.
        let mut msgs: Vec<Msg> = Vec::new();
        for key in keys {
            msgs.extend(to_msg(key, state.goto.is_some()));
            if apply(&mut state, deck, &mut msgs, server, &snapshot, started) {
                break 'frames;
            }
        }
        if let Some(server) = server.as_mut() {
            let keys = server.poll(&snapshot(&state));
            msgs.extend(
                keys.into_iter()
                    .map(|ToPresenter::Key { action }| action.to_msg()),
            );
        }
        msgs.push(Msg::Tick);
        if apply(&mut state, deck, &mut msgs, server, &snapshot, started) {
            break 'frames;
        }
    }
    drop(session);
    Ok(())
}

/// Applies and empties `msgs`; tells the followers when the slide moved.
/// True when the presenter should quit.
fn apply(
    state: &mut State,
    deck: &[Slide],
    msgs: &mut Vec<Msg>,
    server: &mut Option<Server>,
    snapshot: &dyn Fn(&State) -> ToFollower,
    started: Instant,
) -> bool {
    for msg in msgs.drain(..) {
        for effect in update(state, deck, msg, started.elapsed()) {
            match effect {
                Effect::Quit => return true,
                Effect::Moved => {
                    if let Some(server) = server.as_mut() {
                        server.broadcast(&snapshot(state));
                    }
                }
            }
        }
    }
    false
}

/// Follows the presentation at `socket` until the presenter leaves or `q`.
pub fn follow(socket: &Path, theme: Theme) -> Result<FollowEnd, AppError> {
    let mut session = Session::enter()?;
    let mut client: Option<Client> = None;
    let mut snapshot: Option<(Snapshot, Instant)> = None;
    let waiting = Link::Waiting(socket.display().to_string());
    let mut last_try = None::<Instant>;
    while !session.stopped() {
        if client.is_none() && last_try.is_none_or(|t| t.elapsed() >= Duration::from_millis(250)) {
            last_try = Some(Instant::now());
            client = Client::try_connect(socket);
        }
        if let Some(c) = &mut client {
            match c.receive() {
                Received::Closed => return Ok(FollowEnd::PresenterLeft),
                Received::Messages(msgs) => {
                    for msg in msgs {
                        match msg {
                            ToFollower::Bye => return Ok(FollowEnd::PresenterLeft),
                            ToFollower::State(s) => snapshot = Some((*s, Instant::now())),
                        }
                    }
                }
            }
        }
        let elapsed = snapshot.as_ref().map_or(Duration::ZERO, |(s, at)| {
            Duration::from_millis(s.elapsed_ms) + at.elapsed()
        });
        let view = NotesView {
            link: if client.is_some() {
                &Link::Live
            } else {
                &waiting
            },
            snapshot: snapshot.as_ref().map(|(s, _)| s),
            theme,
            elapsed,
            clock: clock(),
        };
        session
            .terminal()
            .draw(|f| f.render_widget(&view, f.area()))?;
        let Some(keys) = session.keys(FRAME)? else {
            return Ok(FollowEnd::Closed);
        };
        for key in keys {
            match follower_key(key) {
                Some(FollowerKey::Quit) => return Ok(FollowEnd::Closed),
                Some(FollowerKey::Drive(msg)) => {
                    if let (Some(c), Some(action)) = (&mut client, Action::from_msg(msg)) {
                        c.send(&ToPresenter::Key { action });
                    }
                }
                None => {}
            }
        }
    }
    Ok(FollowEnd::Closed)
}
