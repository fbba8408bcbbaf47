//! Loading the course for `present`: one function, [`course`]. Until the
//! foundation's `content::load::load_checked` is on main this carries a
//! small, lenient loader (course.toml, `+++` front matter, CommonMark blocks
//! with the pause/notes/compare directives, quiz TOML) so the projector can
//! run on real course directories; it is replaced by one call later.

use crate::content::model::*;
use crate::content::sanitize;
use crate::content::source::CourseSource;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Source(#[from] crate::content::source::SourceError),
    #[error("{0}: {1}")]
    Invalid(String, String),
}

/// The course, or the first problem found.
pub fn course(source: &CourseSource) -> Result<Course, LoadError> {
    #[derive(serde::Deserialize)]
    struct Manifest {
        id: String,
        title: String,
        version: String,
        lessons: Vec<String>,
    }
    let manifest: Manifest = toml::from_str(&text(source, "course.toml")?)
        .map_err(|e| LoadError::Invalid("course.toml".into(), e.to_string()))?;
    let mut course = Course {
        id: clean(&manifest.id),
        title: clean(&manifest.title),
        version: clean(&manifest.version),
        lessons: Vec::new(),
        quizzes: Vec::new(),
    };
    for id in &manifest.lessons {
        let path = format!("lessons/{id}.md");
        let lesson = lesson(id, &path, &text(source, &path)?)?;
        if let Some(quiz_id) = &lesson.quiz {
            let qpath = format!("quizzes/{quiz_id}.toml");
            course
                .quizzes
                .push(quiz(quiz_id, &qpath, &text(source, &qpath)?)?);
        }
        course.lessons.push(lesson);
    }
    Ok(course)
}

fn text(source: &CourseSource, rel: &str) -> Result<String, LoadError> {
    String::from_utf8(source.read(rel)?)
        .map_err(|_| LoadError::Invalid(rel.to_owned(), "not valid UTF-8".into()))
}

fn clean(s: &str) -> String {
    sanitize::inline(s).into_owned()
}

fn lesson(id: &str, path: &str, text: &str) -> Result<Lesson, LoadError> {
    #[derive(serde::Deserialize)]
    struct Front {
        title: String,
        quiz: Option<String>,
        minutes: Option<u32>,
    }
    let bad = |m: &str| LoadError::Invalid(path.to_owned(), m.to_owned());
    let rest = text
        .strip_prefix("+++\n")
        .ok_or_else(|| bad("missing `+++` front matter"))?;
    let end = rest
        .find("\n+++")
        .ok_or_else(|| bad("unclosed front matter"))?;
    let front: Front = toml::from_str(&rest[..end]).map_err(|e| bad(&e.to_string()))?;
    let body_start = 4 + end + 4;
    let offset_lines = text[..body_start.min(text.len())].lines().count();
    let body = text.get(body_start..).unwrap_or("");
    let (blocks, block_lines) = Markdown::parse(body, offset_lines);
    Ok(Lesson {
        id: clean(id),
        title: clean(&front.title),
        minutes: front.minutes,
        quiz: front.quiz.map(|q| clean(&q)),
        path: path.to_owned(),
        blocks,
        block_lines,
    })
}

/// A small CommonMark → model walker (top-level blocks, lists, quotes, code).
struct Markdown {
    /// Open containers: the blocks of the root, a quote or a list item.
    stack: Vec<Vec<Block>>,
    lists: Vec<List>,
    inlines: Vec<Inline>,
    style: TextStyle,
    code: Option<CodeBlock>,
    html: String,
    compare: Option<Vec<CodeBlock>>,
    lines: Vec<usize>,
}

