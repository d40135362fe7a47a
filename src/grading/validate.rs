//! Author checks for a course folder: everything a student would otherwise find first.
//!
//! Loading already rejects unparsable files, unknown check kinds and parameters, duplicate
//! ids and dangling references. Validation adds what loading does not need: complete
//! translations, links between lessons, stray files, and running each exercise's checks
//! on its fixture workspaces (`exercises/<id>/fixtures/{pass,fail}/<name>/`), which must
//! pass and fail respectively.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rayon::prelude::*;

use super::run_exercise;
use crate::checks::{CheckContext, Status};
use crate::course::{Course, CourseFiles};
use crate::i18n::Lang;

/// Something wrong with the course, located as precisely as possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// File as shown to the author (a path, or `<embedded course>/...`); empty when the
    /// message already names it.
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.file.as_str(), self.line) {
            ("", _) => f.write_str(&self.message),
            (file, Some(line)) => write!(f, "{file}:{line}: {}", self.message),
            (file, None) => write!(f, "{file}: {}", self.message),
        }
    }
}

/// The outcome of running an exercise's checks on one fixture.
#[derive(Clone, Debug)]
pub struct FixtureRun {
    /// e.g. `exercises/requirements/fixtures/pass/commented`
    pub fixture: String,
    pub expected: Status,
    pub got: Status,
    /// What failed (for a pass fixture) or why setup broke.
    pub detail: Vec<String>,
}

impl FixtureRun {
    pub fn ok(&self) -> bool {
        match self.expected {
            Status::Pass => self.got == Status::Pass,
            _ => matches!(self.got, Status::Fail | Status::Error),
        }
    }
}

/// Everything validation found.
#[derive(Debug, Default)]
pub struct Validation {
    pub problems: Vec<Problem>,
    pub fixtures: Vec<FixtureRun>,
}

impl Validation {
    pub fn ok(&self) -> bool {
        self.problems.is_empty() && self.fixtures.iter().all(FixtureRun::ok)
    }
}

/// Validate the course in `files`, running fixtures unless `run_fixtures` is false.
pub fn validate(files: CourseFiles, run_fixtures: bool) -> Validation {
    let mut v = Validation::default();
    let course = match Course::from_files(files) {
        Ok(course) => course,
        Err(err) => {
            // Loading errors already read `file:line:column: message`.
            v.problems.push(Problem {
                file: String::new(),
                line: None,
                message: format!("{err:#}"),
            });
            return v;
        }
    };
    check_languages(&course, &mut v.problems);
    check_links(&course, &mut v.problems);
    check_stray_files(&course, &mut v.problems);
    if run_fixtures {
        v.fixtures = run_all_fixtures(&course, &mut v.problems);
    }
    // What lessons tell a learner to copy must pass its exercise (checked as files even
    // without running fixtures).
    let examples = super::examples::run_all(&course, run_fixtures, &mut v.problems);
    v.fixtures.extend(examples);
    v
}

fn check_languages(course: &Course, problems: &mut Vec<Problem>) {
    let files = &course.files;
    for &lang in &course.languages {
        let code = lang.code();
        for lesson in &course.lessons {
            if !lesson.body.has(lang) {
                problems.push(Problem {
                    file: files.display(&lesson.path(lang)),
                    line: None,
                    message: format!(
                        "missing: course.yaml lists `{code}` in `languages`, so lesson `{}` needs this file (or remove `{code}` from `languages` to let it fall back)",
                        lesson.id
                    ),
                });
            }
        }
        for ex in &course.exercises {
            let mut missing = Vec::new();
            if !ex.title.has(lang) {
                missing.push("title".to_string());
            }
            if !ex.prompt.has(lang) {
                missing.push("prompt".to_string());
            }
            for (i, hint) in ex.hints.iter().enumerate() {
                if !hint.has(lang) {
                    missing.push(format!("hints[{i}]"));
                }
            }
            if !missing.is_empty() {
                problems.push(Problem {
                    file: files.display(&ex.path()),
                    line: None,
                    message: format!(
                        "no `{code}` text for: {} (course.yaml lists `{code}` in `languages`)",
                        missing.join(", ")
                    ),
                });
            }
        }
    }
    for ex in &course.exercises {
        for (i, check) in ex.checks.iter().enumerate() {
            for message in check.course_problems() {
                problems.push(Problem {
                    file: files.display(&ex.path()),
                    line: None,
                    message: format!("checks[{i}] ({}): {message}", check.kind()),
                });
            }
        }
        if ex.checks.is_empty() {
            problems.push(Problem {
                file: files.display(&ex.path()),
                line: None,
                message: "no `checks:`; an exercise nobody can pass or fail teaches nothing; add at least one check".into(),
            });
        }
    }
}

