//! Check kinds, their findings, and running an exercise's checks.
//!
//! An exercise's YAML lists checks as `- kind: <name>` plus parameters; each kind is one
//! module below with a `Params` struct (its YAML parameters) and a `run` function. Checks
//! read the workspace and never change it, never print, and turn every failure of their
//! own (a crashed interpreter, an unreadable file) into a finding.
//!
//! Adding a kind: one file in `checks/`, one variant in [`Check`], one arm in [`Check::run`].
//! A kind never imports another kind; what several share lives in `checks/shared.rs`.

pub mod choices;
pub mod codes;
pub mod config_files;
mod driver;
mod finding;
pub mod git_history;
pub mod gitignore;
mod launch;
pub mod mentions;
pub mod paths;
pub mod python_env;
pub mod python_import;
pub mod python_packages;
pub mod requirements;
mod shared;
pub mod tracked_files;

use std::cell::{Cell, OnceCell, RefCell};
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use codes::Code;
pub use finding::{ignore_line, Finding, Group, Status};

use crate::git::{OpenError, WorkspaceRepo};
use crate::python::EnvLookup;
use crate::tr;

/// One check as declared in an exercise file.
#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Check {
    /// A Python environment that imports the given modules.
    PythonEnv(python_env::Params),
    /// `requirements.txt` read as pip reads it, each requirement explained by a comment.
    Requirements(requirements::Params),
    /// Files and non-empty folders that must exist.
    Paths(paths::Params),
    /// A folder holding at least one YAML file that parses.
    ConfigFiles(config_files::Params),
    /// Python packages marked with `__init__.py`.
    PythonPackages(python_packages::Params),
    /// A file that mentions given words (e.g. a README explaining each folder).
    Mentions(mentions::Params),
    /// `python -c "import ..."` run from the workspace root in the found environment.
    PythonImport(python_import::Params),
    /// The shape of the git history reachable from HEAD.
    GitHistory(git_history::Params),
    /// Paths that `.gitignore` must make git ignore.
    Gitignore(gitignore::Params),
    /// Files that must not be tracked in HEAD.
    TrackedFiles(tracked_files::Params),
    /// A YAML answer file of multiple-choice questions with reasons.
    Choices(choices::Params),
}

/// The YAML names of every kind, as [`Check::kind`] gives them.
pub const KINDS: [&str; 11] = [
    "python-env",
    "requirements",
    "paths",
    "config-files",
    "python-packages",
    "mentions",
    "python-import",
    "git-history",
    "gitignore",
    "tracked-files",
    "choices",
];

