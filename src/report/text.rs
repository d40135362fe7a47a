//! Text report for people (`course check`, `course grade`): a line per exercise, the problems
//! under each failing exercise with how to fix them, and a summary with the next command.
//!
//! ```text
//! ✓ PASS  Build an environment (environment)            20/20
//! ✗ FAIL  Pin your requirements (requirements)           0/20
//!     requirements.txt:4: `numpy>=` is not a valid requirement
//!       → write it like `numpy>=1.24`
//!     - not run: grading executes nothing from the submission (...)
//!
//! 1 passed, 1 failed, 0 skipped · score 20/40
//! Next: fix `requirements`, then run `course check requirements` (stuck? `course hint requirements`)
//! ```

use unicode_width::UnicodeWidthStr;

use super::{ExerciseReport, ExerciseStatus, FindingReport, Report};
use crate::checks::Status;
use crate::grading::Reason;
use crate::i18n::Lang;
use crate::terminal::{indented, Style, Term};
use crate::tr;

/// The report for people; `learner` adds the next command to type (not for an instructor's
/// grading run, where the learner is not there to type it).
pub fn render(report: &Report, term: &Term, lang: Lang, learner: bool) -> String {
    let mut out = String::new();
    let words: Vec<String> = report
        .exercises
        .iter()
        .map(|e| exercise_word(e, lang))
        .collect();
    let word_width = words.iter().map(|w| w.width()).max().unwrap_or(0);
    for e in &report.exercises {
        out.push_str(&exercise_line(e, term, lang, word_width));
        out.push('\n');
        for f in &e.findings {
            match f.status {
                Status::Fail | Status::Error if e.status == ExerciseStatus::Fail => {
                    out.push_str(&problem_lines(f, term, lang, &report.workspace));
                }
                Status::Skip => {
                    for line in indented(&located(f), "    - ", "      ", term.width) {
                        out.push_str(&term.paint(Style::Dim, &line));
                        out.push('\n');
                    }
                }
                _ => {}
            }
        }
    }
    if !report.exercises.is_empty() {
        out.push('\n');
    }
    out.push_str(&summary_line(report, term, lang));
    out.push('\n');
    if let Some(failed) = report
        .exercises
        .iter()
        .find(|e| learner && e.status == ExerciseStatus::Fail)
    {
        let id = &failed.id;
        let next = tr!(
            "Next: fix `{id}`, then run `course check {id}` (stuck? `course hint {id}`)",
            "다음: `{id}`를 고친 뒤 `course check {id}`를 실행하십시오 (막히면 `course hint {id}`)"
        );
        for line in indented(next.get(lang), "", "  ", term.width) {
            out.push_str(&term.paint(Style::Bold, &line));
            out.push('\n');
        }
    }
    out
}

/// `PASS` / `통과` and friends.
pub fn status_word(status: ExerciseStatus, lang: Lang) -> String {
    match status {
        ExerciseStatus::Pass => tr!("PASS", "통과"),
        ExerciseStatus::Fail => tr!("FAIL", "실패"),
        ExerciseStatus::Skip => tr!("SKIP", "건너뜀"),
    }
    .get(lang)
    .to_string()
}

/// The word on an exercise's line: its status, or what happened when there is no verdict
/// (`NOT GRADED` without `--exec`, `ERROR` when a check could not run), so that "not graded"
/// and "could not grade" never read as "failed".
fn exercise_word(e: &ExerciseReport, lang: Lang) -> String {
    match e.reason {
        Some(Reason::NeedsExec) => tr!("NOT GRADED", "채점 안 함").get(lang).to_string(),
        Some(Reason::CouldNotRun) => tr!("ERROR", "오류").get(lang).to_string(),
        _ => status_word(e.status, lang),
    }
}

fn score_text(e: &ExerciseReport) -> String {
    format!("{}/{}", e.score, e.max_score)
}