/// Relative links in lessons must point at files of the course.
fn check_links(course: &Course, problems: &mut Vec<Problem>) {
    use pulldown_cmark::{Event, Parser, Tag};
    for lesson in &course.lessons {
        for lang in Lang::ALL {
            let Some(body) = lesson.body.slot(lang) else {
                continue;
            };
            let rel = lesson.path(lang);
            let dir = Path::new(&rel).parent().unwrap_or(Path::new(""));
            for (event, range) in Parser::new(body).into_offset_iter() {
                let Event::Start(Tag::Link { dest_url, .. }) = event else {
                    continue;
                };
                let url = dest_url.as_ref();
                if url.contains("://") || url.starts_with('#') || url.starts_with("mailto:") {
                    continue;
                }
                let target = url.split('#').next().unwrap_or("");
                let joined = normalise(&dir.join(target));
                let exists = course.files.get(&joined).is_some()
                    || course
                        .files
                        .files
                        .keys()
                        .any(|k| k.starts_with(&format!("{joined}/")));
                if !exists {
                    problems.push(Problem {
                        file: course.files.display(&rel),
                        line: Some(body[..range.start].matches('\n').count() + 1),
                        message: format!(
                            "link `{url}` points to `{joined}`, which is not in the course; fix the link or add the file"
                        ),
                    });
                }
            }
        }
    }
}

/// `a/b/../c` -> `a/c`, with `/` separators.
fn normalise(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// Lesson files and exercise folders the manifest does not list are probably mistakes.
fn check_stray_files(course: &Course, problems: &mut Vec<Problem>) {
    for path in course.files.files.keys() {
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["lessons", lang, file] if file.ends_with(".md") => {
                let id = file.trim_end_matches(".md");
                if Lang::parse(lang).is_some() && course.lesson(id).is_none() {
                    problems.push(Problem {
                        file: course.files.display(path),
                        line: None,
                        message: format!("lesson `{id}` is not listed in course.yaml `lessons:`; list it or remove the file"),
                    });
                }
            }
            ["exercises", id, "exercise.yaml"] if course.exercise(id).is_none() => {
                problems.push(Problem {
                    file: course.files.display(path),
                    line: None,
                    message: format!("exercise `{id}` is not listed in course.yaml `exercises:`; list it or remove the folder"),
                });
            }
            _ => {}
        }
    }
}

/// Every fixture folder: `(exercise id, expected, "exercises/<id>/fixtures/<kind>/<name>")`.
pub(super) fn fixture_dirs(course: &Course) -> Vec<(String, Status, String)> {
    let mut out = std::collections::BTreeSet::new();
    for ex in &course.exercises {
        for (kind, expected) in [("pass", Status::Pass), ("fail", Status::Fail)] {
            let prefix = format!("exercises/{}/fixtures/{kind}", ex.id);
            for (path, _) in course.files.under(&prefix) {
                if let Some(name) = path[prefix.len() + 1..].split('/').next() {
                    out.insert((ex.id.clone(), expected as u8, format!("{prefix}/{name}")));
                }
            }
        }
    }
    out.into_iter()
        .map(|(id, e, dir)| {
            (
                id,
                if e == Status::Pass as u8 {
                    Status::Pass
                } else {
                    Status::Fail
                },
                dir,
            )
        })
        .collect()
}

fn run_all_fixtures(course: &Course, problems: &mut Vec<Problem>) -> Vec<FixtureRun> {
    let dirs = fixture_dirs(course);
    let runs = dirs
        .par_iter()
        .map(|(id, expected, dir)| run_fixture(course, id, *expected, dir))
        .collect();
    sort_runs(runs, problems)
}

/// Runs that happened, in order; the ones that could not be built become problems.
pub(super) fn sort_runs(
    runs: Vec<Result<FixtureRun, Problem>>,
    problems: &mut Vec<Problem>,
) -> Vec<FixtureRun> {
    let mut out = Vec::new();
    for r in runs {
        match r {
            Ok(run) => out.push(run),
            Err(p) => problems.push(p),
        }
    }
    out
}

/// Copy a fixture to a temp folder, run its `setup.sh` if any, then the exercise's checks.
fn run_fixture(
    course: &Course,
    id: &str,
    expected: Status,
    dir: &str,
) -> Result<FixtureRun, Problem> {
    let problem = |message: String| Problem {
        file: course.files.display(dir),
        line: None,
        message,
    };
    let tmp = build_workspace(course, Some(dir), &[], &[]).map_err(problem)?;
    let (got, detail) = check_workspace(course, id, &tmp.path().join("workspace"));
    Ok(FixtureRun {
        fixture: dir.to_string(),
        expected,
        got,
        detail,
    })
}

