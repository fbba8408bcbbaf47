//! The course model: plain data, built from course files by pure functions in
//! `content`, consumed by layout, the TUI, the projector, grading, export and
//! the checker. Nothing here knows about the terminal or the screen width.
//!
//! Invariant: every string in this model has been through
//! [`crate::content::sanitize`], so no control character, escape sequence or
//! bidi override from course files survives into it (tabs in code are
//! expanded to spaces; newlines only separate code lines).

use compact_str::CompactString;
use std::fmt;

/// A whole course: the manifest plus every lesson and quiz, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    pub id: String,
    pub title: String,
    pub version: String,
    /// Lessons in the order `course.toml` lists them.
    pub lessons: Vec<Lesson>,
    /// Quizzes referenced by lessons (and any others found), by id order of first use.
    pub quizzes: Vec<Quiz>,
}

impl Course {
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    pub fn quiz(&self, id: &str) -> Option<&Quiz> {
        self.quizzes.iter().find(|q| q.id == id)
    }

    /// The quiz attached to a lesson, if any.
    pub fn quiz_for(&self, lesson: &Lesson) -> Option<&Quiz> {
        lesson.quiz.as_deref().and_then(|id| self.quiz(id))
    }
}

/// One lesson: front matter plus its body flattened into blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    pub minutes: Option<u32>,
    /// Id of the quiz that follows this lesson (`quizzes/<id>.toml`).
    pub quiz: Option<String>,
    /// Path of the source file relative to the course root, e.g. `lessons/01-what-broke.md`.
    pub path: String,
    pub blocks: Vec<Block>,
    /// For each top-level block (same index), its 1-based line in the source
    /// file, front matter included, so diagnostics can point at it.
    pub block_lines: Vec<usize>,
}

/// A block-level element, flattened for rendering (presenterm-style).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: Inlines,
    },
    Paragraph(Inlines),
    List(List),
    Quote(Vec<Block>),
    Code(Box<CodeBlock>),
    Table(Box<Table>),
    /// A thematic break (`---`). In `present` it also starts a new slide.
    Rule,
    /// `<!-- pause -->`: a reveal step for the projector; invisible to the learner.
    Pause,
    /// `<!-- notes: ... -->`: speaker notes; invisible to the learner.
    Notes(String),
    /// `<!-- compare -->` ... `<!-- /compare -->`: two code blocks side by side.
    Compare(Box<Comparison>),
    /// A dated "then and now" note (`<!-- since: ... -->`).
    Since(Box<SinceNote>),
    /// Raw HTML: shown as literal text, never interpreted.
    Html(String),
}

/// A run of inline content. Line breaks are explicit elements.
pub type Inlines = Vec<Inline>;

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(TextRun),
    /// A soft line break in the source: rendered as a space when wrapping.
    SoftBreak,
    /// A hard line break (two trailing spaces or a backslash).
    HardBreak,
}

/// Text with one uniform style. Consecutive runs with the same `link` form one link.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextRun {
    /// Kept in place up to 24 bytes (half the runs of prose): a megabyte
    /// lesson has twenty thousand runs, each otherwise an allocation.
    pub text: CompactString,
    pub style: TextStyle,
    /// The destination when this run is (part of) a link's text.
    pub link: Option<Box<str>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextStyle {
    pub emphasis: bool,
    pub strong: bool,
    pub strikethrough: bool,
    /// Inline code.
    pub code: bool,
    /// The alt text of an image.
    pub image: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// `Some(n)` for an ordered list starting at `n`.
    pub start: Option<u64>,
    pub items: Vec<ListItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    /// `Some(checked)` for a GFM task list item.
    pub task: Option<bool>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CodeBlock {
    /// The language from the info string (`js`, `typescript`, ...), if any.
    pub lang: Option<String>,
    /// The code, without the trailing newline. Tabs already expanded.
    pub code: String,
    /// `title="..."` from the info string.
    pub title: Option<String>,
    /// `fails` / `works` from the info string (comparisons and examples).
    pub verdict: Option<Verdict>,
    /// `lines=2,4-5`: 1-based lines to mark (the failing lines).
    pub marked_lines: Vec<usize>,
    /// Box-drawing diagram or `text`/no language with box characters:
    /// never wrapped or re-flowed.
    pub diagram: bool,
    /// 1-based line of the opening fence in the source file (0 when unknown).
    pub line: usize,
}

impl CodeBlock {
    pub fn plain(lang: Option<&str>, code: &str) -> Self {
        CodeBlock {
            lang: lang.map(str::to_owned),
            code: code.to_owned(),
            title: None,
            verdict: None,
            marked_lines: Vec::new(),
            diagram: false,
            line: 0,
        }
    }

    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.code.lines()
    }
}

