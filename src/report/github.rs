//! `--format github`: GitHub Actions workflow commands on stdout (annotations on the files)
//! and a Markdown job summary.
//!
//! - A finding that found a problem and a check that could not run are both `::error`
//!   (either way the submission is not done); a skipped check is `::notice` with its reason.
//! - GitHub shows at most 10 errors and 10 notices per step; beyond that this prints one
//!   `::warning` saying how many more there are and pointing to the job summary, which lists
//!   everything.
//! - Then a plain `Score: 80/100` line.
//! - The summary (a table of exercises, then every finding) is returned as a string: the grade
//!   command appends it to `$GITHUB_STEP_SUMMARY`; this module never touches files.

use super::{ExerciseReport, ExerciseStatus, FindingReport, Report};
use crate::checks::Status;
use crate::i18n::Lang;
use crate::tr;

/// GitHub shows this many annotations of each level per step.
pub const ANNOTATION_LIMIT: usize = 10;

/// The two halves of the GitHub output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GithubOutput {
    /// Workflow commands and the score line, for stdout.
    pub commands: String,
    /// Markdown for `$GITHUB_STEP_SUMMARY`.
    pub summary: String,
}

pub fn render(report: &Report, lang: Lang) -> GithubOutput {
    GithubOutput {
        commands: commands(report, lang),
        summary: summary(report, lang),
    }
}

use crate::escape::{
    markdown_block, markdown_code, markdown_inline as md, workflow_data as escape_data,
    workflow_property as escape_property,
};

fn annotation(level: &str, e: &ExerciseReport, f: &FindingReport, lang: Lang) -> String {
    let mut props = Vec::new();
    if let Some(file) = &f.file {
        props.push(format!("file={}", escape_property(file)));
        if let Some(line) = f.line {
            props.push(format!("line={line}"));
        }
    }
    let title = if f.status == Status::Error {
        let (id, check) = (&e.id, &f.check);
        tr!(
            "{id}: {check} could not run",
            "{id}: {check} 확인을 실행할 수 없음"
        )
        .get(lang)
        .to_string()
    } else {
        format!("{} ({})", e.id, f.check)
    };
    props.push(format!("title={}", escape_property(&title)));
    let mut message = f.message.clone();
    if let Some(hint) = f.hint.as_deref().filter(|h| !h.is_empty()) {
        message.push_str("\n→ ");
        message.push_str(hint);
    }
    format!("::{level} {}::{}\n", props.join(","), escape_data(&message))
}

fn commands(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let (mut errors, mut notices) = (0usize, 0usize);
    let (mut more_errors, mut more_notices) = (0usize, 0usize);
    for e in &report.exercises {
        for f in &e.findings {
            let (level, shown, more) = match f.status {
                Status::Fail | Status::Error => ("error", &mut errors, &mut more_errors),
                Status::Skip => ("notice", &mut notices, &mut more_notices),
                Status::Pass => continue,
            };
            if *shown < ANNOTATION_LIMIT {
                *shown += 1;
                out.push_str(&annotation(level, e, f, lang));
            } else {
                *more += 1;
            }
        }
    }
    if more_errors + more_notices > 0 {
        let problems = crate::i18n::count(more_errors, "more problem", "more problems");
        let skipped = crate::i18n::count(more_notices, "more skipped check", "more skipped checks");
        let text = match (more_errors, more_notices) {
            (n, 0) => tr!(
                "{problems} not shown as annotations (GitHub shows 10 per step): see the job summary",
                "주석으로 표시되지 않은 문제 {n}개 더 (GitHub는 단계마다 10개까지 표시): 작업 요약(job summary)을 보십시오"
            ),
            (0, m) => tr!(
                "{skipped} not shown as annotations (GitHub shows 10 per step): see the job summary",
                "주석으로 표시되지 않은 건너뛴 확인 {m}개 더 (GitHub는 단계마다 10개까지 표시): 작업 요약(job summary)을 보십시오"
            ),
            (n, m) => tr!(
                "{problems} and {skipped} not shown as annotations (GitHub shows 10 per step): see the job summary",
                "주석으로 표시되지 않은 문제 {n}개와 건너뛴 확인 {m}개 더 (GitHub는 단계마다 10개까지 표시): 작업 요약(job summary)을 보십시오"
            ),
        };
        let title = tr!("More findings", "더 많은 결과");
        out.push_str(&format!(
            "::warning title={}::{}\n",
            escape_property(title.get(lang)),
            escape_data(text.get(lang))
        ));
    }
    let (score, max) = (report.summary.score, report.summary.max_score);
    out.push_str(tr!("Score: {score}/{max}", "점수: {score}/{max}").get(lang));
    out.push('\n');
    out
}

