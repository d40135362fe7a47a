//! `course grade`: grade one workspace (any folder: a CI checkout has no `.course/`) or, with
//! `--batch DIR`, every submission folder in DIR.
//!
//! Grading executes nothing from a submission unless `--exec` is given: checks that would run
//! the submission's Python are skipped with a reason. Grading never reads or writes a
//! submission's `.course/cache` either (a submitted cache could claim results).
//!
//! Output goes to `--output FILE` (written atomically) or stdout; notes and progress go to
//! stderr only, so a machine format on stdout stays clean.
//!
//! Batch mode writes a gradebook:
//! - CSV (`--format csv`, also the default): `submission,score,max_score,<exercise id>...,error`,
//!   one row per submission sorted by name; a submission that could not be graded (not a
//!   folder, unreadable, a panic in a check) has empty scores and the reason in `error`.
//! - JSON (`--format json`): one document
//!   `{"schema":"course-gradebook/1","course":ID,"exercises":[ID...],"submissions":[{"submission":NAME,
//!   "report":<course-report/1>|null,"error":null|MESSAGE}]}`.
//!
//! Batch exit codes: 0 the batch ran (whatever the students scored), 2 usage, 3 some
//! submission could not be graded or a check could not run in one (its row is still written).

use std::io::{IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;

use crate::app::App;
use crate::checks::CheckContext;
use crate::cli::{GradeArgs, GradeFormat};
use crate::course::Course;
use crate::exit::{usage, Code};
use crate::fs::write_atomic;
use crate::grading::run_exercise;
use crate::i18n::Lang;
use crate::report::{self, Report};
use crate::terminal::Term;
use crate::tr;

/// GitHub keeps at most this much of a step's job summary.
pub const STEP_SUMMARY_LIMIT: u64 = 1024 * 1024;

pub const GRADEBOOK_SCHEMA: &str = "course-gradebook/1";

pub fn run(app: &mut App, args: &GradeArgs) -> Result<Code> {
    if args.jobs == Some(0) {
        return Err(usage(
            tr!(
                "--jobs must be at least 1 (leave it out to use every core)",
                "--jobs 는 1 이상이어야 합니다 (생략하면 모든 코어를 씁니다)"
            )
            .get(app.lang),
        ));
    }
    if let Some(dir) = &args.batch {
        return run_batch(app, args, dir);
    }
    let root = match &app.workspace {
        Some(ws) => ws.root.clone(),
        None => std::env::current_dir().context("cannot read the current folder")?,
    };
    let progress = std::io::stderr().is_terminal();
    let report = grade_workspace(&app.course, &root, args.exec, app.lang, progress);
    let lang = app.lang;
    let out = match args.format {
        GradeFormat::Text => {
            if !args.exec {
                exec_note(&app.course, lang);
            }
            let term = if args.output.is_some() {
                Term {
                    color: false,
                    ..Term::plain(app.term.width)
                }
            } else {
                app.term.clone()
            };
            report::text::render(&report, &term, lang, false)
        }
        GradeFormat::Json => report::json::render(&report),
        GradeFormat::Junit => report::junit::render(&report),
        GradeFormat::Gradescope => report::gradescope::render(&report, lang),
        GradeFormat::Classroom50 => report::classroom50::render(&report),
        GradeFormat::Csv => {
            let name = submission_name(&root);
            let ids = exercise_ids(&app.course);
            report::csv::render(
                &ids,
                &[report::csv::Row {
                    submission: &name,
                    outcome: Ok(&report),
                }],
            )
        }
        GradeFormat::Github => {
            let gh = report::github::render(&report, lang);
            if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
                append_step_summary(Path::new(&path), &gh.summary, lang)?;
            }
            gh.commands
        }
    };
    match &args.output {
        Some(path) => {
            write_atomic(path, out.as_bytes())?;
            let (shown, score, max) = (
                path.display(),
                report.summary.score,
                report.summary.max_score,
            );
            eprintln!(
                "{}",
                tr!(
                    "wrote {shown} (score {score}/{max})",
                    "{shown} 에 썼습니다 (점수 {score}/{max})"
                )
                .get(lang)
            );
        }
        None if args.format == GradeFormat::Text => app.term.show(&out)?,
        None => crate::terminal::print(&out).context("cannot write to stdout")?,
    }
    Ok(report.exit_code())
}

