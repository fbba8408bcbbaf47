//! `update`: the only place the app state changes. Pure: no I/O, no clock;
//! what must touch the disk or the terminal comes back as [`Effect`]s.

use super::search::{self, Search, MAX_HITS};
use super::{Banner, BannerKind, Effect, Focus, Msg, Overlay, State};
use crate::content::model::Course;
use crate::keymap::{self, Action};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

/// Rows the mouse wheel scrolls per notch.
const WHEEL_ROWS: usize = 3;

pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(state, key),
        Msg::Mouse(mouse) => on_mouse(state, mouse),
        Msg::Paste(text) => {
            if state.overlay == Some(Overlay::Search) {
                let clean = crate::content::sanitize::inline(&text).into_owned();
                state.search.query.push_str(&clean);
                refresh_search(state);
            }
            Vec::new()
        }
        Msg::Resize(width, height) => {
            keep_position(state, |s| s.area = Rect::new(0, 0, width, height));
            Vec::new()
        }
        Msg::Theme(name) => {
            let theme = crate::theme::Theme::new(name, state.theme.color);
            state.forget_layouts();
            keep_position(state, |s| s.theme = theme);
            Vec::new()
        }
        Msg::Highlight => {
            keep_position(state, |s| s.highlight = true);
            state.lay_out_neighbours();
            Vec::new()
        }
        Msg::Idle => {
            let pos = state.scroll_pos();
            if state.idle_work() {
                state.scroll = state.row_of(pos);
                state.clamp_scroll();
                return vec![Effect::Redraw];
            }
            Vec::new()
        }
        Msg::CourseReloaded(course) => {
            reload(state, *course);
            Vec::new()
        }
        Msg::CourseComplete(course) => {
            complete(state, *course);
            Vec::new()
        }
        Msg::ReloadFailed(lines) => {
            let mut shown = vec![
                "The edited course does not validate; showing the last good version:".to_owned(),
            ];
            shown.extend(lines.iter().flat_map(|l| l.lines().map(str::to_owned)));
            state.banner = Some(Banner {
                kind: BannerKind::Error,
                lines: shown,
            });
            keep_position(state, |_| {});
            Vec::new()
        }
        Msg::Notice(text) if state.quiz.is_some() => {
            if let Some(quiz) = state.quiz.as_mut() {
                quiz.notice = Some(text);
            }
            Vec::new()
        }
        Msg::StartQuiz { quiz_id, seed, now } => {
            super::quiz::start(state, &quiz_id, seed, now);
            Vec::new()
        }
        Msg::Quiz(msg, now) => super::quiz::input(state, msg, now),
        Msg::Notice(text) => {
            state.banner = Some(Banner {
                kind: BannerKind::Info,
                lines: vec![text],
            });
            keep_position(state, |_| {});
            Vec::new()
        }
    }
}

/// Applies `change` and re-lays-out, keeping the same text at the top.
fn keep_position(state: &mut State, change: impl FnOnce(&mut State)) {
    let pos = state.scroll_pos();
    change(state);
    state.relayout();
    state.scroll = state.row_of(pos);
    state.clamp_scroll();
    if state.search.active() {
        state.search.matches = search::matches_in(state.laid(), &state.search.query);
    }
}

/// Swaps in the whole course for its first part: the open lesson is the
/// same, so its layout (and the scroll position) stay as they are.
fn complete(state: &mut State, course: Course) {
    let open = |c: &Course| c.lessons.get(state.lesson).map(|l| l.id.clone());
    if open(&state.course) != open(&course) {
        return reload(state, course);
    }
    state.course = course;
    state.forget_layouts_but_current();
    refresh_search(state);
}

fn reload(state: &mut State, course: Course) {
    let current_id = state.current_lesson().map(|l| l.id.clone());
    let pos = state.scroll_pos();
    state.course = course;
    state.lesson = current_id
        .and_then(|id| state.course.lessons.iter().position(|l| l.id == id))
        .unwrap_or(0)
        .min(state.course.lessons.len().saturating_sub(1));
    state.sidebar_sel = state.lesson;
    if state
        .banner
        .as_ref()
        .is_some_and(|b| b.kind == BannerKind::Error)
    {
        state.banner = None;
    }
    state.forget_layouts();
    state.relayout();
    state.scroll = state.row_of(pos);
    state.clamp_scroll();
    refresh_search(state);
}

