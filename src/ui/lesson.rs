//! The lesson pane: draws only the visible slice of the cached laid-out
//! lines (never re-wraps), with search matches marked (reversed/underlined
//! without colour; the current match also bold).

use crate::app::search::line_text;
use crate::app::State;
use crate::ui::put::put_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let laid = state.laid();
    if state.course.lessons.is_empty() {
        let text = "This course has no lessons yet.";
        buf.set_stringn(
            area.x,
            area.y,
            text,
            usize::from(area.width),
            state.theme.dim(),
        );
        return;
    }
    let visible = laid
        .lines
        .iter()
        .enumerate()
        .skip(state.scroll)
        .take(usize::from(area.height));
    for (i, (row, line)) in visible.enumerate() {
        let y = area.y + i as u16;
        if state.search.on_row(row).next().is_some() {
            let marked = mark_matches(state, row, line);
            put_line(buf, area.x, y, &marked, area.width);
        } else {
            put_line(buf, area.x, y, line, area.width);
        }
    }
}

fn mark_matches(state: &State, row: usize, line: &Line<'_>) -> Line<'static> {
    let current = state
        .search
        .current
        .and_then(|i| state.search.matches.get(i))
        .copied();
    let ranges: Vec<(usize, usize, Style)> = state
        .search
        .on_row(row)
        .map(|m| {
            let mut style = state.theme.search_match();
            if Some(*m) == current {
                style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            }
            (m.start, m.end, style)
        })
        .collect();
    debug_assert!(line_text(line).len() >= ranges.last().map_or(0, |r| r.1));
    restyle(line, &ranges)
}

/// `line` with the byte ranges (of its whole text) patched with a style;
/// spans are split at range edges.
pub fn restyle(line: &Line<'_>, ranges: &[(usize, usize, Style)]) -> Line<'static> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for span in &line.spans {
        let text = span.content.as_ref();
        let (start, end) = (offset, offset + text.len());
        let mut cuts = vec![start, end];
        for &(a, b, _) in ranges {
            cuts.extend([a, b].into_iter().filter(|&c| c > start && c < end));
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let Some(piece) = text.get(a - start..b - start) else {
                continue;
            };
            let style = ranges
                .iter()
                .find(|r| r.0 <= a && b <= r.1)
                .map_or(span.style, |r| span.style.patch(r.2));
            spans.push(Span::styled(piece.to_owned(), style));
        }
        offset = end;
    }
    Line::from(spans).style(line.style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restyle_splits_spans_at_match_edges() {
        let line = Line::from(vec![Span::raw("cold "), Span::raw("start here")]);
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let out = restyle(&line, &[(2, 10, bold)]);
        let pieces: Vec<(&str, bool)> = out
            .spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == bold))
            .collect();
        assert_eq!(
            pieces,
            vec![
                ("co", false),
                ("ld ", true),
                ("start", true),
                (" here", false)
            ]
        );
    }
}
