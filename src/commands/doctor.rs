//! `course doctor`: what `course` sees, and what would make each exercise checkable.
//!
//! Every decision shown is the one the other commands make, taken from the same functions
//! with their reason: the language ([`crate::app::chosen_lang_why`]), colour and accessible
//! mode (kept in [`crate::terminal::Term`]), the environment ([`crate::python::find_environment`]),
//! the repository ([`crate::git::open_workspace_repo`]). Programs are looked up on `PATH`
//! and asked for their version with a timeout, as every subprocess is. Each problem carries
//! a stable code and its fix; `--format json` prints the `course-doctor/1` document.

mod collect;
mod environment;
mod text;

use anyhow::Result;
use serde::Serialize;

use crate::app::App;
use crate::cli::{DoctorArgs, ListFormat};
use crate::exit::Code;
use crate::i18n::Tr;

pub fn run(app: &mut App, args: &DoctorArgs) -> Result<Code> {
    let report = collect::collect(app);
    match args.format {
        ListFormat::Json => {
            crate::terminal::print(&(serde_json::to_string_pretty(&report)? + "\n"))?
        }
        ListFormat::Text => app.term.say(&text::render(&report, app))?,
    }
    Ok(if report.problems.is_empty() {
        Code::Ok
    } else {
        Code::Failed
    })
}

/// The `course-doctor/1` document. Fields are only ever added within a schema version.
#[derive(Serialize, Debug)]
pub struct Doctor {
    pub schema: &'static str,
    pub course: CourseInfo,
    pub language: LanguageInfo,
    pub terminal: TerminalInfo,
    pub programs: Vec<Program>,
    /// `null` outside a workspace.
    pub workspace: Option<WorkspaceInfo>,
    pub exercises: Vec<ExerciseInfo>,
    pub problems: Vec<Problem>,
}

#[derive(Serialize, Debug)]
pub struct CourseInfo {
    pub id: String,
    pub title: String,
    /// `built-in`, or the folder it was loaded from.
    pub source: String,
    /// The fingerprint of the course's files (what a gradebook records).
    pub version: String,
    /// The version of the `course` program.
    pub program_version: &'static str,
}

#[derive(Serialize, Debug)]
pub struct LanguageInfo {
    pub lang: String,
    /// `flag`, `course-lang`, `saved`, `saved-nearby`, `course-default`.
    pub reason: &'static str,
    pub why: String,
    /// The locale variable in effect (`LC_ALL`, else `LC_CTYPE`, else `LANG`) and its value.
    pub locale_variable: Option<&'static str>,
    pub locale: Option<String>,
    /// The locale's character set is UTF-8 (Korean text needs it).
    pub utf8: bool,
}

#[derive(Serialize, Debug)]
pub struct TerminalInfo {
    pub stdout_is_terminal: bool,
    pub width: usize,
    /// `flag`, `terminal`, `columns` or `default`.
    pub width_from: &'static str,
    pub color: bool,
    /// See README: `flag-always`, `flag-never`, `no-color`, `clicolor-force`, `clicolor-0`,
    /// `not-a-terminal`, `dumb-terminal`, `terminal`, `accessible`.
    pub color_reason: &'static str,
    pub color_why: String,
    pub accessible: bool,
    pub accessible_why: String,
}

#[derive(Serialize, Debug)]
pub struct Program {
    pub name: &'static str,
    pub found: bool,
    pub path: Option<String>,
    pub version: Option<String>,
    /// Why it was not found or gave no version.
    pub error: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct WorkspaceInfo {
    pub path: String,
    /// `course init` was run here (progress is kept).
    pub initialised: bool,
    /// `ok`, `none` (nothing saved yet) or `damaged`.
    pub progress: &'static str,
    pub git: GitInfo,
    pub environment: EnvInfo,
}

#[derive(Serialize, Debug)]
pub struct GitInfo {
    pub repository: bool,
    /// The repository's top folder: the workspace itself (a workspace inside another
    /// repository has none of its own, and `error` says where it is).
    pub top: Option<String>,
    pub shallow: bool,
    pub error: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct EnvInfo {
    /// `found`, `not-found` or `broken`.
    pub status: &'static str,
    pub path: Option<String>,
    pub interpreter: Option<String>,
    /// `venv` or `conda`.
    pub kind: Option<&'static str>,
    /// `workspace`, `virtual-env`, `conda-prefix` or `environment-yml`.
    pub found_by: Option<&'static str>,
    /// The interpreter's `--version`.
    pub version: Option<String>,
    /// Why this one (or, when none is found, where `course` looked).
    pub why: Vec<String>,
}

#[derive(Serialize, Debug)]
pub struct ExerciseInfo {
    pub id: String,
    pub title: String,
    /// Nothing in `blocked_by`: `course check ID` can decide it.
    pub checkable: bool,
    /// Codes of the problems that stop its checks from deciding.
    pub blocked_by: Vec<&'static str>,
}

#[derive(Serialize, Debug, Clone)]
pub struct Problem {
    pub code: &'static str,
    pub message: String,
    pub fix: String,
}

impl Problem {
    fn new(code: &'static str, message: Tr, fix: Tr, app: &App) -> Problem {
        Problem {
            code,
            message: message.get(app.lang).to_string(),
            fix: fix.get(app.lang).to_string(),
        }
    }
}
