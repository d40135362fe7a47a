//! A YAML error said for a learner (issue 9): libyaml reports an unclosed `[` or `"` where it
//! gave up (often the line after the end of the file) and in English; this finds the bracket
//! or quote that was opened and never closed, and says libyaml's message in Korean, the
//! original after it.

use super::Error;
use crate::i18n::Tr;
use crate::tr;

/// Where a problem really is and what it is, in both languages.
pub struct Explained {
    pub line: u32,
    pub column: u32,
    /// `{what}` of "not valid YAML: {what}": the Korean explanation with libyaml's message in
    /// parentheses; the English message only.
    pub what: Tr,
}

/// The mark a terminal (and `course`'s own renderer) puts at the start of a code line's
/// continuation when it wraps a long line: copied with an example, it breaks the file.
pub const WRAP_MARK: char = '↪';

/// Explain `error` from parsing `text`.
pub fn explain(text: &str, error: &Error) -> Explained {
    let reason = error.reason();
    let (line, column) = error.location().unwrap_or((1, 1));
    if let Some(found) = wrap_mark(text, &reason) {
        return found;
    }
    if !error.is_too_deep() {
        // Only a bracket or quote opened before where libyaml stopped explains its error: an
        // unclosed `[` further down is a second problem, and the first one is reported first.
        if let Some(open) = unclosed(text).filter(|o| o.line <= line) {
            let (l, c, ch) = (open.line, open.column, open.ch);
            let close = match ch {
                '[' => ']',
                '{' => '}',
                other => other,
            };
            let opened = Tr::same(format!("`{ch}`"));
            return Explained {
                line: l,
                column: c,
                what: tr!(
                    "{opened} opened on line {l} (column {c}) is never closed with `{close}` ({reason})",
                    "{l}번째 줄 {c}번째 칸에서 연 {opened}을(를) `{close}`(으)로 닫지 않았습니다 ({reason})";
                    opened = opened
                ),
            };
        }
    }
    if let Some(found) = missing_colon(text, line, &reason) {
        return found;
    }
    // libyaml points one line past the end when the file ends early; show the last line.
    let last = text.lines().count().max(1) as u32;
    let line = line.min(last);
    let ko = korean(&reason);
    Explained {
        line,
        column,
        what: tr!("{reason}", "{ko} ({reason})"),
    }
}

/// A line that starts with [`WRAP_MARK`] (issue 9): an example copied from a screen where it
/// was wrapped. Whatever libyaml says about it (a missing `:`, usually), the fix is to delete
/// the mark and join the line to the one before.
fn wrap_mark(text: &str, reason: &str) -> Option<Explained> {
    let (index, raw) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with(WRAP_MARK))?;
    let l = index as u32 + 1;
    let column = raw.chars().take_while(|c| c.is_whitespace()).count() as u32 + 1;
    let mark = Tr::same(format!("`{WRAP_MARK}`"));
    Some(Explained {
        line: l,
        column,
        what: tr!(
            "line {l} starts with {mark}: the mark a terminal shows where it wraps a long line, copied with the example. Delete {mark} and join the line to the end of the line before ({reason})",
            "{l}번째 줄이 {mark} 표시로 시작합니다. 터미널이 긴 줄을 접어 보일 때 붙이는 표시가 예시와 함께 복사된 것입니다. {mark} 표시를 지우고 그 줄을 앞 줄 끝에 이어 붙이십시오 ({reason})";
            mark = mark
        ),
    })
}

