//! Lessons → slides (pure). A lesson becomes a title slide, then a body slide
//! at each `#`/`##` heading and at each `---` rule; `<!-- pause -->` splits a
//! slide into reveal steps, a comparison reveals its failing pane first, and
//! `<!-- notes: -->` become the slide's speaker notes. The lesson's quiz
//! questions follow as poll slides.
//!
//! Invariant: every slide has at least one step (`steps()` ≥ 1).

use crate::content::model::{Block, Course, Inline, Inlines, Lesson, Question};

/// One slide of the deck.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    pub lesson_id: String,
    pub lesson_title: String,
    /// Where the slide starts: `lessons/x.md` or `quizzes/x.toml`, and a 1-based line (0: unknown).
    pub path: String,
    pub line: usize,
    /// Speaker notes, one entry per `<!-- notes: -->` directive.
    pub notes: Vec<String>,
    pub kind: SlideKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SlideKind {
    /// The first slide of a lesson.
    Title {
        title: String,
        minutes: Option<u32>,
        /// How many poll questions follow the lesson.
        questions: usize,
    },
    /// A section of the lesson's body. `blocks` holds no `Pause`/`Notes`/`Rule`.
    Body {
        title: Option<String>,
        blocks: Vec<Block>,
        steps: Vec<Step>,
    },
    /// A quiz question shown to the room; the answer only after a reveal.
    Poll {
        /// 1-based number of the question in its quiz, and the quiz's size.
        number: usize,
        of: usize,
        question: Box<Question>,
    },
}

/// What one reveal step of a body slide shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// How many of the slide's blocks are visible.
    pub visible: usize,
    /// A comparison (block index) shown with only its failing pane.
    pub left_only: Option<usize>,
}

impl Slide {
    /// Number of reveal steps (at least 1).
    pub fn steps(&self) -> usize {
        match &self.kind {
            SlideKind::Body { steps, .. } => steps.len().max(1),
            _ => 1,
        }
    }

    /// The slide's title as shown in headings and the notes' "next" line.
    pub fn title(&self) -> String {
        match &self.kind {
            SlideKind::Title { title, .. } => title.clone(),
            SlideKind::Body { title, .. } => {
                title.clone().unwrap_or_else(|| self.lesson_title.clone())
            }
            SlideKind::Poll { number, of, .. } => format!("Poll {number}/{of}"),
        }
    }

    pub fn is_poll(&self) -> bool {
        matches!(self.kind, SlideKind::Poll { .. })
    }

    /// The first few plain-text lines of the slide (for the notes' preview).
    pub fn preview(&self, max: usize) -> Vec<String> {
        match &self.kind {
            SlideKind::Title { minutes, .. } => minutes
                .map(|m| vec![format!("Lesson · about {m} minutes")])
                .unwrap_or_default(),
            SlideKind::Body { blocks, .. } => blocks
                .iter()
                .flat_map(block_preview)
                .filter(|l| !l.trim().is_empty())
                .take(max)
                .collect(),
            SlideKind::Poll { question, .. } => question
                .prompt
                .lines()
                .filter(|l| !l.trim().is_empty())
                .take(max)
                .map(str::to_owned)
                .collect(),
        }
    }
}

/// The slides of one lesson, its quiz's poll slides included.
pub fn slides_for(course: &Course, lesson: &Lesson) -> Vec<Slide> {
    let mut builder = Builder::new(lesson);
    let questions = course.quiz_for(lesson).map_or(0, |q| q.questions.len());
    builder.push_title(questions);
    for (i, block) in lesson.blocks.iter().enumerate() {
        let line = lesson.block_lines.get(i).copied().unwrap_or(0);
        builder.add(block, line);
    }
    let mut slides = builder.finish();
    if let Some(quiz) = course.quiz_for(lesson) {
        let of = quiz.questions.len();
        for (i, q) in quiz.questions.iter().enumerate() {
            slides.push(Slide {
                lesson_id: lesson.id.clone(),
                lesson_title: lesson.title.clone(),
                path: quiz.path.clone(),
                line: q.line,
                notes: Vec::new(),
                kind: SlideKind::Poll {
                    number: i + 1,
                    of,
                    question: Box::new(q.clone()),
                },
            });
        }
    }
    slides
}

/// The whole course as one deck, in lesson order.
pub fn deck_for(course: &Course) -> Vec<Slide> {
    course
        .lessons
        .iter()
        .flat_map(|l| slides_for(course, l))
        .collect()
}

/// Index of the first slide of `lesson_id` in a deck.
pub fn lesson_start(deck: &[Slide], lesson_id: &str) -> Option<usize> {
    deck.iter().position(|s| s.lesson_id == lesson_id)
}

/// Accumulates one lesson's slides while walking its blocks.
struct Builder<'a> {
    lesson: &'a Lesson,
    slides: Vec<Slide>,
    current: Option<Open>,
}

