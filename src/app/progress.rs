//! Pure progress bookkeeping shared by the app state (sidebar marks) and the
//! edge that saves: applying a lesson position, scoring a quiz from attempts.

use super::msg::LessonSave;
use crate::content::model::Quiz;
use crate::persist::progress::CourseProgress;

/// Makes `save` the last lesson and records its position. `read` only ever
/// goes from false to true (re-reading the top does not "unread" a lesson).
pub fn apply_lesson_save(progress: &mut CourseProgress, save: &LessonSave) {
    progress.last_lesson = Some(save.lesson_id.clone());
    let entry = progress.lessons.entry(save.lesson_id.clone()).or_default();
    entry.scroll = save.scroll;
    entry.read |= save.read;
}

/// (questions whose latest attempt is correct, questions) once any question
/// of the quiz has been attempted; `None` before that.
pub fn quiz_score(progress: &CourseProgress, quiz: &Quiz) -> Option<(usize, usize)> {
    let attempts = progress.quizzes.get(&quiz.id)?;
    let mut any = false;
    let mut correct = 0;
    for q in &quiz.questions {
        if let Some(last) = attempts.questions.get(&q.id).and_then(|a| a.last()) {
            any = true;
            correct += usize::from(last.grade.correct);
        }
    }
    any.then_some((correct, quiz.questions.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::progress::ScrollPos;

    #[test]
    fn read_is_sticky_and_last_lesson_follows_the_save() {
        let mut p = CourseProgress::default();
        let save = |id: &str, read| LessonSave {
            lesson_id: id.into(),
            scroll: ScrollPos { block: 2, row: 1 },
            read,
        };
        apply_lesson_save(&mut p, &save("a", true));
        apply_lesson_save(&mut p, &save("a", false));
        apply_lesson_save(&mut p, &save("b", false));
        assert!(p.lessons["a"].read);
        assert!(!p.lessons["b"].read);
        assert_eq!(p.last_lesson.as_deref(), Some("b"));
        assert_eq!(p.lessons["a"].scroll, ScrollPos { block: 2, row: 1 });
    }
}
