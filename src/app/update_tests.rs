//! Unit tests of `update`: keys, mouse, resize, search, reload, and the
//! effects (saves, quit, suspend) each of them must return.

use super::fixture;
use super::*;
use crate::persist::progress::LessonProgress;
use crate::theme::ThemeName;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn fresh(w: u16, h: u16) -> State {
    let theme = Theme::new(ThemeName::Dark, true);
    let mut s = State::new(
        fixture::course(),
        theme,
        CourseProgress::default(),
        Rect::new(0, 0, w, h),
    );
    update(&mut s, Msg::Resize(w, h));
    s
}

fn press(s: &mut State, code: KeyCode) -> Vec<Effect> {
    update(s, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn ctrl(s: &mut State, c: char) -> Vec<Effect> {
    update(
        s,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

fn typed(s: &mut State, text: &str) {
    for c in text.chars() {
        press(s, KeyCode::Char(c));
    }
}

fn saved_ids(effects: &[Effect]) -> Vec<&str> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveLesson(save) => Some(save.lesson_id.as_str()),
            _ => None,
        })
        .collect()
}

fn mouse(s: &mut State, kind: MouseEventKind, column: u16, row: u16) -> Vec<Effect> {
    update(
        s,
        Msg::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    )
}

#[test]
fn first_run_starts_on_lesson_one_with_a_welcome_hint() {
    let s = fresh(120, 40);
    assert_eq!(s.lesson, 0);
    assert_eq!(s.scroll, 0);
    assert!(s
        .banner
        .as_ref()
        .is_some_and(|b| b.lines[0].starts_with("Welcome")));
}

#[test]
fn resumes_at_the_saved_lesson_and_block() {
    let mut progress = CourseProgress {
        last_lesson: Some("02-lesson".into()),
        ..CourseProgress::default()
    };
    progress.lessons.insert(
        "02-lesson".into(),
        LessonProgress {
            scroll: ScrollPos { block: 2, row: 1 },
            ..LessonProgress::default()
        },
    );
    let theme = Theme::new(ThemeName::Dark, true);
    let mut s = State::new(fixture::course(), theme, progress, Rect::new(0, 0, 120, 12));
    update(&mut s, Msg::Resize(120, 12));
    assert_eq!(s.lesson, 1);
    assert_eq!(s.banner, None);
    assert_eq!(s.scroll_pos(), ScrollPos { block: 2, row: 1 });
    assert_eq!(s.scroll, s.laid().block_rows[2] + 1);
}

#[test]
fn next_lesson_saves_the_old_and_the_new_position_and_stops_at_the_end() {
    let mut s = fresh(120, 40);
    typed(&mut s, "jj");
    let effects = press(&mut s, KeyCode::Char(']'));
    assert_eq!(saved_ids(&effects), vec!["01-lesson", "02-lesson"]);
    assert_eq!((s.lesson, s.scroll), (1, 0));
    assert_eq!(
        s.banner, None,
        "the welcome hint goes with the first lesson change"
    );
    assert_eq!(s.progress.last_lesson.as_deref(), Some("02-lesson"));
    press(&mut s, KeyCode::Char(']'));
    assert!(press(&mut s, KeyCode::Char(']')).is_empty());
    assert_eq!(s.lesson, 2);
    press(&mut s, KeyCode::Char('['));
    assert_eq!(s.lesson, 1);
}

#[test]
fn reaching_the_end_marks_the_lesson_read_once() {
    let mut s = fresh(120, 40);
    let effects = press(&mut s, KeyCode::End);
    assert_eq!(saved_ids(&effects), vec!["01-lesson"]);
    assert!(s.at_end());
    assert!(s.progress.lessons["01-lesson"].read);
    assert!(press(&mut s, KeyCode::Char('k')).is_empty());
    assert!(press(&mut s, KeyCode::Char('G')).is_empty());
}

#[test]
fn scrolling_is_clamped_to_the_lesson() {
    let mut s = fresh(120, 12);
    press(&mut s, KeyCode::Char('k'));
    assert_eq!(s.scroll, 0);
    for _ in 0..500 {
        press(&mut s, KeyCode::Char('j'));
    }
    assert_eq!(s.scroll, s.max_scroll());
    press(&mut s, KeyCode::Home);
    assert_eq!(s.scroll, 0);
    press(&mut s, KeyCode::PageDown);
    assert_eq!(s.scroll, s.page_rows() - 1);
}

#[test]
fn quit_saves_first_and_ctrl_c_quits_from_the_search_prompt() {
    let mut s = fresh(120, 40);
    let effects = press(&mut s, KeyCode::Char('q'));
    assert_eq!(saved_ids(&effects), vec!["01-lesson"]);
    assert_eq!(effects.last(), Some(&Effect::Quit));
    typed(&mut s, "/lam");
    assert_eq!(s.overlay, Some(Overlay::Search));
    assert_eq!(ctrl(&mut s, 'c').last(), Some(&Effect::Quit));
    assert_eq!(ctrl(&mut s, 'z'), vec![Effect::Suspend]);
}

#[test]
fn esc_and_q_close_overlays_before_quitting() {
    let mut s = fresh(120, 40);
    press(&mut s, KeyCode::Char('?'));
    assert_eq!(s.overlay, Some(Overlay::Help));
    assert!(
        press(&mut s, KeyCode::Char('j')).is_empty(),
        "keys under the help do nothing"
    );
    assert!(press(&mut s, KeyCode::Esc).is_empty());
    assert_eq!(s.overlay, None);
    typed(&mut s, "/cold");
    press(&mut s, KeyCode::Enter);
    assert!(s.search.active());
    assert!(
        press(&mut s, KeyCode::Esc).is_empty(),
        "Esc clears the search first"
    );
    assert!(!s.search.active());
    press(&mut s, KeyCode::Tab);
    assert!(
        press(&mut s, KeyCode::Esc).is_empty(),
        "Esc leaves the lesson list"
    );
    assert_eq!(s.focus, Focus::Content);
    assert_eq!(press(&mut s, KeyCode::Esc).last(), Some(&Effect::Quit));
    typed(&mut s, "/cold");
    press(&mut s, KeyCode::Enter);
    assert_eq!(
        press(&mut s, KeyCode::Char('q')).last(),
        Some(&Effect::Quit),
        "q quits at once"
    );
}

#[test]
fn resize_keeps_the_same_block_at_the_top() {
    let mut s = fresh(120, 40);
    for _ in 0..9 {
        press(&mut s, KeyCode::Char('j'));
    }
    let before = s.scroll_pos();
    update(&mut s, Msg::Resize(80, 24));
    assert_eq!(s.scroll_pos().block, before.block);
    update(&mut s, Msg::Resize(1, 1));
    update(&mut s, Msg::Resize(120, 40));
    assert_eq!(s.scroll_pos().block, before.block);
}

#[test]
fn the_sidebar_opens_the_chosen_lesson_by_key_and_by_click() {
    let mut s = fresh(120, 40);
    press(&mut s, KeyCode::Tab);
    assert_eq!(s.focus, Focus::Sidebar);
    press(&mut s, KeyCode::Char('j'));
    press(&mut s, KeyCode::Char('j'));
    assert_eq!(s.scroll, 0, "j moves the selection, not the lesson");
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!((s.lesson, s.focus), (2, Focus::Content));
    assert_eq!(saved_ids(&effects), vec!["01-lesson", "03-lesson"]);
    // the list starts two rows below the top of the sidebar
    mouse(&mut s, MouseEventKind::Down(MouseButton::Left), 5, 3);
    assert_eq!(s.lesson, 1);
    mouse(&mut s, MouseEventKind::Down(MouseButton::Left), 5, 30);
    assert_eq!(s.lesson, 1, "a click below the list does nothing");
}

#[test]
fn the_wheel_scrolls_the_lesson() {
    let mut s = fresh(120, 40);
    mouse(&mut s, MouseEventKind::ScrollDown, 60, 10);
    assert_eq!(s.scroll, 3);
    mouse(&mut s, MouseEventKind::ScrollUp, 60, 10);
    assert_eq!(s.scroll, 0);
}

#[test]
fn search_lists_course_hits_and_enter_jumps_to_one() {
    let mut s = fresh(120, 40);
    typed(&mut s, "/section 1 of lesson 1");
    assert_eq!(s.search.hits.len(), 1);
    assert_eq!(s.search.hits[0].lesson, 0);
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.overlay, None);
    let row = s.search.matches[0].row;
    assert!(row >= s.scroll && row < s.scroll + s.page_rows());
    // a hit in another lesson: opens it
    typed(&mut s, "/of lesson 3");
    assert!(s.search.hits.iter().all(|h| h.lesson == 2));
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Backspace);
    press(&mut s, KeyCode::Char('3'));
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.lesson, 2);
    assert!(!s.search.matches.is_empty());
}

