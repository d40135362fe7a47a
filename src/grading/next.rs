//! The single next step: which lessons are read, which exercises pass now and which the
//! learner put aside decide it. Exercise results always come from running the checks, never
//! from state.

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

/// Exercise indices in the order a learner meets them: by the position of the lesson that
/// teaches them, and in `course.yaml` order among one lesson's exercises. An exercise thus
/// comes right after its lesson, whatever order `exercises:` lists them in.
pub fn exercise_order(course: &Course) -> Vec<usize> {
    let mut order: Vec<usize> = (0..course.exercises.len()).collect();
    order.sort_by_key(|&i| course.lesson_index(&course.exercises[i].lesson));
    order
}

/// Lessons in order, each followed by the unfinished exercises it teaches; an exercise put
/// aside (`course skip`) waits until every lesson is read and every other exercise passes.
pub fn next_step(course: &Course, state: &State, results: &[ExerciseResult]) -> Step {
    let unread = |i: &usize| !state.lessons_read.contains(&course.lessons[*i].id);
    let open = |i: &usize| {
        results
            .iter()
            .find(|r| r.id == course.exercises[*i].id)
            .is_none_or(|r| r.status != Status::Pass)
    };
    let deferred = |i: &usize| state.deferred.contains(&course.exercises[*i].id);
    let order = exercise_order(course);
    if let Some(&ex) = order.iter().find(|i| open(i) && !deferred(i)) {
        let upto = course
            .lesson_index(&course.exercises[ex].lesson)
            .unwrap_or(0);
        return (0..=upto)
            .find(unread)
            .map_or(Step::Exercise(ex), Step::Lesson);
    }
    if let Some(lesson) = (0..course.lessons.len()).find(unread) {
        return Step::Lesson(lesson);
    }
    order
        .into_iter()
        .find(open)
        .map_or(Step::Done, Step::Exercise)
}

/// Whether `course skip` on exercise `i` moves the learner on: with it put aside, `course
/// next` would show something else. Not when it is put aside already (skipping changes
/// nothing) or passes, nor when it is all that is left (`course next` would come straight back to it).
pub fn skip_moves_on(course: &Course, state: &State, results: &[ExerciseResult], i: usize) -> bool {
    let id = &course.exercises[i].id;
    let passes = results
        .iter()
        .any(|r| &r.id == id && r.status == Status::Pass);
    if passes || state.deferred.contains(id) {
        return false;
    }
    let mut after = state.clone();
    after.deferred.insert(id.clone());
    next_step(course, &after, results) != Step::Exercise(i)
}

/// The failing exercise of `results` a learner is sent to fix first (the footer of `course
/// check`): the one `course next` is on when it fails, so in lesson order, the ones put aside
/// (`course skip`) last. A full check after skipping `environment` named `environment` (the
/// first failing in the report) while `course next` was on `git-workflow` (issue 9).
pub fn first_to_fix<'r>(
    course: &Course,
    state: &State,
    results: &'r [ExerciseResult],
) -> Option<&'r str> {
    let failing = |i: &usize| {
        results.iter().find(|r| {
            r.id == course.exercises[*i].id && matches!(r.status, Status::Fail | Status::Error)
        })
    };
    let order = exercise_order(course);
    let deferred = |i: &usize| state.deferred.contains(&course.exercises[*i].id);
    let first = order.iter().filter(|i| !deferred(i)).find_map(failing);
    first
        .or_else(|| order.iter().find_map(failing))
        .map(|r| r.id.as_str())
}
