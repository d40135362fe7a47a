//! The one wrapping writer for what `course` prints for people outside the lesson renderer:
//! messages, notes, footers, prompts, status lines. Every such text passes through [`fit`]
//! on its way out ([`super::Term::say`], [`super::Term::note`], [`super::Term::show`]), so no
//! line is wider than the width and a Korean word is never split across lines.
//!
//! Lines that already fit are left byte for byte as they are (rendered lessons, tables,
//! aligned lists). A longer line is parsed back into styled spans (messages are painted
//! before they are printed), wrapped by the lesson renderer's own rules
//! ([`crate::render::wrap_spans`]: breaks only at spaces, a token wider than the line is cut
//! by display width) and painted again. Its continuation lines hang under the text after the
//! line's indentation and list marker (`  x `, `- `, `3) `), so a wrapped finding still reads
//! as one item.

use crate::render::text::{
    line_width, parse_painted, plain_text, strip_ansi, width, Painter, Span,
};
use crate::render::wrap_spans;

/// The hanging indentation is dropped when less than this would remain for the text.
const MIN_ROOM: usize = 20;

/// `text` with every line at most `width` display columns wide (Hangul counts two, escape
/// codes none). Line ends are kept as they are; only over-long lines change.
pub fn fit(text: &str, width: usize) -> String {
    let width = width.max(1);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for piece in text.split_inclusive('\n') {
        let (line, end) = match piece.strip_suffix('\n') {
            Some(line) => (line, "\n"),
            None => (piece, ""),
        };
        fit_line(line, width, &mut out);
        out.push_str(end);
    }
    out
}

/// A one-row list of keys (`↑↓ move · Enter open · q quit`) for `width` columns: when it is
/// too wide, items before the last are dropped from the end (the last, the way out, always
/// stays), and only then is the line cut.
pub fn fit_keys(keys: &str, width: usize) -> String {
    let mut items: Vec<&str> = keys.split(" · ").collect();
    while visible_width(&items.join(" · ")) > width && items.len() > 2 {
        items.remove(items.len() - 2);
    }
    let line = items.join(" · ");
    if visible_width(&line) <= width {
        return line;
    }
    line.chars()
        .scan(0, |w, c| {
            *w += crate::render::text::char_width(c);
            (*w <= width).then_some(c)
        })
        .collect()
}

/// Display width of a line that may hold escape codes.
pub fn visible_width(line: &str) -> usize {
    if line.contains('\x1b') {
        width(&strip_ansi(line))
    } else {
        width(line)
    }
}

fn fit_line(line: &str, width: usize, out: &mut String) {
    if visible_width(line) <= width || one_word_to_copy(&strip_ansi(line)) {
        out.push_str(line);
        return;
    }
    // Escapes that are not styles (a screen clear before a status) come first, unchanged.
    let painted = parse_painted(line);
    out.push_str(&painted.other);
    let spans = painted.spans;
    let plain = plain_text(&spans);
    let mut lead = hanging(&plain);
    if width.saturating_sub(lead) < MIN_ROOM {
        lead = 0;
    }
    let (first, rest) = split_spans(&spans, lead);
    // Styles and links were in the line already; painting them again adds nothing new.
    let painter = Painter {
        color: true,
        hyperlinks: true,
        links: &painted.links,
    };
    let mut last_width = 0;
    for (i, mut wrapped) in wrap_spans(&rest, width - lead).into_iter().enumerate() {
        let mut full = if i == 0 {
            first.clone()
        } else {
            out.push('\n');
            vec![Span::plain(" ".repeat(lead))]
        };
        full.append(&mut wrapped);
        last_width = line_width(&full);
        painter.paint(&full, out);
    }
    // A prompt (`Choice: `) keeps the space the answer is typed after.
    if plain.ends_with(' ') && last_width < width {
        out.push(' ');
    }
}

/// An indented line that is one word of code (a long path in a command, a URL), perhaps
/// followed by a shell's line continuation: cut in two, it would no longer work when copied.
/// It is left whole, wider than the width; the terminal's own soft wrap keeps it one line
/// when it is copied.
fn one_word_to_copy(plain: &str) -> bool {
    let word = plain.trim_start_matches(' ');
    let word = word
        .strip_suffix(" \\")
        .or_else(|| word.strip_suffix(" `"))
        .unwrap_or(word);
    word.len() < plain.len() && !word.is_empty() && word.chars().all(|c| c.is_ascii_graphic())
}

/// Columns of a line's indentation and list marker: the column its continuation lines start
/// at (prose without a marker wraps flush with its first line). Markers: `-`, `*`, `+`, `•`,
/// `x` (a failed finding), `→` or `->` (a fix) or a number with `.` or `)`, each followed by a
/// space. Only ASCII spaces and one-column markers, so columns = characters.
pub fn hanging(plain: &str) -> usize {
    let spaces = plain.len() - plain.trim_start_matches(' ').len();
    let rest = &plain[spaces..];
    let bullet = ["- ", "* ", "+ ", "• ", "x ", "→ ", "-> "]
        .iter()
        .find(|m| rest.starts_with(**m))
        .map(|m| m.chars().count());
    let numbered = || {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let after = &rest[digits..];
        (digits > 0 && (after.starts_with(". ") || after.starts_with(") "))).then_some(digits + 2)
    };
    spaces + bullet.or_else(numbered).unwrap_or(0)
}

