//! Comments inside `.gitignore` pattern lines: `data/   # 대용량 데이터` is one pattern with
//! the comment included (git starts a comment only at the beginning of a line), so the line
//! ignores nothing the learner meant. Found here and named with the fix; other findings use
//! [`commented_patterns`] to know what such a line was meant to say.

use super::{Code, Finding, Group};
use crate::tr;

/// The patterns of `.gitignore` lines that hold an inline comment (`.env # 비밀` gives
/// `.env`): what each line would be with its comment on a line of its own.
pub(super) fn commented_patterns(gitignore: Option<&[u8]>) -> Vec<String> {
    let Some(bytes) = gitignore else {
        return Vec::new();
    };
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|raw| raw.trim_end_matches('\r'))
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(|line| comment_start(line).map(|pos| line[..pos].trim().to_string()))
        .collect()
}

/// Lines such as `data/   # 대용량 데이터`: a pattern followed by what was meant as a comment.
/// Several such lines read as one problem in the text report: one explanation, the lines,
/// and one block with every comment moved above its pattern.
pub(super) fn trailing_comment_lines(gitignore: Option<&[u8]>) -> Vec<Finding> {
    let Some(bytes) = gitignore else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(bytes);
    let commented: Vec<(u32, &str, &str, &str)> = text
        .lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            let line = raw.trim_end_matches('\r');
            if line.trim_start().starts_with('#') || line.trim().is_empty() {
                return None;
            }
            let pos = comment_start(line)?;
            Some((
                i as u32 + 1,
                line.trim(),
                line[..pos].trim_end(),
                line[pos..].trim(),
            ))
        })
        .collect();
    // `data/` also matches `src/data/`: the block suggests `/data/`, and says why once.
    let has_data = commented
        .iter()
        .any(|&(_, _, pattern, _)| pattern == "data/");
    commented
        .into_iter()
        .map(|(number, shown, pattern, comment)| {
            trailing_comment(number, shown, pattern, comment, has_data)
        })
        .collect()
}

/// The finding for line `number` (`shown`), a `pattern` with a `comment` after it.
fn trailing_comment(
    number: u32,
    shown: &str,
    pattern: &str,
    comment: &str,
    has_data: bool,
) -> Finding {
    let meant = if pattern == "data/" {
        "/data/"
    } else {
        pattern
    };
    let lines = Group::LINES;
    let group_hint = if has_data {
        tr!(
            "put each comment on its own line above its pattern:\n  {lines}\n(with the leading `/`, `/data/` ignores only the top-level `data/` folder, not the `src/data/` package)",
            "주석을 각각 별도의 줄로, 패턴 위로 옮기십시오:\n  {lines}\n(앞의 `/`가 있어야 `/data/`는 `src/data/` 패키지는 빼고 맨 위의 `data/` 폴더만 무시합니다)"
        )
    } else {
        tr!(
            "put each comment on its own line above its pattern:\n  {lines}",
            "주석을 각각 별도의 줄로, 패턴 위로 옮기십시오:\n  {lines}"
        )
    };
    Finding::fail(Code::GitignoreCommentInPattern, tr!(
        "`{shown}` is read as one pattern, comment included, so it does not ignore `{pattern}`: in `.gitignore` a `#` starts a comment only at the beginning of a line",
        "`{shown}` 줄은 주석까지 포함한 하나의 패턴으로 읽혀서 `{pattern}` 경로를 무시하지 않습니다: `.gitignore`에서 `#` 기호는 줄의 맨 앞에 있을 때만 주석입니다"
    ))
    .file(".gitignore")
    .line(number)
    .hint(if pattern == "data/" {
        tr!(
            "put the comment on its own line: `{comment}` on one line, `/data/` on the next (with the leading `/`, only the top-level `data/` folder, not the `src/data/` package)",
            "주석을 별도의 줄로 옮기십시오: 한 줄에 `{comment}`, 다음 줄에 `/data/` (앞의 `/`가 있어야 `src/data/` 패키지는 빼고 맨 위의 `data/` 폴더만 무시합니다)"
        )
    } else {
        tr!(
            "put the comment on its own line: `{comment}` on one line, `{pattern}` on the next",
            "주석을 별도의 줄로 옮기십시오: 한 줄에 `{comment}`, 다음 줄에 `{pattern}`"
        )
    })
    .group(
        Group::new(
            tr!(
                "these `.gitignore` lines are each read as one pattern, comment included, so they ignore nothing they name: in `.gitignore` a `#` starts a comment only at the beginning of a line",
                "다음 `.gitignore` 줄은 각각 주석까지 포함한 하나의 패턴으로 읽혀서 적힌 경로를 무시하지 않습니다: `.gitignore`에서 `#` 기호는 줄의 맨 앞에 있을 때만 주석입니다"
            ),
            format!(".gitignore:{number}: {shown}"),
            group_hint,
        )
        .line(format!("{comment}\n{meant}")),
    )
}

/// Byte offset of a `#` that follows whitespace after some pattern text (not `\#`).
pub(super) fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    (1..bytes.len()).find(|&i| {
        bytes[i] == b'#'
            && (bytes[i - 1] == b' ' || bytes[i - 1] == b'\t')
            && !line[..i].trim().is_empty()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_trailing_comments() {
        assert_eq!(
            comment_start("data/                    # 대용량 데이터"),
            Some(25)
        );
        assert_eq!(comment_start("*.pt\t# ckpt"), Some(5));
        assert_eq!(comment_start("*.pt"), None);
        assert_eq!(comment_start("foo#bar"), None);
        assert_eq!(comment_start("\\#file"), None);
    }
}
