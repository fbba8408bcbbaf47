//! The small, owned syntax tree the rules read. The parser adapter
//! ([`super::parse`]) lowers the real JavaScript/TypeScript AST into this shape,
//! keeping only what the red-flag rules look at (calls, members, assignments,
//! declarations, functions, conditions, loops, imports) and folding every
//! other construct into [`Expr::Other`] with its sub-expressions, so nothing
//! that could hide a call is lost. Spans are byte offsets into the source.

/// Byte offsets `[start, end)` into the scanned source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stmt {
    Expr(Expr),
    Decl(Decl),
    /// A function declaration (named).
    Func(Func),
    If {
        test: Expr,
        then: Vec<Stmt>,
        els: Vec<Stmt>,
        span: Span,
    },
    Loop(Loop),
    Return(Option<Expr>, Span),
    Throw(Expr, Span),
    /// `break` (with its label, if any).
    Break(Option<String>),
    Labeled(String, Vec<Stmt>),
    /// A `switch`: its cases flattened (a `break` inside leaves the switch).
    Switch(Expr, Vec<Stmt>),
    /// A block, `try`/`catch`/`finally`, a class body...: statements in order.
    Block(Vec<Stmt>),
    Import(Import),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclKind {
    Var,
    Let,
    Const,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Decl {
    pub kind: DeclKind,
    pub declarators: Vec<Declarator>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Declarator {
    pub pattern: Pattern,
    pub init: Option<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Pattern {
    Ident(String, Span),
    /// `{ key: pattern, ... }`; `key` is `None` when computed or a rest element.
    Object(Vec<(Option<String>, Pattern)>),
    Array(Vec<Pattern>),
    /// `pattern = default`.
    Default(Box<Pattern>, Box<Expr>),
}

impl Pattern {
    /// Every name this pattern binds.
    pub fn names(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_names(&mut out);
        out
    }

    fn collect_names<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Pattern::Ident(name, _) => out.push(name),
            Pattern::Object(props) => props.iter().for_each(|(_, p)| p.collect_names(out)),
            Pattern::Array(items) => items.iter().for_each(|p| p.collect_names(out)),
            Pattern::Default(p, _) => p.collect_names(out),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopKind {
    While,
    DoWhile,
    For,
    ForIn,
    ForOf,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Loop {
    pub kind: LoopKind,
    /// The condition; `None` for `for (;;)`. For `for in/of`, the iterated value.
    pub test: Option<Expr>,
    /// `for` init and update, `for in/of` left side.
    pub head: Vec<Stmt>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Func {
    pub name: Option<String>,
    pub params: Vec<Pattern>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The module specifier, e.g. `fs/promises`.
    pub source: String,
    pub bindings: Vec<ImportBinding>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportBinding {
    pub local: String,
    /// `None` for a default or namespace import, else the imported name.
    pub imported: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Plain,
    /// `??=`, `||=`, `&&=`: assign only when empty (lazy initialisation).
    Logical,
    /// `+=`, `-=`, ...
    Compound,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Typeof,
    Delete,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `==` / `===`
    Eq,
    /// `!=` / `!==`
    NotEq,
    And,
    Or,
    Nullish,
    Other,
}

/// The literal values the rules care about; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lit {
    Null,
    Bool(bool),
    Number(f64),
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Prop {
    Static(String),
    Computed(Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    /// The key when it is a plain name or string; `None` for computed keys and spreads.
    pub key: Option<String>,
    pub value: Expr,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Ident(String, Span),
    Str(String, Span),
    /// A template literal: its first text part and the interpolated expressions.
    Template {
        head: String,
        parts: Vec<Expr>,
        span: Span,
    },
    /// Numbers, booleans, `null`, regular expressions, `this`...
    Lit(Lit, Span),
    Member {
        object: Box<Expr>,
        prop: Prop,
        span: Span,
    },
    Call {
        callee: Box<Expr>,
        args: Vec<Expr>,
        span: Span,
    },
    New {
        callee: Box<Expr>,
        args: Vec<Expr>,
        span: Span,
    },
    Func(Box<Func>),
    Assign {
        op: AssignOp,
        target: Box<Expr>,
        value: Box<Expr>,
        span: Span,
    },
    /// `x++`, `--x`.
    Update {
        target: Box<Expr>,
        span: Span,
    },
    Unary {
        op: UnaryOp,
        arg: Box<Expr>,
        span: Span,
    },
    Binary {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
        span: Span,
    },
    Await(Box<Expr>, Span),
    Array(Vec<Expr>, Span),
    Object(Vec<Property>, Span),
    /// Anything else, with the sub-expressions it contains.
    Other(Vec<Expr>, Span),
}

impl Expr {
    pub fn span(&self) -> Span {
        match self {
            Expr::Ident(_, s)
            | Expr::Str(_, s)
            | Expr::Lit(_, s)
            | Expr::Await(_, s)
            | Expr::Array(_, s)
            | Expr::Object(_, s)
            | Expr::Other(_, s) => *s,
            Expr::Template { span, .. }
            | Expr::Member { span, .. }
            | Expr::Call { span, .. }
            | Expr::New { span, .. }
            | Expr::Assign { span, .. }
            | Expr::Update { span, .. }
            | Expr::Unary { span, .. }
            | Expr::Binary { span, .. } => *span,
            Expr::Func(f) => f.span,
        }
    }

    /// The name when this is a plain identifier.
    pub fn ident(&self) -> Option<&str> {
        match self {
            Expr::Ident(name, _) => Some(name),
            _ => None,
        }
    }

    /// The identifier at the root of a member chain (`a` in `a.b[c].d`), or
    /// the identifier itself.
    pub fn root_ident(&self) -> Option<&str> {
        match self {
            Expr::Ident(name, _) => Some(name),
            Expr::Member { object, .. } => object.root_ident(),
            _ => None,
        }
    }

    /// The static property name when this is `object.name`.
    pub fn static_prop(&self) -> Option<(&Expr, &str)> {
        match self {
            Expr::Member {
                object,
                prop: Prop::Static(name),
                ..
            } => Some((object, name)),
            _ => None,
        }
    }

    /// Strip `await` (and nothing else): `await x` → `x`.
    pub fn unawaited(&self) -> &Expr {
        match self {
            Expr::Await(inner, _) => inner.unawaited(),
            other => other,
        }
    }

    /// The direct sub-expressions (not those inside nested function bodies).
    pub fn children(&self) -> Vec<&Expr> {
        match self {
            Expr::Ident(..) | Expr::Str(..) | Expr::Lit(..) | Expr::Func(_) => Vec::new(),
            Expr::Template { parts, .. } => parts.iter().collect(),
            Expr::Member { object, prop, .. } => match prop {
                Prop::Static(_) => vec![object],
                Prop::Computed(key) => vec![object, key],
            },
            Expr::Call { callee, args, .. } | Expr::New { callee, args, .. } => {
                std::iter::once(&**callee).chain(args.iter()).collect()
            }
            Expr::Assign { target, value, .. } => vec![target, value],
            Expr::Update { target, .. } => vec![target],
            Expr::Unary { arg, .. } | Expr::Await(arg, _) => vec![arg],
            Expr::Binary { left, right, .. } => vec![left, right],
            Expr::Array(items, _) | Expr::Other(items, _) => items.iter().collect(),
            Expr::Object(props, _) => props.iter().map(|p| &p.value).collect(),
        }
    }
}

/// True when `pred` holds for `e` or any expression inside it, including
/// inside nested function bodies.
pub fn expr_any(e: &Expr, pred: &mut dyn FnMut(&Expr) -> bool) -> bool {
    if pred(e) {
        return true;
    }
    match e {
        Expr::Func(f) => stmts_any(&f.body, pred),
        other => other.children().into_iter().any(|c| expr_any(c, pred)),
    }
}

/// True when `pred` holds for any expression in these statements (nested
/// functions included).
pub fn stmts_any(list: &[Stmt], pred: &mut dyn FnMut(&Expr) -> bool) -> bool {
    list.iter().any(|s| stmt_any(s, pred))
}

fn stmt_any(s: &Stmt, pred: &mut dyn FnMut(&Expr) -> bool) -> bool {
    match s {
        Stmt::Expr(e) | Stmt::Throw(e, _) => expr_any(e, pred),
        Stmt::Return(e, _) => e.as_ref().is_some_and(|e| expr_any(e, pred)),
        Stmt::Decl(d) => d
            .declarators
            .iter()
            .any(|decl| decl.init.as_ref().is_some_and(|e| expr_any(e, pred))),
        Stmt::Func(f) => stmts_any(&f.body, pred),
        Stmt::If {
            test, then, els, ..
        } => expr_any(test, pred) || stmts_any(then, pred) || stmts_any(els, pred),
        Stmt::Loop(l) => {
            l.test.as_ref().is_some_and(|e| expr_any(e, pred))
                || stmts_any(&l.head, pred)
                || stmts_any(&l.body, pred)
        }
        Stmt::Labeled(_, body) | Stmt::Block(body) => stmts_any(body, pred),
        Stmt::Switch(d, body) => expr_any(d, pred) || stmts_any(body, pred),
        Stmt::Break(_) | Stmt::Import(_) => false,
    }
}

/// Every `if` test in these statements (nested functions included).
pub fn if_tests(list: &[Stmt]) -> Vec<&Expr> {
    let mut out = Vec::new();
    collect_if_tests(list, &mut out);
    out
}

fn collect_if_tests<'a>(list: &'a [Stmt], out: &mut Vec<&'a Expr>) {
    for s in list {
        match s {
            Stmt::If {
                test, then, els, ..
            } => {
                out.push(test);
                collect_if_tests(then, out);
                collect_if_tests(els, out);
            }
            Stmt::Func(f) => collect_if_tests(&f.body, out),
            Stmt::Loop(l) => collect_if_tests(&l.body, out),
            Stmt::Labeled(_, body) | Stmt::Block(body) | Stmt::Switch(_, body) => {
                collect_if_tests(body, out)
            }
            _ => {}
        }
    }
}
