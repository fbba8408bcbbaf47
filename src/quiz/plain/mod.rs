//! Line mode: a quiz on plain stdin/stdout, one answer per line, for screen
//! readers and scripts. Writes only plain text (no escape codes at all:
//! model text is sanitised at load, learner input before it is echoed).
//! Grading, display order and answer texts are the same code as the TUI's.

pub mod parse;
mod print;

use crate::content::model::Quiz;
use crate::persist::progress::Attempt;
use crate::quiz::grade::grade;
use crate::quiz::shuffle::Order;
use chrono::Utc;
use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::time::Instant;

/// Longest answer line read; the rest of a longer line is discarded.
const MAX_LINE_BYTES: usize = 4096;

#[derive(Debug, Clone, Default)]
pub struct PlainOptions {
    /// Shuffle seed (`None`: authored order).
    pub seed: Option<u64>,
    /// Attempts already recorded per question id, so numbering continues.
    pub prior_attempts: BTreeMap<String, u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlainResult {
    pub correct: usize,
    pub total: usize,
    /// (question id, attempt) for every question answered, in order.
    pub attempts: Vec<(String, Attempt)>,
    /// Input ended before the last question.
    pub ended_early: bool,
}

/// Runs `quiz` without recording anything.
pub fn run(
    quiz: &Quiz,
    input: impl BufRead,
    output: impl Write,
    opts: &PlainOptions,
) -> io::Result<PlainResult> {
    run_with(quiz, input, output, opts, |_, _| Ok(()))
}

/// Runs `quiz`, calling `record` with each attempt as soon as it is graded
/// (so input ending or a kill mid-quiz keeps what was answered).
pub fn run_with(
    quiz: &Quiz,
    mut input: impl BufRead,
    mut out: impl Write,
    opts: &PlainOptions,
    mut record: impl FnMut(&str, &Attempt) -> io::Result<()>,
) -> io::Result<PlainResult> {
    let total = quiz.questions.len();
    let mut result = PlainResult {
        correct: 0,
        total,
        attempts: Vec::new(),
        ended_early: false,
    };
    print::intro(&mut out, quiz)?;
    for (n, question) in quiz.questions.iter().enumerate() {
        let order = Order::for_question(question, opts.seed);
        print::question(&mut out, n + 1, total, question, &order)?;
        let shown = Instant::now();
        let Some(answer) = ask(&mut input, &mut out, question, &order)? else {
            result.ended_early = true;
            break;
        };
        let grade = grade(question, &answer);
        let prior = opts.prior_attempts.get(&question.id).copied().unwrap_or(0);
        let attempt = Attempt {
            attempt: prior.saturating_add(1),
            answer,
            grade,
            time_ms: u64::try_from(shown.elapsed().as_millis()).unwrap_or(u64::MAX),
            at: Utc::now(),
            seed: opts.seed,
        };
        print::feedback(&mut out, question, &order, &attempt)?;
        record(&question.id, &attempt)?;
        if grade.correct {
            result.correct += 1;
        }
        result.attempts.push((question.id.clone(), attempt));
    }
    if result.ended_early {
        writeln!(
            out,
            "End of input: {} of {} questions answered.",
            result.attempts.len(),
            total
        )?;
    }
    writeln!(out, "score: {}/{}", result.correct, total)?;
    out.flush()?;
    Ok(result)
}

/// Reads lines until one parses; `None` at end of input.
fn ask(
    input: &mut impl BufRead,
    out: &mut impl Write,
    question: &crate::content::model::Question,
    order: &Order,
) -> io::Result<Option<crate::quiz::answer::Answer>> {
    loop {
        writeln!(out, "Your answer:")?;
        out.flush()?;
        let Some(line) = read_line(input)? else {
            return Ok(None);
        };
        match parse::parse_answer(question, order, &line) {
            Ok(answer) => return Ok(Some(answer)),
            Err(e) => print::reask(out, &e, &parse::expected_form(question, order))?,
        }
    }
}

/// One line of input, at most [`MAX_LINE_BYTES`] kept, invalid UTF-8 replaced.
pub fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut kept: Vec<u8> = Vec::new();
    let mut any = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        let room = MAX_LINE_BYTES.saturating_sub(kept.len());
        kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = done.unwrap_or(buf.len());
        input.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    Ok(Some(
        String::from_utf8_lossy(&kept)
            .trim_end_matches('\r')
            .to_owned(),
    ))
}

#[cfg(test)]
mod tests;
