//! Grading whole workspaces: one folder (`course grade`) or every submission folder of a
//! batch in parallel (`course grade --batch`).
//!
//! A grading run executes nothing from a submission unless `exec` is given, and never reads
//! or writes a submission's `.course/cache` (a submitted cache could claim results). Every
//! failure of one submission (not a folder, unreadable, a panic inside a check) becomes an
//! error value for its row, never the end of the batch.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::run_exercise;
use crate::checks::CheckContext;
use crate::course::Course;
use crate::i18n::{Lang, Tr};
use crate::tr;

/// Run every exercise of `course` on the folder `root`, without the submission's cache.
pub fn grade_workspace(course: &Course, root: &Path, exec: bool) -> Vec<super::ExerciseResult> {
    grade_workspace_with(course, CheckContext::new(root, exec, None))
}

/// [`grade_workspace`] with a context the caller prepared (e.g. with progress shown).
pub fn grade_workspace_with(course: &Course, ctx: CheckContext) -> Vec<super::ExerciseResult> {
    // Only the submission's own environment counts, never the grader's $VIRTUAL_ENV.
    let ctx = ctx.workspace_only();
    course
        .exercises
        .iter()
        .map(|e| run_exercise(e, &ctx))
        .collect()
}

/// The outcome of grading one submission of a batch: its results, or why there are none.
#[derive(Debug)]
pub struct Graded<T> {
    pub submission: String,
    pub outcome: Result<T, String>,
}

/// The submissions of a batch folder: every entry not starting with `.`, sorted by name, as
/// absolute paths (so each report's `workspace` is the same whatever the current folder).
pub fn submissions(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let entries = std::fs::read_dir(dir)?;
    let base = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut subs: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                base.join(e.file_name()),
            )
        })
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    subs.sort();
    Ok(subs)
}

/// Why `path` cannot be graded as a submission folder, if it cannot.
fn unusable(path: &Path) -> Option<Tr> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if path.is_symlink() => {
            return Some(tr!(
                "a symbolic link to nothing ({e}); a submission must be a folder",
                "가리키는 대상이 없는 심볼릭 링크 ({e}). 제출물은 폴더여야 합니다"
            ))
        }
        Err(e) => return Some(tr!("cannot read it: {e}", "읽을 수 없음: {e}")),
    };
    if !meta.is_dir() {
        return Some(tr!(
            "not a folder; each submission must be a folder in the batch folder",
            "폴더가 아님. 각 제출물은 배치 폴더 안의 폴더여야 합니다"
        ));
    }
    std::fs::read_dir(path)
        .err()
        .map(|e| tr!("cannot read the folder: {e}", "폴더를 읽을 수 없음: {e}"))
}

/// Grade one submission with `grade`; every failure (a file instead of a folder, an
/// unreadable folder, a panic inside a check) becomes an error message in `lang`.
pub fn grade_submission<T>(
    name: &str,
    path: &Path,
    lang: Lang,
    grade: impl Fn(&Path) -> T,
) -> Graded<T> {
    let outcome = match unusable(path) {
        Some(why) => Err(why.get(lang).to_string()),
        None => catch_unwind(AssertUnwindSafe(|| grade(path))).map_err(|payload| {
            let what = crate::checks::panic_message(payload.as_ref());
            let location = LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_default();
            tr!(
                "grading crashed ({what}{location}); this is a bug in course, please report it",
                "채점 중 오류 ({what}{location}). course의 버그이니 알려 주세요"
            )
            .get(lang)
            .to_string()
        }),
    };
    Graded {
        submission: name.to_string(),
        outcome,
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
/// quiet and turned into error rows.
pub fn grade_batch<T: Send>(
    subs: &[(String, PathBuf)],
    lang: Lang,
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
            .map(|(name, path)| {
                let g = grade_submission(name, path, lang, grade);
                on_done();
                g
            })
            .collect()
    }))
}

/// Serialises as the gradebook's `report`/`error` pair.
impl<T: Serialize> Serialize for Graded<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Graded", 3)?;
        st.serialize_field("submission", &self.submission)?;
        st.serialize_field("report", &self.outcome.as_ref().ok())?;
        st.serialize_field("error", &self.outcome.as_ref().err())?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_turns_bad_submissions_into_error_rows() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::create_dir(dir.join("b-good")).unwrap();
        std::fs::create_dir(dir.join("d-panics")).unwrap();
        std::fs::write(dir.join("a-file"), "x").unwrap();
        std::fs::create_dir(dir.join(".git")).unwrap();
        std::os::unix::fs::symlink(dir.join("missing"), dir.join("c-link")).unwrap();
        let subs = submissions(dir).unwrap();
        let count = std::sync::atomic::AtomicUsize::new(0);
        let grade = |path: &Path| {
            assert!(!path.ends_with("d-panics"), "a bug in a check");
            path.to_path_buf()
        };
        let graded = grade_batch(&subs, Lang::En, Some(2), &grade, &|| {
            count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
        .unwrap();
        let names: Vec<&str> = graded.iter().map(|g| g.submission.as_str()).collect();
        assert_eq!(names, ["a-file", "b-good", "c-link", "d-panics"]);
        assert_eq!(count.into_inner(), 4);
        let error = |i: usize| graded[i].outcome.as_ref().unwrap_err().clone();
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
}