fn exercise_line(e: &ExerciseReport, term: &Term, lang: Lang, word_width: usize) -> String {
    let (mark, style) = match (e.status, term.ascii) {
        (ExerciseStatus::Pass, false) => ("✓", Style::Pass),
        (ExerciseStatus::Fail, false) => ("✗", Style::Fail),
        (ExerciseStatus::Skip, false) => ("○", Style::Skip),
        (ExerciseStatus::Pass, true) => ("+", Style::Pass),
        (ExerciseStatus::Fail, true) => ("x", Style::Fail),
        (ExerciseStatus::Skip, true) => ("-", Style::Skip),
    };
    let word = exercise_word(e, lang);
    if term.accessible.is_on() {
        // Words only, no marks and no columns of spaces: read aloud, a line stays a sentence.
        let score = score_text(e);
        return format!("{word}: {} ({}), {score}", e.title, e.id);
    }
    // Pad by display width: Hangul takes two columns, `format!("{:<8}")` counts characters.
    let word_pad = " ".repeat(word_width.saturating_sub(word.width()));
    let head = format!("{mark} {word}{word_pad}  ");
    let id = format!("({})", e.id);
    let score = score_text(e);
    let left_width = head.width() + e.title.width() + 1 + id.width();
    // Right-align the score at the terminal width when it fits, else one space after the id.
    let gap = term
        .width
        .checked_sub(left_width + score.len())
        .filter(|g| *g >= 1)
        .unwrap_or(1);
    format!(
        "{}{} {}{}{}",
        term.paint(style, &head),
        term.paint(Style::Bold, &e.title),
        term.paint(Style::Dim, &id),
        " ".repeat(gap),
        score
    )
}

fn located(f: &FindingReport) -> String {
    f.located()
}

/// The problem, wrapped, and the hint under it. On a terminal that follows hyperlinks the
/// file name is an OSC 8 `file://` link to the file in `workspace` (added after wrapping, so
/// the escape never counts as width or gets split).
fn problem_lines(f: &FindingReport, term: &Term, lang: Lang, workspace: &str) -> String {
    let mut s = String::new();
    let prefix = if f.status == Status::Error {
        tr!("could not check: ", "확인할 수 없음: ")
            .get(lang)
            .to_string()
    } else {
        String::new()
    };
    for (i, line) in indented(
        &format!("{prefix}{}", located(f)),
        "    ",
        "    ",
        term.width,
    )
    .into_iter()
    .enumerate()
    {
        match line.strip_prefix(&format!("    {prefix}")) {
            // Colour only the "could not check" prefix.
            Some(rest) if i == 0 && !prefix.is_empty() => {
                s.push_str("    ");
                s.push_str(&term.paint(Style::Fail, &prefix));
                s.push_str(rest);
            }
            _ if i == 0 && term.hyperlinks => s.push_str(&linked(&line, f, workspace)),
            _ => s.push_str(&line),
        }
        s.push('\n');
    }
    if let Some(hint) = f.hint.as_deref().filter(|h| !h.is_empty()) {
        let arrow = if term.ascii { "->" } else { "→" };
        for (i, para) in hint.lines().enumerate() {
            // A hint's own indentation (a YAML example) is kept.
            let own = " ".repeat(para.len() - para.trim_start().len());
            let lead = if i == 0 {
                format!("      {arrow} {own}")
            } else {
                format!("        {own}")
            };
            let rest = format!("        {own}");
            for line in indented(para.trim_start(), &lead, &rest, term.width) {
                s.push_str(&term.paint(Style::Code, &line));
                s.push('\n');
            }
        }
    }
    s
}

/// `line` with the first occurrence of the finding's file name made a `file://` link.
fn linked(line: &str, f: &FindingReport, workspace: &str) -> String {
    let Some(file) = f.file.as_deref().filter(|file| line.contains(*file)) else {
        return line.to_string();
    };
    let abs = std::path::Path::new(workspace).join(file);
    let link = crate::terminal::editor::file_link(&abs, file);
    line.replacen(file, &link, 1)
}

