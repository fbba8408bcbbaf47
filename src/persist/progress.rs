//! The learner's progress: a versioned JSON document keyed by course id and by
//! lesson/question ids, so editing a course keeps the rest of the progress.
//! This file owns the data shape; the store (atomic save, lock, corrupt-file
//! handling) lives in `persist::store`.

use crate::quiz::answer::{Answer, Grade};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bump when the shape changes incompatibly; a newer file is moved aside, never overwritten.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub schema_version: u32,
    #[serde(default)]
    pub courses: BTreeMap<String, CourseProgress>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            schema_version: SCHEMA_VERSION,
            courses: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CourseProgress {
    /// The lesson the learner had open last.
    #[serde(default)]
    pub last_lesson: Option<String>,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
    /// Keyed by quiz id, then question id.
    #[serde(default)]
    pub quizzes: BTreeMap<String, QuizProgress>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LessonProgress {
    /// Scrolled to the end at least once.
    #[serde(default)]
    pub read: bool,
    /// Scroll position as the index of the first visible *source block* plus the
    /// fraction of the laid-out lesson, so it survives a different width.
    #[serde(default)]
    pub scroll: ScrollPos,
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ScrollPos {
    /// Index of the top-most visible block of the lesson model.
    pub block: usize,
    /// Rows into that block, at the width it was laid out for.
    pub row: usize,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct QuizProgress {
    /// Shuffle seed of the latest attempt run.
    #[serde(default)]
    pub seed: Option<u64>,
    #[serde(default)]
    pub questions: BTreeMap<String, Vec<Attempt>>,
}

/// One answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// 1-based attempt number for this question.
    pub attempt: u32,
    pub answer: Answer,
    pub grade: Grade,
    /// Milliseconds from the question being shown to the answer being submitted.
    pub time_ms: u64,
    pub at: DateTime<Utc>,
    /// The shuffle seed the options were shown with (`None`: authored order).
    #[serde(default)]
    pub seed: Option<u64>,
}
