//! The pre-parse nesting guard: one linear pass over the source that refuses
//! input the (recursive-descent) parser would recurse into past
//! [`MAX_DEPTH`] levels, before the parser sees it. Hostile input could
//! otherwise overflow the stack and abort the whole process.
//!
//! Two things nest the parser: brackets, and right-nesting operators without
//! brackets (`x=>x=>…`, `a=a=…`, `a?b:a?b:…`, `a**a**…`, runs of prefix
//! operators `!!!…`, `- - -…`, `typeof typeof …`). The guard counts both: the
//! open brackets plus the right-nesting operators seen at each open bracket
//! level since that level's last `;` or `,` (or the last newline that ends a
//! statement). A quick lexer: a regular expression literal may be miscounted,
//! which only matters near the limit.

use super::MAX_DEPTH;

/// The offset where nesting first exceeds [`MAX_DEPTH`], if it does.
pub(super) fn too_deep(source: &str) -> Option<u32> {
    Guard::default().run(source.as_bytes())
}

#[derive(Clone, Copy, PartialEq, Default)]
enum Mode {
    #[default]
    Code,
    Str(u8),
    Template,
    LineComment,
    BlockComment,
}

/// Words that are prefix operators: each nests the parser one level.
const PREFIX_WORDS: &[&[u8]] = &[b"typeof", b"void", b"await", b"new", b"delete", b"yield"];
/// Words that are binary operators: a line starting with one continues the
/// previous line's expression.
const BINARY_WORDS: &[&[u8]] = &[b"in", b"instanceof", b"of", b"as", b"satisfies"];
/// Assignment operators other than `=` (right-nesting, like `=`).
const ASSIGN_OPS: &[&[u8]] = &[
    b">>>=", b"**=", b"<<=", b">>=", b"&&=", b"||=", b"??=", b"+=", b"-=", b"*=", b"%=", b"&=",
    b"|=", b"^=",
];
/// Operators that neither nest nor start an operand (longest first).
const PLAIN_OPS: &[&[u8]] = &[
    b"===", b"!==", b"==", b"!=", b"<=", b">=", b"?.", b"??", b"&&", b"||",
];

#[derive(Default)]
struct Guard {
    mode: Mode,
    /// For each open `${`, the level at which it returns to the template.
    template_returns: Vec<usize>,
    /// Right-nesting operators open at each bracket level inside the first.
    chains: Vec<usize>,
    /// Operators open at the top level.
    top_chain: usize,
    /// Open brackets plus every count in `chains` and `top_chain`.
    total: usize,
    /// The last token ends an operand (an identifier, literal, `)`...).
    operand_ended: bool,
    /// A newline came after the last token.
    newline: bool,
}

impl Guard {
    fn run(mut self, bytes: &[u8]) -> Option<u32> {
        let mut i = 0;
        while i < bytes.len() {
            let (len, deep) = self.step(bytes, i);
            if deep {
                return Some(i as u32);
            }
            i += len.max(1);
        }
        None
    }

    /// Consumes the token at `i`: its length, and whether it went too deep.
    fn step(&mut self, bytes: &[u8], i: usize) -> (usize, bool) {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        match self.mode {
            Mode::Code => self.code(bytes, i),
            Mode::Str(q) => {
                match b {
                    b'\\' => return (2, false),
                    b'\n' => self.mode = Mode::Code,
                    _ if b == q => self.mode = Mode::Code,
                    _ => {}
                }
                (1, false)
            }
            Mode::Template => match b {
                b'\\' => (2, false),
                b'`' => {
                    self.mode = Mode::Code;
                    (1, false)
                }
                b'$' if next == Some(b'{') => {
                    self.mode = Mode::Code;
                    let deep = self.open();
                    self.template_returns.push(self.chains.len());
                    (2, deep)
                }
                _ => (1, false),
            },
            Mode::LineComment => {
                if b == b'\n' {
                    self.mode = Mode::Code;
                    self.newline = true;
                }
                (1, false)
            }
            Mode::BlockComment => {
                if b == b'*' && next == Some(b'/') {
                    self.mode = Mode::Code;
                    return (2, false);
                }
                (1, false)
            }
        }
    }

    fn code(&mut self, bytes: &[u8], i: usize) -> (usize, bool) {
        let b = bytes[i];
        let rest = &bytes[i..];
        match b {
            b'\n' => self.newline = true,
            b' ' | b'\t' | b'\r' => {}
            b'/' if rest.starts_with(b"//") => self.mode = Mode::LineComment,
            b'/' if rest.starts_with(b"/*") => self.mode = Mode::BlockComment,
            b'\'' | b'"' | b'`' => {
                self.token(true);
                self.operand_ended = true;
                self.mode = if b == b'`' {
                    Mode::Template
                } else {
                    Mode::Str(b)
                };
            }
            b'(' | b'[' | b'{' => {
                self.token(false);
                self.operand_ended = false;
                return (1, self.open());
            }
            b')' | b']' | b'}' => {
                self.token(false);
                self.operand_ended = true;
                if b == b'}' && self.template_returns.last() == Some(&self.chains.len()) {
                    self.template_returns.pop();
                    self.mode = Mode::Template;
                }
                self.close();
            }
            b';' | b',' => {
                self.token(false);
                self.operand_ended = false;
                self.reset_level();
            }
            _ if is_word_byte(b) => return self.word(rest),
            _ => return self.operator(rest),
        }
        (1, false)
    }

