//! What can happen to the app ([`Msg`]) and what the app asks the edge to do
//! ([`Effect`]). Both are plain data so `update` stays pure and testable.

use crate::content::model::Course;
use crate::persist::progress::{Attempt, ScrollPos};
use crate::quiz::session::{Now, QuizMsg};
use ratatui::crossterm::event::{KeyEvent, MouseEvent};
use std::time::Instant;

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// Bracketed paste (text typed into the search prompt).
    Paste(String),
    /// The terminal was resized to (width, height).
    Resize(u16, u16),
    /// The terminal's background calls for this theme (colours stay on or off).
    Theme(crate::theme::ThemeName),
    /// The first frame is on screen: syntax highlighting may be used from
    /// now on, and the neighbouring lessons are laid out (plain) at once.
    Highlight,
    /// Nothing to read from the terminal: time for deferred work (highlighting
    /// the current lesson, laying out the next one). Send while `State::has_idle_work`.
    Idle,
    /// `--watch`: the course files changed and the new version is valid.
    CourseReloaded(Box<Course>),
    /// The whole course, loaded while the app showed its first part
    /// (`content::first`): the open lesson is the same as before.
    CourseComplete(Box<Course>),
    /// `--watch`: the course files changed but do not validate (rendered diagnostics).
    ReloadFailed(Vec<String>),
    /// A notice from the edge (e.g. a failed save, an export's path), shown
    /// in the banner or on the quiz screen.
    Notice(String),
    /// Open a quiz (the edge chose the shuffle seed and the time).
    StartQuiz {
        quiz_id: String,
        seed: Option<u64>,
        now: Instant,
    },
    /// Input for the open quiz (see `app::routes_to_quiz`), with the time.
    Quiz(QuizMsg, Now),
}

/// Where the learner is in one lesson: what the edge saves.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonSave {
    pub lesson_id: String,
    pub scroll: ScrollPos,
    pub read: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Record the position in (and read state of) a lesson, and make it the last lesson.
    SaveLesson(LessonSave),
    Quit,
    Suspend,
    /// Open this quiz: the edge picks the seed and answers with `Msg::StartQuiz`.
    StartQuiz {
        quiz_id: String,
    },
    /// Save a quiz attempt in the progress file.
    RecordAttempt {
        quiz_id: String,
        question_id: String,
        attempt: Attempt,
    },
    /// Export the results to the data dir (the quiz results screen's `e`).
    Export,
    /// The screen changed without input (idle work finished): draw again.
    Redraw,
}