/// Run every exercise of `course` on the folder `root`, without the submission's cache.
pub fn grade_workspace(
    course: &Course,
    root: &Path,
    exec: bool,
    lang: Lang,
    progress: bool,
) -> Report {
    // Only the submission's own environment counts, never the grader's $VIRTUAL_ENV.
    let ctx = CheckContext::new(root, exec, None, progress).workspace_only();
    let results: Vec<_> = course
        .exercises
        .iter()
        .map(|e| run_exercise(e, &ctx))
        .collect();
    Report::build(course, &root.display().to_string(), &results, lang)
}

/// One stderr note when checks that run code were skipped for lack of `--exec`.
fn exec_note(course: &Course, lang: Lang) {
    let n = course
        .exercises
        .iter()
        .flat_map(|e| &e.checks)
        .filter(|c| c.executes())
        .count();
    if n > 0 {
        eprintln!(
            "{}",
            tr!(
                "note: checks that run code from a submission ({n} per submission) were skipped; pass --exec to run them (only for submissions you trust, ideally in a container)",
                "참고: 제출물의 코드를 실행하는 확인(제출물마다 {n}개)은 건너뛰었습니다. 실행하려면 --exec 를 주세요 (믿을 수 있는 제출물에만, 가능하면 컨테이너 안에서)"
            )
            .get(lang)
        );
    }
}

/// Append `summary` to the job summary file, keeping the file within GitHub's 1 MiB.
pub fn append_step_summary(path: &Path, summary: &str, lang: Lang) -> Result<()> {
    let existing = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let room = STEP_SUMMARY_LIMIT.saturating_sub(existing) as usize;
    let text = if summary.len() <= room {
        summary.to_string()
    } else {
        let note = tr!(
            "\n\n*(cut: GitHub keeps 1 MiB of job summary; run `course grade --format json` for everything)*\n",
            "\n\n*(잘림: GitHub 작업 요약은 1 MiB 까지입니다. 전체는 `course grade --format json` 으로 보세요)*\n"
        );
        let note = note.get(lang);
        let mut cut = room.saturating_sub(note.len());
        while cut > 0 && !summary.is_char_boundary(cut) {
            cut -= 1;
        }
        if room < note.len() {
            String::new()
        } else {
            format!("{}{note}", &summary[..cut])
        }
    };
    if text.is_empty() {
        return Ok(());
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| {
            format!(
                "cannot open the job summary {} (from $GITHUB_STEP_SUMMARY)",
                path.display()
            )
        })?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write the job summary {}", path.display()))
}

fn exercise_ids(course: &Course) -> Vec<&str> {
    course.exercises.iter().map(|e| e.id.as_str()).collect()
}

fn submission_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The outcome of grading one submission of a batch.
#[derive(Debug, Serialize)]
pub struct Graded {
    pub submission: String,
    pub report: Option<Report>,
    pub error: Option<String>,
}

#[derive(Serialize)]
struct Gradebook<'a> {
    schema: &'static str,
    course: &'a str,
    exercises: Vec<&'a str>,
    submissions: &'a [Graded],
}

/// The submissions of a batch folder: every entry not starting with `.`, sorted by name.
pub fn submissions(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        usage(format!(
            "{}: cannot read the batch folder ({e}); --batch must name a folder holding one folder per submission",
            dir.display()
        ))
    })?;
    // Absolute paths, so each report's `workspace` is the same whatever the current folder.
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

