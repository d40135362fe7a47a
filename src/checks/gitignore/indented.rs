//! `.gitignore` lines that start with spaces: `  /data/`, as a learner gets by copying the
//! lesson's example from the terminal, which shows every code-block line two columns in.
//! git keeps leading spaces as part of the pattern (it strips only trailing ones), so
//! `  /data/` matches a name that starts with two spaces and ignores nothing the learner
//! meant. Found only where the line, without its spaces, would ignore a path the exercise
//! needs ignored; other findings use [`indented_patterns`] to leave those paths to this one
//! (one problem, said once: not also "add `/data/`", which is already there).

use super::comments::comment_start;
use super::{Code, Finding, Group};
use crate::git::line_ignores;
use crate::i18n::Tr;
use crate::tr;

/// A `.gitignore` line with leading whitespace: its number, the whitespace, and the pattern
/// it would be without it (an inline comment, which has its own finding, left off).
struct Indented<'a> {
    number: u32,
    indent: &'a str,
    pattern: &'a str,
}

fn indented_lines(text: &str) -> Vec<Indented<'_>> {
    text.lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            let line = raw.trim_end_matches('\r');
            let rest = line.trim_start_matches([' ', '\t']);
            let indent = &line[..line.len() - rest.len()];
            if indent.is_empty() || rest.trim().is_empty() || rest.starts_with('#') {
                return None;
            }
            let pattern = match comment_start(rest) {
                Some(pos) => rest[..pos].trim_end(),
                None => rest.trim_end(),
            };
            Some(Indented {
                number: i as u32 + 1,
                indent,
                pattern,
            })
        })
        .collect()
}

/// The patterns of indented lines (`  /data/` gives `/data/`): what each would ignore once
/// its spaces are gone.
pub(super) fn indented_patterns(gitignore: Option<&[u8]>) -> Vec<String> {
    let Some(bytes) = gitignore else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(bytes);
    indented_lines(&text)
        .into_iter()
        .map(|l| l.pattern.to_string())
        .collect()
}

/// One finding per indented line that, without its spaces, would ignore one of `missing`
/// (sample paths git does not ignore now). Several read as one problem in the text report:
/// one explanation, the lines, one fix for all.
pub(super) fn indented_pattern_lines(gitignore: Option<&[u8]>, missing: &[String]) -> Vec<Finding> {
    let Some(bytes) = gitignore else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(bytes);
    indented_lines(&text)
        .into_iter()
        .filter(|l| missing.iter().any(|path| line_ignores(l.pattern, path)))
        .map(|l| indented_pattern(l.number, l.indent, l.pattern))
        .collect()
}

/// How the whitespace before a pattern reads: `2 spaces`, `a tab`.
fn describe(indent: &str) -> Tr {
    let n = indent.chars().count();
    match (indent.chars().all(|c| c == ' '), n) {
        (true, 1) => tr!("a space", "공백 1칸"),
        (true, _) => tr!("{n} spaces", "공백 {n}칸"),
        (false, _) => tr!("spaces or tabs", "공백이나 탭"),
    }
}

fn indented_pattern(number: u32, indent: &str, pattern: &str) -> Finding {
    let what = describe(indent);
    // The fix is a command, not lines to paste: a command still works when copied from the
    // indented report, where pasted lines would bring the spaces back.
    let fix = "sed 's/^[[:space:]]*//' .gitignore > .gitignore.new\n  mv .gitignore.new .gitignore";
    Finding::fail(Code::GitignoreIndentedPattern, tr!(
        "line {number} of `.gitignore` starts with {what} before `{pattern}`: git reads leading spaces as part of the pattern, so the line ignores nothing it names",
        "`.gitignore`의 {number}번째 줄은 `{pattern}` 앞에 {what}이(가) 있습니다: git은 줄 앞의 공백을 패턴의 일부로 읽으므로 이 줄은 적힌 경로를 무시하지 않습니다";
        what = what
    ))
    .file(".gitignore")
    .line(number)
    .hint(tr!(
        "delete the spaces at the start of the line, so that it reads `{pattern}` from its first column (in your editor, or for every line at once with this command):\n  {fix}",
        "줄 앞의 공백을 지워 `{pattern}`이(가) 첫 칸에서 시작하게 하십시오 (편집기에서 지우거나, 이 명령으로 모든 줄을 한 번에):\n  {fix}"
    ))
    .group(Group::new(
        tr!(
            "these `.gitignore` lines start with spaces, which git reads as part of the pattern, so they ignore nothing they name (copied from the terminal, a lesson's lines come two spaces in)",
            "다음 `.gitignore` 줄은 공백으로 시작합니다. git은 줄 앞의 공백을 패턴의 일부로 읽으므로 이 줄들은 적힌 경로를 무시하지 않습니다 (터미널에서 레슨을 복사하면 줄마다 앞에 공백 두 칸이 붙습니다)"
        ),
        format!(".gitignore:{number}: {pattern}"),
        tr!(
            "delete the spaces at the start of each line, in your editor or with this command:\n  {fix}",
            "줄마다 앞의 공백을 지우십시오. 편집기에서 지우거나 이 명령을 쓰면 됩니다:\n  {fix}"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_indented_lines_but_not_comments_or_blank_ones() {
        let text = "  # a comment\n  /data/\n*.pt\n\t.env   # secrets\n   \n";
        let lines = indented_lines(text);
        let found: Vec<(u32, &str, &str)> = lines
            .iter()
            .map(|l| (l.number, l.indent, l.pattern))
            .collect();
        assert_eq!(found, vec![(2, "  ", "/data/"), (4, "\t", ".env")]);
    }

    #[test]
    fn flags_only_lines_that_would_ignore_a_missing_path() {
        let text = b"  /data/\n  wandb/\n";
        let missing = vec!["data/raw/sample.csv".to_string()];
        let findings = indented_pattern_lines(Some(text), &missing);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].line, Some(1));
    }
}