impl Check {
    /// The YAML name of the kind, also the `check` field of findings.
    pub fn kind(&self) -> &'static str {
        match self {
            Check::PythonEnv(_) => "python-env",
            Check::Requirements(_) => "requirements",
            Check::Paths(_) => "paths",
            Check::ConfigFiles(_) => "config-files",
            Check::PythonPackages(_) => "python-packages",
            Check::Mentions(_) => "mentions",
            Check::PythonImport(_) => "python-import",
            Check::GitHistory(_) => "git-history",
            Check::Gitignore(_) => "gitignore",
            Check::TrackedFiles(_) => "tracked-files",
            Check::Choices(_) => "choices",
        }
    }

    /// Whether the check runs code from the workspace (and so needs `--exec` when grading).
    pub fn executes(&self) -> bool {
        matches!(self, Check::PythonEnv(_) | Check::PythonImport(_))
    }

    /// Mistakes in the check's own parameters that parsing cannot see (for `course validate`).
    pub fn course_problems(&self) -> Vec<String> {
        match self {
            Check::Choices(p) => p.problems(),
            _ => Vec::new(),
        }
    }

    /// The workspace paths the check reads, as the course file gives them.
    pub fn workspace_paths(&self) -> Vec<&str> {
        match self {
            Check::Requirements(p) => vec![p.file.as_str()],
            Check::Paths(p) => p
                .files
                .iter()
                .chain(&p.nonempty_dirs)
                .map(String::as_str)
                .collect(),
            Check::ConfigFiles(p) => vec![p.dir.as_str()],
            Check::PythonPackages(p) => std::iter::once(&p.root)
                .chain(&p.packages)
                .map(String::as_str)
                .collect(),
            Check::Mentions(p) => vec![p.file.as_str()],
            Check::Gitignore(p) => p
                .must_ignore
                .iter()
                .map(|s| s.path.as_str())
                .chain(p.must_not_ignore.iter().map(String::as_str))
                .collect(),
            Check::Choices(p) => vec![p.file.as_str()],
            Check::PythonEnv(_)
            | Check::PythonImport(_)
            | Check::GitHistory(_)
            | Check::TrackedFiles(_) => Vec::new(),
        }
    }

    /// The first workspace path that would lead out of the workspace: absolute (`/etc/passwd`,
    /// `C:\x`) or going up (`../../etc/hostname`). A course file must not make a check read,
    /// or a report quote, a file of the grader's machine.
    pub fn path_leaving_workspace(&self) -> Option<&str> {
        self.workspace_paths().into_iter().find(|p| {
            let path = std::path::Path::new(p);
            path.is_absolute()
                || p.starts_with(['/', '\\'])
                || p.get(1..2) == Some(":")
                || p.split(['/', '\\']).any(|part| part == "..")
        })
    }

    /// Run the check. A panic inside it (a bug, or a library that panics on some input)
    /// becomes an `error` finding of this check: the report and the other checks go on.
    pub fn run(&self, ctx: &CheckContext) -> Vec<Finding> {
        let mut findings = guarded(self.kind(), || self.run_kind(ctx));
        for f in &mut findings {
            if f.check.is_empty() {
                f.check = self.kind().to_string();
            }
            shared::near_miss(ctx, f);
        }
        findings
    }

    fn run_kind(&self, ctx: &CheckContext) -> Vec<Finding> {
        match self {
            Check::PythonEnv(p) => python_env::run(p, ctx),
            Check::Requirements(p) => requirements::run(p, ctx),
            Check::Paths(p) => paths::run(p, ctx),
            Check::ConfigFiles(p) => config_files::run(p, ctx),
            Check::PythonPackages(p) => python_packages::run(p, ctx),
            Check::Mentions(p) => mentions::run(p, ctx),
            Check::PythonImport(p) => python_import::run(p, ctx),
            Check::GitHistory(p) => git_history::run(p, ctx),
            Check::Gitignore(p) => gitignore::run(p, ctx),
            Check::TrackedFiles(p) => tracked_files::run(p, ctx),
            Check::Choices(p) => choices::run(p, ctx),
        }
    }
}

/// `run()`, or one `error` finding when it panics.
fn guarded(kind: &str, run: impl FnOnce() -> Vec<Finding>) -> Vec<Finding> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(findings) => findings,
        Err(payload) => {
            let what = panic_message(payload.as_ref());
            vec![Finding::error(
                Code::CheckCrashed,
                tr!(
                    "the `{kind}` check crashed ({what}); this is a bug in course, please report it with the file it was checking",
                    "`{kind}` 확인이 비정상 종료되었습니다 ({what}). course의 버그이니 확인하던 파일과 함께 알려 주십시오"
                ),
            )]
        }
    }
}

/// The text a panic was raised with.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Shows that a slow step is under way (a spinner on a terminal). The terminal layer
/// implements it and passes it in with [`CheckContext::with_progress`].
pub trait Progress {
    /// The slow step `step` has started.
    fn start(&self, step: &Step);
    /// The step that started last is over.
    fn finish(&self);
}

/// A slow step as data: the program run, the modules it imports (one list per part of the
/// launch) and how long it may take. The terminal layer words it in the run's language and
/// fits it to the width (a long import list loses its middle), so checks never format it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The interpreter as shown to the learner (`.venv/bin/python`).
    pub program: String,
    /// Modules imported, one list per part of the launch.
    pub imports: Vec<Vec<String>>,
    /// The step is stopped after this long.
    pub max: std::time::Duration,
}

