//! `course grade`: grade one workspace (any folder: a CI checkout has no `.course/`) or, with
//! `--batch DIR`, every submission folder in DIR into a gradebook (`report::gradebook`).
//!
//! Grading executes nothing from a submission unless `--exec` is given: checks that would run
//! the submission's Python are skipped with a reason (`grading::batch`). Output goes to
//! `--output FILE` (written atomically) or stdout; notes and progress go to stderr only, so a
//! machine format on stdout stays clean.
//!
//! Batch exit codes: 0 the batch ran (whatever the students scored), 2 usage, 3 some
//! submission could not be graded or a check could not run in one (its row is still written).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::app::App;
use crate::checks::CheckContext;
use crate::cli::GradeArgs;
use crate::course::Course;
use crate::exit::{usage, Code};
use crate::fs::write_atomic;
use crate::grading::batch::{self, grade_workspace_with, Graded};
use crate::grading::roster;
use crate::grading::submission::{self, OpenOptions, Submission};
use crate::i18n::Lang;
use crate::report::format::Format;
use crate::report::lms::{self, Lms};
use crate::report::{class, gradebook, Report};
use crate::terminal::{Counter, Spinner, Term};
use crate::tr;

pub fn run(app: &mut App, args: &GradeArgs) -> Result<Code> {
    if args.jobs == Some(0) {
        return Err(usage(
            tr!(
                "--jobs must be at least 1 (leave it out to use every core)",
                "--jobs는 1 이상이어야 합니다 (생략하면 모든 코어를 씁니다)"
            )
            .get(app.lang),
        ));
    }
    if let Some(dir) = &args.batch {
        let subs = batch_submissions(dir, app.lang)?;
        return run_batch(app, args, subs);
    }
    if let Some(roster) = &args.roster {
        let clones = args
            .clones
            .clone()
            .unwrap_or_else(|| roster::default_clones(roster));
        let subs = roster::read(roster, &clones).map_err(|e| usage(e.0.get(app.lang)))?;
        return run_batch(app, args, subs);
    }
    let root = match &app.workspace {
        Some(ws) => ws.root.clone(),
        None => crate::fs::current_dir()?,
    };
    let mut ctx = CheckContext::new(&root, args.exec, None).with_sandbox(app.sandbox()?);
    // `.course/` is never committed (its own `.gitignore` says `*`): here is the learner's
    // own folder, not a clone, and files count as a clone has them.
    if root.join(".course").join("state.yaml").is_file() {
        ctx = ctx.committed_only();
    }
    if let Some(spinner) = Spinner::on_stderr(&app.term, app.lang) {
        ctx = ctx.with_progress(spinner);
    }
    let results = grade_workspace_with(&app.course, ctx);
    let report = Report::build(&app.course, &root.display().to_string(), &results, app.lang);
    if args.format.is_for_people() && !args.exec {
        exec_note(&app.course, &app.term, app.lang);
    }
    super::check::deliver(app, args.format, &report, args.output.as_deref(), None)?;
    if let Some(path) = &args.output {
        let (shown, score, max) = (
            path.display(),
            report.summary.score,
            report.summary.max_score,
        );
        app.term.note(
            tr!(
                "wrote {shown} (score {score}/{max})",
                "{shown}에 썼습니다 (점수 {score}/{max})"
            )
            .get(app.lang),
        );
    }
    Ok(report.exit_code())
}

/// One stderr note when checks that run code were skipped for lack of `--exec`.
fn exec_note(course: &Course, term: &Term, lang: Lang) {
    let n = course
        .exercises
        .iter()
        .flat_map(|e| &e.checks)
        .filter(|c| c.executes())
        .count();
    if n > 0 {
        term.note(
            tr!(
                "note: checks that run code from a submission ({n} per submission) were skipped; pass --exec to run them (only for submissions you trust, ideally in a container)",
                "참고: 제출물의 코드를 실행하는 확인(제출물마다 {n}개)은 건너뛰었습니다. 실행하려면 --exec을 주십시오 (믿을 수 있는 제출물에만, 가능하면 컨테이너 안에서)"
            )
            .get(lang),
        );
    }
}

/// The submissions of `dir`, or a usage error saying what `--batch` expects.
fn batch_submissions(dir: &Path, lang: Lang) -> Result<Vec<Submission>> {
    let shown = dir.display();
    if !dir.is_dir() {
        return Err(usage(
            tr!(
                "{shown}: no such folder; --batch must name a folder holding one folder per submission",
                "{shown}: 그런 폴더가 없습니다. --batch에는 제출물마다 폴더 하나씩 들어 있는 폴더를 주십시오"
            )
            .get(lang),
        ));
    }
    let subs = submission::batch_folder(dir).map_err(|e| {
        usage(
            tr!(
                "{shown}: cannot read the batch folder ({e}); --batch must name a folder holding one folder per submission",
                "{shown}: 채점할 폴더를 읽을 수 없습니다 ({e}). --batch에는 제출물마다 폴더 하나씩 들어 있는 폴더를 주십시오"
            )
            .get(lang),
        )
    })?;
    if subs.is_empty() {
        return Err(usage(
            tr!(
                "{shown}: no submissions here; --batch expects one folder per submission inside it",
                "{shown}: 제출물이 없습니다. --batch 폴더 안에 제출물마다 폴더가 하나씩 있어야 합니다"
            )
            .get(lang),
        ));
    }
    Ok(subs)
}

