//! The quiz session: which question is on screen, the learner's interaction
//! with it, the graded feedback, and the results screen. A pure state
//! machine: messages in, [`QuizEffect`]s out; time comes in as [`Now`], so
//! it is fully testable. The host (TUI) performs the effects (saving
//! attempts, export, leaving the quiz).

use crate::content::model::{Question, Quiz};
use crate::persist::progress::Attempt;
use crate::quiz::answer::{Answer, Grade};
use crate::quiz::grade::grade;
use crate::quiz::interact::{Interaction, Step};
use crate::quiz::shuffle::{next_seed, Order};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::time::Instant;

/// Input to the session, independent of the key that produced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizMsg {
    Up,
    Down,
    Left,
    Right,
    /// Space: toggle/mark/cycle.
    Toggle,
    /// Enter: submit, confirm, continue.
    Submit,
    /// Esc: back one phase, or leave the quiz.
    Back,
    /// A printable key: option letters, reason/target numbers, `w`/`f`, `r`, `e`, `q`...
    Key(char),
    PageUp,
    PageDown,
    /// Mouse wheel or similar: rows to scroll (negative: up).
    ScrollBy(i32),
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuizEffect {
    /// Save this attempt in progress (the host renumbers `attempt.attempt`
    /// from what is on disk, see [`crate::quiz::record`]).
    Record {
        quiz_id: String,
        question_id: String,
        attempt: Attempt,
    },
    /// The results screen was reached.
    Finished { correct: usize, total: usize },
    /// Leave the quiz (back to the lesson).
    Exit,
    /// Export the results (`e` on the results screen).
    Export,
}

/// The current time, as the host sees it: monotonic for durations, wall
/// clock for timestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub instant: Instant,
    pub at: DateTime<Utc>,
}

impl Now {
    pub fn current() -> Self {
        Now {
            instant: Instant::now(),
            at: Utc::now(),
        }
    }
}

/// A graded answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub answer: Answer,
    pub grade: Grade,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// The learner is answering.
    Asking(Interaction),
    /// Submitted: feedback is on screen. Keeps the interaction to show it.
    Answered(Interaction),
    /// After the last question.
    Results,
}

#[derive(Debug, Clone)]
pub struct QuizSession {
    quiz: Quiz,
    seed: Option<u64>,
    /// Indices into `quiz.questions` asked in this run.
    asked: Vec<usize>,
    /// Display order per asked question.
    orders: Vec<Order>,
    outcomes: Vec<Option<Outcome>>,
    pos: usize,
    stage: Stage,
    /// Attempts already made per question id (before and during this session).
    attempts: BTreeMap<String, u32>,
    shown_at: Option<Instant>,
    scroll: usize,
    /// Keep the focused row on screen (off after a manual scroll).
    follow_focus: bool,
    notice: Option<String>,
    runs: u32,
}

/// `h`/`j`/`k`/`l` as arrows.
fn vim_arrow(c: char) -> Option<QuizMsg> {
    match c {
        'h' => Some(QuizMsg::Left),
        'j' => Some(QuizMsg::Down),
        'k' => Some(QuizMsg::Up),
        'l' => Some(QuizMsg::Right),
        _ => None,
    }
}

/// Rows a PageUp/PageDown moves.
const PAGE: usize = 10;
/// Upper bound for the scroll offset kept here; the view clamps to the content.
const MAX_SCROLL: usize = 10_000;

