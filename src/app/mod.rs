//! The learner app's state, in the Elm style: [`State`] is everything on
//! screen, [`Msg`] is everything that can happen, [`update`] (pure) changes
//! the state and returns [`Effect`]s that the terminal edge (`tui.rs`)
//! executes. The views (`ui`) draw from `&State` only.
//!
//! Invariants kept by every `update`:
//! - `laid` is the layout of the current lesson at the current lesson-pane
//!   width, so drawing never wraps text;
//! - `scroll <= max_scroll()`, `lesson < lessons.len()` (or 0 when empty).

pub mod geometry;
pub mod layouts;
pub mod msg;
pub mod progress;
pub mod quiz;
pub mod search;
pub mod update;

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod quiz_tests;
#[cfg(test)]
mod update_tests;

pub use msg::{Effect, LessonSave, Msg};
pub use update::{routes_to_quiz, update};

use crate::content::model::{Course, Lesson};
use crate::layout::{Laid, LayoutOptions};
use crate::persist::progress::{CourseProgress, ScrollPos};
use crate::theme::Theme;
use geometry::Geometry;
use layouts::Layouts;
use ratatui::layout::Rect;
use search::Search;
use std::sync::Arc;

/// Lessons with more top-level blocks than this are laid out progressively.
const PARTIAL_FROM_BLOCKS: usize = 400;
/// How many pages past the top visible block the first layout covers.
const PARTIAL_EXTRA_PAGES: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sidebar,
    Content,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The search prompt with the course-wide hits list.
    Search,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerKind {
    Info,
    Error,
}

/// A message above the lesson: the welcome hint, a notice, reload errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    pub kind: BannerKind,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct State {
    pub course: Course,
    pub theme: Theme,
    /// The terminal size.
    pub area: Rect,
    /// The quiz screen, when open: it covers the course view.
    pub quiz: Option<Box<quiz::QuizScreen>>,
    /// Started as `serverless-tutor quiz ID`: leaving the quiz quits.
    pub quiz_only: bool,
    pub lesson: usize,
    /// First visible row of the laid-out lesson.
    pub scroll: usize,
    pub focus: Focus,
    /// The highlighted row of the lesson list.
    pub sidebar_sel: usize,
    pub overlay: Option<Overlay>,
    pub search: Search,
    pub banner: Option<Banner>,
    /// The learner's progress in this course (for the sidebar marks).
    pub progress: CourseProgress,
    /// Syntax highlighting is on (after the first frame).
    pub highlight: bool,
    /// `laid` is the plain layout while highlighting is on: the highlighted
    /// one is computed when the app is idle (after the frame is drawn).
    stale_highlight: bool,
    /// `laid` holds only the first blocks of a huge lesson (the rest is laid
    /// out when idle); the end of the lesson is not known yet.
    partial: bool,
    laid: Arc<Laid>,
    layouts: Layouts,
}

impl State {
    /// The state for a course, resumed from `progress` (first run: lesson 1
    /// with a welcome hint). Call [`Msg::Resize`] before the first draw.
    pub fn new(course: Course, theme: Theme, progress: CourseProgress, area: Rect) -> State {
        let lesson = progress
            .last_lesson
            .as_deref()
            .and_then(|id| course.lessons.iter().position(|l| l.id == id));
        let banner = match lesson {
            None if !course.lessons.is_empty() => Some(Banner {
                kind: BannerKind::Info,
                lines: vec![
                    "Welcome! j/k or ↓/↑ scroll · ] next lesson · Tab lesson list · / search · ? every key · q quit"
                        .to_owned(),
                ],
            }),
            _ => None,
        };
        let lesson = lesson.unwrap_or(0);
        let mut state = State {
            course,
            theme,
            area,
            quiz: None,
            quiz_only: false,
            lesson,
            scroll: 0,
            focus: Focus::Content,
            sidebar_sel: lesson,
            overlay: None,
            search: Search::default(),
            banner,
            progress,
            highlight: false,
            stale_highlight: false,
            partial: false,
            laid: Arc::new(Laid::default()),
            layouts: Layouts::default(),
        };
        state.relayout();
        let saved = state
            .current_lesson()
            .and_then(|l| state.progress.lessons.get(&l.id))
            .map(|p| p.scroll);
        if let Some(pos) = saved {
            state.relayout_around(pos.block);
            state.scroll = state.row_of(pos);
            state.clamp_scroll();
        }
        state
    }

