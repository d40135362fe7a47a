//! Code spans in program messages shown as code: on a terminal with colour, `` `numpy>=` ``
//! becomes `numpy>=` in the lessons' code colour with the backticks gone; without colour
//! (piped, `NO_COLOR`, `--color never`) the backticks stay, since they are then the only
//! mark (issue 9: "code shown as code on a terminal, with backticks when plain").
//!
//! Spans follow CommonMark's rule: a run of N backticks opens, the next run of exactly N
//! closes, one space just inside both ends is dropped (`` `` `a` `` `` holds `` `a` ``). A run
//! with no closing run stays as text. A span may cross a line end (the text is wrapped
//! before it is painted): each line's piece is painted on its own, so every line ends with
//! its colour reset and indentation stays unpainted.

use super::Style;

/// `text` with each code span painted as code and its backticks dropped, after which the
/// `outer` style (the line's own, e.g. bold for the next-step line) is taken up again.
/// `color` false: `text` unchanged.
pub fn code_spans(text: &str, color: bool, outer: Option<Style>) -> String {
    if !color || !text.contains('`') {
        return text.to_string();
    }
    let resume = outer.map_or(String::new(), |s| format!("\x1b[{}m", s.sgr()));
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        out.push_str(&rest[..open]);
        let run = rest[open..].len() - rest[open..].trim_start_matches('`').len();
        let after = &rest[open + run..];
        match closing(after, run) {
            Some(end) => {
                let content = strip_one_space(&after[..end]);
                // A span that starts or ends with a space (`: `, `- `) keeps its backticks:
                // without them its space looks like one before the particle after it
                // (`: `이나 shown as ": 이나", issue 9), and the space is what it shows.
                let shown = if content.starts_with(' ') || content.ends_with(' ') {
                    &rest[open..open + run + end + run]
                } else {
                    content
                };
                paint_span(shown, &resume, &mut out);
                rest = &after[end + run..];
            }
            None => {
                out.push_str(&rest[open..open + run]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the next run of exactly `run` backticks starts in `text`.
fn closing(text: &str, run: usize) -> Option<usize> {
    let mut i = 0;
    while let Some(k) = text[i..].find('`') {
        let start = i + k;
        let n = text[start..].len() - text[start..].trim_start_matches('`').len();
        if n == run {
            return Some(start);
        }
        i = start + n;
    }
    None
}

/// CommonMark drops one space at each end when both are there and the span is not all
/// spaces (that space lets a span start or end with a backtick).
fn strip_one_space(s: &str) -> &str {
    match s.strip_prefix(' ').and_then(|t| t.strip_suffix(' ')) {
        Some(inner) if !inner.trim().is_empty() => inner,
        _ => s,
    }
}

fn paint_span(content: &str, resume: &str, out: &mut String) {
    for (i, piece) in content.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let indent = piece.len() - piece.trim_start_matches(' ').len();
        let (lead, code) = piece.split_at(if i > 0 { indent } else { 0 });
        out.push_str(lead);
        if !code.is_empty() {
            out.push_str(&format!("\x1b[{}m{code}\x1b[0m{resume}", Style::Code.sgr()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str = "\x1b[36m";
    const RESET: &str = "\x1b[0m";

    #[test]
    fn spans_lose_their_backticks_only_in_colour() {
        let text = "`numpy>=`: `>=` 뒤에 버전이 없습니다";
        assert_eq!(code_spans(text, false, None), text);
        assert_eq!(
            code_spans(text, true, None),
            format!("{CODE}numpy>={RESET}: {CODE}>={RESET} 뒤에 버전이 없습니다")
        );
    }

    #[test]
    fn a_span_with_a_space_at_an_edge_keeps_its_backticks() {
        // Else `: `이나 reads ": 이나", a space before the particle.
        let text = "`: `이나 `#`이 들어간 값, `- ` 목록 항목, `  /data/`";
        assert_eq!(
            code_spans(text, true, None),
            format!(
                "{CODE}`: `{RESET}이나 {CODE}#{RESET}이 들어간 값, {CODE}`- `{RESET} 목록 항목, {CODE}`  /data/`{RESET}"
            )
        );
        // One space inside both ends is CommonMark's padding, not content.
        assert_eq!(
            code_spans("`` `x` ``를", true, None),
            format!("{CODE}`x`{RESET}를")
        );
    }

    #[test]
    fn double_fences_hold_backticks_and_unclosed_runs_stay() {
        assert_eq!(
            code_spans("a `` `x` `` b", true, None),
            format!("a {CODE}`x`{RESET} b")
        );
        assert_eq!(code_spans("it`s open", true, None), "it`s open");
        assert_eq!(code_spans("``", true, None), "``");
    }

    #[test]
    fn a_span_across_a_line_end_is_painted_per_line_and_the_outer_style_resumes() {
        let text = "다음: `course check\n  requirements`를 실행하십시오";
        let out = code_spans(text, true, Some(Style::Bold));
        assert_eq!(
            out,
            format!(
                "다음: {CODE}course check{RESET}\x1b[1m\n  {CODE}requirements{RESET}\x1b[1m를 실행하십시오"
            )
        );
        let plain = crate::render::strip_ansi(&out);
        assert_eq!(plain, "다음: course check\n  requirements를 실행하십시오");
    }
}