/// libyaml reports a key written without its `:` (`choice script`) on the next key's line,
/// as "mapping values are not allowed" (issue 9: a learner looked at the wrong line). When the
/// content line before the reported one is a word, a space and a value with no `:` at all,
/// that line is the problem: name it and the key.
fn missing_colon(text: &str, line: u32, reason: &str) -> Option<Explained> {
    let suspicious = [
        "mapping values are not allowed",
        "could not find expected ':'",
    ];
    if !suspicious.iter().any(|s| reason.contains(s)) {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    // The content line before the reported one (libyaml reports one past the end of the file
    // when the key without `:` is the last line).
    let before = (line as usize).saturating_sub(1).min(lines.len());
    let (index, raw) = lines[..before]
        .iter()
        .enumerate()
        .rev()
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let body = raw.trim_start();
    let column = (raw.len() - body.len()) as u32 + 1;
    let (key, value) = body.split_once(' ')?;
    let is_key = key
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        && key
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_');
    if !is_key || body.contains(':') || value.trim().is_empty() {
        return None;
    }
    let value = value.trim();
    let l = index as u32 + 1;
    let (key, fixed) = (
        Tr::same(format!("`{key}`")),
        Tr::same(format!("`{key}: {value}`")),
    );
    Some(Explained {
        line: l,
        column,
        what: tr!(
            "line {l} has no `:` after {key}; write {fixed} ({reason})",
            "{l}번째 줄의 {key} 뒤에 `:`이 없습니다. {fixed}처럼 쓰십시오 ({reason})";
            key = key, fixed = fixed
        ),
    })
}

/// A bracket or quote opened and not closed.
#[derive(Debug, PartialEq, Eq)]
pub struct Open {
    pub line: u32,
    pub column: u32,
    pub ch: char,
}

/// The first `[`, `{`, `"` or `'` left open at the end of `text` (comments and quoted text
/// skipped; a quote counts only where a value can start).
pub fn unclosed(text: &str) -> Option<Open> {
    let mut stack: Vec<Open> = Vec::new();
    let mut quote: Option<Open> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = n as u32 + 1;
        let mut prev = ' ';
        let mut chars = raw.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            let column = i as u32 + 1;
            if let Some(q) = &quote {
                if c == q.ch {
                    // `''` inside single quotes is an escaped quote.
                    if c == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                        chars.next();
                    } else {
                        quote = None;
                    }
                } else if c == '\\' && q.ch == '"' {
                    chars.next();
                }
                prev = c;
                continue;
            }
            let at_start = prev.is_whitespace() || matches!(prev, '[' | '{' | ',' | ':' | '-');
            match c {
                '#' if prev.is_whitespace() => break,
                '"' | '\'' if at_start => {
                    quote = Some(Open {
                        line,
                        column,
                        ch: c,
                    })
                }
                '[' | '{' => stack.push(Open {
                    line,
                    column,
                    ch: c,
                }),
                ']' | '}' => {
                    stack.pop();
                }
                _ => {}
            }
            prev = c;
        }
    }
    quote.or_else(|| stack.into_iter().next())
}

