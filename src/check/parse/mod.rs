//! The one adapter between the real JavaScript/TypeScript parser (oxc) and the
//! rules: source text in, the small owned tree of [`super::ir`] out, or the
//! parser's first error. Nothing outside this module names an oxc type, so a
//! parser upgrade touches this module only (`lower` for statements,
//! `lower_expr` for expressions).

mod depth;
mod guard;
mod lower;
mod lower_expr;

use super::ir::Program;
use oxc_allocator::Allocator;
use oxc_parser::Parser;
use oxc_span::SourceType;

/// The parser's first error: byte offset and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: u32,
    pub message: String,
}

/// Parse `source`, trying each source type that fits `lang` (a file extension
/// or a fenced-code language) until one parses without errors.
pub fn parse(lang: &str, source: &str) -> Result<Program, SyntaxError> {
    if let Some(offset) = guard::too_deep(source) {
        return Err(SyntaxError {
            offset,
            message: format!("nesting deeper than {MAX_DEPTH} levels"),
        });
    }
    let mut first_error = None;
    for source_type in source_types(lang) {
        let allocator = Allocator::default();
        let ret = Parser::new(&allocator, source, source_type).parse();
        if !ret.panicked && !ret.diagnostics.has_errors() {
            return depth::lower_bounded(&ret.program);
        }
        if first_error.is_none() {
            first_error = Some(first_syntax_error(&ret));
        }
    }
    Err(first_error.unwrap_or(SyntaxError {
        offset: 0,
        message: "could not parse".to_owned(),
    }))
}

/// Deeper nesting (brackets, right-nesting operator chains) than any real
/// program has: refused before the (recursive) parser sees it, so hostile
/// input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 1000;

/// True when `lang` names a language the checker can parse.
pub fn is_supported(lang: &str) -> bool {
    matches!(
        lang.to_ascii_lowercase().as_str(),
        "js" | "javascript" | "node" | "mjs" | "cjs" | "jsx" | "ts" | "typescript" | "tsx"
    )
}

fn source_types(lang: &str) -> Vec<SourceType> {
    let js_like = || {
        vec![
            SourceType::unambiguous(),
            SourceType::mjs(),
            SourceType::cjs(),
            SourceType::jsx(),
        ]
    };
    match lang.to_ascii_lowercase().as_str() {
        "mjs" => vec![SourceType::mjs()],
        "cjs" => vec![SourceType::cjs()],
        "jsx" => vec![SourceType::jsx(), SourceType::jsx().with_script(true)],
        "ts" | "typescript" => vec![SourceType::ts(), SourceType::tsx()],
        "tsx" => vec![SourceType::tsx()],
        _ => js_like(),
    }
}

fn first_syntax_error(ret: &oxc_parser::ParserReturn<'_>) -> SyntaxError {
    match ret.diagnostics.errors().next() {
        Some(d) => SyntaxError {
            offset: d.labels.first().map_or(0, |l| l.offset()),
            message: d.message.to_string(),
        },
        None => SyntaxError {
            offset: 0,
            message: "the parser gave up".to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::ir::{Expr, Stmt};

    #[test]
    fn lowers_calls_members_and_functions() {
        let program = parse("js", "app.get('/', (req, res) => res.json(users));").unwrap();
        let Stmt::Expr(Expr::Call { callee, args, .. }) = &program.body[0] else {
            panic!("expected a call: {program:?}");
        };
        assert_eq!(callee.static_prop().map(|(_, p)| p), Some("get"));
        assert_eq!(args.len(), 2);
        assert!(matches!(args[1], Expr::Func(_)));
    }

    #[test]
    fn reports_the_first_error_position() {
        let err = parse("js", "const x = ;\n").unwrap_err();
        assert_eq!(err.offset, 10);
        assert!(!err.message.is_empty());
    }

    #[test]
    fn refuses_absurd_nesting_but_not_brackets_in_strings() {
        let deep = format!(
            "x = {}1{};",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        let err = parse("js", &deep).unwrap_err();
        // The assignment is one level, each bracket another.
        assert_eq!(err.offset as usize, 4 + MAX_DEPTH - 1);
        let strings = format!(
            "x = '{0}' + \"{0}\" + `{0}${{ {{a: 1}} }}{0}`; // {0}",
            "(".repeat(MAX_DEPTH + 5)
        );
        assert!(parse("js", &strings).is_ok());
    }

    #[test]
    fn typescript_and_jsx_parse() {
        assert!(parse("ts", "const x: number = 1; export default x;").is_ok());
        assert!(parse("tsx", "const el = <div>{x}</div>;").is_ok());
        assert!(parse("js", "const el = <div/>;").is_ok());
        assert!(parse("js", "with (a) { b }").is_ok());
    }
}
