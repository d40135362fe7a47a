//! The report model (`course-report/1`) built from check results, and its output formats.
//!
//! Reports never look at the workspace: they only format what the checks found. Each
//! output format is one module below, printed through the one interface of `format`; the
//! batch gradebook and the GitHub job summary file live here too.

pub mod class;
pub mod classroom50;
pub mod csv;
pub mod format;
pub mod github;
pub mod gradebook;
pub mod gradescope;
pub mod json;
pub mod junit;
pub mod lms;
pub mod merge;
pub mod step_summary;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::checks::Status;
use crate::course::Course;
use crate::exit::Code;
use crate::grading::ExerciseResult;
use crate::i18n::Lang;

pub const SCHEMA: &str = "course-report/1";

/// One run of checks over one workspace. Field order and names are the stable JSON schema
/// documented in the README.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    /// Course id.
    pub course: String,
    /// The workspace as given (a path).
    pub workspace: String,
    pub exercises: Vec<ExerciseReport>,
    pub summary: Summary,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseReport {
    pub id: String,
    pub title: String,
    /// `pass`, `fail` or `skip` (a check that could not run makes its exercise `fail`).
    pub status: ExerciseStatus,
    pub score: u32,
    /// The exercise's points, also when it was not graded.
    pub max_score: u32,
    /// Why there is no verdict: `needs-exec`, `not-checked` or `no-checks` (status `skip`,
    /// not graded), `could-not-run` (status `fail`, could not grade). Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<crate::grading::Reason>,
    pub findings: Vec<FindingReport>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExerciseStatus {
    Pass,
    Fail,
    Skip,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingReport {
    /// The check kind that produced the finding.
    pub check: String,
    /// The stable code of the problem (`requirements/no-comment`), the same in every language.
    pub code: crate::checks::Code,
    /// `pass`, `fail`, `skip` or `error` (the check could not run).
    pub status: Status,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The message already names `file` (not in the JSON: a report's own layout detail).
    #[serde(skip)]
    pub names_file: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// How it reads beside others of its code (not in the JSON: the text report's layout;
    /// see [`crate::checks::Group`]).
    #[serde(skip)]
    pub group: Option<GroupReport>,
    /// The hint refers to an earlier finding's fix ([`crate::checks::Finding::refers`]; not
    /// in the JSON).
    #[serde(skip)]
    pub refers: bool,
}

/// A [`crate::checks::Group`] in the report's language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupReport {
    pub message: String,
    pub item: String,
    pub hint: String,
    pub word: String,
    pub line: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub passed: u32,
    pub failed: u32,
    pub skipped: u32,
    pub score: u32,
    pub max_score: u32,
}

/// `file:line: message`, `file: message` or the message alone, as people read a finding.
/// A message that already names its file (`names_file`, set by the check that wrote it:
/// "requirements.txt does not list ...") is not prefixed with it again.
pub fn located(file: Option<&str>, line: Option<u32>, names_file: bool, message: &str) -> String {
    match (file, line) {
        (Some(file), Some(line)) => format!("{file}:{line}: {message}"),
        (Some(_), None) if names_file => message.to_string(),
        (Some(file), None) => format!("{file}: {message}"),
        _ => message.to_string(),
    }
}

impl FindingReport {
    /// The message with its place, see [`located`].
    pub fn located(&self) -> String {
        located(
            self.file.as_deref(),
            self.line,
            self.names_file,
            &self.message,
        )
    }
}

impl Report {
    /// Localise results into a report in `lang`.
    pub fn build(
        course: &Course,
        workspace: &str,
        results: &[ExerciseResult],
        lang: Lang,
    ) -> Report {
        let mut summary = Summary::default();
        let exercises = results
            .iter()
            .map(|r| {
                let title = course
                    .exercise(&r.id)
                    .map_or(r.id.clone(), |e| e.title.get(lang).to_string());
                let status = match r.status {
                    Status::Pass => ExerciseStatus::Pass,
                    Status::Skip => ExerciseStatus::Skip,
                    Status::Fail | Status::Error => ExerciseStatus::Fail,
                };
                match status {
                    ExerciseStatus::Pass => summary.passed += 1,
                    ExerciseStatus::Fail => summary.failed += 1,
                    ExerciseStatus::Skip => summary.skipped += 1,
                }
                summary.score = summary.score.saturating_add(r.score);
                summary.max_score = summary.max_score.saturating_add(r.max_score);
                ExerciseReport {
                    id: r.id.clone(),
                    title,
                    status,
                    score: r.score,
                    max_score: r.max_score,
                    reason: r.reason,
                    findings: r
                        .findings
                        .iter()
                        .map(|f| FindingReport {
                            check: f.check.clone(),
                            code: f.code,
                            status: f.status,
                            message: f.message.get(lang).to_string(),
                            file: f.file.clone(),
                            names_file: f.names_file,
                            line: f.line,
                            hint: f.hint.as_ref().map(|h| h.get(lang).to_string()),
                            group: f.group.as_ref().map(|g| GroupReport {
                                message: g.message.get(lang).to_string(),
                                item: g.item.clone(),
                                hint: g.hint.get(lang).to_string(),
                                word: g.word.clone(),
                                line: g.line.clone(),
                            }),
                            refers: f.refers,
                        })
                        .collect(),
                }
            })
            .collect();
        Report {
            schema: SCHEMA.to_string(),
            course: course.id.clone(),
            workspace: workspace.to_string(),
            exercises,
            summary,
        }
    }

    /// Points of the exercises that were not graded (status `skip`): kept in `max_score`.
    pub fn not_graded_points(&self) -> u32 {
        self.exercises
            .iter()
            .filter(|e| e.status == ExerciseStatus::Skip)
            .map(|e| e.max_score)
            .fold(0, u32::saturating_add)
    }

    /// Why the submission could not be graded fully, for a gradebook's `error` column: the
    /// first finding of a check that could not run, as `exercise: file:line: message`.
    pub fn could_not_grade(&self) -> Option<String> {
        self.exercises.iter().find_map(|e| {
            let f = e.findings.iter().find(|f| f.status == Status::Error)?;
            Some(format!("{}: {}", e.id, f.located()))
        })
    }

    /// 3 when a check could not run, else 1 when an exercise failed, else 0.
    pub fn exit_code(&self) -> Code {
        let findings = || self.exercises.iter().flat_map(|e| &e.findings);
        if findings().any(|f| f.status == Status::Error) {
            Code::CheckError
        } else if self.summary.failed > 0 {
            Code::Failed
        } else {
            Code::Ok
        }
    }
}
