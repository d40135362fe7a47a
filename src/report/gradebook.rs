//! The gradebook of a batch (`course grade --batch`): one row per submission.
//!
//! - CSV (`--format csv`, also the default): `submission,score,max_score,<exercise id>...,error`,
//!   one row per submission sorted by name; a submission that could not be graded (not a
//!   folder, unreadable, a panic in a check) has empty scores and the reason in `error`,
//!   followed by its code in brackets (`... [submission/not-a-folder]`).
//! - JSON (`--format json`): one document
//!   `{"schema":"course-gradebook/1","course":ID,"exercises":[ID...],"submissions":[{"submission":NAME,
//!   "report":<course-report/1>|null,"error":null|MESSAGE,"error_code":null|CODE}]}`.

use serde::Serialize;

use super::{csv, Report};
use crate::course::Course;
use crate::grading::batch::Graded;

pub const GRADEBOOK_SCHEMA: &str = "course-gradebook/1";

#[derive(Serialize)]
struct Gradebook<'a> {
    schema: &'static str,
    course: &'a str,
    exercises: Vec<&'a str>,
    submissions: &'a [Graded<Report>],
}

/// Every exercise id of the course, in course order: the gradebook's columns.
pub fn exercise_ids(course: &Course) -> Vec<&str> {
    course.exercises.iter().map(|e| e.id.as_str()).collect()
}

/// The `course-gradebook/1` JSON document.
pub fn render_json(course: &Course, graded: &[Graded<Report>]) -> String {
    let book = Gradebook {
        schema: GRADEBOOK_SCHEMA,
        course: &course.id,
        exercises: exercise_ids(course),
        submissions: graded,
    };
    let mut s = serde_json::to_string_pretty(&book).expect("a gradebook always serialises");
    s.push('\n');
    s
}

/// The CSV gradebook.
pub fn render_csv(course: &Course, graded: &[Graded<Report>]) -> String {
    let rows: Vec<csv::Row> = graded
        .iter()
        .map(|g| csv::Row {
            submission: &g.submission,
            outcome: g.outcome.as_ref().map_err(ToString::to_string),
        })
        .collect();
    csv::render(&exercise_ids(course), &rows)
}
