//! Lowering oxc's AST into the checker's [`ir`](crate::check::ir): keeps
//! calls, members, assignments, declarations, functions, conditions, loops
//! and imports; folds everything else into `Expr::Other` with its
//! sub-expressions. Part of the parser adapter: only `check::parse` uses it.

use super::lower_expr::{assign_target, expr};
use crate::check::ir::*;
use oxc_ast::ast as js;
use oxc_span::GetSpan;

pub(super) fn span(s: oxc_span::Span) -> Span {
    Span {
        start: s.start,
        end: s.end,
    }
}

pub(super) fn lower_program(program: &js::Program<'_>) -> Program {
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
    let _depth = super::depth::DepthGuard::enter(s.span().start)?;
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

pub(super) fn property_key(key: &js::PropertyKey<'_>, computed: bool) -> Option<String> {
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

pub(super) fn func(f: &js::Function<'_>) -> Func {
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

pub(super) fn arrow(a: &js::ArrowFunctionExpression<'_>) -> Func {
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
pub(super) fn class(c: &js::Class<'_>) -> Expr {
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
