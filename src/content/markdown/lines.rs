//! Byte offset → 1-based (line, column) in O(log n), for large files; and
//! byte offset → line for offsets asked about in order, counted in bulk.

/// The start offset of every line of a text, or of its first lines.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// How many bytes of the text have been looked at for line starts.
    scanned: usize,
}

impl LineIndex {
    /// Every line of `text` (the tests' reference; the app covers lazily).
    #[cfg(test)]
    pub fn new(text: &str) -> Self {
        let mut index = LineIndex::empty();
        index.cover(text, text.len());
        index
    }

    /// No line but the first yet: [`LineIndex::cover`] adds lines as far
    /// as an offset needs, so a problem in a megabyte lesson's front matter
    /// does not index the whole lesson.
    pub fn empty() -> Self {
        LineIndex {
            starts: vec![0],
            scanned: 0,
        }
    }

    /// Indexes `text` (the same text every time) up to `offset`, so that
    /// [`LineIndex::line`] and [`LineIndex::line_col`] may be asked about it.
    pub fn cover(&mut self, text: &str, offset: usize) {
        let bytes = text.as_bytes();
        let end = offset.saturating_add(1).min(bytes.len());
        if end <= self.scanned {
            return;
        }
        let from = self.scanned;
        let found = memchr::memchr_iter(b'\n', &bytes[from..end]);
        self.starts.extend(found.map(|i| from + i + 1));
        self.scanned = end;
    }

    /// 1-based line of `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// 1-based (line, column); the column counts characters.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line(offset);
        let start = self.starts[line - 1].min(offset);
        (line, text[start..offset].chars().count() + 1)
    }
}

/// 1-based line numbers of offsets asked about mostly in ascending order
/// (the blocks of a lesson as it is parsed): each answer counts the
/// newlines since the last one, many bytes at a time, where a
/// [`LineIndex`] would look at every line start of a megabyte lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCounter {
    offset: usize,
    line: usize,
}

impl Default for LineCounter {
    fn default() -> Self {
        LineCounter { offset: 0, line: 1 }
    }
}

impl LineCounter {
    /// 1-based line of `offset` in `text` (the same text every time).
    pub fn line(&mut self, text: &str, offset: usize) -> usize {
        let bytes = text.as_bytes();
        let offset = offset.min(bytes.len());
        // memchr counts the newlines a vector at a time.
        if offset >= self.offset {
            self.line += memchr::memchr_iter(b'\n', &bytes[self.offset..offset]).count();
        } else {
            self.line -= memchr::memchr_iter(b'\n', &bytes[offset..self.offset]).count();
        }
        self.offset = offset;
        self.line
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based_and_count_chars() {
        let text = "ab\nçd\n\nx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 2), (1, 3));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        assert_eq!(idx.line_col(text, 5), (2, 2));
        assert_eq!(idx.line_col(text, 4), (2, 1)); // inside 'ç'
        assert_eq!(idx.line_col(text, 8), (4, 1));
        assert_eq!(idx.line_col(text, 999), (4, 2));
    }

    #[test]
    fn the_counter_agrees_with_the_index_over_long_gaps() {
        let text = "line\n\nmore text on a line\n".repeat(40);
        let whole = LineIndex::new(&text);
        let mut counter = LineCounter::default();
        for offset in (0..text.len()).step_by(97).chain([3, 700, 1]) {
            assert_eq!(
                counter.line(&text, offset),
                whole.line(offset),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn the_counter_agrees_with_the_index_in_any_order() {
        let text = "ab\nçd\n\nx\n\n\nyz";
        let whole = LineIndex::new(text);
        let offsets = [0, 3, 2, 9, 999, 4, 0, 7, 7, 12];
        let mut counter = LineCounter::default();
        for offset in offsets {
            assert_eq!(
                counter.line(text, offset),
                whole.line(offset.min(text.len())),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn a_partial_index_agrees_with_the_whole_one_wherever_it_covers() {
        let text = "ab\nçd\n\nx\n";
        let whole = LineIndex::new(text);
        for first in 0..=text.len() + 1 {
            for offset in 0..=text.len() + 1 {
                let mut part = LineIndex::empty();
                part.cover(text, first);
                part.cover(text, offset);
                assert_eq!(
                    part.line_col(text, offset),
                    whole.line_col(text, offset),
                    "covered {first} then {offset}"
                );
            }
        }
        let mut part = LineIndex::empty();
        part.cover(text, 1);
        assert_eq!(
            part.starts,
            [0],
            "nothing past the offset's line start is scanned"
        );
    }
}
