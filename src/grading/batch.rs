//! Grading whole workspaces: one folder (`course grade`) or every submission folder of a
//! batch in parallel (`course grade --batch`).
//!
//! A grading run executes nothing from a submission unless `exec` is given, and never reads
//! or writes a submission's `.course/cache` (a submitted cache could claim results). Every
//! failure of one submission (not a folder, unreadable, a panic inside a check) becomes an
//! error value for its row, never the end of the batch.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use super::run_exercise;
use super::submission::{self, OpenOptions, Person, Submission, Unusable};
use crate::checks::CheckContext;
use crate::course::Course;
use crate::tr;

/// Run every exercise of `course` on the folder `root`, without the submission's cache,
/// sandboxed with the course's limits.
pub fn grade_workspace(course: &Course, root: &Path, exec: bool) -> Vec<super::ExerciseResult> {
    let sandbox = crate::sandbox::Settings {
        limits: course.sandbox.clone(),
        ..Default::default()
    };
    grade_workspace_with(
        course,
        CheckContext::new(root, exec, None).with_sandbox(sandbox),
    )
}

/// [`grade_workspace`] with a context the caller prepared (e.g. with progress shown).
pub fn grade_workspace_with(course: &Course, ctx: CheckContext) -> Vec<super::ExerciseResult> {
    // Only the submission's own environment counts, never the grader's $VIRTUAL_ENV.
    let ctx = ctx
        .workspace_only()
        .with_env_exercise(course.env_exercise());
    // Every Python check of the course in one interpreter launch.
    ctx.plan(course.exercises.iter().flat_map(|e| &e.checks));
    let mut results: Vec<_> = course
        .exercises
        .iter()
        .map(|e| run_exercise(e, &ctx))
        .collect();
    super::commit_once(&mut results);
    results
}

/// The outcome of grading one submission of a batch: its results, or why there are none.
#[derive(Debug)]
pub struct Graded<T> {
    pub submission: String,
    pub outcome: Result<T, Unusable>,
    /// Who it belongs to, as the roster says (empty without a roster).
    pub person: Person,
}

/// Grade one submission with `grade`; every failure (a file instead of a folder, an
/// unreadable folder, a panic inside a check) becomes an [`Unusable`] in `how.lang`.
pub fn grade_submission<T>(
    sub: &Submission,
    how: &OpenOptions,
    grade: impl Fn(&Path) -> T,
) -> Graded<T> {
    let outcome = sub.open(how).and_then(|opened| {
        catch_unwind(AssertUnwindSafe(|| grade(opened.path()))).map_err(|payload| {
            let what = crate::checks::panic_message(payload.as_ref());
            let location = LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_default();
            Unusable::new(
                submission::CRASHED,
                tr!(
                    "grading crashed ({what}{location}); this is a bug in course, please report it",
                    "채점 중 오류 ({what}{location}). course의 버그이니 알려 주십시오"
                ),
                how.lang,
            )
        })
    });
    Graded {
        submission: sub.name.clone(),
        outcome,
        person: sub.person.clone(),
    }
}

thread_local! {
    /// Where the last panic on this thread happened (set by the batch's quiet panic hook).
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// While this lives, a panic prints nothing and only records where it happened (for the
/// error row); the previous hook comes back when it is dropped.
struct QuietPanics(Option<PanicHook>);

type PanicHook = Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send>;

impl QuietPanics {
    fn install() -> QuietPanics {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(|info| {
            let location = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(location));
        }));
        QuietPanics(Some(previous))
    }
}

impl Drop for QuietPanics {
    fn drop(&mut self) {
        if let Some(previous) = self.0.take() {
            std::panic::set_hook(previous);
        }
    }
}

/// Grade every submission of `subs` in parallel on `jobs` threads (all cores when `None`),
/// calling `on_done` after each. Results come back in the order of `subs`. Panics are kept
/// quiet and turned into error rows. Texts are built in `how.lang` only: `grade` must read
/// them in that language (as a report in `how.lang` does).
pub fn grade_batch<T: Send>(
    subs: &[Submission],
    how: &OpenOptions,
    jobs: Option<usize>,
    grade: &(dyn Fn(&Path) -> T + Sync),
    on_done: &(dyn Fn() + Sync),
) -> Result<Vec<Graded<T>>, rayon::ThreadPoolBuildError> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        pool = pool.num_threads(n);
    }
    let pool = pool.build()?;
    let _quiet = QuietPanics::install();
    Ok(pool.install(|| {
        subs.par_iter()
            .map(|sub| {
                // A gradebook row is in `how.lang` only: the other language's text of every
                // message would be formatted for nothing (see `i18n::only_in`).
                let g = crate::i18n::only_in(how.lang, || grade_submission(sub, how, grade));
                on_done();
                g
            })
            .collect()
    }))
}

