//! Lowering oxc expressions into the checker's [`ir`](crate::check::ir)
//! (the expression half of the adapter; statements are in `lower`).

use super::lower::{arrow, class, func, property_key, span};
use crate::check::ir::*;
use oxc_ast::ast as js;
use oxc_span::GetSpan;

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

pub(super) fn assign_target(t: &js::AssignmentTarget<'_>) -> Expr {
    match t.as_simple_assignment_target() {
        Some(simple) => simple_target(simple),
        // Destructuring assignment: not a single target the rules follow.
        None => Expr::Other(Vec::new(), span(t.span())),
    }
}

fn boxed(e: &js::Expression<'_>) -> Box<Expr> {
    Box::new(expr(e))
}

pub(super) fn expr(e: &js::Expression<'_>) -> Expr {
    use js::Expression as E;
    let sp = span(e.span());
    let Some(_depth) = super::depth::DepthGuard::enter(sp.start) else {
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