/// What every check receives. Built once per workspace and shared by all exercises, so the
/// Python environment is found (and probed) at most once per run.
pub struct CheckContext {
    pub root: PathBuf,
    /// May checks run code from the workspace? `course check`: yes; `course grade`: only with `--exec`.
    pub allow_exec: bool,
    /// Where checks may cache results (`.course/cache`), if the workspace has a `.course/`.
    pub cache_dir: Option<PathBuf>,
    /// Shows that a slow step is under way; given by the terminal layer (checks never draw).
    progress: Option<Box<dyn Progress>>,
    /// Look for the Python environment only inside the workspace, ignoring `$VIRTUAL_ENV`,
    /// `$CONDA_PREFIX` and named conda environments: grading and fixtures must not credit a
    /// submission with the grader's own environment.
    pub workspace_only: bool,
    /// Grading the learner's own working folder (`course grade` where `course init` made
    /// `.course/`, which git never commits): a file counts only when HEAD has it, as in the
    /// clone an instructor grades, so the score here is the score there. A file that exists
    /// but is not committed is `file/not-committed`, with the commit that fixes it.
    pub committed_only: bool,
    /// The exercise of the course that checks the Python environment (`python-env`), named
    /// by the checks that need an environment and found none (a check knows no course).
    pub env_exercise: Option<String>,
    /// How workspace programs run: sandboxed (the default) and with which limits.
    pub sandbox: crate::sandbox::Settings,
    /// Start no interpreter: a Python check answers only from a pass cached by an earlier
    /// check (while the files it depends on are unchanged), else says it did not run. A
    /// lesson page decides so whether its exercise is done: reading a lesson must be instant,
    /// and an import of torch can take up to its limit (issue 9).
    pub remembered_only: bool,
    /// The note that this system lacks part of the sandbox was given (once per workspace).
    sandbox_noted: Cell<bool>,
    /// What the Python checks of this run will ask the interpreter ([`CheckContext::plan`]).
    python_plan: RefCell<Vec<driver::Planned>>,
    /// The one launch of the interpreter that answers every planned part.
    python_run: OnceCell<driver::SharedRun>,
    env: OnceCell<EnvLookup>,
    repo: OnceCell<Result<WorkspaceRepo, OpenError>>,
    files: OnceCell<crate::fs::Root>,
    listings: std::rc::Rc<crate::walk::Listings>,
}

impl CheckContext {
    pub fn new(root: &Path, allow_exec: bool, cache_dir: Option<PathBuf>) -> Self {
        CheckContext {
            root: root.to_path_buf(),
            allow_exec,
            cache_dir,
            progress: None,
            workspace_only: false,
            committed_only: false,
            env_exercise: None,
            sandbox: crate::sandbox::Settings::default(),
            remembered_only: false,
            sandbox_noted: Cell::new(false),
            python_plan: RefCell::new(Vec::new()),
            python_run: OnceCell::new(),
            env: OnceCell::new(),
            repo: OnceCell::new(),
            files: OnceCell::new(),
            listings: Default::default(),
        }
    }

    /// See [`CheckContext::env_exercise`].
    pub fn with_env_exercise(mut self, id: Option<&str>) -> Self {
        self.env_exercise = id.map(str::to_string);
        self
    }

    /// See [`CheckContext::committed_only`].
    pub fn committed_only(mut self) -> Self {
        self.committed_only = true;
        self
    }

    /// See [`CheckContext::remembered_only`].
    pub fn remembered_only(mut self) -> Self {
        self.remembered_only = true;
        self
    }

    /// See [`CheckContext::workspace_only`].
    pub fn workspace_only(mut self) -> Self {
        self.workspace_only = true;
        self
    }