    pub fn current_lesson(&self) -> Option<&Lesson> {
        self.course.lessons.get(self.lesson)
    }

    /// The current lesson laid out for the lesson pane.
    pub fn laid(&self) -> &Laid {
        &self.laid
    }

    pub fn geometry(&self) -> Geometry {
        let sidebar_only = self.focus == Focus::Sidebar;
        let content_width = match geometry::sidebar_width(self.area.width, sidebar_only) {
            0 => self.area.width,
            side => self.area.width - side,
        };
        let rows = self.banner_lines(content_width).len();
        let banner_rows = u16::try_from(rows).unwrap_or(u16::MAX);
        geometry::geometry(self.area, sidebar_only, banner_rows)
    }

    /// The banner's text as shown in `width` columns, symbol included: info
    /// lines word-wrapped, error lines (diagnostics with carets) kept as they
    /// are and cut by the view.
    pub fn banner_lines(&self, width: u16) -> Vec<String> {
        let Some(banner) = &self.banner else {
            return Vec::new();
        };
        let (symbol, wrap) = match banner.kind {
            BannerKind::Info => ("ℹ ", true),
            BannerKind::Error => ("✖ ", false),
        };
        let room = usize::from(width.saturating_sub(2)).max(1);
        let mut out = Vec::new();
        for line in &banner.lines {
            let pieces = if wrap {
                let mut w = crate::layout::wrap::WordWrap::new(room);
                w.text(ratatui::style::Style::new(), line);
                w.finish()
                    .into_iter()
                    .map(|l| l.runs.into_iter().map(|(_, t)| t).collect())
                    .collect()
            } else {
                vec![line.clone()]
            };
            for piece in pieces {
                let prefix = if out.is_empty() { symbol } else { "  " };
                out.push(format!("{prefix}{piece}"));
            }
        }
        out
    }

    /// Rows of lesson text visible at once.
    pub fn page_rows(&self) -> usize {
        usize::from(self.geometry().lesson.height)
    }

    pub fn max_scroll(&self) -> usize {
        self.laid.lines.len().saturating_sub(self.page_rows())
    }

    /// The end of the lesson is on screen.
    pub fn at_end(&self) -> bool {
        !self.partial && self.scroll >= self.max_scroll()
    }

    /// How far through the lesson the learner is, 0–100.
    pub fn percent(&self) -> usize {
        match self.max_scroll() {
            0 => 100,
            max => self.scroll.min(max) * 100 / max,
        }
    }

    pub(crate) fn layout_options(&self, highlight: bool) -> LayoutOptions {
        LayoutOptions {
            width: self.geometry().lesson.width.max(1),
            theme: self.theme,
            highlight,
        }
    }

    /// Lays out the current lesson for the current width (cached). Never
    /// highlights on this path (it runs on a key press or resize): if the
    /// highlighted layout is not cached yet, the plain one stands in until
    /// [`State::idle_work`]. A huge lesson is first laid out only up to a
    /// little past the top visible block (the rest follows when idle).
    pub(crate) fn relayout(&mut self) {
        let block = self.scroll_pos().block;
        self.relayout_around(block);
    }

    fn relayout_around(&mut self, block: usize) {
        let highlighted = self.layout_options(true);
        if self.highlight {
            if let Some(laid) = self.layouts.peek(self.lesson, highlighted) {
                self.laid = laid;
                self.stale_highlight = false;
                self.partial = false;
                return;
            }
        }
        let plain = self.layout_options(false);
        self.stale_highlight = self.highlight;
        let huge = self
            .course
            .lessons
            .get(self.lesson)
            .filter(|l| l.blocks.len() > PARTIAL_FROM_BLOCKS);
        if let (Some(lesson), None) = (huge, self.layouts.peek(self.lesson, plain)) {
            let extra_rows = PARTIAL_EXTRA_PAGES * self.page_rows().max(1);
            let laid = crate::layout::layout_prefix(&lesson.blocks, &plain, block, extra_rows);
            self.partial = laid.block_rows.len() < lesson.blocks.len();
            self.laid = Arc::new(laid);
            return;
        }
        self.partial = false;
        self.laid = self.layouts.get(&self.course, self.lesson, plain);
    }