fn on_key(state: &mut State, key: KeyEvent) -> Vec<Effect> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    if state.overlay == Some(Overlay::Search) {
        return on_search_key(state, key);
    }
    if state.quiz.is_some() {
        return on_key_in_quiz(state, key);
    }
    match keymap::action_for(key) {
        Some(action) => on_action(state, action),
        None => Vec::new(),
    }
}

/// On the quiz screen only the app's global keys arrive here (the rest go
/// to the session as `Msg::Quiz`, see [`routes_to_quiz`]).
fn on_key_in_quiz(state: &mut State, key: KeyEvent) -> Vec<Effect> {
    match keymap::action_for(key) {
        Some(Action::ForceQuit) => quit(state),
        Some(Action::Suspend) => vec![Effect::Suspend],
        Some(Action::Help) => {
            state.overlay = match state.overlay {
                Some(Overlay::Help) => None,
                _ => Some(Overlay::Help),
            };
            Vec::new()
        }
        Some(Action::Back | Action::Quit) if state.overlay.is_some() => {
            state.overlay = None;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Whether a key belongs to the open quiz session rather than to the app:
/// everything but Ctrl-C, Ctrl-Z and `?`, and nothing while the help is open.
pub fn routes_to_quiz(state: &State, key: &KeyEvent) -> bool {
    if state.quiz.is_none() || state.overlay.is_some() {
        return false;
    }
    !matches!(
        keymap::action_for(*key),
        Some(Action::ForceQuit | Action::Suspend | Action::Help)
    )
}

fn quit(state: &State) -> Vec<Effect> {
    let mut effects: Vec<Effect> = state
        .lesson_save()
        .map(Effect::SaveLesson)
        .into_iter()
        .collect();
    effects.push(Effect::Quit);
    effects
}

fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    match (action, &state.overlay) {
        (Action::ForceQuit, _) => return quit(state),
        (Action::Suspend, _) => return vec![Effect::Suspend],
        (Action::Help | Action::Back | Action::Quit, Some(Overlay::Help)) => {
            state.overlay = None;
            return Vec::new();
        }
        (_, Some(Overlay::Help)) => return Vec::new(),
        _ => {}
    }
    let sidebar = state.focus == Focus::Sidebar;
    let page = state.page_rows().saturating_sub(1).max(1);
    match action {
        Action::Help => state.overlay = Some(Overlay::Help),
        Action::Back if state.search.active() => state.search = Search::default(),
        Action::Back if sidebar => {
            state.focus = Focus::Content;
            // The lesson list shrinks back to its rail: lay out again.
            keep_position(state, |_| {});
        }
        Action::Back | Action::Quit => return quit(state),
        Action::Down if sidebar => move_selection(state, 1),
        Action::Up if sidebar => move_selection(state, -1),
        Action::PageDown if sidebar => move_selection(state, 10),
        Action::PageUp if sidebar => move_selection(state, -10),
        Action::Top if sidebar => state.sidebar_sel = 0,
        Action::Bottom if sidebar => {
            state.sidebar_sel = state.course.lessons.len().saturating_sub(1)
        }
        Action::Down => return scroll_by(state, 1),
        Action::Up => return scroll_by(state, -1),
        Action::PageDown => return scroll_by(state, page as isize),
        Action::PageUp => return scroll_by(state, -(page as isize)),
        Action::Top => return scroll_to(state, 0),
        Action::Bottom => return scroll_to(state, usize::MAX),
        Action::NextLesson => return open_lesson(state, state.lesson.saturating_add(1)),
        Action::PrevLesson => return open_lesson(state, state.lesson.saturating_sub(1)),
        Action::ToggleFocus => toggle_focus(state),
        Action::Open if sidebar => {
            state.focus = Focus::Content;
            let target = state.sidebar_sel;
            let effects = open_lesson(state, target);
            keep_position(state, |_| {});
            return effects;
        }
        Action::Open | Action::OpenQuiz => return open_quiz(state, action == Action::OpenQuiz),
        Action::Search => {
            state.search = Search::default();
            state.overlay = Some(Overlay::Search);
        }
        Action::NextMatch => step_match(state, 1),
        Action::PrevMatch => step_match(state, -1),
        Action::ForceQuit | Action::Suspend => {}
    }
    Vec::new()
}

fn toggle_focus(state: &mut State) {
    state.focus = match state.focus {
        Focus::Content => {
            state.sidebar_sel = state.lesson;
            Focus::Sidebar
        }
        Focus::Sidebar => Focus::Content,
    };
    // On a narrow screen the lesson pane appears or disappears: lay out again.
    keep_position(state, |_| {});
}

fn move_selection(state: &mut State, by: isize) {
    let last = state.course.lessons.len().saturating_sub(1);
    state.sidebar_sel = state.sidebar_sel.saturating_add_signed(by).min(last);
}

fn scroll_by(state: &mut State, by: isize) -> Vec<Effect> {
    let target = state.scroll.saturating_add_signed(by);
    scroll_to(state, target)
}

/// Scrolls; reaching the end of a lesson for the first time marks it read (saved).
fn scroll_to(state: &mut State, row: usize) -> Vec<Effect> {
    state.scroll = row;
    state.clamp_scroll();
    mark_read_at_end(state)
}

fn mark_read_at_end(state: &mut State) -> Vec<Effect> {
    let Some(save) = state.lesson_save() else {
        return Vec::new();
    };
    let already = state
        .progress
        .lessons
        .get(&save.lesson_id)
        .is_some_and(|p| p.read);
    if save.read && !already {
        super::progress::apply_lesson_save(&mut state.progress, &save);
        return vec![Effect::SaveLesson(save)];
    }
    Vec::new()
}

/// Opens lesson `index` at its top (saving where the learner was in the old one).
fn open_lesson(state: &mut State, index: usize) -> Vec<Effect> {
    let last = state.course.lessons.len().saturating_sub(1);
    let index = index.min(last);
    if index == state.lesson || state.course.lessons.is_empty() {
        return Vec::new();
    }
    let mut effects = Vec::new();
    if let Some(save) = state.lesson_save() {
        super::progress::apply_lesson_save(&mut state.progress, &save);
        effects.push(Effect::SaveLesson(save));
    }
    state.lesson = index;
    state.sidebar_sel = index;
    state.scroll = 0;
    if state
        .banner
        .as_ref()
        .is_some_and(|b| b.kind == BannerKind::Info)
    {
        state.banner = None;
    }
    state.relayout();
    state.search.matches = search::matches_in(state.laid(), &state.search.query);
    state.search.current = None;
    if let Some(save) = state.lesson_save() {
        super::progress::apply_lesson_save(&mut state.progress, &save);
        effects.push(Effect::SaveLesson(save));
    }
    effects
}

/// `Q` anywhere, or Enter at the end of a lesson: the lesson's quiz (Enter
/// goes on to the next lesson when there is no quiz).
fn open_quiz(state: &mut State, explicit: bool) -> Vec<Effect> {
    if !explicit && !state.at_end() {
        return scroll_by(state, state.page_rows().saturating_sub(1).max(1) as isize);
    }
    let Some(quiz_id) = super::quiz::quiz_of_current_lesson(state) else {
        if !explicit {
            // Enter at the end of a lesson without a quiz: read on.
            return open_lesson(state, state.lesson.saturating_add(1));
        }
        if state.current_lesson().is_some() {
            state.banner = Some(Banner {
                kind: BannerKind::Info,
                lines: vec!["This lesson has no quiz.".to_owned()],
            });
            keep_position(state, |_| {});
        }
        return Vec::new();
    };
    let mut effects: Vec<Effect> = state
        .lesson_save()
        .map(Effect::SaveLesson)
        .into_iter()
        .collect();
    effects.push(Effect::StartQuiz { quiz_id });
    effects
}

fn step_match(state: &mut State, by: isize) {
    let count = state.search.matches.len();
    if count == 0 {
        return;
    }
    let next = match state.search.current {
        None if by > 0 => search::first_from(&state.search.matches, state.scroll).unwrap_or(0),
        None => count - 1,
        Some(i) => (i as isize + by).rem_euclid(count as isize) as usize,
    };
    state.search.current = Some(next);
    reveal_row(state, state.search.matches[next].row);
}

/// Scrolls so `row` is visible, a few rows below the top.
fn reveal_row(state: &mut State, row: usize) {
    let page = state.page_rows();
    if row < state.scroll || row >= state.scroll + page {
        state.scroll = row.saturating_sub(page / 4);
        state.clamp_scroll();
    }
}

fn on_search_key(state: &mut State, key: KeyEvent) -> Vec<Effect> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => return quit(state),
        KeyCode::Char('z') if ctrl => return vec![Effect::Suspend],
        KeyCode::Esc => {
            state.overlay = None;
            state.search = Search::default();
        }
        KeyCode::Enter => return jump_to_hit(state),
        KeyCode::Down => {
            let last = state.search.hits.len().saturating_sub(1);
            state.search.selected = (state.search.selected + 1).min(last);
        }
        KeyCode::Up => state.search.selected = state.search.selected.saturating_sub(1),
        KeyCode::Backspace => {
            state.search.query.pop();
            refresh_search(state);
        }
        KeyCode::Char(c) if !ctrl && !c.is_control() => {
            state.search.query.push(c);
            refresh_search(state);
        }
        _ => {}
    }
    Vec::new()
}

