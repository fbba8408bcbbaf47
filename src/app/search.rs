//! Search: matches of the query in the current lesson (highlighted, `n`/`N`)
//! and hits across the whole course (a list; Enter jumps). Matching runs on
//! the laid-out lines, so a match's row is exactly where it is drawn.
//! ASCII letters match case-insensitively; byte offsets stay those of the line.

use crate::layout::Laid;
use ratatui::text::Line;

/// At most this many course-wide hits are listed.
pub const MAX_HITS: usize = 200;

/// One match in the current lesson: `row` of the laid-out lesson, byte range
/// in that row's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub row: usize,
    pub start: usize,
    pub end: usize,
}

/// One line of the course that contains the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub lesson: usize,
    pub row: usize,
    /// The line's text, trimmed.
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// Course-wide hits (only while the prompt is open).
    pub hits: Vec<Hit>,
    /// The chosen hit in the list.
    pub selected: usize,
    /// Matches in the current lesson, in reading order.
    pub matches: Vec<Match>,
    /// The match `n`/`N` last moved to.
    pub current: Option<usize>,
}

impl Search {
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Matches on one row (for drawing), as byte ranges.
    pub fn on_row(&self, row: usize) -> impl Iterator<Item = &Match> {
        let first = self.matches.partition_point(|m| m.row < row);
        self.matches[first..]
            .iter()
            .take_while(move |m| m.row == row)
    }
}

/// The plain text of a laid-out line.
pub fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// Byte ranges of `needle` in `hay`, non-overlapping, ASCII case-insensitive.
pub fn find_all(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut i = 0;
    while i + n.len() <= h.len() {
        let window = &h[i..i + n.len()];
        if window.eq_ignore_ascii_case(n)
            && hay.is_char_boundary(i)
            && hay.is_char_boundary(i + n.len())
        {
            found.push((i, i + n.len()));
            i += n.len();
        } else {
            i += 1;
        }
    }
    found
}

/// Every match of `query` in a laid-out lesson.
pub fn matches_in(laid: &Laid, query: &str) -> Vec<Match> {
    let mut out = Vec::new();
    if query.is_empty() {
        // Nothing to find (every lesson change asks): no line text built.
        return out;
    }
    for (row, line) in laid.lines.iter().enumerate() {
        for (start, end) in find_all(&line_text(line), query) {
            out.push(Match { row, start, end });
        }
    }
    out
}

/// Rows of a lesson that contain `query`, as hits (one per row).
pub fn hits_in(laid: &Laid, lesson: usize, query: &str, limit: usize) -> Vec<Hit> {
    let mut out = Vec::new();
    for (row, line) in laid.lines.iter().enumerate() {
        if out.len() >= limit {
            break;
        }
        let text = line_text(line);
        if !find_all(&text, query).is_empty() {
            out.push(Hit {
                lesson,
                row,
                text: text.trim().to_owned(),
            });
        }
    }
    out
}

/// The index of the first match at or below `row` (wrapping to the first).
pub fn first_from(matches: &[Match], row: usize) -> Option<usize> {
    if matches.is_empty() {
        return None;
    }
    Some(matches.iter().position(|m| m.row >= row).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ascii_case_insensitively_without_overlap() {
        assert_eq!(find_all("Lambda lambda LAMBDA", "lambda").len(), 3);
        assert_eq!(find_all("aaaa", "aa"), vec![(0, 2), (2, 4)]);
        assert_eq!(find_all("x", ""), vec![]);
        assert_eq!(find_all("", "x"), vec![]);
    }

    #[test]
    fn never_splits_a_character() {
        // 'é' is two bytes; searching a byte that is not a char start finds nothing
        assert_eq!(find_all("café", "é"), vec![(3, 5)]);
        assert_eq!(find_all("日本語", "本"), vec![(3, 6)]);
    }

    #[test]
    fn matches_are_grouped_by_row() {
        let laid = Laid {
            lines: vec![
                Line::raw("a cold start"),
                Line::raw("no"),
                Line::raw("start start"),
            ],
            ..Laid::default()
        };
        let s = Search {
            query: "start".into(),
            matches: matches_in(&laid, "start"),
            ..Search::default()
        };
        assert_eq!(s.matches.len(), 3);
        assert_eq!(s.on_row(2).count(), 2);
        assert_eq!(s.on_row(1).count(), 0);
        assert_eq!(first_from(&s.matches, 1), Some(1));
        assert_eq!(first_from(&s.matches, 9), Some(0));
        assert_eq!(hits_in(&laid, 4, "START", 10).len(), 2);
    }
}
