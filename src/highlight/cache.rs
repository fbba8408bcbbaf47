//! The per-block highlight cache: (language, code hash, theme) → lines.
//! Bounded: cleared when it reaches [`CAPACITY`] entries.

use super::StyledLine;
use crate::theme::{Theme, ThemeName};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};

const CAPACITY: usize = 512;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    lang: String,
    code_hash: u64,
    code_len: usize,
    theme: ThemeName,
}

impl Key {
    pub fn new(lang: &str, code: &str, theme: &Theme) -> Self {
        let mut h = DefaultHasher::new();
        code.hash(&mut h);
        Key {
            lang: lang.to_owned(),
            code_hash: h.finish(),
            code_len: code.len(),
            theme: theme.name,
        }
    }
}

type Map = HashMap<Key, Arc<Vec<StyledLine>>>;

static CACHE: Mutex<Option<Map>> = Mutex::new(None);

pub fn get(key: &Key) -> Option<Arc<Vec<StyledLine>>> {
    let guard = CACHE.lock().ok()?;
    guard.as_ref()?.get(key).cloned()
}

pub fn put(key: Key, lines: Arc<Vec<StyledLine>>) {
    if let Ok(mut guard) = CACHE.lock() {
        let map = guard.get_or_insert_with(HashMap::new);
        if map.len() >= CAPACITY {
            map.clear();
        }
        map.insert(key, lines);
    }
}
