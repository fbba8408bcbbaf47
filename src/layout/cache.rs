//! A small most-recently-used cache of laid-out lessons, keyed by (lesson
//! id, layout options): resizing back and forth or switching lessons reuses
//! the lines instead of laying out again.

use super::{layout_lesson, Laid, LayoutOptions};
use crate::content::model::Lesson;
use std::sync::Arc;

const DEFAULT_CAPACITY: usize = 16;

#[derive(Debug, Clone)]
pub struct LayoutCache {
    /// Most recently used first.
    entries: Vec<(String, LayoutOptions, Arc<Laid>)>,
    capacity: usize,
}

impl Default for LayoutCache {
    fn default() -> Self {
        LayoutCache::new(DEFAULT_CAPACITY)
    }
}

impl LayoutCache {
    pub fn new(capacity: usize) -> Self {
        LayoutCache {
            entries: Vec::new(),
            capacity: capacity.max(1),
        }
    }

    /// The lesson laid out with `opts`, from the cache or fresh.
    pub fn get(&mut self, lesson: &Lesson, opts: &LayoutOptions) -> Arc<Laid> {
        if let Some(pos) = self
            .entries
            .iter()
            .position(|(id, o, _)| id == &lesson.id && o == opts)
        {
            let entry = self.entries.remove(pos);
            let laid = Arc::clone(&entry.2);
            self.entries.insert(0, entry);
            return laid;
        }
        let laid = Arc::new(layout_lesson(lesson, opts));
        self.entries
            .insert(0, (lesson.id.clone(), *opts, Arc::clone(&laid)));
        self.entries.truncate(self.capacity);
        laid
    }

    /// Forgets every layout of a lesson (its file changed).
    pub fn invalidate(&mut self, lesson_id: &str) {
        self.entries.retain(|(id, _, _)| id != lesson_id);
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Block;
    use crate::theme::{Theme, ThemeName};

    fn lesson(id: &str) -> Lesson {
        Lesson {
            id: id.into(),
            title: id.into(),
            minutes: None,
            quiz: None,
            path: String::new(),
            blocks: vec![Block::Rule],
            block_lines: vec![1],
        }
    }

    #[test]
    fn reuses_and_evicts() {
        let mut cache = LayoutCache::new(2);
        let opts = LayoutOptions {
            width: 10,
            theme: Theme::no_color(ThemeName::Dark),
            highlight: false,
        };
        let a = cache.get(&lesson("a"), &opts);
        assert!(Arc::ptr_eq(&a, &cache.get(&lesson("a"), &opts)));
        cache.get(&lesson("b"), &opts);
        cache.get(&lesson("c"), &opts);
        assert_eq!(cache.len(), 2);
        assert!(!Arc::ptr_eq(&a, &cache.get(&lesson("a"), &opts)));
        cache.invalidate("a");
        assert_eq!(cache.len(), 1);
    }
}