/// Recomputes matches (current lesson) and, while the prompt is open, hits
/// (whole course, the current lesson first).
fn refresh_search(state: &mut State) {
    let query = state.search.query.clone();
    state.search.matches = search::matches_in(state.laid(), &query);
    state.search.current = None;
    state.search.selected = 0;
    state.search.hits.clear();
    if query.is_empty() || state.overlay != Some(Overlay::Search) {
        return;
    }
    let count = state.course.lessons.len();
    let current = state.lesson;
    let order = (0..count).map(|i| (current + i) % count);
    let mut hits = Vec::new();
    for index in order {
        let laid = state.laid_plain(index);
        hits.extend(search::hits_in(&laid, index, &query, MAX_HITS - hits.len()));
        if hits.len() >= MAX_HITS {
            break;
        }
    }
    // Within the current lesson, start from the first hit at or below the top row.
    let scroll = state.scroll;
    state.search.selected = hits
        .iter()
        .position(|h| h.lesson == state.lesson && h.row >= scroll)
        .unwrap_or(0);
    state.search.hits = hits;
}

fn jump_to_hit(state: &mut State) -> Vec<Effect> {
    state.overlay = None;
    let Some(hit) = state.search.hits.get(state.search.selected).cloned() else {
        state.search.hits.clear();
        return Vec::new();
    };
    state.search.hits.clear();
    let effects = open_lesson(state, hit.lesson);
    state.search.matches = search::matches_in(state.laid(), &state.search.query);
    state.search.current = state.search.matches.iter().position(|m| m.row == hit.row);
    reveal_row(state, hit.row);
    effects
}

fn on_mouse(state: &mut State, mouse: MouseEvent) -> Vec<Effect> {
    if state.overlay.is_some() || state.quiz.is_some() {
        return Vec::new();
    }
    let at = Position::new(mouse.column, mouse.row);
    let geometry = state.geometry();
    match mouse.kind {
        MouseEventKind::ScrollDown if geometry.sidebar.contains(at) => move_selection(state, 1),
        MouseEventKind::ScrollUp if geometry.sidebar.contains(at) => move_selection(state, -1),
        MouseEventKind::ScrollDown => return scroll_by(state, WHEEL_ROWS as isize),
        MouseEventKind::ScrollUp => return scroll_by(state, -(WHEEL_ROWS as isize)),
        MouseEventKind::Down(MouseButton::Left) if geometry.sidebar.contains(at) => {
            let first_list_row = geometry.sidebar.y + 2;
            if mouse.row >= first_list_row {
                let index = usize::from(mouse.row - first_list_row) + state.sidebar_offset();
                if index < state.course.lessons.len() {
                    state.focus = Focus::Content;
                    let effects = open_lesson(state, index);
                    keep_position(state, |_| {});
                    return effects;
                }
            }
        }
        _ => {}
    }
    Vec::new()
}
