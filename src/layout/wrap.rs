//! Display-width wrapping of styled text: word wrap for prose, hard wrap for
//! code, clipping for diagrams. Works on grapheme clusters, so an emoji with
//! a variation selector (`⚠️`), a ZWJ sequence or a CJK character is never
//! split, and no produced line is ever wider than the width asked for.
//!
//! A grapheme wider than the whole width (a CJK character at width 1) is
//! replaced by `…`, and any unsafe character that slipped past the model's
//! sanitiser becomes U+FFFD: this is the last line of defence before output.

use crate::content::sanitize::is_unsafe;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Shown in place of a grapheme that cannot fit even an empty line.
const TOO_WIDE: &str = "…";
const REPLACEMENT: &str = "\u{FFFD}";

/// The display width of a string (terminal cells).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The display width of a line.
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| width(&s.content)).sum()
}

/// A line under construction: styled runs, adjacent equal styles merged.
#[derive(Debug, Clone, Default)]
pub struct LineBuf {
    pub runs: Vec<(Style, String)>,
    pub width: usize,
}

impl LineBuf {
    pub fn new() -> Self {
        LineBuf::default()
    }

    /// Appends text whose display width the caller already knows.
    pub fn push(&mut self, style: Style, text: &str, w: usize) {
        self.width += w;
        match self.runs.last_mut() {
            Some((s, t)) if *s == style => t.push_str(text),
            _ => self.runs.push((style, text.to_owned())),
        }
    }

    /// Appends another line buffer (merging the touching runs).
    pub fn append(&mut self, other: LineBuf) {
        self.width += other.width;
        let mut runs = other.runs.into_iter();
        if let (Some((s, t)), Some((first_s, first_t))) =
            (self.runs.last_mut(), runs.as_slice().first())
        {
            if s == first_s {
                t.push_str(first_t);
                runs.next();
            }
        }
        self.runs.extend(runs);
    }

    pub fn push_str(&mut self, style: Style, text: &str) {
        self.push(style, text, width(text));
    }

    /// Pads with spaces in `style` up to `target` cells.
    pub fn pad_to(&mut self, style: Style, target: usize) {
        if self.width < target {
            let n = target - self.width;
            self.push(style, &" ".repeat(n), n);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    pub fn into_line(self) -> Line<'static> {
        Line::from(
            self.runs
                .into_iter()
                .map(|(style, text)| Span::styled(text, style))
                .collect::<Vec<_>>(),
        )
    }
}

/// Calls `f(grapheme, width)` for each grapheme of `text`, made safe and
/// no wider than `max` cells. ASCII text takes a fast path (one byte, one cell).
pub fn for_each_grapheme(text: &str, max: usize, mut f: impl FnMut(&str, usize)) {
    if text.is_ascii() {
        for (i, b) in text.bytes().enumerate() {
            if b < 0x20 || b == 0x7f {
                f(REPLACEMENT, 1.min(max));
            } else {
                f(&text[i..=i], 1);
            }
        }
        return;
    }
    for g in text.graphemes(true) {
        if g.chars().any(is_unsafe) {
            f(REPLACEMENT, 1);
            continue;
        }
        let w = width(g);
        if w > max {
            f(TOO_WIDE, 1);
        } else {
            f(g, w);
        }
    }
}

/// The width of text that needs no per-grapheme care: `None` when it holds
/// something unsafe (then the grapheme path replaces it).
fn simple_width(text: &str) -> Option<usize> {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Some(text.len())
    } else if text.chars().any(is_unsafe) {
        None
    } else {
        Some(width(text))
    }
}

/// Ideographs, kana and full-width forms: a line may break around them.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{2FFFF}')
}

/// Greedy word wrapper over styled fragments (prose).
pub struct WordWrap {
    width: usize,
    lines: Vec<LineBuf>,
    cur: LineBuf,
    word: LineBuf,
    space: Option<Style>,
}

impl WordWrap {
    pub fn new(width: usize) -> Self {
        WordWrap {
            width: width.max(1),
            lines: Vec::new(),
            cur: LineBuf::new(),
            word: LineBuf::new(),
            space: None,
        }
    }

    /// Adds a run of text in one style; spaces are break opportunities.
    pub fn text(&mut self, style: Style, text: &str) {
        for (i, piece) in text.split(' ').enumerate() {
            if i > 0 {
                self.space(style);
            }
            if !piece.is_empty() {
                self.piece(style, piece);
            }
        }
    }

    /// Adds text that must not be broken if it fits a line (e.g. `[url]`);
    /// still broken by grapheme when longer than the whole width.
    pub fn atom(&mut self, style: Style, text: &str) {
        self.piece(style, text);
    }

    /// A piece of a word: whole when it fits (the fast path), else grapheme
    /// by grapheme.
    fn piece(&mut self, style: Style, piece: &str) {
        let cjk = !piece.is_ascii() && piece.chars().any(is_cjk);
        if let Some(w) = simple_width(piece).filter(|_| !cjk) {
            if self.word.width + w <= self.width {
                self.word.push(style, piece, w);
                return;
            }
        }
        let max = self.width;
        for_each_grapheme(piece, max, |g, w| {
            // CJK text has no spaces: a line may break between ideographs.
            let breakable = cjk && g.chars().next().is_some_and(is_cjk);
            if breakable {
                self.flush_word();
            }
            self.grapheme(style, g, w);
            if breakable {
                self.flush_word();
            }
        });
    }