#[test]
fn n_and_big_n_cycle_through_matches() {
    let mut s = fresh(120, 40);
    typed(&mut s, "/lesson 1:");
    press(&mut s, KeyCode::Enter);
    let count = s.search.matches.len();
    assert_eq!(count, 24);
    let first = s.search.current;
    press(&mut s, KeyCode::Char('n'));
    press(&mut s, KeyCode::Char('N'));
    assert_eq!(s.search.current, first);
    press(&mut s, KeyCode::Char('N'));
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(s.search.current, first);
}

#[test]
fn a_failed_reload_keeps_the_course_and_a_good_one_keeps_the_position() {
    let mut s = fresh(120, 40);
    press(&mut s, KeyCode::Char(']'));
    typed(&mut s, "jjj");
    let pos = s.scroll_pos();
    update(
        &mut s,
        Msg::ReloadFailed(vec!["lessons/02.md:1:1: error: bad".into()]),
    );
    assert_eq!(s.banner.as_ref().map(|b| b.kind), Some(BannerKind::Error));
    assert_eq!(s.course, fixture::course());
    let mut edited = fixture::course();
    edited.lessons[1].title = "State lives in a database".into();
    edited.lessons.remove(0);
    update(&mut s, Msg::CourseReloaded(Box::new(edited)));
    assert_eq!(s.banner, None);
    assert_eq!(
        s.current_lesson().map(|l| l.title.as_str()),
        Some("State lives in a database")
    );
    assert_eq!(s.scroll_pos(), pos);
}