    fn word(&mut self, rest: &[u8]) -> (usize, bool) {
        let len = rest.iter().take_while(|&&c| is_word_byte(c)).count();
        let word = &rest[..len];
        if BINARY_WORDS.contains(&word) {
            self.token(false);
            self.operand_ended = false;
            return (len, false);
        }
        self.token(true);
        if PREFIX_WORDS.contains(&word) {
            self.operand_ended = false;
            return (len, self.nest());
        }
        self.operand_ended = true;
        (len, false)
    }

    fn operator(&mut self, rest: &[u8]) -> (usize, bool) {
        let starts = |ops: &[&[u8]]| {
            ops.iter()
                .find(|op| rest.starts_with(op))
                .map(|op| op.len())
        };
        if rest.starts_with(b"=>") || rest.starts_with(b"**") && !rest.starts_with(b"**=") {
            return self.nesting_op(2, false);
        }
        if let Some(len) = starts(ASSIGN_OPS) {
            return self.nesting_op(len, false);
        }
        if let Some(len) = starts(PLAIN_OPS) {
            self.token(false);
            self.operand_ended = false;
            return (len, false);
        }
        match rest[0] {
            b'=' | b'?' => self.nesting_op(1, false),
            b'!' | b'~' => self.nesting_op(1, true),
            b'+' | b'-' if rest.get(1) == Some(&rest[0]) => {
                // `++`/`--`: a line starting with one is a new statement.
                self.token(true);
                (2, false)
            }
            b'+' | b'-' if !self.operand_ended => self.nesting_op(1, false),
            _ => {
                self.token(false);
                self.operand_ended = false;
                (1, false)
            }
        }
    }

    /// An operator `len` bytes long whose right side nests the parser.
    fn nesting_op(&mut self, len: usize, starts_operand: bool) -> (usize, bool) {
        self.token(starts_operand);
        self.operand_ended = false;
        (len, self.nest())
    }

    /// Called before each token: a newline between an operand and a token
    /// that starts a new operand ends the statement (automatic semicolon).
    fn token(&mut self, starts_operand: bool) {
        if self.newline && self.operand_ended && starts_operand {
            self.reset_level();
        }
        self.newline = false;
    }

    fn nest(&mut self) -> bool {
        match self.chains.last_mut() {
            Some(n) => *n += 1,
            None => self.top_chain += 1,
        }
        self.total += 1;
        self.total > MAX_DEPTH
    }

    fn open(&mut self) -> bool {
        self.chains.push(0);
        self.total += 1;
        self.total > MAX_DEPTH
    }

    fn close(&mut self) {
        if let Some(n) = self.chains.pop() {
            self.total -= n + 1;
        }
    }

    fn reset_level(&mut self) {
        let n = match self.chains.last_mut() {
            Some(n) => n,
            None => &mut self.top_chain,
        };
        self.total -= *n;
        *n = 0;
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deep(source: &str) -> bool {
        too_deep(source).is_some()
    }

    #[test]
    fn right_nesting_chains_are_refused() {
        let n = MAX_DEPTH + 1;
        assert!(deep(&format!("f = {}1;", "x=>".repeat(n))));
        assert!(deep(&format!("a{};", "=a".repeat(n))));
        assert!(deep(&format!("a{};", "\n=a".repeat(n))));
        assert!(deep(&format!("a{};", " += a".repeat(n))));
        assert!(deep(&format!("x = {}c;", "a?b:".repeat(n))));
        assert!(deep(&format!("x = {}c;", "a\n?b\n:".repeat(n))));
        assert!(deep(&format!("x = 2{};", "**2".repeat(n))));
        assert!(deep(&format!("x = {}1;", "!".repeat(n))));
        assert!(deep(&format!("x = {}1;", "- ".repeat(n))));
        assert!(deep(&format!("x = {}1;", "typeof ".repeat(n))));
        // Brackets and chains add up.
        let half = MAX_DEPTH / 2 + 1;
        assert!(deep(&format!("{}{}", "(".repeat(half), "a=".repeat(half))));
        assert_eq!(
            too_deep(&format!("a{};", "=a".repeat(n))),
            Some(2 * MAX_DEPTH as u32 + 1)
        );
    }

    #[test]
    fn statements_reset_the_count() {
        let n = MAX_DEPTH + 1;
        assert!(!deep(&"a = x => y ? 1 : -2;\n".repeat(n)));
        assert!(!deep(&"let a = !b, c = typeof d\n".repeat(n)));
        assert!(!deep(&"a = b\n++c\n!d\n".repeat(n)));
        assert!(!deep(&"f(a = 1)\n".repeat(n)));
        assert!(!deep(&"x += `${a = b}` + 'a=a=' // =\n".repeat(n)));
        assert!(!deep(
            &"if (a === b && c !== d || e <= f) { g ??= h?.i ?? j }\n".repeat(n)
        ));
        assert!(!deep(&format!("x = {}c;", "a ? b : ".repeat(50))));
        assert!(!deep(&format!("f = {}1;", "x => ".repeat(10))));
    }
}
