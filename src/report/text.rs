//! Text report for people (`course check`, `course grade`): a line per exercise, the problems
//! under each failing exercise with how to fix them, and a summary with the next command.
//!
//! ```text
//! ✓ PASS  Build an environment (environment)            20/20
//! ✗ FAIL  Pin your requirements (requirements)           0/20
//!     requirements.txt:4: `numpy>=` is not a valid requirement
//!       → write it like `numpy>=1.24`
//!     - not run: grading executes nothing from the submission (importing `torch` with ...)
//!
//! 1 passed, 1 failed, 0 skipped · score 20/40
//! When fixed: course check requirements
//! Stuck? course hint requirements
//! ```

use unicode_width::UnicodeWidthStr;

use super::{ExerciseReport, ExerciseStatus, FindingReport, Report};
use crate::checks::Status;
use crate::grading::Reason;
use crate::i18n::Lang;
use crate::terminal::{code_spans, indented, Style, Term};
use crate::tr;

/// The report for people; `learner` adds the next command to type (not for an instructor's
/// grading run, where the learner is not there to type it): about `focus` when it fails,
/// else about the first exercise that fails.
pub fn render(
    report: &Report,
    term: &Term,
    lang: Lang,
    learner: bool,
    focus: Option<&str>,
) -> String {
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
        out.push_str(&findings(e, term, lang, &report.workspace));
    }
    if !report.exercises.is_empty() {
        out.push('\n');
    }
    out.push_str(&summary_line(report, term, lang));
    out.push('\n');
    let fails = |e: &&ExerciseReport| learner && e.status == ExerciseStatus::Fail;
    let focused = report
        .exercises
        .iter()
        .filter(fails)
        .find(|e| Some(e.id.as_str()) == focus);
    if let Some(failed) = focused.or_else(|| report.exercises.iter().find(fails)) {
        let id = &failed.id;
        // One command a line, as under an exercise's page: in a sentence the commands wrapped
        // in two at 60 columns (`course check` / `requirements를`).
        let next = tr!(
            "When fixed: course check {id}\nStuck? course hint {id}",
            "다 고쳤으면: course check {id}\n막히면: course hint {id}"
        );
        let lines: Vec<String> = next
            .get(lang)
            .lines()
            .flat_map(|line| indented(line, "", "  ", term.width))
            .collect();
        let lines = lines.join("\n");
        for line in code_spans(&lines, term.color, Some(Style::Bold)).lines() {
            out.push_str(&term.paint(Style::Bold, line));
            out.push('\n');
        }
    } else if learner
        && report
            .exercises
            .iter()
            .any(|e| e.status == ExerciseStatus::Pass)
    {
        // Nothing to fix here: a passing check is not a dead end, `course next` goes on.
        let next = tr!("Next: course next", "다음: course next");
        out.push_str(&term.paint(Style::Bold, next.get(lang)));
        out.push('\n');
    }
    out
}

