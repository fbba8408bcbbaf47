//! Laid-out lessons, cached by (lesson, width, theme, highlight), so a frame
//! never re-wraps text: it draws a slice of lines computed once. Entries for
//! other widths are dropped when the width changes (a resize lays out again).

use crate::content::model::Course;
use crate::layout::{layout_lesson, Laid, LayoutOptions};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Default, Clone)]
pub struct Layouts {
    map: HashMap<(usize, LayoutOptions), Arc<Laid>>,
}

impl Layouts {
    /// The layout of lesson `index` (empty when there is no such lesson).
    pub fn get(&mut self, course: &Course, index: usize, opts: LayoutOptions) -> Arc<Laid> {
        if self.map.keys().any(|(_, o)| o.width != opts.width) {
            self.map.retain(|(_, o), _| o.width == opts.width);
        }
        let Some(lesson) = course.lessons.get(index) else {
            return Arc::new(Laid::default());
        };
        Arc::clone(
            self.map
                .entry((index, opts))
                .or_insert_with(|| Arc::new(layout_lesson(lesson, &opts))),
        )
    }

    /// The cached layout, if any, without computing one.
    pub fn peek(&self, index: usize, opts: LayoutOptions) -> Option<Arc<Laid>> {
        self.map.get(&(index, opts)).cloned()
    }

    /// Forget everything (the course changed).
    pub fn clear(&mut self) {
        self.map.clear();
    }

    /// Forget every lesson's layouts but lesson `index`'s.
    pub fn keep_only(&mut self, index: usize) {
        self.map.retain(|(i, _), _| *i == index);
    }
}
