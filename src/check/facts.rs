//! What a file binds, gathered once before the rules run: which names come
//! from which module (`require('fs')`, `import { Server } from 'socket.io'`,
//! `const { writeFile } = require('fs/promises')`), and which variables are
//! declared at module scope. Plus [`resolve`], which names a callee by its
//! module and member path so rules can say "this is `fs.writeFileSync`".

use super::ir::*;
use std::collections::HashMap;

/// A name bound to (part of) a module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleRef {
    /// Normalised module name: `node:` stripped; `fs/promises`, `fs-extra`
    /// and `graceful-fs` become `fs` (with `promises` in the path where it applies).
    pub module: String,
    /// Members below the module, e.g. `["promises"]` for `require('fs').promises`.
    pub path: Vec<String>,
}

/// A variable declared at module scope.
#[derive(Debug, Clone)]
pub struct ModuleVar<'p> {
    pub name: &'p str,
    pub kind: DeclKind,
    pub span: Span,
    pub init: Option<&'p Expr>,
}

#[derive(Debug, Default)]
pub struct Facts<'p> {
    pub imports: HashMap<&'p str, ModuleRef>,
    pub module_vars: Vec<ModuleVar<'p>>,
}

impl<'p> Facts<'p> {
    pub fn gather(program: &'p Program) -> Self {
        let mut facts = Facts::default();
        for s in &program.body {
            if let Stmt::Decl(d) = s {
                for decl in &d.declarators {
                    for (name, span) in ident_spans(&decl.pattern) {
                        facts.module_vars.push(ModuleVar {
                            name,
                            kind: d.kind,
                            span,
                            init: match &decl.pattern {
                                Pattern::Ident(..) => decl.init.as_ref(),
                                _ => None,
                            },
                        });
                    }
                }
            }
        }
        facts.collect_imports(&program.body);
        facts
    }

    pub fn module_var(&self, name: &str) -> Option<&ModuleVar<'p>> {
        self.module_vars.iter().find(|v| v.name == name)
    }

    fn collect_imports(&mut self, list: &'p [Stmt]) {
        for s in list {
            match s {
                Stmt::Import(i) => {
                    for b in &i.bindings {
                        let mut r = module_ref(&i.source);
                        r.path.extend(b.imported.iter().cloned());
                        self.imports.insert(&b.local, r);
                    }
                }
                Stmt::Decl(d) => {
                    for decl in &d.declarators {
                        if let Some(r) = decl.init.as_ref().and_then(required_module) {
                            self.bind_pattern(&decl.pattern, r);
                        }
                    }
                }
                Stmt::Block(body) | Stmt::Labeled(_, body) => self.collect_imports(body),
                Stmt::If { then, els, .. } => {
                    self.collect_imports(then);
                    self.collect_imports(els);
                }
                _ => {}
            }
        }
    }

    fn bind_pattern(&mut self, p: &'p Pattern, r: ModuleRef) {
        match p {
            Pattern::Ident(name, _) => {
                self.imports.insert(name, r);
            }
            Pattern::Object(props) => {
                for (key, value) in props {
                    if let Some(key) = key {
                        let mut sub = r.clone();
                        sub.path.push(key.clone());
                        self.bind_pattern(value, sub);
                    }
                }
            }
            Pattern::Default(inner, _) => self.bind_pattern(inner, r),
            Pattern::Array(_) => {}
        }
    }
}

fn ident_spans(p: &Pattern) -> Vec<(&str, Span)> {
    match p {
        Pattern::Ident(name, span) => vec![(name.as_str(), *span)],
        Pattern::Object(props) => props.iter().flat_map(|(_, p)| ident_spans(p)).collect(),
        Pattern::Array(items) => items.iter().flat_map(ident_spans).collect(),
        Pattern::Default(p, _) => ident_spans(p),
    }
}

/// `require('x')`, `require('x').a.b`, `(await import('x'))`: the module it names.
fn required_module(e: &Expr) -> Option<ModuleRef> {
    match e.unawaited() {
        Expr::Call { callee, args, .. } if callee.ident() == Some("require") => {
            match args.first() {
                Some(Expr::Str(s, _)) => Some(module_ref(s)),
                _ => None,
            }
        }
        Expr::Member {
            object,
            prop: Prop::Static(name),
            ..
        } => {
            let mut r = required_module(object)?;
            r.path.push(name.clone());
            Some(r)
        }
        _ => None,
    }
}

fn module_ref(source: &str) -> ModuleRef {
    let source = source.strip_prefix("node:").unwrap_or(source);
    let (module, path) = match source {
        "fs/promises" => ("fs", vec!["promises".to_owned()]),
        "fs-extra" | "graceful-fs" => ("fs", Vec::new()),
        other => (other, Vec::new()),
    };
    ModuleRef {
        module: module.to_owned(),
        path,
    }
}

/// A callee named by where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The module when the root name is bound to one (or is `require('x')`).
    pub module: Option<String>,
    /// The root identifier as written (`fs`, `app`, `require`).
    pub base: String,
    /// Member path below the module (or below `base` when unbound).
    pub path: Vec<String>,
}

impl Resolved {
    pub fn last(&self) -> Option<&str> {
        self.path.last().map(String::as_str)
    }

    /// True when this names `module` (bound) or, unbound, a root called one of `names`.
    pub fn is_module(&self, module: &str, names: &[&str]) -> bool {
        match &self.module {
            Some(m) => m == module,
            None => names.contains(&self.base.as_str()),
        }
    }
}

/// Name an identifier or static member chain by module and path.
pub fn resolve(e: &Expr, facts: &Facts<'_>) -> Option<Resolved> {
    match e {
        Expr::Ident(name, _) => Some(match facts.imports.get(name.as_str()) {
            Some(r) => Resolved {
                module: Some(r.module.clone()),
                base: name.clone(),
                path: r.path.clone(),
            },
            None => Resolved {
                module: None,
                base: name.clone(),
                path: Vec::new(),
            },
        }),
        Expr::Member {
            object,
            prop: Prop::Static(p),
            ..
        } => {
            let mut r = resolve(object, facts)?;
            r.path.push(p.clone());
            Some(r)
        }
        Expr::Call { .. } => required_module(e).map(|r| Resolved {
            module: Some(r.module),
            base: "require".to_owned(),
            path: r.path,
        }),
        _ => None,
    }
}