    /// A break opportunity rendered as one space.
    pub fn space(&mut self, style: Style) {
        self.flush_word();
        if self.cur.width > 0 {
            self.space = Some(style);
        }
    }

    fn grapheme(&mut self, style: Style, g: &str, w: usize) {
        if self.word.width + w > self.width {
            // The word is longer than a whole line: break it here.
            if self.cur.width > 0 {
                self.end_line();
            }
            let word = std::mem::take(&mut self.word);
            self.cur = word;
            self.end_line();
        }
        self.word.push(style, g, w);
    }

    fn flush_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let space_w = usize::from(self.space.is_some());
        if self.cur.width + space_w + self.word.width > self.width {
            self.end_line();
        } else if let Some(style) = self.space {
            self.cur.push(style, " ", 1);
        }
        self.space = None;
        let word = std::mem::take(&mut self.word);
        self.cur.append(word);
    }

    fn end_line(&mut self) {
        self.space = None;
        self.lines.push(std::mem::take(&mut self.cur));
    }

    /// A hard line break.
    pub fn hard_break(&mut self) {
        self.flush_word();
        self.end_line();
    }

    pub fn finish(mut self) -> Vec<LineBuf> {
        self.flush_word();
        if !self.cur.is_empty() || self.lines.is_empty() {
            self.lines.push(self.cur);
        }
        self.lines
    }
}

/// Hard-wraps styled runs at exactly `width` cells, keeping every space (code).
pub fn hard_wrap(runs: &[(Style, String)], width: usize) -> Vec<LineBuf> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut cur = LineBuf::new();
    for (style, text) in runs {
        if let Some(w) = simple_width(text) {
            if cur.width + w <= width {
                cur.push(*style, text, w);
                continue;
            }
        }
        for_each_grapheme(text, width, |g, w| {
            if cur.width + w > width {
                lines.push(std::mem::take(&mut cur));
            }
            cur.push(*style, g, w);
        });
    }
    lines.push(cur);
    lines
}

/// Clips styled runs to `width` cells; when something was cut, the last cell
/// shows `marker` so the reader knows the line goes on (diagrams).
pub fn clip(runs: &[(Style, String)], width: usize, marker: (&str, Style)) -> LineBuf {
    let total: usize = runs.iter().map(|(_, t)| width_safe(t)).sum();
    if total <= width {
        let mut out = LineBuf::new();
        for (style, text) in runs {
            for_each_grapheme(text, width.max(1), |g, w| out.push(*style, g, w));
        }
        return out;
    }
    let room = width.saturating_sub(1);
    let mut out = LineBuf::new();
    'outer: for (style, text) in runs {
        let mut full = false;
        for_each_grapheme(text, width.max(1), |g, w| {
            if full || out.width + w > room {
                full = true;
            } else {
                out.push(*style, g, w);
            }
        });
        if full {
            break 'outer;
        }
    }
    out.pad_to(marker.1, room);
    if width > 0 {
        out.push(marker.1, marker.0, 1);
    }
    out
}

/// Width as [`for_each_grapheme`] would lay it out (unsafe chars count 1).
fn width_safe(text: &str) -> usize {
    let mut total = 0;
    for_each_grapheme(text, usize::MAX, |_, w| total += w);
    total
}

/// Truncates a plain string to `max` cells, adding `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width_safe(text) <= max {
        let mut out = String::new();
        for_each_grapheme(text, max.max(1), |g, _| out.push_str(g));
        return out;
    }
    let mut out = String::new();
    let mut used = 0;
    let room = max.saturating_sub(1);
    let mut done = false;
    for_each_grapheme(text, max.max(1), |g, w| {
        if done || used + w > room {
            done = true;
        } else {
            used += w;
            out.push_str(g);
        }
    });
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(text: &str, w: usize) -> Vec<String> {
        let mut ww = WordWrap::new(w);
        ww.text(Style::new(), text);
        ww.finish()
            .into_iter()
            .map(|l| l.runs.into_iter().map(|(_, t)| t).collect())
            .collect()
    }

    #[test]
    fn wraps_words_greedily() {
        assert_eq!(wrap("the quick brown fox", 9), ["the quick", "brown fox"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a abcdefghij", 4), ["a", "abcd", "efgh", "ij"]);
    }

    #[test]
    fn never_splits_graphemes_or_exceeds_width() {
        let text = "⚠️ 🛠️ 👨‍👩‍👧 漢字かな交じり文 ok";
        for w in 1..12 {
            for line in wrap(text, w) {
                assert!(width(&line) <= w, "{line:?} at {w}");
            }
        }
        assert_eq!(wrap("漢字", 1), ["…", "…"]);
        assert_eq!(wrap("ab 漢字かな交じり", 8), ["ab 漢字", "かな交じ", "り"]);
        assert_eq!(wrap("👨‍👩‍👧x", 2), ["👨‍👩‍👧", "x"]);
    }

    #[test]
    fn clips_with_a_marker() {
        let runs = vec![(Style::new(), "┌────────┐".to_owned())];
        let l = clip(&runs, 5, ("›", Style::new()));
        let s: String = l.runs.into_iter().map(|(_, t)| t).collect();
        assert_eq!(s, "┌───›");
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("hi", 6), "hi");
    }
}