/// The lines under an exercise's line: each problem of a failing exercise with its fix, and
/// each check not run (dim). Also what `course watch` shows under the exercise it is on.
pub fn findings(e: &ExerciseReport, term: &Term, lang: Lang, workspace: &str) -> String {
    let mut out = String::new();
    let mut shown_groups = Vec::new();
    let mut shown_hints = Vec::new();
    for f in &e.findings {
        match f.status {
            Status::Fail | Status::Error if e.status == ExerciseStatus::Fail => {
                let Some((mut one, items)) = as_problem(f, &e.findings, &mut shown_groups) else {
                    continue;
                };
                // The same fix twice in one exercise (two problems of one file with one
                // cure) is written out once. A hint that refers to the fix above already
                // reads the same for every finding that fix covers (issue 9: the third
                // commit of one rebase read "fix it the same way", as if rebasing again).
                if let Some(hint) = one.hint.take() {
                    one.hint = Some(if shown_hints.contains(&hint) && !one.refers {
                        tr!("the same fix as above", "위와 같은 방법으로 고치십시오")
                            .get(lang)
                            .to_string()
                    } else {
                        shown_hints.push(hint.clone());
                        hint
                    });
                }
                out.push_str(&problem_lines(&one, &items, term, lang, workspace));
            }
            Status::Skip => {
                // Code spans as in the problem lines: coloured on a terminal (the dim taken
                // up again after each), backticked when plain. Wrapped first, so a span that
                // crosses a line end is painted on each line.
                let lines = indented(&located(f), "    - ", "      ", term.width).join("\n");
                for line in code_spans(&lines, term.color, Some(Style::Dim)).lines() {
                    out.push_str(&term.paint(Style::Dim, line));
                    out.push('\n');
                }
            }
            _ => {}
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

/// Narrowest column for an exercise's title beside its score; below it the line is not laid
/// out in columns.
const MIN_TITLE_ROOM: usize = 12;

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
    // The title and id go in a column between the status word and the score, wrapped there
    // (whole words) so the score stays right-aligned at the width and nothing runs past it.
    let room = term.width.saturating_sub(head.width() + 1 + score.width());
    if room < MIN_TITLE_ROOM {
        // Too narrow for columns: one run of words, wrapped by the caller.
        return format!(
            "{}{} {} {score}",
            term.paint(style, &head),
            term.paint(Style::Bold, &e.title),
            term.paint(Style::Dim, &id),
        );
    }
    let mut rows: Vec<(String, String)> = crate::render::wrap_plain(&e.title, room)
        .into_iter()
        .map(|l| (l.clone(), term.paint(Style::Bold, &l)))
        .collect();
    match rows.last_mut() {
        Some((plain, painted)) if plain.width() + 1 + id.width() <= room => {
            painted.push(' ');
            painted.push_str(&term.paint(Style::Dim, &id));
            plain.push(' ');
            plain.push_str(&id);
        }
        _ => rows.extend(
            crate::render::wrap_plain(&id, room)
                .into_iter()
                .map(|l| (l.clone(), term.paint(Style::Dim, &l))),
        ),
    }
    // The score goes on the last row, so the words read in the same order at any width.
    let indent = " ".repeat(head.width());
    let last = rows.len() - 1;
    let mut out = String::new();
    for (i, (plain, painted)) in rows.iter().enumerate() {
        if i == 0 {
            out.push_str(&term.paint(style, &head));
        } else {
            out.push('\n');
            out.push_str(&indent);
        }
        out.push_str(painted);
        if i == last {
            let used = head.width() + plain.width() + score.width();
            out.push_str(&" ".repeat(term.width.saturating_sub(used).max(1)));
            out.push_str(&score);
        }
    }
    out
}

fn located(f: &FindingReport) -> String {
    f.located()
}

/// `f` as people read it among `all`: alone, or, the first of a group, standing for every
/// finding of its code that reads as a group, with the items to list under it; `None` for a
/// later member of a group `shown` already. `course check`'s report and `course next`'s
/// "still to fix" both lay findings out with it, so the two group alike.
pub fn as_problem(
    f: &FindingReport,
    all: &[FindingReport],
    shown: &mut Vec<crate::checks::Code>,
) -> Option<(FindingReport, Vec<String>)> {
    let members = group_of(f, all);
    if members.len() < 2 {
        return Some((f.clone(), Vec::new()));
    }
    if shown.contains(&f.code) {
        return None;
    }
    shown.push(f.code);
    Some(grouped(&members))
}

/// The findings shown with `f` as one problem: those of its code and status that say how
/// they read in a group (see [`crate::checks::Group`]); just `f` when it stands alone.
fn group_of<'a>(f: &'a FindingReport, all: &'a [FindingReport]) -> Vec<&'a FindingReport> {
    if f.group.is_none() {
        return vec![f];
    }
    all.iter()
        .filter(|g| g.code == f.code && g.status == f.status && g.group.is_some())
        .collect()
}

/// One finding standing for `members` (at least one, each with a group): the group's
/// sentence, at their common file when they share one, and the group's fix with every
/// member's words and lines in it; and the items to list under the sentence.
fn grouped(members: &[&FindingReport]) -> (FindingReport, Vec<String>) {
    let first = members[0];
    let groups: Vec<&crate::report::GroupReport> =
        members.iter().filter_map(|m| m.group.as_ref()).collect();
    let unique = |pick: fn(&crate::report::GroupReport) -> &str| {
        let mut seen: Vec<&str> = Vec::new();
        for g in &groups {
            let v = pick(g);
            if !v.is_empty() && !seen.contains(&v) {
                seen.push(v);
            }
        }
        seen
    };
    let same_file = members
        .iter()
        .all(|m| m.file == first.file && m.line.is_none());
    let group = &groups[0];
    let hint = group
        .hint
        .replace(crate::checks::Group::WORDS, &unique(|g| &g.word).join(" "))
        .replace(
            crate::checks::Group::LINES,
            // A member's line may be several (a comment and its pattern): each indented.
            &unique(|g| &g.line)
                .iter()
                .map(|l| l.replace('\n', "\n  "))
                .collect::<Vec<_>>()
                .join("\n  "),
        );
    let one = FindingReport {
        message: group.message.clone(),
        file: if same_file { first.file.clone() } else { None },
        line: None,
        hint: Some(hint).filter(|h| !h.is_empty()),
        group: None,
        refers: false,
        ..first.clone()
    };
    let items = unique(|g| &g.item).into_iter().map(String::from).collect();
    (one, items)
}

/// The problem, wrapped, and the hint under it. On a terminal that follows hyperlinks the
/// file name is an OSC 8 `file://` link to the file in `workspace` (added after wrapping, so
/// the escape never counts as width or gets split).
/// `items` (what a group's findings are about) are listed between the two.
fn problem_lines(
    f: &FindingReport,
    items: &[String],
    term: &Term,
    lang: Lang,
    workspace: &str,
) -> String {
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
    // Code spans in colour (backticks gone) on a terminal, as the lessons show code.
    let mut s = code_spans(&s, term.color, None);
    for item in items {
        for line in indented(item, "      - ", "        ", term.width) {
            // The mark and indent stay plain; the path or name is code (a span in it loses
            // its backticks on a terminal, as everywhere else).
            let (mark, rest) = line.split_at(8.min(line.len()));
            s.push_str(mark);
            let rest = code_spans(rest, term.color, Some(Style::Code));
            s.push_str(&term.paint(Style::Code, &rest));
            s.push('\n');
        }
    }
    if let Some(hint) = f.hint.as_deref().filter(|h| !h.is_empty()) {
        let arrow = if term.ascii { "->" } else { "→" };
        for (i, para) in hint.lines().enumerate() {
            let first = if i == 0 {
                format!("      {arrow} ")
            } else {
                "        ".to_string()
            };
            let lines = crate::terminal::hint_lines(para, &first, "        ", term.width);
            if para.starts_with(' ') {
                // An indented line is an example to type or copy: all of it is code.
                for line in &lines {
                    s.push_str(&term.paint(Style::Code, line));
                    s.push('\n');
                }
                continue;
            }
            let mut block = code_spans(&lines.join("\n"), term.color, None);
            if i == 0 {
                block = block.replacen(arrow, &term.paint(Style::Code, arrow), 1);
            }
            s.push_str(&block);
            s.push('\n');
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
    let mut parts = vec![
        tr!(
            "{passed} passed, {failed} failed, {skipped} skipped",
            "통과 {passed}, 실패 {failed}, 건너뜀 {skipped}"
        ),
        tr!("score {score}/{max}", "점수 {score}/{max}"),
    ];
    let points = report.not_graded_points();
    if points > 0 {
        let pts = crate::i18n::count(points as usize, "point", "points");
        parts.push(tr!("{pts} not graded", "{points}점은 채점하지 않음"));
    }
    if report.exit_code() == crate::exit::Code::CheckError {
        parts.push(tr!(
            "some checks could not run",
            "실행하지 못한 확인이 있음"
        ));
    }
    let parts: Vec<&str> = parts.iter().map(|p| p.get(lang)).collect();
    let style = if failed > 0 { Style::Fail } else { Style::Pass };
    let lines = separated_lines(&parts, term.width);
    let painted: Vec<String> = lines.iter().map(|l| term.paint(style, l)).collect();
    painted.join("\n")
}

/// `parts` joined by ` · ` within `width` columns: a part that does not fit after the one
/// before starts the next line, and the `·` ends the line before it, with that line's last
/// word when there is no room for it alone (at 30 columns English began a line with
/// `· score 0/20`; issue 9). Every word and `·` stays, as the text is at any width.
fn separated_lines(parts: &[&str], width: usize) -> Vec<String> {
    // A no-break space glues the `·` to the word before it: lines break only at spaces.
    const GLUE: char = '\u{a0}';
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        if let Some(last) = lines.pop() {
            let joined = format!("{last} · {part}");
            if joined.width() <= width {
                lines.push(joined);
                continue;
            }
            let ended = crate::render::wrap_plain(&format!("{last}{GLUE}·"), width);
            lines.extend(ended.into_iter().map(|l| l.replace(GLUE, " ")));
            // The last word moved down may leave room for the part after it.
            if let Some(last) = lines.last_mut() {
                let joined = format!("{last} {part}");
                if joined.width() <= width {
                    *last = joined;
                    continue;
                }
            }
        }
        lines.extend(crate::render::wrap_plain(part, width));
    }
    lines
}

#[cfg(test)]
pub(crate) mod tests;
