//! Where each part of the learner screen goes for a terminal size. Shared by
//! `update` (page size, wrap width, mouse hit-testing) and the views, so the
//! two can never disagree.

use ratatui::layout::Rect;

/// Below this the app shows only a "too small" message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// From this width on, the lesson list stays visible beside the lesson.
const SIDEBAR_BESIDE_FROM: u16 = 70;
/// The most rows a banner may take (the rest of its text is cut with "…").
pub const MAX_BANNER_ROWS: u16 = 6;

/// The rectangles of the course view. Empty rects (zero width or height) are
/// parts that are not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The lesson list, including its right border column.
    pub sidebar: Rect,
    pub banner: Rect,
    /// The lesson text (padding excluded): its width is the wrap width.
    pub lesson: Rect,
    pub status: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// From this width on, the full lesson list (titles) stays beside the lesson.
const FULL_SIDEBAR_FROM: u16 = 150;
/// Below [`FULL_SIDEBAR_FROM`], while the lesson has focus, the list shrinks
/// to a rail of lesson numbers and marks, so the lesson pane is wide enough
/// for side-by-side comparisons (≥ 100 columns on a 120-column terminal).
pub const RAIL_WIDTH: u16 = 7;

/// Sidebar width for a terminal width, 0 when it does not fit beside the
/// lesson. `sidebar_focused`: the learner is choosing a lesson (Tab), so the
/// titles show even where the lesson pane then gets narrower.
pub fn sidebar_width(width: u16, sidebar_focused: bool) -> u16 {
    match width {
        w if w >= FULL_SIDEBAR_FROM => 32,
        w if w >= SIDEBAR_BESIDE_FROM && !sidebar_focused => RAIL_WIDTH,
        w if w >= 110 => 32,
        w if w >= SIDEBAR_BESIDE_FROM => 26,
        _ => 0,
    }
}

/// True when the sidebar at this width is the narrow rail (no titles).
pub fn is_rail(sidebar_width: u16) -> bool {
    sidebar_width == RAIL_WIDTH
}

/// `sidebar_only`: on a narrow screen with the lesson list focused, the list
/// takes the whole width instead of sitting beside the lesson.
pub fn geometry(area: Rect, sidebar_only: bool, banner_rows: u16) -> Geometry {
    let status = Rect::new(
        area.x,
        area.bottom().saturating_sub(1),
        area.width,
        1.min(area.height),
    );
    let main = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    let beside = sidebar_width(area.width, sidebar_only);
    let (sidebar, content) = if beside > 0 {
        let side = Rect::new(main.x, main.y, beside, main.height);
        let rest = Rect::new(main.x + beside, main.y, main.width - beside, main.height);
        (side, rest)
    } else if sidebar_only {
        (main, Rect::new(main.right(), main.y, 0, main.height))
    } else {
        (Rect::new(main.x, main.y, 0, main.height), main)
    };
    let banner_rows = banner_rows.min(MAX_BANNER_ROWS).min(content.height / 2);
    let banner = Rect::new(content.x, content.y, content.width, banner_rows);
    let lesson = Rect::new(
        content.x.saturating_add(1),
        content.y + banner_rows,
        content.width.saturating_sub(2),
        content.height - banner_rows,
    );
    Geometry {
        sidebar,
        banner,
        lesson,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_the_sidebar_beside_the_lesson() {
        let g = geometry(Rect::new(0, 0, 160, 40), false, 0);
        assert_eq!(g.sidebar, Rect::new(0, 0, 32, 39));
        assert_eq!(g.lesson, Rect::new(33, 0, 126, 39));
        assert_eq!(g.status, Rect::new(0, 39, 160, 1));
        // Choosing a lesson at 120 columns: the titles beside the lesson.
        let g = geometry(Rect::new(0, 0, 120, 40), true, 0);
        assert_eq!(g.sidebar, Rect::new(0, 0, 32, 39));
        assert_eq!(g.lesson, Rect::new(33, 0, 86, 39));
    }

    #[test]
    fn reading_at_120_columns_leaves_room_for_side_by_side_code() {
        let g = geometry(Rect::new(0, 0, 120, 40), false, 0);
        assert_eq!(g.sidebar, Rect::new(0, 0, RAIL_WIDTH, 39));
        assert!(g.lesson.width >= 100, "{:?}", g.lesson);
    }

    #[test]
    fn narrow_screens_show_one_pane_at_a_time() {
        let g = geometry(Rect::new(0, 0, 60, 20), false, 1);
        assert_eq!(g.sidebar.width, 0);
        assert_eq!(g.banner, Rect::new(0, 0, 60, 1));
        assert_eq!(g.lesson, Rect::new(1, 1, 58, 18));
        let g = geometry(Rect::new(0, 0, 60, 20), true, 0);
        assert_eq!(g.sidebar, Rect::new(0, 0, 60, 19));
        assert_eq!(g.lesson.width, 0);
    }

    #[test]
    fn tiny_areas_do_not_underflow() {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 3), (39, 11)] {
            let g = geometry(Rect::new(0, 0, w, h), false, 6);
            assert!(g.lesson.height <= h);
        }
    }
}
