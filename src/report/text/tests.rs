//! Tests of the text report: columns, wrapping, marks, colour, accessible lines.

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
        group: None,
        refers: false,
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
    let out = render(&sample(), &Term::plain(80), Lang::En, true, None);
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
    // The summary breaks between its parts at the width, the `·` ending the line.
    assert!(out.contains(
        "1 passed, 1 failed, 1 skipped · score 20/60 · 10 points not graded ·\nsome checks could not run\n"
    ), "{out}");
    let folded = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(folded.contains("course check requirements"));
    assert!(folded.contains("course hint requirements"));
    let for_grading = render(&sample(), &Term::plain(80), Lang::En, false, None);
    assert!(
        !for_grading.contains("course hint"),
        "no learner's next step when grading"
    );
}

#[test]
fn scores_are_right_aligned_by_display_width() {
    let out = render(&sample(), &Term::plain(60), Lang::En, true, None);
    let widths: Vec<usize> = out.lines().take(2).map(|l| l.width()).collect();
    assert_eq!(widths, vec![60, 60], "{out}");
}

#[test]
fn long_titles_wrap_in_their_column_and_keep_the_score_aligned() {
    let mut r = sample();
    r.exercises[1].title = "가상환경을 만들고 요구사항을 고정한 뒤 설치하기".into();
    r.exercises[0].title = "Build a Python environment that imports torch".into();
    for (lang, w) in [
        (Lang::Ko, 60),
        (Lang::En, 60),
        (Lang::Ko, 44),
        (Lang::En, 80),
    ] {
        let out = render(&r, &Term::plain(w), lang, true, None);
        let lines: Vec<&str> = out.lines().collect();
        for l in &lines {
            assert!(l.width() <= w, "{w}: wider than the width: {l:?}\n{out}");
        }
        // Each exercise's first line ends in its score at the right edge.
        for score in ["20/20", "0/30"] {
            let first = lines.iter().find(|l| l.ends_with(score)).expect(score);
            assert_eq!(first.width(), w, "{w}: {first:?}\n{out}");
        }
        // Continuation lines start under the title, and every word is there.
        let folded = out.split_whitespace().collect::<Vec<_>>().join(" ");
        for words in [
            "가상환경을 만들고 요구사항을 고정한 뒤 설치하기 (requirements)",
            "Build a Python environment that imports torch",
        ] {
            let plain = words.split(" (").next().unwrap();
            let found = plain.split(' ').all(|word| folded.contains(word));
            assert!(found, "{w}: {words} cut\n{out}");
        }
    }
    let out = render(&r, &Term::plain(60), Lang::Ko, true, None);
    assert!(
        out.contains("\n              설치하기 (requirements)                   0/30\n"),
        "{out}"
    );
}

#[test]
fn korean_words_and_summary() {
    let out = render(&sample(), &Term::plain(80), Lang::Ko, true, None);
    assert!(out.contains("✓ 통과        Build"), "{out}");
    assert!(out.contains("✗ 오류        요구"), "{out}");
    assert!(out.contains("○ 채점 안 함  Import"), "{out}");
    assert!(
        out.contains(
            "통과 1, 실패 1, 건너뜀 1 · 점수 20/60 · 10점은 채점하지 않음 ·\n실행하지 못한 확인이 있음\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("다 고쳤으면: course check requirements\n막히면: course hint requirements\n")
    );
}

#[test]
fn ascii_arrows_and_marks() {
    let mut term = Term::plain(80);
    term.ascii = true;
    let out = render(&sample(), &term, Lang::En, true, None);
    assert!(out.contains("      -> write it like"));
    assert!(out.contains("x ERROR"));
    assert!(!out.contains('→') && !out.contains('✗'));
}

#[test]
fn accessible_lines_are_words_without_marks_or_columns() {
    let mut term = Term::plain(80);
    term.ascii = true;
    term.accessible = crate::terminal::Accessible::Flag;
    let out = render(&sample(), &term, Lang::En, true, None);
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
    let out = render(&sample(), &term, Lang::En, true, None);
    assert!(!out.contains("\x1b]8;;"));
    term.hyperlinks = true;
    let out = render(&sample(), &term, Lang::En, true, None);
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
    let out = render(&sample(), &term, Lang::En, true, None);
    assert!(out.contains("\x1b[32m✓ PASS"));
    assert!(out.contains("\x1b[31m✗ ERROR"));
    assert!(out.contains("\x1b[2m(environment)\x1b[0m"));
}

#[test]
fn no_next_step_when_nothing_failed() {
    let mut r = sample();
    r.exercises.remove(1);
    r.summary.failed = 0;
    let out = render(&r, &Term::plain(80), Lang::En, true, None);
    assert!(!out.contains("When fixed"));
    assert!(out.contains("1 passed, 0 failed, 1 skipped"));
    // Issue 9: a passing check is no dead end for a learner; grading says nothing.
    assert!(out.ends_with("\nNext: course next\n"), "{out}");
    assert!(!render(&r, &Term::plain(80), Lang::En, false, None).contains("Next:"));
}