/// The spans cut after `chars` characters: (before, after).
fn split_spans(spans: &[Span], chars: usize) -> (Vec<Span>, Vec<Span>) {
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut left = chars;
    for span in spans {
        let n = span.text.chars().count();
        if left >= n {
            before.push(span.clone());
            left -= n;
        } else if left == 0 {
            after.push(span.clone());
        } else {
            let cut = span
                .text
                .char_indices()
                .nth(left)
                .map_or(span.text.len(), |(i, _)| i);
            before.push(Span::new(&span.text[..cut], span.style));
            after.push(Span::new(&span.text[cut..], span.style));
            left = 0;
        }
    }
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(text: &str) -> Vec<usize> {
        text.lines().map(visible_width).collect()
    }

    #[test]
    fn a_line_that_fits_is_left_alone() {
        let s = "  \x1b[32mpass\x1b[0m  제목   \x1b[2mid\x1b[0m\n\n";
        assert_eq!(fit(s, 40), s);
    }

    #[test]
    fn korean_message_wraps_at_spaces_under_its_marker() {
        let s = "  x 작업 폴더 밖의 환경은 `course grade`가 제출물 안만 보므로 보지 못합니다";
        let out = fit(s, 30);
        assert!(widths(&out).iter().all(|w| *w <= 30), "{out}");
        assert_eq!(
            out.lines().collect::<Vec<_>>(),
            [
                "  x 작업 폴더 밖의 환경은",
                "    `course grade`가 제출물",
                "    안만 보므로 보지 못합니다"
            ]
        );
    }

    #[test]
    fn styles_survive_and_close_on_every_line() {
        let s = "\x1b[2J\x1b[H\x1b[1m다 했으면: course check structure   (막히면: course hint structure)\x1b[0m\n";
        let out = fit(s, 40);
        assert!(out.starts_with("\x1b[2J\x1b[H\x1b[1m다 했으면:"), "{out:?}");
        for line in out.lines() {
            assert!(visible_width(line) <= 40, "{line:?}");
            assert!(line.ends_with("\x1b[0m"), "{line:?}");
        }
        assert!(out.ends_with('\n'));
        assert_eq!(
            strip_ansi(&out).split_whitespace().collect::<Vec<_>>(),
            strip_ansi(s).split_whitespace().collect::<Vec<_>>(),
            "nothing lost"
        );
    }

    #[test]
    fn issue9_a_command_painted_as_code_moves_whole() {
        let term = super::super::Term {
            color: true,
            ..super::super::Term::plain(60)
        };
        let s = term.code(
            "Next: fix `requirements`, then run `course check requirements` (stuck? `course hint requirements`)",
        );
        for w in 30..90 {
            let out = strip_ansi(&fit(&s, w));
            assert!(widths(&out).iter().all(|x| *x <= w), "{w}: {out}");
            for cmd in ["course check requirements", "course hint requirements"] {
                assert!(
                    out.lines().any(|l| l.contains(cmd)),
                    "{w}: {cmd} split in\n{out}"
                );
            }
        }
    }

    #[test]
    fn a_long_prompt_keeps_the_space_before_the_answer() {
        let out = fit(
            "이유는? (10자 이상, Enter: \"주피터가 탐색에 알맞다\" 유지): ",
            30,
        );
        assert!(out.ends_with("유지): "), "{out:?}");
        assert!(widths(&out).iter().all(|w| *w <= 30), "{out}");
    }

    #[test]
    fn a_wrapped_link_stays_a_link_on_each_line() {
        let link = "\x1b]8;;file:///w/requirements.txt\x1b\\requirements.txt\x1b]8;;\x1b\\";
        let out = fit(
            &format!("    {link}:4: 버전 지정자 뒤에 버전이 없습니다 그러니 고치세요"),
            30,
        );
        assert!(widths(&out).iter().all(|w| *w <= 30), "{out}");
        let first = out.lines().next().unwrap();
        assert!(first.starts_with(&format!("    {link}:4:")), "{out:?}");
    }

    #[test]
    fn keys_drop_from_the_middle_and_quit_stays() {
        let keys = "↑↓/jk 이동 · Enter 열기 · c 확인 · h 힌트 · e 편집 · / 검색 · q 끝내기";
        assert_eq!(fit_keys(keys, 100), keys);
        let at60 = fit_keys(keys, 60);
        assert!(visible_width(&at60) <= 60, "{at60}");
        assert!(at60.ends_with("q 끝내기"), "{at60}");
        assert!(at60.starts_with("↑↓/jk 이동 · Enter 열기"), "{at60}");
        assert_eq!(fit_keys("a · b · q quit", 6), "a · q ", "then cut");
    }

    #[test]
    fn numbered_and_bulleted_lines_hang() {
        assert_eq!(hanging("  3) numpy"), 5);
        assert_eq!(hanging("    - `x.py`: 없음"), 6);
        assert_eq!(hanging("plain text"), 0);
        assert_eq!(hanging("12. twelve"), 4);
        assert_eq!(hanging("x"), 0);
        assert_eq!(hanging("  → 고치십시오"), 4);
        assert_eq!(hanging("  -> fix it"), 5);
    }

    #[test]
    fn a_command_word_wider_than_the_line_is_left_whole() {
        let path =
            "          environments/vla-project-python-3-with-the-cuda-runtime/bin/python \\";
        assert_eq!(fit(path, 60), path);
        let url = "    https://download.pytorch.org/whl/cu128/torch-2.10.0-cp312-linux_x86_64.whl";
        assert_eq!(fit(url, 40), url);
        // Prose is still wrapped, and a Korean word is not code to copy.
        assert_ne!(
            fit("    가나다라마바사아자차카타파하가나다라마바사", 20),
            "    가나다라마바사아자차카타파하가나다라마바사"
        );
    }

    #[test]
    fn a_token_wider_than_the_line_is_cut_not_lost() {
        let path = "/very/long/path/".repeat(6);
        let out = fit(&format!("파일: {path}"), 24);
        assert!(widths(&out).iter().all(|w| *w <= 24), "{out}");
        assert_eq!(out.replace(['\n', ' '], ""), format!("파일:{path}"));
    }
}
