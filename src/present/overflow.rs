//! `validate`'s projector check: slides whose content does not fit a
//! 120×35 projector screen (they still work, scrolling with ↑/↓, but a room
//! reads them better split).

use super::plan::plan;
use super::slides::{deck_for, Slide};
use super::view::columns;
use crate::content::diagnostics::Diagnostic;
use crate::content::model::Course;
use crate::theme::{Theme, ThemeName};
use ratatui::layout::Rect;

/// The projector size `validate` checks against.
pub const SCREEN: (u16, u16) = (120, 35);

/// One warning per slide that overflows [`SCREEN`] at its last step.
pub fn warnings(course: &Course) -> Vec<Diagnostic> {
    deck_for(course)
        .iter()
        .filter_map(|slide| {
            let (needed, room) = rows_needed(slide, SCREEN);
            (needed > room).then(|| {
                Diagnostic::warning(
                    &slide.path,
                    slide.line,
                    1,
                    format!(
                        "slide \"{}\" needs {needed} rows but a {}×{} projector shows {room}: split it with `---` or a `##` heading",
                        slide.title(),
                        SCREEN.0,
                        SCREEN.1
                    ),
                )
            })
        })
        .collect()
}

/// Rows the slide's fully revealed body needs, and the rows it gets, on a screen.
pub fn rows_needed(slide: &Slide, (width, height): (u16, u16)) -> (usize, usize) {
    let theme = Theme::no_color(ThemeName::HighContrast);
    let cols = columns(width, 0);
    let column = Rect::new(0, 0, cols.wide, height.saturating_sub(1));
    let planned = plan(slide, slide.steps() - 1, true, column, cols, &theme);
    (planned.body.len(), planned.room(column.height))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Block, CodeBlock};
    use crate::present::slides::tests::{heading, lesson, sample_course};

    #[test]
    fn a_slide_taller_than_the_projector_is_reported_with_its_line() {
        let mut course = sample_course();
        assert_eq!(warnings(&course), vec![], "the sample fits");
        let code: Vec<String> = (1..=40).map(|i| format!("line({i});")).collect();
        let blocks = vec![
            heading(2, "Too tall"),
            Block::Code(Box::new(CodeBlock::plain(Some("js"), &code.join("\n")))),
        ];
        course.lessons.push(lesson("tall", blocks, None));
        let found = warnings(&course);
        assert_eq!(found.len(), 1);
        let w = &found[0];
        assert_eq!((w.path.as_str(), w.line), ("lessons/tall.md", 10));
        assert!(!w.is_error());
        assert!(
            w.message
                .starts_with("slide \"Too tall\" needs 40 rows but a 120×35 projector shows 26"),
            "{}",
            w.message
        );
    }
}