/// A body slide being filled.
struct Open {
    title: Option<String>,
    line: usize,
    blocks: Vec<Block>,
    steps: Vec<Step>,
    notes: Vec<String>,
}

impl<'a> Builder<'a> {
    fn new(lesson: &'a Lesson) -> Self {
        Builder {
            lesson,
            slides: Vec::new(),
            current: None,
        }
    }

    fn push_title(&mut self, questions: usize) {
        self.slides.push(Slide {
            lesson_id: self.lesson.id.clone(),
            lesson_title: self.lesson.title.clone(),
            path: self.lesson.path.clone(),
            line: 1,
            notes: Vec::new(),
            kind: SlideKind::Title {
                title: self.lesson.title.clone(),
                minutes: self.lesson.minutes,
                questions,
            },
        });
    }

    fn add(&mut self, block: &Block, line: usize) {
        match block {
            // The lesson's own `#` title is already the title slide.
            Block::Heading { level: 1, text }
                if inline_text(text).trim() == self.lesson.title.trim() =>
            {
                self.close();
                self.current = Some(Open::new(None, line));
            }
            Block::Heading { level, text } if *level <= 2 => {
                self.close();
                self.current = Some(Open::new(Some(inline_text(text)), line));
            }
            Block::Rule => {
                self.close();
                self.current = Some(Open::new(None, line));
            }
            Block::Notes(text) => match &mut self.current {
                Some(open) => open.notes.push(text.clone()),
                // Notes before the first section belong to the title slide.
                None => self.last_notes().push(text.clone()),
            },
            Block::Pause => {
                if let Some(open) = &mut self.current {
                    open.step();
                }
            }
            other => {
                let open = self.current.get_or_insert_with(|| Open::new(None, line));
                open.blocks.push(other.clone());
                if matches!(other, Block::Compare(_)) {
                    let index = open.blocks.len() - 1;
                    open.steps.push(Step {
                        visible: open.blocks.len(),
                        left_only: Some(index),
                    });
                }
            }
        }
    }

    fn last_notes(&mut self) -> &mut Vec<String> {
        // push_title ran first, so there is always a slide.
        let len = self.slides.len();
        &mut self.slides[len.saturating_sub(1)].notes
    }

    /// Ends the open body slide: kept when it shows something.
    fn close(&mut self) {
        let Some(mut open) = self.current.take() else {
            return;
        };
        open.step();
        if open.title.is_none() && open.blocks.is_empty() {
            // Nothing to show: its notes go to the slide before.
            self.last_notes().append(&mut open.notes);
            return;
        }
        self.slides.push(Slide {
            lesson_id: self.lesson.id.clone(),
            lesson_title: self.lesson.title.clone(),
            path: self.lesson.path.clone(),
            line: open.line,
            notes: open.notes,
            kind: SlideKind::Body {
                title: open.title,
                blocks: open.blocks,
                steps: open.steps,
            },
        });
    }

    fn finish(mut self) -> Vec<Slide> {
        self.close();
        self.slides
    }
}

impl Open {
    fn new(title: Option<String>, line: usize) -> Self {
        Open {
            title,
            line,
            blocks: Vec::new(),
            steps: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Closes the current reveal step (at a pause or the end of the slide).
    fn step(&mut self) {
        let step = Step {
            visible: self.blocks.len(),
            left_only: None,
        };
        if self.steps.last() == Some(&step) {
            return;
        }
        // A pause right at the start reveals nothing: no empty first step.
        if step.visible == 0 && self.steps.is_empty() && self.title.is_none() {
            return;
        }
        self.steps.push(step);
    }
}

/// The plain text of inline content (soft breaks become spaces).
pub fn inline_text(inlines: &Inlines) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) => t.text.as_str(),
            Inline::SoftBreak => " ",
            Inline::HardBreak => " ",
        })
        .collect()
}

fn block_preview(block: &Block) -> Vec<String> {
    match block {
        Block::Heading { text, .. } | Block::Paragraph(text) => vec![inline_text(text)],
        Block::List(list) => list
            .items
            .iter()
            .map(|item| {
                let first = item.blocks.iter().flat_map(block_preview).next();
                format!("• {}", first.unwrap_or_default())
            })
            .collect(),
        Block::Quote(blocks) => blocks.iter().flat_map(block_preview).collect(),
        Block::Code(code) => code.lines().take(3).map(str::to_owned).collect(),
        Block::Compare(cmp) => {
            let name = |c: &crate::content::model::CodeBlock| {
                c.title.clone().unwrap_or_else(|| "code".to_owned())
            };
            vec![format!("{} ⟷ {}", name(&cmp.left), name(&cmp.right))]
        }
        Block::Since(note) => note.blocks.iter().flat_map(block_preview).collect(),
        Block::Table(_) => vec!["(table)".to_owned()],
        Block::Html(text) => vec![text.clone()],
        Block::Rule | Block::Pause | Block::Notes(_) => Vec::new(),
    }
}

#[cfg(test)]
#[path = "slides_tests.rs"]
pub(crate) mod tests;