/// A workspace in a temp folder (at `<tmp>/workspace`): the files of the course folder `dir`
/// (if given), then `files`, then that folder's `setup.sh` (deleted after), then `scripts`
/// (interpreter, text) in order. Every script runs with a fixed git identity and no user
/// configuration or active environment. `Err` says what broke.
pub(super) fn build_workspace(
    course: &Course,
    dir: Option<&str>,
    files: &[(String, String)],
    scripts: &[(&str, String)],
) -> Result<tempfile::TempDir, String> {
    let tmp = tempfile::tempdir().map_err(|e| format!("cannot make a temp folder: {e}"))?;
    let root: PathBuf = tmp.path().join("workspace");
    std::fs::create_dir_all(&root).map_err(|e| format!("cannot make a temp folder: {e}"))?;
    let copied = dir.into_iter().flat_map(|dir| {
        course
            .files
            .under(dir)
            .map(move |(p, b)| (p, &p[dir.len() + 1..], b.as_slice()))
    });
    let given = files.iter().map(|(p, t)| (p, p.as_str(), t.as_bytes()));
    for (path, rel, bytes) in copied.chain(given) {
        let target = root.join(rel);
        std::fs::create_dir_all(target.parent().expect("has a parent"))
            .and_then(|_| std::fs::write(&target, bytes))
            .map_err(|e| format!("cannot copy {path}: {e}"))?;
    }
    let setup = root.join("setup.sh");
    if setup.exists() {
        let lib = dir
            .map(|dir| setup_lib(course, dir, tmp.path()))
            .transpose()?;
        run_script(
            &root,
            "sh",
            "setup.sh",
            "setup.sh",
            lib.flatten().as_deref(),
        )?;
        std::fs::remove_file(&setup).map_err(|e| format!("cannot remove setup.sh: {e}"))?;
    }
    for (i, (shell, text)) in scripts.iter().enumerate() {
        run_script(&root, shell, "-c", text, None).map_err(|e| format!("script {}: {e}", i + 1))?;
    }
    Ok(tmp)
}

/// The exercise's `fixtures/setup-lib.sh` (shell functions its fixtures' `setup.sh` share),
/// written into `tmp` beside the workspace, where the checks never see it; `None` if the
/// exercise of the fixture folder `dir` has none.
fn setup_lib(course: &Course, dir: &str, tmp: &Path) -> Result<Option<PathBuf>, String> {
    let Some(at) = dir.find("/fixtures/") else {
        return Ok(None);
    };
    let name = format!("{}/{SETUP_LIB}", &dir[..at + "/fixtures".len()]);
    let Some(bytes) = course.files.files.get(&name) else {
        return Ok(None);
    };
    let path = tmp.join(SETUP_LIB);
    std::fs::write(&path, bytes).map_err(|e| format!("cannot copy {name}: {e}"))?;
    Ok(Some(path))
}

/// The file of shell functions an exercise's fixtures share: `exercises/<id>/fixtures/` holds
/// it, and a `setup.sh` loads it with `. "$COURSE_SETUP_LIB"`.
const SETUP_LIB: &str = "setup-lib.sh";

/// `shell arg [script]` in `root`: `sh setup.sh`, or `bash -c TEXT`; `lib` is named in
/// `$COURSE_SETUP_LIB`.
fn run_script(
    root: &Path,
    shell: &str,
    arg: &str,
    script: &str,
    lib: Option<&Path>,
) -> Result<(), String> {
    let mut cmd = std::process::Command::new(shell);
    cmd.arg(arg);
    if arg == "-c" {
        cmd.arg(script);
    }
    match lib {
        Some(lib) => cmd.env("COURSE_SETUP_LIB", lib),
        None => cmd.env_remove("COURSE_SETUP_LIB"),
    };
    cmd.current_dir(root)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_SYSTEM", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Course Fixture")
        .env("GIT_AUTHOR_EMAIL", "fixture@example.com")
        .env("GIT_COMMITTER_NAME", "Course Fixture")
        .env("GIT_COMMITTER_EMAIL", "fixture@example.com")
        .env_remove("VIRTUAL_ENV")
        .env_remove("CONDA_PREFIX");
    let name = if arg == "-c" { shell } else { script };
    let out = crate::process::run_with_timeout(cmd, Duration::from_secs(120))
        .map_err(|e| format!("{name} could not run: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{name} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(())
}

/// Run exercise `id`'s checks on a built workspace: its status and what did not pass.
pub(super) fn check_workspace(course: &Course, id: &str, root: &Path) -> (Status, Vec<String>) {
    let exercise = course.exercise(id).expect("ids come from the course");
    // Fixtures must not see the author's own environment.
    let ctx = CheckContext::new(root, true, None)
        .workspace_only()
        .with_env_exercise(course.env_exercise());
    let result = run_exercise(exercise, &ctx);
    let detail = result
        .findings
        .iter()
        .filter(|f| f.status != Status::Pass)
        .map(|f| format!("{:?}: {}", f.status, f.message.get(Lang::En)))
        .collect();
    (result.status, detail)
}