/// A side-by-side code comparison: conventionally the failing pattern left.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub left: CodeBlock,
    pub right: CodeBlock,
}

/// A dated "then and now" platform note: the guide's claim stays visible,
/// the update beside it, with the date checked and the source.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceNote {
    /// `YYYY-MM` (or `YYYY-MM-DD`) the update was checked.
    pub date: String,
    /// The official docs page (a URL).
    pub source: String,
    /// The body of the note (markdown blocks).
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Works,
    Fails,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub alignments: Vec<Alignment>,
    pub header: Vec<Inlines>,
    pub rows: Vec<Vec<Inlines>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Alignment {
    #[default]
    None,
    Left,
    Center,
    Right,
}

/// A quiz: the questions that follow a lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub id: String,
    pub title: Option<String>,
    /// Path relative to the course root, e.g. `quizzes/04-red-flags.toml`.
    pub path: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    /// Markdown.
    pub prompt: String,
    /// Markdown, shown after answering.
    pub explanation: String,
    /// Keep options in the authored order (no shuffling).
    pub pin_order: bool,
    pub kind: QuestionKind,
    /// 1-based line of this question's `[[questions]]` header in the quiz file.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    Choice(ChoiceQuestion),
    Verdict(VerdictQuestion),
    Compare(CompareQuestion),
    Placement(PlacementQuestion),
}

impl QuestionKind {
    pub fn type_name(&self) -> &'static str {
        match self {
            QuestionKind::Choice(_) => "choice",
            QuestionKind::Verdict(_) => "verdict",
            QuestionKind::Compare(_) => "compare",
            QuestionKind::Placement(_) => "placement",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceQuestion {
    /// Markdown, one per option.
    pub options: Vec<String>,
    /// Indices (0-based) of the correct options; more than one = multi-select.
    pub answer: Vec<usize>,
    /// `true` when `answer` was written as an array (select all that apply).
    pub multi: bool,
    /// Per-option feedback (empty, or one per option).
    pub feedback: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VerdictQuestion {
    pub code: String,
    pub lang: String,
    pub answer: Verdict,
    /// 1-based lines that break (empty when `works`).
    pub lines: Vec<usize>,
    /// Why it breaks (`None` when `works`).
    pub reason: Option<Reason>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompareQuestion {
    pub left: String,
    pub right: String,
    pub lang: String,
    /// The side that works on serverless.
    pub answer: Side,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacementQuestion {
    pub items: Vec<String>,
    pub targets: Vec<String>,
    /// For each item (same index), the index of its correct target.
    pub answer: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

/// Why a snippet fails on serverless: the fixed list of red-flag categories.
/// Shared by quiz grading and the `check` rules.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    PersistentServer,
    InMemoryState,
    LocalFilesystem,
    PersistentConnection,
    UnboundedWork,
    UncachedConnection,
}

impl Reason {
    pub const ALL: [Reason; 6] = [
        Reason::PersistentServer,
        Reason::InMemoryState,
        Reason::LocalFilesystem,
        Reason::PersistentConnection,
        Reason::UnboundedWork,
        Reason::UncachedConnection,
    ];

    /// The identifier used in quiz files and `check` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::PersistentServer => "persistent-server",
            Reason::InMemoryState => "in-memory-state",
            Reason::LocalFilesystem => "local-filesystem",
            Reason::PersistentConnection => "persistent-connection",
            Reason::UnboundedWork => "unbounded-work",
            Reason::UncachedConnection => "uncached-connection",
        }
    }

    /// A short human description, in the guide's terms.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::PersistentServer => "starts a persistent server (listen)",
            Reason::InMemoryState => "keeps state in memory between requests",
            Reason::LocalFilesystem => "writes to the local filesystem outside /tmp",
            Reason::PersistentConnection => "holds a persistent connection (WebSocket, P2P)",
            Reason::UnboundedWork => "long-running work without a time limit",
            Reason::UncachedConnection => "connects to the database without caching",
        }
    }

    pub fn parse(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Works => "works",
            Verdict::Fails => "fails",
        })
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Left => "left",
            Side::Right => "right",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_round_trip_through_their_names() {
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.as_str()), Some(r));
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
        assert_eq!(Reason::parse("global-state"), None);
    }

    #[test]
    fn runs_and_blocks_stay_small() {
        // A megabyte lesson holds 21,000 runs and 6,000 blocks.
        assert!(std::mem::size_of::<Inline>() <= 48);
        assert!(std::mem::size_of::<Block>() <= 40);
    }
}