    /// Before the exercises run: the Python checks among `checks` that will need the
    /// interpreter (no cached pass) join one launch, so a workspace costs one interpreter
    /// start however many Python checks its course has. Checks not planned launch alone.
    pub fn plan<'a>(&self, checks: impl IntoIterator<Item = &'a Check>) {
        let mut plan = self.python_plan.borrow_mut();
        for check in checks {
            let planned = match check {
                Check::PythonEnv(p) => python_env::planned(p, self),
                Check::PythonImport(p) => python_import::planned(p, self),
                _ => None,
            };
            if let Some(p) = planned {
                if !plan.iter().any(|q| q.part == p.part) {
                    plan.push(p);
                }
            }
        }
    }

    /// The interpreter's answer to `planned`: from the shared launch when it was planned
    /// (launched on first use), else from a launch of its own.
    pub(crate) fn python(
        &self,
        env: &crate::python::PythonEnv,
        planned: driver::Planned,
    ) -> launch::Launch {
        let plan = self.python_plan.borrow().clone();
        if plan.iter().any(|p| p.part == planned.part) {
            let shared = self
                .python_run
                .get_or_init(|| driver::run(self, env, &plan));
            if shared.has(&planned.part) {
                return shared.view(&planned.part);
            }
        }
        driver::run(self, env, std::slice::from_ref(&planned)).view(&planned.part)
    }

    /// Run workspace programs with these sandbox settings.
    pub fn with_sandbox(mut self, settings: crate::sandbox::Settings) -> Self {
        self.sandbox = settings;
        self
    }

    /// Show slow steps through `progress` (a spinner on a terminal).
    pub fn with_progress(mut self, progress: Box<dyn Progress>) -> Self {
        self.progress = Some(progress);
        self
    }

    /// The Python environment of this workspace, found on first use.
    pub fn environment(&self) -> &EnvLookup {
        self.env.get_or_init(|| {
            let vars = if self.workspace_only {
                Default::default()
            } else {
                crate::python::Vars::from_process()
            };
            crate::python::find_environment_listed(&self.root, &vars, &self.listings)
        })
    }

    /// The git repository holding this workspace, opened on first use and shared by the
    /// git kinds (one open per workspace, not one per kind).
    pub fn repository(&self) -> Result<&WorkspaceRepo, &OpenError> {
        self.repo
            .get_or_init(|| {
                crate::git::open_workspace_repo(self.files(), self.workspace_only)
                    .map(|repo| repo.with_listings(self.listings.clone()))
            })
            .as_ref()
    }

    /// The workspace folder as checks read it: resolved once (not once per file read).
    pub fn files(&self) -> &crate::fs::Root {
        self.files
            .get_or_init(|| crate::fs::Root::new(&self.root).with_listings(self.listings.clone()))
    }

    /// The workspace's folder listings, each read once for every check (see
    /// [`crate::walk::Listings`]).
    pub fn listings(&self) -> &crate::walk::Listings {
        &self.listings
    }

    /// Run a slow step (importing torch), shown through the context's [`Progress`] if any.
    /// Checks never print; showing that they are busy is the caller's job.
    pub fn while_waiting<T>(&self, what: &Step, step: impl FnOnce() -> T) -> T {
        let Some(progress) = &self.progress else {
            return step();
        };
        /// Ends the step also when it panics, so no spinner is left behind.
        struct Finish<'a>(&'a dyn Progress);
        impl Drop for Finish<'_> {
            fn drop(&mut self) {
                self.0.finish();
            }
        }
        progress.start(what);
        let _finish = Finish(progress.as_ref());
        step()
    }

    /// The finding for a check that would execute workspace code when that is not allowed.
    /// Said as what was not done (import these modules, with this interpreter), each name its
    /// own short code span, not as a `python -c "..."` command: that one was wrapped with the
    /// sentence, split between `.venv/bin/python` and `-c "import ..."` (issue 9).
    pub fn exec_disabled(&self, python: &str, modules: &[String]) -> Finding {
        let mods = modules
            .iter()
            .map(|m| format!("`{m}`"))
            .collect::<Vec<_>>()
            .join(", ");
        Finding::skip(Code::ExecDisabled, tr!(
            "not run: grading executes nothing from the submission (importing {mods} with `{python}`); pass `--exec` to run it",
            "실행하지 않음: 채점은 제출물의 코드를 실행하지 않습니다(`{python}`(으)로 {mods}을(를) import하는 확인). 실행하려면 `--exec`을 주십시오"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Tr;

    #[test]
    fn a_panicking_check_is_one_error_finding_of_that_check() {
        let findings = guarded("requirements", || {
            panic!("PackageName validation should match PEP 508 parsing")
        });
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].status, Status::Error);
        assert_eq!(findings[0].code, Code::CheckCrashed);
        assert!(findings[0]
            .message
            .get(crate::i18n::Lang::En)
            .contains("`requirements` check crashed (PackageName"));
        let fine = guarded("paths", || {
            vec![Finding::pass(Code::PathsOk, Tr::same("ok"))]
        });
        assert_eq!(fine[0].status, Status::Pass);
    }
}