/// libyaml's (serde_yaml's) message in Korean.
/// libyaml's or serde's `reason` said in Korean (common reasons; a general sentence else).
pub fn korean(reason: &str) -> &'static str {
    const TABLE: [(&str, &str); 20] = [
        ("mapping values are not allowed", "이 자리에는 `키: 값`을 쓸 수 없습니다. 값 안에 콜론과 공백이 있으면 따옴표로 감싸고, 들여쓰기를 확인하십시오"),
        ("did not find expected key", "들여쓰기가 맞지 않아 키를 찾지 못했습니다"),
        ("did not find expected ',' or ']'", "`[` 목록이 닫히지 않았거나 항목 사이에 `,`가 없습니다"),
        ("did not find expected ',' or '}'", "`{` 묶음이 닫히지 않았거나 항목 사이에 `,`가 없습니다"),
        ("could not find expected ':'", "`키: 값`의 `:`가 없습니다"),
        ("block sequence entries are not allowed", "이 자리에는 `- ` 목록 항목을 쓸 수 없습니다. 들여쓰기를 확인하십시오"),
        ("cannot start any token", "탭이나 쓸 수 없는 글자가 있습니다. YAML은 공백으로만 들여씁니다"),
        ("found a tab character", "탭 문자가 있습니다. YAML은 공백으로만 들여씁니다"),
        ("cannot start any plain scalar", "값을 시작할 수 없는 글자가 있습니다. `@`, `` ` ``, `%`로 시작하는 값은 따옴표로 감싸십시오"),
        ("unexpected end of stream", "파일이 중간에 끝났습니다. 닫히지 않은 따옴표나 괄호가 있습니다"),
        ("duplicate", "같은 키가 두 번 있습니다"),
        ("unknown escape character", "큰따옴표 안의 `\\` 뒤에 쓸 수 없는 글자가 있습니다. 경로라면 작은따옴표로 감싸십시오"),
        ("did not find expected", "필요한 기호가 빠졌습니다. 괄호와 따옴표가 닫혔는지, 들여쓰기가 맞는지 확인하십시오"),
        ("nested too deep", "`[`와 `{`가 한꺼번에 너무 많이 열려 있습니다(너무 깊은 중첩). course는 더 깊이 읽지 않습니다"),
        // serde's reasons: the YAML is well formed, what it holds is not what is expected.
        ("unknown field", "이 자리에 쓸 수 없는 키가 있습니다. 철자를 확인하십시오"),
        ("missing field", "꼭 필요한 키가 빠졌습니다"),
        ("unknown variant", "이 자리에 쓸 수 없는 값입니다"),
        ("invalid type", "값의 종류가 맞지 않습니다"),
        ("invalid value", "값이 올바르지 않습니다"),
        ("invalid length", "항목 수가 맞지 않습니다"),
    ];
    TABLE
        .iter()
        .find(|(en, _)| reason.contains(en))
        .map_or("YAML 문법에 맞지 않습니다", |(_, ko)| ko)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn error(text: &str) -> Error {
        super::super::from_str_bounded::<serde_yaml::Value>(text).unwrap_err()
    }

    #[test]
    fn issue9_an_unclosed_bracket_is_named_on_its_own_line() {
        let text = "learning_rate: 0.001\nlayers: [64, 128\n";
        let e = explain(text, &error(text));
        assert_eq!((e.line, e.column), (2, 9));
        assert!(e.what.get(Lang::En).starts_with("`[` opened on line 2"));
        assert!(e
            .what
            .get(Lang::Ko)
            .starts_with("2번째 줄 9번째 칸에서 연 `[`를 `]`로 닫지 않았습니다 ("));
    }

    #[test]
    fn issue9_the_first_error_by_line_is_reported_first() {
        // A bad indent on line 6 and an unclosed `[` on line 8: line 6, as Python's yaml says.
        let text = "data_exploration:\n  choice: jupyter\n  reason: 그래프를 바로 본다\ntraining:\n  choice: script\n    reason: 오래 걸린다\nvisualization:\n  choice: [jupyter\n  reason: 바로 본다\n";
        let e = explain(text, &error(text));
        assert_eq!(e.line, 6, "{}", e.what.get(Lang::En));
        assert!(
            e.what
                .get(Lang::En)
                .starts_with("mapping values are not allowed"),
            "{}",
            e.what.get(Lang::En)
        );
        // Once line 6 is fixed, the `[` is named.
        let fixed = text.replace("    reason: 오래", "  reason: 오래");
        let e = explain(&fixed, &error(&fixed));
        assert_eq!((e.line, e.column), (8, 11), "{}", e.what.get(Lang::En));
        assert!(e.what.get(Lang::En).starts_with("`[` opened on line 8"));
    }

    #[test]
    fn issue9_a_key_without_its_colon_is_named_on_its_own_line() {
        let text = "data_exploration:\n  choice: jupyter\ntraining:\n  # 스크립트\n  choice script\n  reason: 며칠 동안 돌린다\n";
        let e = explain(text, &error(text));
        assert_eq!((e.line, e.column), (5, 3), "{}", e.what.get(Lang::En));
        assert!(e
            .what
            .get(Lang::En)
            .starts_with("line 5 has no `:` after `choice`; write `choice: script` ("));
        assert!(e.what.get(Lang::Ko).starts_with(
            "5번째 줄의 `choice` 뒤에 `:`이 없습니다. `choice: script`처럼 쓰십시오 ("
        ));
        // At the end of the file.
        let text = "a: 1\nb 2\n";
        let e = explain(text, &error(text));
        assert_eq!(e.line, 2, "{}", e.what.get(Lang::En));
        assert!(e.what.get(Lang::En).contains("write `b: 2`"));
        // A value with a colon of its own is not this mistake.
        let text = "a: b: c\n";
        assert!(explain(text, &error(text))
            .what
            .get(Lang::En)
            .starts_with("mapping values"));
    }

    #[test]
    fn issue9_a_copied_wrap_mark_is_named_as_one() {
        let text = "unit_tests:\n  choice: script\n  reason: pytest가 tests/ 폴더의 .py 파일을 찾아 자동으로\n  ↪     실행하기 때문이다\n";
        let e = explain(text, &error(text));
        assert_eq!((e.line, e.column), (4, 3), "{}", e.what.get(Lang::En));
        assert!(
            e.what.get(Lang::En).starts_with(
                "line 4 starts with `↪`: the mark a terminal shows where it wraps a long line"
            ),
            "{}",
            e.what.get(Lang::En)
        );
        assert!(
            e.what
                .get(Lang::Ko)
                .starts_with("4번째 줄이 `↪` 표시로 시작합니다. 터미널이 긴 줄을 접어 보일 때"),
            "{}",
            e.what.get(Lang::Ko)
        );
    }

    #[test]
    fn an_unclosed_quote_is_named() {
        let text = "a:\n  reason: \"그래프를 볼 수 있어서\n";
        let e = explain(text, &error(text));
        assert_eq!(e.line, 2);
        assert!(
            e.what.get(Lang::En).contains("`\"` opened on line 2"),
            "{}",
            e.what.get(Lang::En)
        );
    }

    #[test]
    fn closed_brackets_quotes_and_comments_are_not_open() {
        assert_eq!(
            unclosed("a: [1, 2]\nb: {c: \"[\"}  # [ x\nd: it's\ne: 'it''s'\n"),
            None
        );
    }

    #[test]
    fn other_errors_are_explained_in_korean_with_the_original() {
        let text = "a: b: c\n";
        let e = explain(text, &error(text));
        let ko = e.what.get(Lang::Ko);
        assert!(
            ko.starts_with("이 자리에는 `키: 값`")
                && ko.ends_with("(mapping values are not allowed in this context)"),
            "{ko}"
        );
        assert_eq!(
            e.what.get(Lang::En),
            "mapping values are not allowed in this context"
        );
    }
}
