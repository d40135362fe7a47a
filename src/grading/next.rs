//! The single next step: which lessons are read and which exercises pass now decide it.
//! Exercise results always come from running the checks, never from state.

use super::ExerciseResult;
use crate::checks::Status;
use crate::course::Course;
use crate::workspace::State;

/// The one thing to do next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Read this lesson (index into `course.lessons`).
    Lesson(usize),
    /// Work on this exercise (index into `course.exercises`).
    Exercise(usize),
    /// Everything read and passing.
    Done,
}

/// The first unread lesson up to and including the lesson of the first unfinished exercise;
/// else that exercise; else any unread lesson left; else done.
pub fn next_step(course: &Course, state: &State, results: &[ExerciseResult]) -> Step {
    let unread = |i: &usize| !state.lessons_read.contains(&course.lessons[*i].id);
    let unfinished = course.exercises.iter().position(|e| {
        results
            .iter()
            .find(|r| r.id == e.id)
            .is_none_or(|r| r.status != Status::Pass)
    });
    match unfinished {
        Some(ex) => {
            let upto = course
                .lesson_index(&course.exercises[ex].lesson)
                .unwrap_or(0);
            (0..=upto)
                .find(unread)
                .map_or(Step::Exercise(ex), Step::Lesson)
        }
        None => (0..course.lessons.len())
            .find(unread)
            .map_or(Step::Done, Step::Lesson),
    }
}