/// Grade one submission; every failure (a file instead of a folder, an unreadable folder, a
/// panic inside a check) becomes an error value.
pub fn grade_submission(
    course: &Course,
    name: &str,
    path: &Path,
    exec: bool,
    lang: Lang,
) -> Graded {
    let outcome = (|| -> std::result::Result<Report, String> {
        let meta = std::fs::metadata(path).map_err(|e| {
            if path.is_symlink() {
                tr!(
                    "a symbolic link to nothing ({e}); a submission must be a folder",
                    "가리키는 대상이 없는 심볼릭 링크 ({e}). 제출물은 폴더여야 합니다"
                )
                .get(lang)
                .to_string()
            } else {
                tr!("cannot read it: {e}", "읽을 수 없음: {e}")
                    .get(lang)
                    .to_string()
            }
        })?;
        if !meta.is_dir() {
            return Err(tr!(
                "not a folder; each submission must be a folder in the batch folder",
                "폴더가 아님. 각 제출물은 배치 폴더 안의 폴더여야 합니다"
            )
            .get(lang)
            .to_string());
        }
        std::fs::read_dir(path).map_err(|e| {
            tr!("cannot read the folder: {e}", "폴더를 읽을 수 없음: {e}")
                .get(lang)
                .to_string()
        })?;
        catch_unwind(AssertUnwindSafe(|| {
            grade_workspace(course, path, exec, lang, false)
        }))
        .map_err(|payload| {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            let location = LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_default();
            tr!(
                "grading crashed ({what}{location}); this is a bug in course, please report it",
                "채점 중 오류 ({what}{location}). course 의 버그이니 알려 주세요"
            )
            .get(lang)
            .to_string()
        })
    })();
    match outcome {
        Ok(report) => Graded {
            submission: name.to_string(),
            report: Some(report),
            error: None,
        },
        Err(error) => Graded {
            submission: name.to_string(),
            report: None,
            error: Some(error),
        },
    }
}

thread_local! {
    /// Where the last panic on this thread happened (set by the batch's quiet panic hook).
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Grade every submission of `dir` in parallel on `jobs` threads (all cores when `None`).
/// Results come back in submission-name order. Panics are kept quiet and turned into error
/// rows.
pub fn grade_batch(
    course: &Course,
    dir: &Path,
    exec: bool,
    lang: Lang,
    jobs: Option<usize>,
    on_done: &(dyn Fn() + Sync),
) -> Result<Vec<Graded>> {
    let subs = submissions(dir)?;
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        pool = pool.num_threads(n);
    }
    let pool = pool.build().context("cannot start worker threads")?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(location));
    }));
    let graded = pool.install(|| {
        subs.par_iter()
            .map(|(name, path)| {
                let g = grade_submission(course, name, path, exec, lang);
                on_done();
                g
            })
            .collect()
    });
    std::panic::set_hook(previous_hook);
    Ok(graded)
}

