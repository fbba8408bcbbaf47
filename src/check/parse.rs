//! The one adapter between the real JavaScript/TypeScript parser (oxc) and the
//! rules: source text in, the small owned tree of [`super::ir`] out, or the
//! parser's first error. Nothing outside this module names an oxc type, so a
//! parser upgrade touches this file only.

use super::ir::*;
use oxc_allocator::Allocator;
use oxc_ast::ast as js;
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType};

/// The parser's first error: byte offset and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: u32,
    pub message: String,
}

/// Parse `source`, trying each source type that fits `lang` (a file extension
/// or a fenced-code language) until one parses without errors.
pub fn parse(lang: &str, source: &str) -> Result<Program, SyntaxError> {
    if let Some(offset) = too_deep(source) {
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
            return lower_bounded(&ret.program);
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

/// Deeper bracket nesting than any real program has: refused before the
/// (recursive) parser sees it, so hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 1000;

/// The offset where bracket nesting (outside strings and comments) first
/// exceeds [`MAX_DEPTH`]. A quick lexer: a regular expression literal may be
/// miscounted, which only matters past the limit.
fn too_deep(source: &str) -> Option<u32> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Code,
        Str(u8),
        Template,
        LineComment,
        BlockComment,
    }
    let bytes = source.as_bytes();
    let mut mode = Mode::Code;
    // For each open `${`, the bracket depth at which it returns to the template.
    let mut template_returns: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        match mode {
            Mode::Code => match b {
                b'/' if next == Some(b'/') => mode = Mode::LineComment,
                b'/' if next == Some(b'*') => mode = Mode::BlockComment,
                b'\'' | b'"' => mode = Mode::Str(b),
                b'`' => mode = Mode::Template,
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(i as u32);
                    }
                }
                b')' | b']' | b'}' => {
                    if b == b'}' && template_returns.last() == Some(&depth) {
                        template_returns.pop();
                        mode = Mode::Template;
                    } else {
                        depth = depth.saturating_sub(1);
                    }
                }
                _ => {}
            },
            Mode::Str(q) => match b {
                b'\\' => i += 1,
                b'\n' => mode = Mode::Code,
                _ if b == q => mode = Mode::Code,
                _ => {}
            },
            Mode::Template => match b {
                b'\\' => i += 1,
                b'`' => mode = Mode::Code,
                b'$' if next == Some(b'{') => {
                    i += 1;
                    template_returns.push(depth);
                    mode = Mode::Code;
                }
                _ => {}
            },
            Mode::LineComment => {
                if b == b'\n' {
                    mode = Mode::Code;
                }
            }
            Mode::BlockComment => {
                if b == b'*' && next == Some(b'/') {
                    i += 1;
                    mode = Mode::Code;
                }
            }
        }
        i += 1;
    }
    None
}

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

fn span(s: oxc_span::Span) -> Span {
    Span {
        start: s.start,
        end: s.end,
    }
}

thread_local! {
    /// How deep the lowering is in `expr`/`stmt` right now, and where it
    /// first went past [`MAX_DEPTH`] (if it did).
    static LOWER_DEPTH: std::cell::Cell<(usize, Option<u32>)> =
        const { std::cell::Cell::new((0, None)) };
}

/// Held while lowering one `expr`/`stmt`. Chains without brackets
/// (`a.b.b.b…`, `1+1+1…`, `x=>x=>…`, `l:l:…`, `else if` ladders) nest the
/// tree as deep as the bracket guard allows brackets, and lowering them (and
/// walking the result) recursed until the stack overflowed: past
/// [`MAX_DEPTH`] levels the rest is cut and the file reported as too deep.
struct DepthGuard;

impl DepthGuard {
    fn enter(at: u32) -> Option<DepthGuard> {
        let (depth, deep_at) = LOWER_DEPTH.get();
        if depth >= MAX_DEPTH {
            LOWER_DEPTH.set((depth, deep_at.or(Some(at))));
            return None;
        }
        LOWER_DEPTH.set((depth + 1, deep_at));
        Some(DepthGuard)
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        let (depth, deep_at) = LOWER_DEPTH.get();
        LOWER_DEPTH.set((depth.saturating_sub(1), deep_at));
    }
}

