//! Per-type interaction state of the question on screen, and how each
//! message changes it. Pure; knows nothing about grading or time.
//!
//! Cursors over options/items/sides are *display* positions (see
//! [`Order`]); everything chosen is kept in *authored* indices, so the answer
//! built on submit needs no translation.

use crate::content::model::{Question, QuestionKind, Reason, Side, Verdict};
use crate::quiz::answer::Answer;
use crate::quiz::session::QuizMsg;
use crate::quiz::shuffle::Order;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq)]
pub enum Interaction {
    Choice(ChoiceState),
    Verdict(VerdictState),
    Compare(CompareState),
    Placement(PlacementState),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChoiceState {
    /// Display position of the focused option.
    pub cursor: usize,
    /// Authored indices of the selected options.
    pub selected: BTreeSet<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictPhase {
    /// Works or fails?
    Verdict,
    /// Which lines break (after "fails").
    Lines,
    /// Which of the six reasons (after the lines).
    Reason,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VerdictState {
    pub phase: VerdictPhase,
    /// The focused verdict in phase 1.
    pub verdict_cursor: Verdict,
    /// 1-based line under the cursor in phase 2.
    pub line_cursor: usize,
    /// 1-based marked lines.
    pub marked: BTreeSet<usize>,
    /// Index into [`Reason::ALL`] in phase 3.
    pub reason_cursor: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareState {
    /// The focused side *as displayed*.
    pub cursor: Side,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacementState {
    /// Display position of the focused item.
    pub cursor: usize,
    /// For each item (authored index), its chosen target (authored index).
    pub targets: Vec<Option<usize>>,
}

/// What a message did to the interaction.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// State changed (or not); stay on the question.
    Stay,
    /// The learner submitted this answer.
    Submit(Answer),
    /// Explain why nothing was submitted.
    Notice(String),
    /// Not handled here (e.g. Esc in the first phase): the session decides.
    Unhandled,
}

impl Interaction {
    pub fn new(question: &Question) -> Self {
        match &question.kind {
            QuestionKind::Choice(_) => Interaction::Choice(ChoiceState::default()),
            QuestionKind::Verdict(_) => Interaction::Verdict(VerdictState {
                phase: VerdictPhase::Verdict,
                verdict_cursor: Verdict::Works,
                line_cursor: 1,
                marked: BTreeSet::new(),
                reason_cursor: 0,
            }),
            QuestionKind::Compare(_) => Interaction::Compare(CompareState { cursor: Side::Left }),
            QuestionKind::Placement(p) => Interaction::Placement(PlacementState {
                cursor: 0,
                targets: vec![None; p.items.len()],
            }),
        }
    }

    pub fn handle(&mut self, msg: &QuizMsg, question: &Question, order: &Order) -> Step {
        match (self, &question.kind) {
            (Interaction::Choice(s), QuestionKind::Choice(q)) => s.handle(msg, q.multi, order),
            (Interaction::Verdict(s), QuestionKind::Verdict(q)) => {
                s.handle(msg, q.code.lines().count().max(1))
            }
            (Interaction::Compare(s), QuestionKind::Compare(_)) => s.handle(msg, order),
            (Interaction::Placement(s), QuestionKind::Placement(q)) => {
                s.handle(msg, q.targets.len(), order)
            }
            _ => Step::Unhandled,
        }
    }
}

fn step_cursor(cursor: usize, len: usize, down: bool) -> usize {
    if len == 0 {
        0
    } else if down {
        (cursor + 1).min(len - 1)
    } else {
        cursor.saturating_sub(1)
    }
}

/// `a`..`z` (either case) as a display position.
pub fn letter_index(c: char) -> Option<usize> {
    let c = c.to_ascii_lowercase();
    c.is_ascii_lowercase().then(|| usize::from(c as u8 - b'a'))
}

/// `1`..`9` as a 0-based index.
fn digit_index(c: char) -> Option<usize> {
    c.to_digit(10)
        .filter(|d| *d >= 1)
        .and_then(|d| usize::try_from(d - 1).ok())
}

impl ChoiceState {
    fn handle(&mut self, msg: &QuizMsg, multi: bool, order: &Order) -> Step {
        let len = order.len();
        match msg {
            QuizMsg::Up => self.cursor = step_cursor(self.cursor, len, false),
            QuizMsg::Down => self.cursor = step_cursor(self.cursor, len, true),
            QuizMsg::Toggle => self.choose(self.cursor, multi, order),
            QuizMsg::Key(c) => match letter_index(*c).filter(|&i| i < len) {
                Some(pos) => {
                    self.cursor = pos;
                    self.choose(pos, multi, order);
                }
                None => return Step::Unhandled,
            },
            QuizMsg::Submit => return self.submit(multi, order),
            _ => return Step::Unhandled,
        }
        Step::Stay
    }

    fn choose(&mut self, pos: usize, multi: bool, order: &Order) {
        let Some(idx) = order.authored(pos) else {
            return;
        };
        if multi {
            if !self.selected.remove(&idx) {
                self.selected.insert(idx);
            }
        } else {
            self.selected = BTreeSet::from([idx]);
        }
    }

    fn submit(&mut self, multi: bool, order: &Order) -> Step {
        if self.selected.is_empty() {
            if multi {
                return Step::Notice("select at least one option (Space or its letter)".into());
            }
            self.choose(self.cursor, false, order);
        }
        if self.selected.is_empty() {
            return Step::Notice("there is nothing to choose".into());
        }
        Step::Submit(Answer::Choice {
            selected: self.selected.iter().copied().collect(),
        })
    }
}

impl VerdictState {
    fn handle(&mut self, msg: &QuizMsg, line_count: usize) -> Step {
        match self.phase {
            VerdictPhase::Verdict => self.handle_verdict(msg, line_count),
            VerdictPhase::Lines => self.handle_lines(msg, line_count),
            VerdictPhase::Reason => self.handle_reason(msg),
        }
    }

    fn handle_verdict(&mut self, msg: &QuizMsg, line_count: usize) -> Step {
        let flip = |v| match v {
            Verdict::Works => Verdict::Fails,
            Verdict::Fails => Verdict::Works,
        };
        match msg {
            QuizMsg::Up | QuizMsg::Down | QuizMsg::Left | QuizMsg::Right | QuizMsg::Toggle => {
                self.verdict_cursor = flip(self.verdict_cursor);
                Step::Stay
            }
            QuizMsg::Key('w' | 'W') => self.choose_verdict(Verdict::Works, line_count),
            QuizMsg::Key('f' | 'F') => self.choose_verdict(Verdict::Fails, line_count),
            QuizMsg::Submit => self.choose_verdict(self.verdict_cursor, line_count),
            _ => Step::Unhandled,
        }
    }

    fn choose_verdict(&mut self, verdict: Verdict, line_count: usize) -> Step {
        self.verdict_cursor = verdict;
        match verdict {
            Verdict::Works => Step::Submit(Answer::Verdict {
                verdict,
                lines: Vec::new(),
                reason: None,
            }),
            Verdict::Fails => {
                self.phase = VerdictPhase::Lines;
                self.line_cursor = self.line_cursor.clamp(1, line_count);
                Step::Stay
            }
        }
    }

    fn handle_lines(&mut self, msg: &QuizMsg, line_count: usize) -> Step {
        match msg {
            QuizMsg::Up => self.line_cursor = self.line_cursor.saturating_sub(1).max(1),
            QuizMsg::Down => self.line_cursor = (self.line_cursor + 1).min(line_count),
            QuizMsg::Toggle => {
                if !self.marked.remove(&self.line_cursor) {
                    self.marked.insert(self.line_cursor);
                }
            }
            QuizMsg::Submit => {
                if self.marked.is_empty() {
                    self.marked.insert(self.line_cursor);
                }
                self.phase = VerdictPhase::Reason;
            }
            QuizMsg::Back => self.phase = VerdictPhase::Verdict,
            _ => return Step::Unhandled,
        }
        Step::Stay
    }

    fn handle_reason(&mut self, msg: &QuizMsg) -> Step {
        let len = Reason::ALL.len();
        match msg {
            QuizMsg::Up => self.reason_cursor = step_cursor(self.reason_cursor, len, false),
            QuizMsg::Down => self.reason_cursor = step_cursor(self.reason_cursor, len, true),
            QuizMsg::Key(c) => match digit_index(*c).filter(|&i| i < len) {
                Some(i) => {
                    self.reason_cursor = i;
                    return self.submit();
                }
                None => return Step::Unhandled,
            },
            QuizMsg::Submit | QuizMsg::Toggle => return self.submit(),
            QuizMsg::Back => self.phase = VerdictPhase::Lines,
            _ => return Step::Unhandled,
        }
        Step::Stay
    }

    fn submit(&self) -> Step {
        Step::Submit(Answer::Verdict {
            verdict: Verdict::Fails,
            lines: self.marked.iter().copied().collect(),
            reason: Reason::ALL.get(self.reason_cursor).copied(),
        })
    }
}

/// The authored side shown at a display side.
pub fn authored_side(order: &Order, shown: Side) -> Side {
    let pos = match shown {
        Side::Left => 0,
        Side::Right => 1,
    };
    match order.authored(pos) {
        Some(1) => Side::Right,
        _ => Side::Left,
    }
}

impl CompareState {
    fn handle(&mut self, msg: &QuizMsg, order: &Order) -> Step {
        match msg {
            QuizMsg::Left | QuizMsg::Up | QuizMsg::Key('l' | 'L' | '1') => self.cursor = Side::Left,
            QuizMsg::Right | QuizMsg::Down | QuizMsg::Key('r' | 'R' | '2') => {
                self.cursor = Side::Right
            }
            QuizMsg::Toggle => {
                self.cursor = match self.cursor {
                    Side::Left => Side::Right,
                    Side::Right => Side::Left,
                }
            }
            QuizMsg::Submit => {
                return Step::Submit(Answer::Compare {
                    side: authored_side(order, self.cursor),
                })
            }
            _ => return Step::Unhandled,
        }
        Step::Stay
    }
}

impl PlacementState {
    fn handle(&mut self, msg: &QuizMsg, target_count: usize, order: &Order) -> Step {
        let item = order.authored(self.cursor);
        match msg {
            QuizMsg::Up => self.cursor = step_cursor(self.cursor, order.len(), false),
            QuizMsg::Down => self.cursor = step_cursor(self.cursor, order.len(), true),
            QuizMsg::Right | QuizMsg::Toggle => self.cycle(item, target_count, true),
            QuizMsg::Left => self.cycle(item, target_count, false),
            QuizMsg::Key(c) => match (digit_index(*c).filter(|&t| t < target_count), item) {
                (Some(t), Some(i)) => {
                    if let Some(slot) = self.targets.get_mut(i) {
                        *slot = Some(t);
                    }
                    self.cursor = step_cursor(self.cursor, order.len(), true);
                }
                _ => return Step::Unhandled,
            },
            QuizMsg::Submit => return self.submit(),
            _ => return Step::Unhandled,
        }
        Step::Stay
    }

    fn cycle(&mut self, item: Option<usize>, target_count: usize, forward: bool) {
        let Some(slot) = item.and_then(|i| self.targets.get_mut(i)) else {
            return;
        };
        if target_count == 0 {
            return;
        }
        *slot = Some(match (*slot, forward) {
            (None, true) => 0,
            (None, false) => target_count - 1,
            (Some(t), true) => (t + 1) % target_count,
            (Some(t), false) => (t + target_count - 1) % target_count,
        });
    }

    fn submit(&self) -> Step {
        let left = self.targets.iter().filter(|t| t.is_none()).count();
        if left > 0 {
            let s = if left == 1 { "" } else { "s" };
            return Step::Notice(format!(
                "place every item first ({left} item{s} left): ←/→ or a number"
            ));
        }
        Step::Submit(Answer::Placement {
            targets: self.targets.clone(),
        })
    }
}