fn summary(report: &Report, lang: Lang) -> String {
    let mut s = String::new();
    let course = &report.course;
    let (score, max) = (report.summary.score, report.summary.max_score);
    s.push_str(&format!(
        "## {}\n\n",
        tr!("Course report: {course}", "코스 채점 결과: {course}").get(lang)
    ));
    s.push_str(&format!(
        "**{}**\n\n",
        tr!("Score: {score}/{max}", "점수: {score}/{max}").get(lang)
    ));
    let (h_ex, h_status, h_score) = (
        tr!("Exercise", "연습 문제"),
        tr!("Status", "상태"),
        tr!("Score", "점수"),
    );
    s.push_str(&format!(
        "| {} | {} | {} |\n|---|---|---:|\n",
        h_ex.get(lang),
        h_status.get(lang),
        h_score.get(lang)
    ));
    for e in &report.exercises {
        let status = match (e.status, e.reason) {
            (_, Some(crate::grading::Reason::CouldNotRun)) => {
                format!("⚠️ {}", tr!("could not grade", "채점할 수 없음").get(lang))
            }
            (ExerciseStatus::Pass, _) => format!("✅ {}", tr!("pass", "통과").get(lang)),
            (ExerciseStatus::Fail, _) => format!("❌ {}", tr!("fail", "실패").get(lang)),
            (ExerciseStatus::Skip, Some(crate::grading::Reason::NeedsExec)) => format!(
                "⏭️ {}",
                tr!("not graded (needs --exec)", "채점 안 함 (--exec 필요)").get(lang)
            ),
            (ExerciseStatus::Skip, _) => {
                format!("⏭️ {}", tr!("not graded", "채점 안 함").get(lang))
            }
        };
        s.push_str(&format!(
            "| {} ({}) | {status} | {}/{} |\n",
            md(&e.title),
            markdown_code(&e.id),
            e.score,
            e.max_score
        ));
    }
    let problems: Vec<(&ExerciseReport, &FindingReport)> = report
        .exercises
        .iter()
        .flat_map(|e| e.findings.iter().map(move |f| (e, f)))
        .filter(|(_, f)| f.status != Status::Pass)
        .collect();
    if !problems.is_empty() {
        s.push_str(&format!(
            "\n### {}\n\n",
            tr!("Findings", "확인 결과").get(lang)
        ));
        for (e, f) in problems {
            let mark = match f.status {
                Status::Fail => "❌",
                Status::Error => "⚠️",
                _ => "⏭️",
            };
            let place = match (&f.file, f.line) {
                (Some(file), Some(line)) => {
                    format!(" {}", markdown_code(&format!("{file}:{line}")))
                }
                (Some(file), None) => format!(" {}", markdown_code(file)),
                _ => String::new(),
            };
            s.push_str(&format!(
                "- {mark} **{}** ({}){place}: {}",
                md(&e.id),
                md(&f.check),
                md(&f.message)
            ));
            if let Some(hint) = f.hint.as_deref().filter(|h| !h.is_empty()) {
                if f.status != Status::Skip {
                    // A hint's later lines are code (the lines of a suggested file): fenced.
                    s.push_str(&format!("<br>→ {}", markdown_block(hint, "  ")));
                }
            }
            s.push('\n');
        }
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::text::tests::{finding, sample};

    #[test]
    fn annotations_for_fail_error_and_skip() {
        let out = render(&sample(), Lang::En);
        let lines: Vec<&str> = out.commands.lines().collect();
        assert_eq!(
            lines[0],
            "::error file=requirements.txt,line=4,title=requirements (requirements)::`numpy>=` is not a valid requirement <&\"> 버전%0A→ write it like `numpy>=1.24`"
        );
        assert_eq!(
            lines[1],
            "::error title=requirements%3A python-import could not run::python timed out after 10 s"
        );
        assert_eq!(
            lines[2],
            "::notice title=import (python-import)::not run: pass --exec to run it"
        );
        assert_eq!(lines[3], "Score: 20/60");
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn escaping_rules() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        let mut r = sample();
        r.exercises[1].findings[0].file = Some("dir,1/a:b.txt".into());
        let out = render(&r, Lang::En);
        assert!(out
            .commands
            .contains("::error file=dir%2C1/a%3Ab.txt,line=4,"));
    }

    #[test]
    fn at_most_ten_errors_then_a_pointer() {
        for (n, more) in [(15, "5 more problems not"), (11, "1 more problem not")] {
            ten_errors_then(n, more);
        }
    }

    /// `n` problems: ten annotations, then a pointer that says `more`.
    fn ten_errors_then(n: usize, more: &str) {
        let mut r = sample();
        r.exercises[1].findings = (1..=n)
            .map(|i| {
                finding(
                    "paths",
                    crate::checks::Code::FileMissing,
                    Status::Fail,
                    &format!("missing file {i}"),
                    Some(&format!("f{i}.txt")),
                    None,
                    None,
                )
            })
            .collect();
        let out = render(&r, Lang::En);
        assert_eq!(out.commands.matches("::error ").count(), 10);
        assert!(out.commands.contains("f10.txt") && !out.commands.contains("f11.txt"));
        let pointer: Vec<&str> = out
            .commands
            .lines()
            .filter(|l| l.starts_with("::warning "))
            .collect();
        assert_eq!(pointer.len(), 1);
        assert!(pointer[0].contains(more), "{}", pointer[0]);
        assert!(pointer[0].contains("see the job summary"));
        // The summary lists all of them.
        assert_eq!(out.summary.matches("missing file").count(), n);
        assert!(out.summary.contains(&format!("`f{n}.txt`")));
    }

    #[test]
    fn summary_table_and_findings() {
        let out = render(&sample(), Lang::En);
        let s = &out.summary;
        assert!(s.starts_with("## Course report: python-ecosystem\n"));
        assert!(s.contains("**Score: 20/60**"));
        assert!(s.contains("| Exercise | Status | Score |\n|---|---|---:|\n"));
        assert!(s.contains("| Build an environment (`environment`) | ✅ pass | 20/20 |"));
        assert!(s.contains("| 요구사항 고정 (`requirements`) | ⚠️ could not grade | 0/30 |"));
        assert!(
            s.contains("| Import your package (`import`) | ⏭️ not graded (needs --exec) | 0/10 |")
        );
        assert!(s.contains(
            "- ❌ **requirements** (requirements) `requirements.txt:4`: `numpy>=` is not a valid requirement \\<\\&\"\\> 버전<br>→ write it like `numpy>=1.24`"
        ), "{s}");
        assert!(s.contains("- ⚠️ **requirements** (python-import): python timed out"));
    }

    #[test]
    fn issue8_learner_text_is_escaped_for_markdown_and_workflow_commands() {
        let mut r = sample();
        let f = &mut r.exercises[1].findings[0];
        f.file = Some("a\u{1b}[31m,b:c.txt".into());
        f.message = "bad \u{9b}2J line \u{7}".into();
        f.hint = Some("create `.gitignore` with:\n*.pt\n*.pth\n__pycache__/".into());
        let out = render(&r, Lang::En);
        // Workflow commands: no raw control characters, properties cannot be split.
        assert!(
            !out.commands.contains(['\u{1b}', '\u{9b}', '\u{7}']),
            "{}",
            out.commands
        );
        assert!(
            out.commands
                .contains("::error file=a\\e[31m%2Cb%3Ac.txt,line=4,"),
            "{}",
            out.commands
        );
        // Markdown: the suggested lines are a fenced code block, not emphasis.
        let s = &out.summary;
        assert!(!s.contains(['\u{1b}', '\u{9b}', '\u{7}']), "{s}");
        assert!(
            s.contains("<br>→ create `.gitignore` with:\n\n  ```text\n  *.pt\n  *.pth\n  __pycache__/\n  ```\n"),
            "{s}"
        );
        assert!(s.contains("`a\\e[31m,b:c.txt:4`: bad \\\\u{9b}2J"), "{s}");
    }

    #[test]
    fn pipes_and_newlines_do_not_break_the_table() {
        let mut r = sample();
        r.exercises[0].title = "a | b\nc".into();
        let out = render(&r, Lang::Ko);
        assert!(out
            .summary
            .contains("| a \\| b<br>c (`environment`) | ✅ 통과 | 20/20 |"));
        assert!(out.commands.ends_with("점수: 20/60\n"));
    }
}