fn lower_bounded(program: &js::Program<'_>) -> Result<Program, SyntaxError> {
    LOWER_DEPTH.set((0, None));
    let lowered = lower_program(program);
    match LOWER_DEPTH.replace((0, None)).1 {
        None => Ok(lowered),
        Some(offset) => {
            // Dropping the cut tree is recursive too, but it is bounded now.
            drop(lowered);
            Err(SyntaxError {
                offset,
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
            })
        }
    }
}

fn lower_program(program: &js::Program<'_>) -> Program {
    Program {
        body: stmts(&program.body),
    }
}

fn stmts(list: &[js::Statement<'_>]) -> Vec<Stmt> {
    list.iter().filter_map(stmt).collect()
}

fn block(s: &js::Statement<'_>) -> Vec<Stmt> {
    match s {
        js::Statement::BlockStatement(b) => stmts(&b.body),
        other => stmt(other).into_iter().collect(),
    }
}

fn stmt(s: &js::Statement<'_>) -> Option<Stmt> {
    use js::Statement as S;
    let _depth = DepthGuard::enter(s.span().start)?;
    Some(match s {
        S::BlockStatement(b) => Stmt::Block(stmts(&b.body)),
        S::BreakStatement(b) => Stmt::Break(b.label.as_ref().map(|l| l.name.to_string())),
        S::ExpressionStatement(e) => Stmt::Expr(expr(&e.expression)),
        S::IfStatement(i) => Stmt::If {
            test: expr(&i.test),
            then: block(&i.consequent),
            els: i.alternate.as_ref().map(block).unwrap_or_default(),
            span: span(i.span),
        },
        S::WhileStatement(w) => Stmt::Loop(Loop {
            kind: LoopKind::While,
            test: Some(expr(&w.test)),
            head: Vec::new(),
            body: block(&w.body),
            span: span(w.span),
        }),
        S::DoWhileStatement(w) => Stmt::Loop(Loop {
            kind: LoopKind::DoWhile,
            test: Some(expr(&w.test)),
            head: Vec::new(),
            body: block(&w.body),
            span: span(w.span),
        }),
        S::ForStatement(f) => for_loop(f),
        S::ForInStatement(f) => Stmt::Loop(Loop {
            kind: LoopKind::ForIn,
            test: Some(expr(&f.right)),
            head: for_left(&f.left),
            body: block(&f.body),
            span: span(f.span),
        }),
        S::ForOfStatement(f) => Stmt::Loop(Loop {
            kind: LoopKind::ForOf,
            test: Some(expr(&f.right)),
            head: for_left(&f.left),
            body: block(&f.body),
            span: span(f.span),
        }),
        S::LabeledStatement(l) => Stmt::Labeled(l.label.name.to_string(), block(&l.body)),
        S::ReturnStatement(r) => Stmt::Return(r.argument.as_ref().map(expr), span(r.span)),
        S::ThrowStatement(t) => Stmt::Throw(expr(&t.argument), span(t.span)),
        S::SwitchStatement(sw) => {
            let mut body = Vec::new();
            for case in &sw.cases {
                if let Some(test) = &case.test {
                    body.push(Stmt::Expr(expr(test)));
                }
                body.extend(stmts(&case.consequent));
            }
            Stmt::Switch(expr(&sw.discriminant), body)
        }
        S::TryStatement(t) => {
            let mut body = stmts(&t.block.body);
            if let Some(handler) = &t.handler {
                body.extend(stmts(&handler.body.body));
            }
            if let Some(finalizer) = &t.finalizer {
                body.extend(stmts(&finalizer.body));
            }
            Stmt::Block(body)
        }
        S::WithStatement(w) => Stmt::Block(
            std::iter::once(Stmt::Expr(expr(&w.object)))
                .chain(block(&w.body))
                .collect(),
        ),
        S::VariableDeclaration(d) => Stmt::Decl(decl(d)),
        S::FunctionDeclaration(f) => Stmt::Func(func(f)),
        S::ClassDeclaration(c) => Stmt::Expr(class(c)),
        S::ImportDeclaration(i) => Stmt::Import(import(i)),
        S::ExportDeclaration(e) => return declaration(&e.declaration),
        S::ExportDefaultDeclaration(e) => match &e.declaration {
            js::ExportDefaultDeclarationKind::FunctionDeclaration(f) => Stmt::Func(func(f)),
            js::ExportDefaultDeclarationKind::ClassDeclaration(c) => Stmt::Expr(class(c)),
            other => Stmt::Expr(expr(other.as_expression()?)),
        },
        S::TSExportAssignment(e) => Stmt::Expr(expr(&e.expression)),
        S::TSNamespaceDeclaration(_)
        | S::TSGlobalDeclaration(_)
        | S::TSExternalModuleDeclaration(_) => return None,
        _ => return None,
    })
}

fn declaration(d: &js::Declaration<'_>) -> Option<Stmt> {
    match d {
        js::Declaration::VariableDeclaration(v) => Some(Stmt::Decl(decl(v))),
        js::Declaration::FunctionDeclaration(f) => Some(Stmt::Func(func(f))),
        js::Declaration::ClassDeclaration(c) => Some(Stmt::Expr(class(c))),
        _ => None,
    }
}

fn for_loop(f: &js::ForStatement<'_>) -> Stmt {
    let mut head = Vec::new();
    match &f.init {
        Some(js::ForStatementInit::VariableDeclaration(d)) => head.push(Stmt::Decl(decl(d))),
        Some(other) => {
            if let Some(e) = other.as_expression() {
                head.push(Stmt::Expr(expr(e)));
            }
        }
        None => {}
    }
    if let Some(update) = &f.update {
        head.push(Stmt::Expr(expr(update)));
    }
    Stmt::Loop(Loop {
        kind: LoopKind::For,
        test: f.test.as_ref().map(expr),
        head,
        body: block(&f.body),
        span: span(f.span),
    })
}

fn for_left(left: &js::ForStatementLeft<'_>) -> Vec<Stmt> {
    match left {
        js::ForStatementLeft::VariableDeclaration(d) => vec![Stmt::Decl(decl(d))],
        other => other
            .as_assignment_target()
            .map(|t| vec![Stmt::Expr(assign_target(t))])
            .unwrap_or_default(),
    }
}

fn decl(d: &js::VariableDeclaration<'_>) -> Decl {
    Decl {
        kind: match d.kind {
            js::VariableDeclarationKind::Var => DeclKind::Var,
            js::VariableDeclarationKind::Let => DeclKind::Let,
            _ => DeclKind::Const,
        },
        declarators: d
            .declarations
            .iter()
            .map(|v| Declarator {
                pattern: pattern(&v.id),
                init: v.init.as_ref().map(expr),
                span: span(v.span),
            })
            .collect(),
    }
}

fn pattern(p: &js::BindingPattern<'_>) -> Pattern {
    match p {
        js::BindingPattern::BindingIdentifier(id) => {
            Pattern::Ident(id.name.to_string(), span(id.span))
        }
        js::BindingPattern::ObjectPattern(o) => {
            let mut props: Vec<(Option<String>, Pattern)> = o
                .properties
                .iter()
                .map(|prop| (property_key(&prop.key, prop.computed), pattern(&prop.value)))
                .collect();
            if let Some(rest) = &o.rest {
                props.push((None, pattern(&rest.argument)));
            }
            Pattern::Object(props)
        }
        js::BindingPattern::ArrayPattern(a) => {
            let mut items: Vec<Pattern> = a.elements.iter().flatten().map(pattern).collect();
            if let Some(rest) = &a.rest {
                items.push(pattern(&rest.argument));
            }
            Pattern::Array(items)
        }
        js::BindingPattern::AssignmentPattern(a) => {
            Pattern::Default(Box::new(pattern(&a.left)), Box::new(expr(&a.right)))
        }
    }
}

fn property_key(key: &js::PropertyKey<'_>, computed: bool) -> Option<String> {
    match key {
        js::PropertyKey::StaticIdentifier(id) if !computed => Some(id.name.to_string()),
        js::PropertyKey::StringLiteral(s) => Some(s.value.to_string()),
        _ => None,
    }
}

fn import(i: &js::ImportDeclaration<'_>) -> Import {
    let bindings = i
        .specifiers
        .iter()
        .flatten()
        .map(|spec| match spec {
            js::ImportDeclarationSpecifier::ImportSpecifier(s) => ImportBinding {
                local: s.local.name.to_string(),
                imported: Some(s.imported.name().to_string()),
            },
            js::ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => ImportBinding {
                local: s.local.name.to_string(),
                imported: None,
            },
            js::ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => ImportBinding {
                local: s.local.name.to_string(),
                imported: None,
            },
        })
        .collect();
    Import {
        source: i.source.value.to_string(),
        bindings,
    }
}

fn func(f: &js::Function<'_>) -> Func {
    Func {
        name: f.id.as_ref().map(|id| id.name.to_string()),
        params: params(&f.params),
        body: f
            .body
            .as_ref()
            .map(|b| stmts(&b.statements))
            .unwrap_or_default(),
        span: span(f.span),
    }
}

fn params(p: &js::FormalParameters<'_>) -> Vec<Pattern> {
    let mut out: Vec<Pattern> = p
        .items
        .iter()
        .map(|item| match &item.initializer {
            Some(init) => Pattern::Default(Box::new(pattern(&item.pattern)), Box::new(expr(init))),
            None => pattern(&item.pattern),
        })
        .collect();
    if let Some(rest) = &p.rest {
        out.push(pattern(&rest.rest.argument));
    }
    out
}

fn arrow(a: &js::ArrowFunctionExpression<'_>) -> Func {
    let body = match &a.body {
        js::ArrowFunctionBody::FunctionBody(b) => stmts(&b.statements),
        other => match other.as_expression() {
            Some(e) => vec![Stmt::Return(Some(expr(e)), span(e.span()))],
            None => Vec::new(),
        },
    };
    Func {
        name: None,
        params: params(&a.params),
        body,
        span: span(a.span),
    }
}

/// A class as an expression holding its members: methods become functions,
/// so writes from a method count as writes from a function.
fn class(c: &js::Class<'_>) -> Expr {
    let mut parts = Vec::new();
    for element in &c.body.body {
        match element {
            js::ClassElement::MethodDefinition(m) => {
                parts.push(Expr::Func(Box::new(func(&m.value))))
            }
            js::ClassElement::PropertyDefinition(p) => parts.extend(p.value.as_ref().map(expr)),
            js::ClassElement::AccessorProperty(p) => parts.extend(p.value.as_ref().map(expr)),
            js::ClassElement::StaticBlock(b) => parts.push(Expr::Func(Box::new(Func {
                name: None,
                params: Vec::new(),
                body: stmts(&b.body),
                span: span(b.span),
            }))),
            _ => {}
        }
    }
    Expr::Other(parts, span(c.span))
}

fn args(list: &[js::Argument<'_>]) -> Vec<Expr> {
    list.iter()
        .map(|a| match a {
            js::Argument::SpreadElement(s) => Expr::Other(vec![expr(&s.argument)], span(s.span)),
            other => other
                .as_expression()
                .map_or(Expr::Lit(Lit::Other, span(other.span())), expr),
        })
        .collect()
}

fn member(m: &js::MemberExpression<'_>) -> Expr {
    match m {
        js::MemberExpression::StaticMemberExpression(s) => Expr::Member {
            object: Box::new(expr(&s.object)),
            prop: Prop::Static(s.property.name.to_string()),
            span: span(s.span),
        },
        js::MemberExpression::ComputedMemberExpression(c) => Expr::Member {
            object: Box::new(expr(&c.object)),
            prop: match &c.expression {
                js::Expression::StringLiteral(s) => Prop::Static(s.value.to_string()),
                other => Prop::Computed(Box::new(expr(other))),
            },
            span: span(c.span),
        },
        js::MemberExpression::PrivateFieldExpression(p) => Expr::Member {
            object: Box::new(expr(&p.object)),
            prop: Prop::Static(format!("#{}", p.field.name)),
            span: span(p.span),
        },
    }
}

fn simple_target(t: &js::SimpleAssignmentTarget<'_>) -> Expr {
    use js::SimpleAssignmentTarget as T;
    match t {
        T::AssignmentTargetIdentifier(id) => Expr::Ident(id.name.to_string(), span(id.span)),
        T::TSAsExpression(e) => expr(&e.expression),
        T::TSSatisfiesExpression(e) => expr(&e.expression),
        T::TSNonNullExpression(e) => expr(&e.expression),
        T::TSTypeAssertion(e) => expr(&e.expression),
        other => match other.as_member_expression() {
            Some(m) => member(m),
            None => Expr::Lit(Lit::Other, span(other.span())),
        },
    }
}

fn assign_target(t: &js::AssignmentTarget<'_>) -> Expr {
    match t.as_simple_assignment_target() {
        Some(simple) => simple_target(simple),
        // Destructuring assignment: not a single target the rules follow.
        None => Expr::Other(Vec::new(), span(t.span())),
    }
}

fn boxed(e: &js::Expression<'_>) -> Box<Expr> {
    Box::new(expr(e))
}

fn expr(e: &js::Expression<'_>) -> Expr {
    use js::Expression as E;
    let sp = span(e.span());
    let Some(_depth) = DepthGuard::enter(sp.start) else {
        return Expr::Other(Vec::new(), sp);
    };
    match e {
        E::Identifier(id) => Expr::Ident(id.name.to_string(), sp),
        E::StringLiteral(s) => Expr::Str(s.value.to_string(), sp),
        E::TemplateLiteral(t) => template(t),
        E::StaticMemberExpression(_)
        | E::ComputedMemberExpression(_)
        | E::PrivateFieldExpression(_) => match e.as_member_expression() {
            Some(m) => member(m),
            None => Expr::Lit(Lit::Other, sp),
        },
        E::CallExpression(c) => call(c),
        E::NewExpression(n) => Expr::New {
            callee: boxed(&n.callee),
            args: args(&n.arguments),
            span: sp,
        },
        E::ChainExpression(c) => chain(&c.expression, sp),
        E::FunctionExpression(f) => Expr::Func(Box::new(func(f))),
        E::ArrowFunctionExpression(a) => Expr::Func(Box::new(arrow(a))),
        E::ClassExpression(c) => class(c),
        E::AssignmentExpression(a) => Expr::Assign {
            op: match a.operator {
                js::AssignmentOperator::Assign => AssignOp::Plain,
                op if op.is_logical() => AssignOp::Logical,
                _ => AssignOp::Compound,
            },
            target: Box::new(assign_target(&a.left)),
            value: boxed(&a.right),
            span: sp,
        },
        E::UpdateExpression(u) => Expr::Update {
            target: Box::new(simple_target(&u.argument)),
            span: sp,
        },
        E::UnaryExpression(u) => Expr::Unary {
            op: match u.operator {
                js::UnaryOperator::LogicalNot => UnaryOp::Not,
                js::UnaryOperator::Typeof => UnaryOp::Typeof,
                js::UnaryOperator::Delete => UnaryOp::Delete,
                _ => UnaryOp::Other,
            },
            arg: boxed(&u.argument),
            span: sp,
        },
        E::BinaryExpression(b) => Expr::Binary {
            op: match b.operator {
                js::BinaryOperator::Equality | js::BinaryOperator::StrictEquality => BinOp::Eq,
                js::BinaryOperator::Inequality | js::BinaryOperator::StrictInequality => {
                    BinOp::NotEq
                }
                _ => BinOp::Other,
            },
            left: boxed(&b.left),
            right: boxed(&b.right),
            span: sp,
        },
        E::LogicalExpression(l) => Expr::Binary {
            op: match l.operator {
                js::LogicalOperator::And => BinOp::And,
                js::LogicalOperator::Or => BinOp::Or,
                js::LogicalOperator::Coalesce => BinOp::Nullish,
            },
            left: boxed(&l.left),
            right: boxed(&l.right),
            span: sp,
        },
        E::AwaitExpression(a) => Expr::Await(boxed(&a.argument), sp),
        E::ArrayExpression(a) => Expr::Array(
            a.elements
                .iter()
                .filter_map(|el| match el {
                    js::ArrayExpressionElement::SpreadElement(s) => Some(expr(&s.argument)),
                    js::ArrayExpressionElement::Elision(_) => None,
                    other => other.as_expression().map(expr),
                })
                .collect(),
            sp,
        ),
        E::ObjectExpression(o) => object(o, sp),
        E::ParenthesizedExpression(p) => expr(&p.expression),
        E::TSAsExpression(t) => expr(&t.expression),
        E::TSSatisfiesExpression(t) => expr(&t.expression),
        E::TSNonNullExpression(t) => expr(&t.expression),
        E::TSTypeAssertion(t) => expr(&t.expression),
        E::TSInstantiationExpression(t) => expr(&t.expression),
        E::ConditionalExpression(c) => Expr::Other(
            vec![expr(&c.test), expr(&c.consequent), expr(&c.alternate)],
            sp,
        ),
        E::SequenceExpression(s) => Expr::Other(s.expressions.iter().map(expr).collect(), sp),
        E::TaggedTemplateExpression(t) => {
            let mut parts = vec![expr(&t.tag)];
            parts.extend(t.quasi.expressions.iter().map(expr));
            Expr::Other(parts, sp)
        }
        E::YieldExpression(y) => Expr::Other(y.argument.iter().map(expr).collect(), sp),
        E::ImportExpression(i) => Expr::Other(vec![expr(&i.source)], sp),
        E::NullLiteral(_) => Expr::Lit(Lit::Null, sp),
        E::BooleanLiteral(b) => Expr::Lit(Lit::Bool(b.value), sp),
        E::NumericLiteral(n) => Expr::Lit(Lit::Number(n.value), sp),
        _ => Expr::Lit(Lit::Other, sp),
    }
}

fn call(c: &js::CallExpression<'_>) -> Expr {
    Expr::Call {
        callee: boxed(&c.callee),
        args: args(&c.arguments),
        span: span(c.span),
    }
}

fn chain(c: &js::ChainElement<'_>, sp: Span) -> Expr {
    match c {
        js::ChainElement::CallExpression(call_expr) => call(call_expr),
        js::ChainElement::TSNonNullExpression(t) => expr(&t.expression),
        other => match other.as_member_expression() {
            Some(m) => member(m),
            None => Expr::Lit(Lit::Other, sp),
        },
    }
}

fn template(t: &js::TemplateLiteral<'_>) -> Expr {
    let head = t.quasis.first().map_or(String::new(), |q| {
        q.value
            .cooked
            .as_ref()
            .map_or_else(|| q.value.raw.to_string(), |c| c.to_string())
    });
    Expr::Template {
        head,
        parts: t.expressions.iter().map(expr).collect(),
        span: span(t.span),
    }
}

fn object(o: &js::ObjectExpression<'_>, sp: Span) -> Expr {
    let props = o
        .properties
        .iter()
        .map(|p| match p {
            js::ObjectPropertyKind::ObjectProperty(prop) => Property {
                key: property_key(&prop.key, prop.computed),
                value: expr(&prop.value),
            },
            js::ObjectPropertyKind::SpreadProperty(s) => Property {
                key: None,
                value: expr(&s.argument),
            },
        })
        .collect();
    Expr::Object(props, sp)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(err.offset as usize, 4 + MAX_DEPTH);
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