/// The kind of gradebook a batch writes.
enum Book {
    Csv,
    Json,
    Lms(Lms),
}

fn run_batch(app: &mut App, args: &GradeArgs, subs: Vec<Submission>) -> Result<Code> {
    let lang = app.lang;
    let kind = match args.format {
        Format::Text | Format::Csv => Book::Csv,
        Format::Json => Book::Json,
        Format::Canvas => Book::Lms(Lms::Canvas),
        Format::Moodle => Book::Lms(Lms::Moodle),
        other => {
            let name = format!("{other:?}").to_lowercase();
            return Err(usage(
                tr!(
                    "--batch and --roster write a gradebook as csv, json, canvas or moodle, not {name}; use --format csv (the default)",
                    "--batch와 --roster는 성적표를 csv, json, canvas, moodle로만 씁니다 ({name}은(는) 안 됨). --format csv (기본값)를 쓰십시오"
                )
                .get(lang),
            ));
        }
    };
    let layouts = report_layouts(&args.report, lang)?;
    let mut subs = subs;
    if let Some(shard) = args.shard {
        subs = shard.select(subs);
        let (n, total) = (subs.len(), shard.count);
        let in_shard = crate::i18n::count(n, "submission", "submissions");
        let shards = crate::i18n::count(total as usize, "shard", "shards");
        app.term.note(
            tr!(
                "shard {shard}: {in_shard} of this batch (each goes to one of {shards} by its name)",
                "샤드 {shard}: 이 배치의 제출물 {n}개 (제출물은 이름에 따라 {total}개 샤드 중 하나로 갑니다)"
            )
            .get(lang),
        );
    }
    if !args.exec {
        exec_note(&app.course, &app.term, lang);
    }
    let course = &app.course;
    let sandbox = app.sandbox()?;
    let grade = |path: &Path| {
        let ctx = CheckContext::new(path, args.exec, None).with_sandbox(sandbox.clone());
        let results = grade_workspace_with(course, ctx);
        Report::build(course, &path.display().to_string(), &results, lang)
    };
    let counter = Counter::submissions(subs.len(), &app.term, lang);
    let how = OpenOptions {
        clone_timeout: std::time::Duration::from_secs(args.clone_timeout),
        limits: crate::archive::Limits {
            total_bytes: args.unpack_max_mb.saturating_mul(1 << 20),
            ..crate::archive::Limits::default()
        },
        ..OpenOptions::new(lang)
    };
    let graded = batch::grade_batch(&subs, &how, args.jobs, &grade, &|| counter.inc())
        .context("cannot start worker threads")?;
    drop(counter);
    let meta = gradebook::Meta::of(course, args.shard);
    let out = match kind {
        Book::Json => gradebook::render_json(&meta, &graded),
        Book::Csv => gradebook::render_csv(&meta, &graded),
        Book::Lms(lms) => {
            let title = course.title.get(lang).to_string();
            let assignment = args.assignment.clone().unwrap_or(title);
            lms::render(lms, &assignment, args.points, &graded)
        }
    };
    match &args.output {
        Some(path) => write_atomic(path, out.as_bytes())?,
        None => crate::terminal::print_out(&out)?,
    }
    write_reports(&app.term, &course.id, &graded, &layouts, lang)?;
    let failed = graded.iter().filter(|g| g.outcome.is_err()).count();
    let check_errors = graded
        .iter()
        .filter_map(|g| g.outcome.as_ref().ok())
        .filter(|r| r.exit_code() == Code::CheckError)
        .count();
    if let Book::Lms(_) = kind {
        lms_not_graded_note(&app.term, &graded, lang);
    }
    batch_notes(&app.term, &kind, subs.len(), failed, check_errors, lang);
    Ok(if failed + check_errors > 0 {
        Code::CheckError
    } else {
        Code::Ok
    })
}