#[test]
fn enter_at_the_end_of_a_lesson_offers_its_quiz() {
    let mut s = fresh(120, 40);
    press(&mut s, KeyCode::Enter);
    assert!(s.scroll > 0, "Enter before the end pages down");
    press(&mut s, KeyCode::End);
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!(
        effects.last(),
        Some(&Effect::StartQuiz {
            quiz_id: "01-quiz".into()
        })
    );
    press(&mut s, KeyCode::Char(']'));
    press(&mut s, KeyCode::End);
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.lesson, 2, "no quiz: Enter at the end reads on");
}

#[test]
fn an_empty_course_does_not_panic() {
    let mut course = fixture::course();
    course.lessons.clear();
    let theme = Theme::new(ThemeName::Dark, true);
    let mut s = State::new(
        course,
        theme,
        CourseProgress::default(),
        Rect::new(0, 0, 80, 24),
    );
    for code in [
        KeyCode::Char(']'),
        KeyCode::End,
        KeyCode::Tab,
        KeyCode::Enter,
        KeyCode::Char('Q'),
    ] {
        press(&mut s, code);
    }
    typed(&mut s, "/x");
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.lesson_save(), None);
}

#[test]
fn highlighting_and_neighbour_layouts_wait_for_idle_time() {
    let mut s = fresh(120, 40);
    assert!(s.has_idle_work(), "the next lesson is not laid out yet");
    update(&mut s, Msg::Highlight);
    assert!(s.has_idle_work());
    assert_eq!(
        update(&mut s, Msg::Idle),
        vec![Effect::Redraw],
        "the current lesson first"
    );
    let mut rounds = 0;
    while s.has_idle_work() {
        assert!(
            update(&mut s, Msg::Idle).is_empty(),
            "prefetching needs no redraw"
        );
        rounds += 1;
        assert!(rounds < 5);
    }
    assert_eq!(rounds, 1, "lesson 1 has one neighbour");
    press(&mut s, KeyCode::Char(']'));
    assert!(s.has_idle_work(), "lesson 3 next");
    assert!(
        update(&mut s, Msg::Idle).is_empty(),
        "lesson 2 was ready: no redraw needed"
    );
}