impl QuizSession {
    /// A run over `quiz`, shuffled with `seed` (`None`: authored order), asking
    /// only the question ids in `only` when given (retry the missed ones).
    pub fn new(quiz: &Quiz, seed: Option<u64>, only: Option<Vec<String>>) -> Self {
        let asked: Vec<usize> = quiz
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| only.as_ref().is_none_or(|ids| ids.contains(&q.id)))
            .map(|(i, _)| i)
            .collect();
        let mut s = QuizSession {
            quiz: quiz.clone(),
            seed,
            asked: Vec::new(),
            orders: Vec::new(),
            outcomes: Vec::new(),
            pos: 0,
            stage: Stage::Results,
            attempts: BTreeMap::new(),
            shown_at: None,
            scroll: 0,
            follow_focus: true,
            notice: None,
            runs: 1,
        };
        s.start_run(asked, seed);
        s
    }

    /// Attempts already recorded per question id, so attempt numbers continue.
    pub fn with_prior_attempts(mut self, attempts: BTreeMap<String, u32>) -> Self {
        self.attempts = attempts;
        self
    }

    /// Marks the moment the first question was shown (otherwise the first
    /// message is taken as that moment).
    pub fn started(mut self, now: Instant) -> Self {
        self.shown_at = Some(now);
        self
    }

    fn start_run(&mut self, asked: Vec<usize>, seed: Option<u64>) {
        self.seed = seed;
        self.orders = asked
            .iter()
            .filter_map(|&i| self.quiz.questions.get(i))
            .map(|q| Order::for_question(q, seed))
            .collect();
        self.outcomes = vec![None; asked.len()];
        self.asked = asked;
        self.pos = 0;
        self.shown_at = None;
        self.show_current();
    }

    fn show_current(&mut self) {
        self.scroll = 0;
        self.follow_focus = true;
        self.stage = match self.current_question() {
            Some(q) => Stage::Asking(Interaction::new(q)),
            None => Stage::Results,
        };
    }

    pub fn update(&mut self, msg: QuizMsg, now: Now) -> Vec<QuizEffect> {
        self.notice = None;
        if self.shown_at.is_none() {
            self.shown_at = Some(now.instant);
        }
        if self.scroll_msg(&msg) {
            return Vec::new();
        }
        match &self.stage {
            Stage::Asking(_) => self.update_asking(msg, now),
            Stage::Answered(_) => self.update_answered(msg, now),
            Stage::Results => self.update_results(msg, now),
        }
    }

    fn scroll_msg(&mut self, msg: &QuizMsg) -> bool {
        let by = match msg {
            QuizMsg::PageUp => -(PAGE as i64),
            QuizMsg::PageDown => PAGE as i64,
            QuizMsg::ScrollBy(n) => i64::from(*n),
            QuizMsg::Up | QuizMsg::Key('k')
                if matches!(self.stage, Stage::Answered(_) | Stage::Results) =>
            {
                -1
            }
            QuizMsg::Down | QuizMsg::Key('j')
                if matches!(self.stage, Stage::Answered(_) | Stage::Results) =>
            {
                1
            }
            _ => {
                self.follow_focus = true;
                return false;
            }
        };
        let next = i64::try_from(self.scroll).unwrap_or(0).saturating_add(by);
        self.scroll = usize::try_from(next.max(0)).unwrap_or(0).min(MAX_SCROLL);
        self.follow_focus = false;
        true
    }

    fn update_asking(&mut self, msg: QuizMsg, now: Now) -> Vec<QuizEffect> {
        let (Some(question), Some(order)) = (
            self.asked
                .get(self.pos)
                .and_then(|&i| self.quiz.questions.get(i)),
            self.orders.get(self.pos),
        ) else {
            return Vec::new();
        };
        let Stage::Asking(interaction) = &mut self.stage else {
            return Vec::new();
        };
        match interaction.handle(&msg, question, order) {
            Step::Stay => Vec::new(),
            Step::Notice(text) => {
                self.notice = Some(text);
                Vec::new()
            }
            Step::Submit(answer) => self.submit(answer, now),
            Step::Unhandled => match msg {
                QuizMsg::Back | QuizMsg::Key('q') => vec![QuizEffect::Exit],
                // vim keys, when they are not an option letter here
                QuizMsg::Key(c) => match vim_arrow(c) {
                    Some(arrow) => self.update_asking(arrow, now),
                    None => Vec::new(),
                },
                _ => Vec::new(),
            },
        }
    }

    fn submit(&mut self, answer: Answer, now: Now) -> Vec<QuizEffect> {
        let Some(question) = self.current_question() else {
            return Vec::new();
        };
        let question_id = question.id.clone();
        let grade = grade(question, &answer);
        let count = self.attempts.entry(question_id.clone()).or_insert(0);
        *count += 1;
        let elapsed = self
            .shown_at
            .map(|t| now.instant.saturating_duration_since(t))
            .unwrap_or_default();
        let attempt = Attempt {
            attempt: *count,
            answer: answer.clone(),
            grade,
            time_ms: u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
            at: now.at,
            seed: self.seed,
        };
        if let Some(slot) = self.outcomes.get_mut(self.pos) {
            *slot = Some(Outcome { answer, grade });
        }
        let stage = std::mem::replace(&mut self.stage, Stage::Results);
        if let Stage::Asking(interaction) = stage {
            self.stage = Stage::Answered(interaction);
        }
        self.scroll = 0;
        self.follow_focus = false;
        vec![QuizEffect::Record {
            quiz_id: self.quiz.id.clone(),
            question_id,
            attempt,
        }]
    }

    fn update_answered(&mut self, msg: QuizMsg, now: Now) -> Vec<QuizEffect> {
        match msg {
            QuizMsg::Submit | QuizMsg::Toggle | QuizMsg::Right | QuizMsg::Key('n') => {
                self.pos += 1;
                self.shown_at = Some(now.instant);
                self.show_current();
                if matches!(self.stage, Stage::Results) {
                    let (correct, total) = self.score();
                    return vec![QuizEffect::Finished { correct, total }];
                }
                Vec::new()
            }
            QuizMsg::Back | QuizMsg::Key('q') => vec![QuizEffect::Exit],
            _ => Vec::new(),
        }
    }

    fn update_results(&mut self, msg: QuizMsg, now: Now) -> Vec<QuizEffect> {
        match msg {
            QuizMsg::Key('r' | 'R') => {
                let missed = self.missed_indices();
                let asked = if missed.is_empty() {
                    (0..self.quiz.questions.len()).collect()
                } else {
                    missed
                };
                self.runs += 1;
                self.start_run(asked, next_seed(self.seed));
                self.shown_at = Some(now.instant);
                Vec::new()
            }
            QuizMsg::Key('e' | 'E') => vec![QuizEffect::Export],
            QuizMsg::Back | QuizMsg::Submit | QuizMsg::Key('q' | 'b') => vec![QuizEffect::Exit],
            _ => Vec::new(),
        }
    }

    fn missed_indices(&self) -> Vec<usize> {
        self.asked
            .iter()
            .zip(&self.outcomes)
            .filter(|(_, o)| !o.as_ref().is_some_and(|o| o.grade.correct))
            .map(|(&i, _)| i)
            .collect()
    }

    // ---- read access for the view and the host ----

    pub fn quiz(&self) -> &Quiz {
        &self.quiz
    }

    pub fn seed(&self) -> Option<u64> {
        self.seed
    }

    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// The question on screen (`None` on the results screen).
    pub fn current_question(&self) -> Option<&Question> {
        self.asked
            .get(self.pos)
            .and_then(|&i| self.quiz.questions.get(i))
    }

    /// The display order of the question on screen.
    pub fn current_order(&self) -> Option<&Order> {
        self.orders.get(self.pos)
    }

    /// The graded answer to the question on screen, once submitted.
    pub fn current_outcome(&self) -> Option<&Outcome> {
        self.outcomes.get(self.pos).and_then(Option::as_ref)
    }

    /// 0-based position of the question on screen and the number asked.
    pub fn progress(&self) -> (usize, usize) {
        (self.pos.min(self.asked.len()), self.asked.len())
    }

    /// Correct answers and questions asked in this run.
    pub fn score(&self) -> (usize, usize) {
        let correct = self
            .outcomes
            .iter()
            .filter(|o| o.as_ref().is_some_and(|o| o.grade.correct))
            .count();
        (correct, self.asked.len())
    }

    /// Every question of this run with its outcome (`None`: not answered).
    pub fn results(&self) -> impl Iterator<Item = (&Question, Option<&Outcome>)> {
        self.asked
            .iter()
            .zip(&self.outcomes)
            .filter_map(|(&i, o)| self.quiz.questions.get(i).map(|q| (q, o.as_ref())))
    }

    /// Ids of the questions missed (or unanswered) in this run.
    pub fn missed(&self) -> Vec<String> {
        self.missed_indices()
            .into_iter()
            .filter_map(|i| self.quiz.questions.get(i).map(|q| q.id.clone()))
            .collect()
    }

    /// How many runs this session has had (1, then +1 per retry).
    pub fn runs(&self) -> u32 {
        self.runs
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn follow_focus(&self) -> bool {
        self.follow_focus
    }

    /// A one-line hint after a message that did nothing (e.g. submitting too early).
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