/// Each `--report` file with the layout its extension asks for, or a usage error saying
/// which exist (checked before anything is graded).
pub fn report_layouts(paths: &[PathBuf], lang: Lang) -> Result<Vec<(PathBuf, class::Layout)>> {
    paths
        .iter()
        .map(|path| {
            let layout = class::Layout::for_path(path).ok_or_else(|| {
                let shown = path.display();
                usage(
                    tr!(
                        "--report {shown}: name the file .html (a page to open or print) or .md (Markdown, e.g. for $GITHUB_STEP_SUMMARY)",
                        "--report {shown}: 파일 이름을 .html(열거나 인쇄할 페이지) 또는 .md(Markdown, 예: $GITHUB_STEP_SUMMARY)로 끝내십시오"
                    )
                    .get(lang),
                )
            })?;
            Ok((path.clone(), layout))
        })
        .collect()
}

/// Write the class report of `graded` in each layout asked for.
pub fn write_reports(
    term: &Term,
    course: &str,
    graded: &[Graded<Report>],
    layouts: &[(PathBuf, class::Layout)],
    lang: Lang,
) -> Result<()> {
    if layouts.is_empty() {
        return Ok(());
    }
    let class = class::Class::build(course, graded);
    for (path, layout) in layouts {
        let page = class::render(&class, *layout, lang);
        write_atomic(path, page.as_bytes())?;
        let (shown, kib) = (path.display(), page.len().div_ceil(1024));
        term.note(
            tr!(
                "wrote the class report to {shown} ({kib} KiB)",
                "반 보고서를 {shown}에 썼습니다 ({kib} KiB)"
            )
            .get(lang),
        );
    }
    Ok(())
}

/// An LMS file's grades are what students see: say when exercises not graded (no `--exec`)
/// count as 0 in them (a perfect submission gets 80 of 100, not 100).
fn lms_not_graded_note(term: &Term, graded: &[Graded<Report>], lang: Lang) {
    let Some(report) = graded.iter().find_map(|g| g.outcome.as_ref().ok()) else {
        return;
    };
    let skipped: Vec<_> = report
        .exercises
        .iter()
        .filter(|e| e.reason == Some(crate::grading::Reason::NeedsExec))
        .collect();
    if skipped.is_empty() {
        return;
    }
    let points: u32 = skipped.iter().map(|e| e.max_score).sum();
    let ids: Vec<&str> = skipped.iter().map(|e| e.id.as_str()).collect();
    let (max, ids) = (report.summary.max_score, ids.join(", "));
    term.note(
        tr!(
            "note: the grades in this file count what was not graded without --exec ({ids}: {points} of {max} points) as 0; grade with --exec before students see them",
            "참고: 이 파일의 점수는 --exec 없이 채점하지 않은 연습({ids}: {max}점 중 {points}점)을 0점으로 셉니다. 학생에게 보이기 전에 --exec으로 채점하십시오"
        )
        .get(lang),
    );
}

/// What the batch did, on stderr: how many were graded, and where the reasons for the
/// others are in the file `kind` wrote.
fn batch_notes(
    term: &Term,
    kind: &Book,
    total: usize,
    failed: usize,
    check_errors: usize,
    lang: Lang,
) {
    let graded_ok = total - failed;
    let subs = crate::i18n::count(total, "submission", "submissions");
    term.note(
        tr!(
            "graded {graded_ok} of {subs}",
            "제출물 {total}개 중 {graded_ok}개를 채점했습니다"
        )
        .get(lang),
    );
    if failed > 0 {
        let subs = crate::i18n::count(failed, "submission", "submissions");
        let said = match kind {
            Book::Csv => tr!(
                "{subs} could not be graded: see the `error` column",
                "제출물 {failed}개는 채점할 수 없었습니다: `error` 열을 보십시오"
            ),
            Book::Json => tr!(
                "{subs} could not be graded: see their `error` and `error_code`",
                "제출물 {failed}개는 채점할 수 없었습니다: `error`와 `error_code`를 보십시오"
            ),
            // Canvas's import has no column for a reason: the grade is left empty.
            Book::Lms(Lms::Canvas) => tr!(
                "{subs} could not be graded: their grade is left empty (the LMS keeps what it had); --format csv or --report class.html says why",
                "제출물 {failed}개는 채점할 수 없었습니다: 점수 칸을 비워 두었습니다 (LMS의 점수는 그대로입니다). 이유는 --format csv나 --report class.html에 나옵니다"
            ),
            Book::Lms(Lms::Moodle) => tr!(
                "{subs} could not be graded: their grade is left empty, the reason is in the `Feedback` column",
                "제출물 {failed}개는 채점할 수 없었습니다: 점수 칸을 비워 두었고 이유는 `Feedback` 열에 있습니다"
            ),
        };
        term.note(said.get(lang));
    }
    if check_errors > 0 {
        let subs = crate::i18n::count(check_errors, "submission", "submissions");
        term.note(
            tr!(
                "{subs} had a check that could not run: their scores may be too low",
                "제출물 {check_errors}개에서 실행할 수 없는 확인이 있었습니다: 점수가 낮게 나왔을 수 있습니다"
            )
            .get(lang),
        );
    }
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
}