#[test]
fn a_huge_lesson_is_laid_out_progressively_and_resumes_deep_inside() {
    let mut course = fixture::course();
    let paragraph = course.lessons[1].blocks[1].clone();
    course.lessons[1].blocks = vec![paragraph; 1000];
    let mut progress = CourseProgress {
        last_lesson: Some("02-lesson".into()),
        ..CourseProgress::default()
    };
    progress.lessons.insert(
        "02-lesson".into(),
        LessonProgress {
            scroll: ScrollPos { block: 800, row: 0 },
            ..LessonProgress::default()
        },
    );
    let theme = Theme::new(ThemeName::Dark, true);
    let mut s = State::new(course, theme, progress, Rect::new(0, 0, 120, 40));
    update(&mut s, Msg::Resize(120, 40));
    assert_eq!(s.scroll_pos(), ScrollPos { block: 800, row: 0 });
    assert!(s.laid().block_rows.len() < 1000, "only a prefix first");
    assert!(!s.at_end(), "the end is not known yet");
    assert!(
        press(&mut s, KeyCode::End).is_empty(),
        "not marked read from a prefix"
    );
    press(&mut s, KeyCode::Home);
    for _ in 0..10 {
        press(&mut s, KeyCode::Char('j'));
    }
    let pos = s.scroll_pos();
    assert_eq!(update(&mut s, Msg::Idle), vec![Effect::Redraw]);
    assert_eq!(s.laid().block_rows.len(), 1000);
    assert_eq!(s.scroll_pos(), pos, "completing the layout keeps the place");
    assert_eq!(saved_ids(&press(&mut s, KeyCode::End)), vec!["02-lesson"]);
}

#[test]
fn the_whole_course_swaps_in_for_its_first_part_in_place() {
    use crate::content::{first::load_first, load::load_checked, source::CourseSource};
    let (full, _) = load_checked(&CourseSource::Embedded).expect("embedded course is valid");
    let open = full.lessons[2].id.clone();
    let first = load_first(&CourseSource::Embedded, |_| Some(open.clone())).expect("first part");
    let progress = CourseProgress {
        last_lesson: Some(open.clone()),
        ..CourseProgress::default()
    };
    let theme = Theme::new(ThemeName::Dark, true);
    let mut s = State::new(first, theme, progress, Rect::new(0, 0, 120, 40));
    update(&mut s, Msg::Resize(120, 40));
    for _ in 0..5 {
        press(&mut s, KeyCode::Char('j'));
    }
    let (scroll, laid) = (s.scroll, Arc::clone(&s.laid));
    update(&mut s, Msg::CourseComplete(Box::new(full.clone())));
    assert_eq!((s.lesson, s.scroll), (2, scroll));
    assert!(
        Arc::ptr_eq(&laid, &s.laid),
        "the open lesson is not laid out again"
    );
    assert_eq!(s.course.quizzes.len(), full.quizzes.len());
    press(&mut s, KeyCode::Char(']'));
    assert_eq!(s.lesson, 3);
    assert!(!s.laid.lines.is_empty(), "the next lesson has its content");
}