/// Serialises as the gradebook's `report`/`error` pair, then `roster`: what the roster says
/// about the student (`{"name":..,"section":..}`, only the columns given), or `null`.
impl<T: Serialize> Serialize for Graded<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Graded", 5)?;
        st.serialize_field("submission", &self.submission)?;
        st.serialize_field("report", &self.outcome.as_ref().ok())?;
        let error = self.outcome.as_ref().err();
        st.serialize_field("error", &error.map(|e| &e.message))?;
        st.serialize_field("error_code", &error.map(|e| e.code))?;
        let person = (!self.person.is_empty()).then_some(&self.person);
        st.serialize_field("roster", &person)?;
        st.end()
    }
}

/// Reads a gradebook row back (`course gradebook merge`): a row with no report is an error
/// row, with its message and code. A code this version of `course` does not know is an error
/// (the part was written by another version).
impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Graded<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Row<T> {
            submission: String,
            report: Option<T>,
            error: Option<String>,
            error_code: Option<String>,
            // Added later: gradebooks written before it have none.
            #[serde(default)]
            roster: Option<Person>,
        }
        let row = Row::<T>::deserialize(d)?;
        let outcome = match row.report {
            Some(report) => Ok(report),
            None => {
                let given = row.error_code.unwrap_or_default();
                let code = submission::CODES
                    .iter()
                    .map(|(code, _)| *code)
                    .find(|code| *code == given)
                    .ok_or_else(|| {
                        serde::de::Error::custom(format!(
                            "submission `{}`: unknown error_code `{given}`",
                            row.submission
                        ))
                    })?;
                Err(Unusable {
                    code,
                    message: row.error.unwrap_or_default(),
                })
            }
        };
        Ok(Graded {
            submission: row.submission,
            outcome,
            person: row.roster.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn batch_turns_bad_submissions_into_error_rows() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::create_dir(dir.join("b-good")).unwrap();
        std::fs::create_dir(dir.join("d-panics")).unwrap();
        std::fs::write(dir.join("a-file"), "x").unwrap();
        std::fs::create_dir(dir.join(".git")).unwrap();
        std::os::unix::fs::symlink(dir.join("missing"), dir.join("c-link")).unwrap();
        let subs = submission::batch_folder(dir).unwrap();
        let how = OpenOptions::new(Lang::En);
        let count = std::sync::atomic::AtomicUsize::new(0);
        let grade = |path: &Path| {
            assert!(!path.ends_with("d-panics"), "a bug in a check");
            path.to_path_buf()
        };
        let graded = grade_batch(&subs, &how, Some(2), &grade, &|| {
            count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
        .unwrap();
        let names: Vec<&str> = graded.iter().map(|g| g.submission.as_str()).collect();
        assert_eq!(names, ["a-file", "b-good", "c-link", "d-panics"]);
        assert_eq!(count.into_inner(), 4);
        let error = |i: usize| graded[i].outcome.as_ref().unwrap_err().message.clone();
        let code = |i: usize| graded[i].outcome.as_ref().unwrap_err().code;
        assert_eq!(
            [code(0), code(2), code(3)],
            [
                submission::NOT_A_FOLDER,
                submission::DANGLING_LINK,
                submission::CRASHED
            ]
        );
        assert!(error(0).starts_with("not a folder"), "{}", error(0));
        assert_eq!(
            graded[1].outcome.as_ref().ok(),
            Some(&dir.canonicalize().unwrap().join("b-good"))
        );
        assert!(
            error(2).starts_with("a symbolic link to nothing"),
            "{}",
            error(2)
        );
        assert!(
            error(3).contains("a bug in a check") && error(3).contains("batch.rs:"),
            "{}",
            error(3)
        );
    }

    #[test]
    fn gradebook_rows_read_back_with_their_codes() {
        let row = r#"{"submission":"bob","report":null,"error":"not a folder","error_code":"submission/not-a-folder"}"#;
        let g: Graded<serde_json::Value> = serde_json::from_str(row).unwrap();
        let why = g.outcome.unwrap_err();
        assert_eq!(
            (why.code, why.message.as_str()),
            (submission::NOT_A_FOLDER, "not a folder")
        );
        // A code this version does not know: the part came from another version of course.
        let row = row.replace("submission/not-a-folder", "submission/from-the-future");
        let err = serde_json::from_str::<Graded<serde_json::Value>>(&row).unwrap_err();
        assert!(err.to_string().contains("unknown error_code"), "{err}");
    }
}