fn run_batch(app: &mut App, args: &GradeArgs, dir: &Path) -> Result<Code> {
    let lang = app.lang;
    let json = match args.format {
        GradeFormat::Text | GradeFormat::Csv => false,
        GradeFormat::Json => true,
        other => {
            let name = format!("{other:?}").to_lowercase();
            return Err(usage(
                tr!(
                    "--batch writes a gradebook as csv or json, not {name}; use --format csv (the default) or --format json",
                    "--batch 는 성적표를 csv 나 json 으로만 씁니다 ({name} 는 안 됨). --format csv (기본값) 또는 --format json 을 쓰세요"
                )
                .get(lang),
            ));
        }
    };
    if !dir.is_dir() {
        let shown = dir.display();
        return Err(usage(
            tr!(
                "{shown}: no such folder; --batch must name a folder holding one folder per submission",
                "{shown}: 그런 폴더가 없습니다. --batch 에는 제출물마다 폴더 하나씩 들어 있는 폴더를 주세요"
            )
            .get(lang),
        ));
    }
    let total = submissions(dir)?.len();
    if total == 0 {
        let shown = dir.display();
        return Err(usage(
            tr!(
                "{shown}: no submissions here; --batch expects one folder per submission inside it",
                "{shown}: 제출물이 없습니다. --batch 폴더 안에 제출물마다 폴더가 하나씩 있어야 합니다"
            )
            .get(lang),
        ));
    }
    if !args.exec {
        exec_note(&app.course, lang);
    }
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} submissions {elapsed}")
        {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let graded = grade_batch(&app.course, dir, args.exec, lang, args.jobs, &|| bar.inc(1))?;
    bar.finish_and_clear();
    let ids = exercise_ids(&app.course);
    let out = if json {
        let book = Gradebook {
            schema: GRADEBOOK_SCHEMA,
            course: &app.course.id,
            exercises: ids.clone(),
            submissions: &graded,
        };
        let mut s = serde_json::to_string_pretty(&book).context("cannot serialise gradebook")?;
        s.push('\n');
        s
    } else {
        let rows: Vec<report::csv::Row> = graded
            .iter()
            .map(|g| report::csv::Row {
                submission: &g.submission,
                outcome: match (&g.report, &g.error) {
                    (Some(r), _) => Ok(r),
                    (None, e) => Err(e.as_deref().unwrap_or("")),
                },
            })
            .collect();
        report::csv::render(&ids, &rows)
    };
    let failed = graded.iter().filter(|g| g.error.is_some()).count();
    let check_errors = graded
        .iter()
        .filter_map(|g| g.report.as_ref())
        .filter(|r| r.exit_code() == Code::CheckError)
        .count();
    match &args.output {
        Some(path) => write_atomic(path, out.as_bytes())?,
        None => crate::terminal::print(&out).context("cannot write to stdout")?,
    }
    let graded_ok = total - failed;
    eprintln!(
        "{}",
        tr!(
            "graded {graded_ok} of {total} submissions",
            "제출물 {total}개 중 {graded_ok}개를 채점했습니다"
        )
        .get(lang)
    );
    if failed > 0 {
        eprintln!(
            "{}",
            tr!(
                "{failed} submissions could not be graded: see the `error` column",
                "제출물 {failed}개는 채점할 수 없었습니다: `error` 열을 보세요"
            )
            .get(lang)
        );
    }
    if check_errors > 0 {
        eprintln!(
            "{}",
            tr!(
                "{check_errors} submissions had a check that could not run: their scores may be too low",
                "제출물 {check_errors}개에서 실행할 수 없는 확인이 있었습니다: 점수가 낮게 나왔을 수 있습니다"
            )
            .get(lang)
        );
    }
    Ok(if failed + check_errors > 0 {
        Code::CheckError
    } else {
        Code::Ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::report::text::tests::sample;

    #[test]
    fn exit_codes_follow_the_worst_finding() {
        // sample(): a failed exercise holding an error finding -> 3.
        let mut r = sample();
        assert_eq!(r.exit_code(), Code::CheckError);
        // Only a problem found -> 1.
        r.exercises[1].findings[1].status = Status::Fail;
        assert_eq!(r.exit_code(), Code::Failed);
        // Nothing failed (passes and skips) -> 0.
        r.exercises.remove(1);
        r.summary.failed = 0;
        assert_eq!(r.exit_code(), Code::Ok);
    }

    #[test]
    fn batch_turns_bad_submissions_into_error_rows() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::create_dir(dir.join("b-good")).unwrap();
        std::fs::write(dir.join("a-file"), "x").unwrap();
        std::fs::create_dir(dir.join(".git")).unwrap();
        std::os::unix::fs::symlink(dir.join("missing"), dir.join("c-link")).unwrap();
        let course = crate::course::Course::from_files(crate::course::CourseFiles {
            origin: crate::course::Origin::Embedded,
            files: [
                (
                    "course.yaml",
                    "id: t\ntitle: T\ndefault_lang: en\nlessons: [x]\nexercises: [e]\n",
                ),
                ("lessons/en/x.md", "# X\n"),
                (
                    "exercises/e/exercise.yaml",
                    "title: E\nlesson: x\nprompt: p\n",
                ),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
            .collect(),
        })
        .unwrap();
        let count = std::sync::atomic::AtomicUsize::new(0);
        let graded = grade_batch(&course, dir, false, Lang::En, Some(2), &|| {
            count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
        .unwrap();
        let names: Vec<&str> = graded.iter().map(|g| g.submission.as_str()).collect();
        assert_eq!(names, ["a-file", "b-good", "c-link"]);
        assert_eq!(count.into_inner(), 3);
        assert!(graded[0]
            .error
            .as_deref()
            .unwrap()
            .starts_with("not a folder"));
        assert!(graded[1].report.is_some() && graded[1].error.is_none());
        assert!(graded[2]
            .error
            .as_deref()
            .unwrap()
            .starts_with("a symbolic link to nothing"));
    }

    #[test]
    fn step_summary_is_appended_and_capped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.md");
        std::fs::write(&path, "before\n").unwrap();
        append_step_summary(&path, "## table\n", Lang::En).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "before\n## table\n"
        );
        let big = "가".repeat(400_000); // 1.2 MB
        append_step_summary(&path, &big, Lang::En).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.len() as u64 <= STEP_SUMMARY_LIMIT, "{}", text.len());
        assert!(text.starts_with("before\n## table\n가"));
        assert!(text.ends_with("for everything)*\n"));
    }
}