    /// Whether there is work for a quiet moment: highlighting the current
    /// lesson, or laying out its neighbours so `]`/`[` are instant.
    pub fn has_idle_work(&self) -> bool {
        if self.stale_highlight || self.partial {
            return true;
        }
        let opts = self.layout_options(self.highlight);
        self.neighbours()
            .any(|i| self.layouts.peek(i, opts).is_none())
    }

    /// Lays out the lessons before and after this one, plain, so `]` and
    /// `[` find them ready (a huge one is left to the idle work).
    pub(crate) fn lay_out_neighbours(&mut self) {
        let plain = self.layout_options(false);
        let small: Vec<usize> = self
            .neighbours()
            .filter(|&i| self.course.lessons[i].blocks.len() <= PARTIAL_FROM_BLOCKS)
            .collect();
        for index in small {
            self.layouts.get(&self.course, index, plain);
        }
    }

    fn neighbours(&self) -> impl Iterator<Item = usize> {
        let count = self.course.lessons.len();
        [self.lesson.checked_add(1), self.lesson.checked_sub(1)]
            .into_iter()
            .flatten()
            .filter(move |&i| i < count)
    }

    /// Does one piece of idle work; true when the screen changed (redraw).
    pub(crate) fn idle_work(&mut self) -> bool {
        let opts = self.layout_options(self.highlight);
        if self.partial {
            let plain = self.layout_options(false);
            self.laid = self.layouts.get(&self.course, self.lesson, plain);
            self.partial = false;
            return true;
        }
        if self.stale_highlight {
            self.laid = self.layouts.get(&self.course, self.lesson, opts);
            self.stale_highlight = false;
            return true;
        }
        let missing = self
            .neighbours()
            .find(|&i| self.layouts.peek(i, opts).is_none());
        if let Some(index) = missing {
            self.layouts.get(&self.course, index, opts);
        }
        false
    }

    /// Any lesson laid out at the current width, plain (for course-wide search).
    pub(crate) fn laid_plain(&mut self, index: usize) -> Arc<Laid> {
        let highlighted = self.layout_options(true);
        if let Some(laid) = self.layouts.peek(index, highlighted) {
            return laid;
        }
        let opts = self.layout_options(false);
        self.layouts.get(&self.course, index, opts)
    }

    pub(crate) fn forget_layouts(&mut self) {
        self.layouts.clear();
    }

    /// Forgets the other lessons' layouts (their content changed).
    pub(crate) fn forget_layouts_but_current(&mut self) {
        self.layouts.keep_only(self.lesson);
    }

    pub(crate) fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// The scroll position as (top block, rows into it): survives a new width.
    pub fn scroll_pos(&self) -> ScrollPos {
        let rows = &self.laid.block_rows;
        let block = rows
            .partition_point(|&r| r <= self.scroll)
            .saturating_sub(1);
        let start = rows.get(block).copied().unwrap_or(0);
        ScrollPos {
            block,
            row: self.scroll.saturating_sub(start),
        }
    }

    /// The row of a saved position in the current layout (clamped to its block).
    pub fn row_of(&self, pos: ScrollPos) -> usize {
        let rows = &self.laid.block_rows;
        let Some(&start) = rows.get(pos.block) else {
            return rows.last().copied().unwrap_or(0);
        };
        let end = rows
            .get(pos.block + 1)
            .copied()
            .unwrap_or(self.laid.lines.len());
        start + pos.row.min(end.saturating_sub(start + 1))
    }

    /// What to save for the current lesson.
    pub fn lesson_save(&self) -> Option<LessonSave> {
        let lesson = self.current_lesson()?;
        Some(LessonSave {
            lesson_id: lesson.id.clone(),
            scroll: self.scroll_pos(),
            read: self.at_end(),
        })
    }

    /// The first row of the lesson list shown, so `sidebar_sel` stays visible.
    pub fn sidebar_offset(&self) -> usize {
        let rows = usize::from(self.geometry().sidebar.height.saturating_sub(2));
        if rows == 0 {
            return 0;
        }
        self.sidebar_sel.saturating_sub(rows - 1)
    }
}
