//! The gradebook of a batch (`course grade --batch`): one row per submission.
//!
//! - CSV (`--format csv`, also the default):
//!   `submission,score,max_score,<exercise id>...,error,course,course_version,shard,`
//!   `name,id,sis_user_id,sis_login_id,section,email` (the last six from a roster, empty
//!   without one),
//!   one row per submission sorted by name; a submission that could not be graded (not a
//!   folder, unreadable, a panic in a check) has empty scores and the reason in `error`,
//!   followed by its code in brackets (`... [submission/not-a-folder]`).
//! - JSON (`--format json`): one document
//!   `{"schema":"course-gradebook/1","course":ID,"course_version":HEX,"shard":"I/N"|null,
//!   "exercises":[ID...],"submissions":[{"submission":NAME,"report":<course-report/1>|null,
//!   "error":null|MESSAGE,"error_code":null|CODE,"roster":null|{"name":..,...}}]}`.
//!
//! `course_version` (a fingerprint of the course files) and `shard` (`--shard I/N`, empty or
//! null for a whole class) let `course gradebook merge` refuse parts that do not belong
//! together. Both were added after `course-gradebook/1` was first published, and the
//! roster's columns after them: they come last in the CSV and are optional when a JSON
//! gradebook is read.

use serde::{Deserialize, Serialize};

use super::{csv, Report};
use crate::course::Course;
use crate::grading::batch::Graded;
use crate::grading::shard::Shard;
use crate::grading::submission::Person;

pub const GRADEBOOK_SCHEMA: &str = "course-gradebook/1";

/// The CSV columns after `error`, in order, the same on every row; [`Person::COLUMNS`]
/// (each row's own) come after them.
pub const TRAILER: [&str; 3] = ["course", "course_version", "shard"];

/// What a gradebook says about itself besides its rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub course: String,
    #[serde(default)]
    pub course_version: Option<String>,
    #[serde(default)]
    pub shard: Option<Shard>,
    pub exercises: Vec<String>,
}

impl Meta {
    /// The gradebook of `course`, for one shard or (`None`) the whole class.
    pub fn of(course: &Course, shard: Option<Shard>) -> Meta {
        Meta {
            course: course.id.clone(),
            course_version: Some(course.files.fingerprint()),
            shard,
            exercises: exercise_ids(course)
                .into_iter()
                .map(str::to_string)
                .collect(),
        }
    }
}

/// The JSON document, as written and as read back (`course gradebook merge`).
#[derive(Serialize, Deserialize)]
pub struct Gradebook {
    pub schema: String,
    #[serde(flatten)]
    pub meta: Meta,
    pub submissions: Vec<Graded<Report>>,
}

/// Every exercise id of the course, in course order: the gradebook's columns.
pub fn exercise_ids(course: &Course) -> Vec<&str> {
    course.exercises.iter().map(|e| e.id.as_str()).collect()
}

/// The `course-gradebook/1` JSON document.
pub fn render_json(meta: &Meta, graded: &[Graded<Report>]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        schema: &'static str,
        #[serde(flatten)]
        meta: &'a Meta,
        submissions: &'a [Graded<Report>],
    }
    let book = Out {
        schema: GRADEBOOK_SCHEMA,
        meta,
        submissions: graded,
    };
    let mut s = serde_json::to_string_pretty(&book).expect("a gradebook always serialises");
    s.push('\n');
    s
}

/// The CSV gradebook.
pub fn render_csv(meta: &Meta, graded: &[Graded<Report>]) -> String {
    let rows: Vec<csv::Row> = graded
        .iter()
        .map(|g| csv::Row {
            submission: &g.submission,
            outcome: g.outcome.as_ref().map_err(ToString::to_string),
            extra: g.person.cells().to_vec(),
        })
        .collect();
    let ids: Vec<&str> = meta.exercises.iter().map(String::as_str).collect();
    let shard = meta.shard.map(|s| s.to_string()).unwrap_or_default();
    let trailer = [
        (TRAILER[0], meta.course.as_str()),
        (TRAILER[1], meta.course_version.as_deref().unwrap_or("")),
        (TRAILER[2], shard.as_str()),
    ];
    csv::render(&ids, &rows, &trailer, &Person::COLUMNS)
}