fn summary_line(report: &Report, term: &Term, lang: Lang) -> String {
    let s = &report.summary;
    let (passed, failed, skipped, score, max) =
        (s.passed, s.failed, s.skipped, s.score, s.max_score);
    let text = tr!(
        "{passed} passed, {failed} failed, {skipped} skipped · score {score}/{max}",
        "통과 {passed}, 실패 {failed}, 건너뜀 {skipped} · 점수 {score}/{max}"
    );
    let mut text = text.get(lang).to_string();
    let points = report.not_graded_points();
    if points > 0 {
        let pts = crate::i18n::count(points as usize, "point", "points");
        text.push_str(tr!(" · {pts} not graded", " · {points}점은 채점하지 않음").get(lang));
    }
    if report.exit_code() == crate::exit::Code::CheckError {
        text.push_str(
            tr!(
                " · some checks could not run",
                " · 실행하지 못한 확인이 있음"
            )
            .get(lang),
        );
    }
    let style = if failed > 0 { Style::Fail } else { Style::Pass };
    term.paint(style, &text)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::checks::Code;
    use crate::report::{Summary, SCHEMA};

    pub fn finding(
        check: &str,
        code: Code,
        status: Status,
        message: &str,
        file: Option<&str>,
        line: Option<u32>,
        hint: Option<&str>,
    ) -> FindingReport {
        FindingReport {
            check: check.to_string(),
            code,
            status,
            message: message.to_string(),
            file: file.map(str::to_string),
            names_file: false,
            line,
            hint: hint.map(str::to_string),
        }
    }

    /// A report with one passing, one failing (a fail and an error finding) and one skipped
    /// exercise; messages carry XML and CSV specials and Korean.
    pub fn sample() -> Report {
        let exercises = vec![
            ExerciseReport {
                id: "environment".into(),
                title: "Build an environment".into(),
                status: ExerciseStatus::Pass,
                score: 20,
                max_score: 20,
                reason: None,
                findings: vec![finding(
                    "python-env",
                    Code::EnvOk,
                    Status::Pass,
                    ".venv imports numpy",
                    None,
                    None,
                    None,
                )],
            },
            ExerciseReport {
                id: "requirements".into(),
                title: "요구사항 고정".into(),
                status: ExerciseStatus::Fail,
                score: 0,
                max_score: 30,
                reason: Some(crate::grading::Reason::CouldNotRun),
                findings: vec![
                    finding(
                        "requirements",
                        Code::RequirementsInvalid,
                        Status::Fail,
                        "`numpy>=` is not a valid requirement <&\"> 버전",
                        Some("requirements.txt"),
                        Some(4),
                        Some("write it like `numpy>=1.24`"),
                    ),
                    finding(
                        "python-import",
                        Code::ImportTimeout,
                        Status::Error,
                        "python timed out after 10 s",
                        None,
                        None,
                        None,
                    ),
                ],
            },
            ExerciseReport {
                id: "import".into(),
                title: "Import your package".into(),
                status: ExerciseStatus::Skip,
                score: 0,
                max_score: 10,
                reason: Some(crate::grading::Reason::NeedsExec),
                findings: vec![finding(
                    "python-import",
                    Code::ExecDisabled,
                    Status::Skip,
                    "not run: pass --exec to run it",
                    None,
                    None,
                    None,
                )],
            },
        ];
        Report {
            schema: SCHEMA.into(),
            course: "python-ecosystem".into(),
            workspace: "/tmp/ws".into(),
            exercises,
            summary: Summary {
                passed: 1,
                failed: 1,
                skipped: 1,
                score: 20,
                max_score: 60,
            },
        }
    }

    #[test]
    fn plain_text_has_lines_findings_summary_and_next_step() {
        let out = render(&sample(), &Term::plain(80), Lang::En, true);
        assert!(!out.contains('\x1b'), "no ANSI without colour: {out}");
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("✓ PASS        Build an environment (environment)"));
        assert!(lines[0].ends_with("20/20"), "{}", lines[0]);
        // A check that could not run: ERROR, not FAIL; not graded: NOT GRADED, not SKIP.
        assert!(lines[1].starts_with("✗ ERROR       요구사항 고정 (requirements)"));
        assert!(lines[1].ends_with("0/30"));
        assert!(out.contains(
            "    requirements.txt:4: `numpy>=` is not a valid requirement <&\"> 버전\n      → write it like `numpy>=1.24`\n"
        ));
        assert!(out.contains("    could not check: python timed out after 10 s\n"));
        assert!(out.contains("○ NOT GRADED  Import your package (import)"));
        assert!(out.contains("    - not run: pass --exec to run it\n"));
        assert!(out.contains(
            "1 passed, 1 failed, 1 skipped · score 20/60 · 10 points not graded · some checks could not run\n"
        ));
        // The next-step line wraps at the width; read it with the breaks folded.
        let folded = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(folded.contains("course check requirements"));
        assert!(folded.contains("course hint requirements"));
        let for_grading = render(&sample(), &Term::plain(80), Lang::En, false);
        assert!(
            !for_grading.contains("course hint"),
            "no learner's next step when grading"
        );
    }

    #[test]
    fn scores_are_right_aligned_by_display_width() {
        let out = render(&sample(), &Term::plain(60), Lang::En, true);
        let widths: Vec<usize> = out.lines().take(2).map(|l| l.width()).collect();
        assert_eq!(widths, vec![60, 60], "{out}");
    }

    #[test]
    fn korean_words_and_summary() {
        let out = render(&sample(), &Term::plain(80), Lang::Ko, true);
        assert!(out.contains("✓ 통과        Build"), "{out}");
        assert!(out.contains("✗ 오류        요구"), "{out}");
        assert!(out.contains("○ 채점 안 함  Import"), "{out}");
        assert!(out.contains(
            "통과 1, 실패 1, 건너뜀 1 · 점수 20/60 · 10점은 채점하지 않음 · 실행하지 못한 확인이 있음"
        ));
        assert!(out.contains("다음: `requirements`를 고친 뒤"));
    }

    #[test]
    fn ascii_arrows_and_marks() {
        let mut term = Term::plain(80);
        term.ascii = true;
        let out = render(&sample(), &term, Lang::En, true);
        assert!(out.contains("      -> write it like"));
        assert!(out.contains("x ERROR"));
        assert!(!out.contains('→') && !out.contains('✗'));
    }

    #[test]
    fn accessible_lines_are_words_without_marks_or_columns() {
        let mut term = Term::plain(80);
        term.ascii = true;
        term.accessible = crate::terminal::Accessible::Flag;
        let out = render(&sample(), &term, Lang::En, true);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "PASS: Build an environment (environment), 20/20");
        assert!(
            out.contains("NOT GRADED: Import your package (import), 0/10"),
            "{out}"
        );
        assert!(!out.contains("  PASS") && !out.contains('✓') && !out.contains('→'));
    }

    #[test]
    fn file_names_are_hyperlinks_only_when_the_terminal_follows_them() {
        let mut term = Term::plain(80);
        let out = render(&sample(), &term, Lang::En, true);
        assert!(!out.contains("\x1b]8;;"));
        term.hyperlinks = true;
        let out = render(&sample(), &term, Lang::En, true);
        let link = out
            .lines()
            .find(|l| l.contains("\x1b]8;;"))
            .expect("a link");
        assert!(link.starts_with("    \x1b]8;;file://"), "{link:?}");
        assert!(
            link.contains("requirements.txt\x1b\\requirements.txt\x1b]8;;\x1b\\:4: `numpy>=`"),
            "{link:?}"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let mut term = Term::plain(80);
        term.color = true;
        let out = render(&sample(), &term, Lang::En, true);
        assert!(out.contains("\x1b[32m✓ PASS"));
        assert!(out.contains("\x1b[31m✗ ERROR"));
        assert!(out.contains("\x1b[2m(environment)\x1b[0m"));
    }

    #[test]
    fn no_next_step_when_nothing_failed() {
        let mut r = sample();
        r.exercises.remove(1);
        r.summary.failed = 0;
        let out = render(&r, &Term::plain(80), Lang::En, true);
        assert!(!out.contains("Next:"));
        assert!(out.contains("1 passed, 0 failed, 1 skipped"));
    }
}