impl Markdown {
    fn parse(body: &str, offset_lines: usize) -> (Vec<Block>, Vec<usize>) {
        let mut md = Markdown {
            stack: vec![Vec::new()],
            lists: Vec::new(),
            inlines: Vec::new(),
            style: TextStyle::default(),
            code: None,
            html: String::new(),
            compare: None,
            lines: Vec::new(),
        };
        let opts =
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
        for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
            let line = offset_lines + body[..range.start].lines().count().max(1);
            md.event(event, line);
        }
        let blocks = md.stack.into_iter().next().unwrap_or_default();
        (blocks, md.lines)
    }

    fn push(&mut self, block: Block, line: usize) {
        if self.stack.len() == 1 {
            if let (Some(codes), Block::Code(code)) = (&mut self.compare, &block) {
                codes.push(code.clone());
                return;
            }
            self.lines.push(line);
        }
        if let Some(top) = self.stack.last_mut() {
            top.push(block);
        }
    }

    fn take_inlines(&mut self) -> Vec<Inline> {
        std::mem::take(&mut self.inlines)
    }

    fn event(&mut self, event: Event, line: usize) {
        match event {
            Event::Start(Tag::BlockQuote(_)) | Event::Start(Tag::Item) => {
                self.stack.push(Vec::new())
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                let blocks = self.stack.pop().unwrap_or_default();
                self.push(Block::Quote(blocks), line);
            }
            Event::Start(Tag::List(start)) => self.lists.push(List {
                start,
                items: Vec::new(),
            }),
            Event::End(TagEnd::Item) => {
                self.flush_tight();
                let blocks = self.stack.pop().unwrap_or_default();
                if let Some(list) = self.lists.last_mut() {
                    list.items.push(ListItem { task: None, blocks });
                }
            }
            Event::End(TagEnd::List(_)) => {
                if let Some(list) = self.lists.pop() {
                    self.push(Block::List(list), line);
                }
            }
            Event::TaskListMarker(done) => {
                if let Some(item) = self.lists.last_mut().and_then(|l| l.items.last_mut()) {
                    item.task = Some(done);
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                let text = self.take_inlines();
                self.push(
                    Block::Heading {
                        level: level as u8,
                        text,
                    },
                    line,
                );
            }
            Event::End(TagEnd::Paragraph) => {
                let text = self.take_inlines();
                self.push(Block::Paragraph(text), line);
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let mut code = code_info(&info);
                code.line = line;
                self.code = Some(code);
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(mut code) = self.code.take() {
                    code.code = sanitize::multiline(code.code.trim_end_matches('\n')).into_owned();
                    self.push(Block::Code(code), line);
                }
            }
            Event::Text(t) => match &mut self.code {
                Some(code) => code.code.push_str(&t),
                None => self.text(&t),
            },
            Event::Code(t) => {
                let saved = self.style;
                self.style.code = true;
                self.text(&t);
                self.style = saved;
            }
            Event::Start(Tag::Emphasis) => self.style.emphasis = true,
            Event::End(TagEnd::Emphasis) => self.style.emphasis = false,
            Event::Start(Tag::Strong) => self.style.strong = true,
            Event::End(TagEnd::Strong) => self.style.strong = false,
            Event::SoftBreak => self.inlines.push(Inline::SoftBreak),
            Event::HardBreak => self.inlines.push(Inline::HardBreak),
            Event::Rule => self.push(Block::Rule, line),
            Event::Html(t) => self.html.push_str(&t),
            Event::End(TagEnd::HtmlBlock) => {
                let html = std::mem::take(&mut self.html);
                self.directive(html.trim(), line);
            }
            _ => {}
        }
    }

    /// Text directly inside a list item (tight lists have no paragraph).
    fn flush_tight(&mut self) {
        if !self.inlines.is_empty() {
            let text = self.take_inlines();
            if let Some(top) = self.stack.last_mut() {
                top.push(Block::Paragraph(text));
            }
        }
    }

    fn text(&mut self, t: &str) {
        self.inlines.push(Inline::Text(TextRun {
            text: clean(t),
            style: self.style,
            link: None,
        }));
    }

    fn directive(&mut self, html: &str, line: usize) {
        let inner = html
            .strip_prefix("<!--")
            .and_then(|s| s.strip_suffix("-->"))
            .map(str::trim);
        match inner {
            Some("pause") => self.push(Block::Pause, line),
            Some("compare") => self.compare = Some(Vec::new()),
            Some("/compare") => {
                let codes = self.compare.take().unwrap_or_default();
                if let [left, right] = &codes[..] {
                    let cmp = Comparison {
                        left: left.clone(),
                        right: right.clone(),
                    };
                    self.push(Block::Compare(cmp), line);
                }
            }
            Some(s) if s.starts_with("notes:") => {
                let notes = s.trim_start_matches("notes:").trim();
                self.push(Block::Notes(sanitize::multiline(notes).into_owned()), line);
            }
            Some(_) => {}
            None => self.push(Block::Html(sanitize::multiline(html).into_owned()), line),
        }
    }
}

/// `js fails title="Starts a server" lines=2,4-5`.
fn code_info(info: &str) -> CodeBlock {
    let mut code = CodeBlock::plain(None, "");
    let mut rest = info.trim();
    let mut first = true;
    while !rest.is_empty() {
        let (word, tail) = if let Some(after) = rest.strip_prefix("title=\"") {
            let end = after.find('"').unwrap_or(after.len());
            code.title = Some(clean(&after[..end]));
            ("", after.get(end + 1..).unwrap_or(""))
        } else {
            rest.split_once(' ').unwrap_or((rest, ""))
        };
        match word {
            "" => {}
            "fails" => code.verdict = Some(Verdict::Fails),
            "works" => code.verdict = Some(Verdict::Works),
            w if w.starts_with("lines=") => code.marked_lines = line_list(&w[6..]),
            w if first => code.lang = Some(clean(w)),
            _ => {}
        }
        first = false;
        rest = tail.trim_start();
    }
    code
}

fn line_list(spec: &str) -> Vec<usize> {
    spec.split(',')
        .flat_map(|part| match part.split_once('-') {
            Some((a, b)) => match (a.parse::<usize>(), b.parse::<usize>()) {
                (Ok(a), Ok(b)) if b >= a && b - a < 10_000 => (a..=b).collect(),
                _ => Vec::new(),
            },
            None => part.parse().ok().into_iter().collect(),
        })
        .collect()
}

#[path = "load_quiz.rs"]
mod load_quiz;
use load_quiz::quiz;
