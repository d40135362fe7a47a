//! Word wrapping of styled spans by display width.
//!
//! Lines break only at ASCII spaces, so a Korean word (`독립된`) is never split (CSS
//! `word-break: keep-all`). A single token wider than the line is split by display width.
//! `\n` in span text is a hard break.
//!
//! A code span is one word: its spaces never break a line, so a command in a sentence
//! (`` `course hint requirements` ``) moves whole to the next line (issue 9). Code is a span
//! whose style says so ([`Style::code`]: lessons' inline code, a link's shown target such as
//! `course lesson pip`, messages' code painted in colour)
//! or, in plain text, the text between a pair of backtick runs of the same length on one line.
//! Only a code span wider than the whole line breaks: a shell command at its spaces outside
//! quotes with ` \` at the end of each line but the last, as code blocks do (pasted, the lines
//! run as the one command); other code at its spaces as prose.

use super::shell::{command_dialect, Dialect};
use super::text::{char_width, width, Line, Span, Style};

/// A word: the styled pieces between two spaces that break.
#[derive(Default)]
struct Word {
    pieces: Vec<Span>,
    width: usize,
    /// It holds spaces that do not break (it is, or holds, a code span).
    code: bool,
}

/// Lines being filled.
struct Filler {
    width: usize,
    lines: Vec<Line>,
    line: Line,
    line_w: usize,
}

/// What the wrapper reads from spans: words, each after the space that breaks before it
/// (that space's style), and hard breaks.
enum Token {
    Word(Word, Option<Style>),
    Break,
}

/// Wrap `spans` into lines at most `width` columns wide (`width` is at least 2 in practice;
/// a character wider than the line still gets a line of its own).
pub fn wrap(spans: &[Span], width: usize) -> Vec<Line> {
    let mut fill = Filler {
        width: width.max(1),
        lines: Vec::new(),
        line: Vec::new(),
        line_w: 0,
    };
    tokens(spans, |token| match token {
        Token::Word(word, space) => fill.place(word, space),
        Token::Break => fill.break_line(),
    });
    if !fill.line.is_empty() || fill.lines.is_empty() {
        fill.lines.push(fill.line);
    }
    fill.lines
}

/// Display width of the widest word of `spans` (a code span or a link's target counts whole):
/// the narrowest a column can be without splitting one (tables).
pub fn widest_word(spans: &[Span]) -> usize {
    let mut widest = 0;
    tokens(spans, |token| {
        if let Token::Word(word, _) = token {
            widest = widest.max(word.width);
        }
    });
    widest
}

/// `spans` cut into words at the spaces that break and at `\n`, in order.
fn tokens(spans: &[Span], mut f: impl FnMut(Token)) {
    let kept = kept_spaces(spans);
    let mut word = Word::default();
    // Style of the space before the current word, if any.
    let mut space: Option<Style> = None;
    let mut offset = 0;
    for span in spans {
        let mut start = 0;
        for (i, c) in span.text.char_indices() {
            let breaks = c == '\n' || (c == ' ' && !kept.contains(&(offset + i)));
            if !breaks {
                continue;
            }
            word.push(&span.text[start..i], span.style);
            start = i + 1;
            f(Token::Word(std::mem::take(&mut word), space.take()));
            if c == '\n' {
                f(Token::Break);
            } else {
                space = Some(span.style);
            }
        }
        word.push(&span.text[start..], span.style);
        offset += span.text.len();
    }
    f(Token::Word(word, space));
}

impl Word {
    fn push(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        self.width += width(text);
        self.code |= text.contains(' ');
        self.pieces.push(Span::new(text, style));
    }

    fn plain(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

impl Filler {
    fn break_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
        self.line_w = 0;
    }

    fn append(&mut self, pieces: Vec<Span>, w: usize) {
        for p in pieces {
            push_span(&mut self.line, &p.text, p.style);
        }
        self.line_w += w;
    }

    /// Put a word after the space before it (`space`: that space's style), on this line when
    /// it fits, else on the next.
    fn place(&mut self, word: Word, space: Option<Style>) {
        if word.pieces.is_empty() {
            return;
        }
        if !self.line.is_empty() && self.line_w + 1 + word.width <= self.width {
            push_span(&mut self.line, " ", space.unwrap_or_default());
            self.line_w += 1;
        } else if !self.line.is_empty() {
            self.break_line();
        }
        if self.line_w + word.width <= self.width {
            self.append(word.pieces, word.width);
        } else if word.code {
            self.place_code(word);
        } else {
            self.split_by_width(word.pieces);
        }
    }

    /// A code span wider than a whole line, on lines of its own: broken at its spaces (for a
    /// shell command only outside quotes, each line but the last ending in ` \`).
    fn place_code(&mut self, word: Word) {
        let text = word.plain();
        let dialect = command_dialect(text.trim_start_matches('`'));
        let cont = match dialect {
            Some(Dialect::Posix) => " \\",
            _ => "",
        };
        let parts = split_code(word, dialect.is_some());
        let last = parts.len() - 1;
        for (i, part) in parts.into_iter().enumerate() {
            let tail = if i < last { width(cont) } else { 0 };
            if !self.line.is_empty() && self.line_w + 1 + part.width + tail > self.width {
                let style = self.line.last().map(|s| s.style).unwrap_or_default();
                push_span(&mut self.line, cont, style);
                self.break_line();
            } else if !self.line.is_empty() {
                let style = part.pieces[0].style;
                push_span(&mut self.line, " ", style);
                self.line_w += 1;
            }
            if self.line_w + part.width + tail <= self.width {
                self.append(part.pieces, part.width);
            } else {
                // A part wider than a line: its lines leave room for the ` \` that follows
                // it (a proptest found `| >.venv/bin/activat \` 22 columns wide at 20).
                self.split_within(part.pieces, self.width.saturating_sub(tail).max(1));
            }
        }
    }

    /// Pieces too long for any line: split by display width.
    fn split_by_width(&mut self, pieces: Vec<Span>) {
        self.split_within(pieces, self.width);
    }

    /// Pieces split by display width into lines at most `limit` wide.
    fn split_within(&mut self, pieces: Vec<Span>, limit: usize) {
        for p in pieces {
            for c in p.text.chars() {
                let cw = char_width(c);
                if self.line_w + cw > limit && !self.line.is_empty() {
                    self.break_line();
                }
                let mut buf = [0u8; 4];
                push_span(&mut self.line, c.encode_utf8(&mut buf), p.style);
                self.line_w += cw;
            }
        }
    }
}

/// A code word cut at its spaces (for a `command`, only those outside quotes), the spaces
/// dropped.
fn split_code(word: Word, command: bool) -> Vec<Word> {
    let mut parts = vec![Word::default()];
    let mut quote: Option<char> = None;
    for p in word.pieces {
        let mut start = 0;
        for (i, c) in p.text.char_indices() {
            match (quote, c) {
                (None, '\'' | '"') if command => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, ' ') => {
                    parts
                        .last_mut()
                        .expect("one part")
                        .push(&p.text[start..i], p.style);
                    start = i + 1;
                    parts.push(Word::default());
                }
                _ => {}
            }
        }
        parts
            .last_mut()
            .expect("one part")
            .push(&p.text[start..], p.style);
    }
    parts.retain(|w| !w.pieces.is_empty());
    parts
}

/// Byte offsets (in the spans' text joined) of the spaces that do not break: those in a span
/// styled as code, and those between a pair of backtick runs on one line.
fn kept_spaces(spans: &[Span]) -> std::collections::HashSet<usize> {
    let mut kept = std::collections::HashSet::new();
    let mut joined = String::new();
    for span in spans {
        if span.style.code {
            kept.extend(span.text.match_indices(' ').map(|(i, _)| joined.len() + i));
        }
        joined.push_str(&span.text);
    }
    if !joined.contains('`') {
        return kept;
    }
    let mut line_start = 0;
    for line in joined.split('\n') {
        for (from, to) in backtick_spans(line) {
            kept.extend(
                line[from..to]
                    .match_indices(' ')
                    .map(|(i, _)| line_start + from + i),
            );
        }
        line_start += line.len() + 1;
    }
    kept
}

/// Byte ranges of the code spans of one line, backticks included: a run of N backticks up to
/// the next run of exactly N (CommonMark's rule); a run without its closing run is text.
pub fn backtick_spans(line: &str) -> Vec<(usize, usize)> {
    let run_at = |i: usize| line[i..].len() - line[i..].trim_start_matches('`').len();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = line[i..].find('`') {
        let open = i + k;
        let n = run_at(open);
        let mut j = open + n;
        let mut close = None;
        while let Some(k) = line[j..].find('`') {
            let m = run_at(j + k);
            if m == n {
                close = Some(j + k);
                break;
            }
            j += k + m;
        }
        match close {
            Some(c) => {
                out.push((open, c + n));
                i = c + n;
            }
            None => i = open + n,
        }
    }
    out
}

/// Append text to a line, merging with the last span when the style is the same.
pub fn push_span(line: &mut Line, text: &str, style: Style) {
    if let Some(last) = line.last_mut() {
        if last.style == style {
            last.text.push_str(text);
            return;
        }
    }
    line.push(Span::new(text, style));
}

/// Cut one styled line into pieces of at most `width` columns, by display width (for code).
pub fn split_by_width(line: &[Span], width: usize) -> Vec<Line> {
    let width = width.max(1);
    let mut out: Vec<Line> = Vec::new();
    let mut cur: Line = Vec::new();
    let mut w = 0;
    for span in line {
        for c in span.text.chars() {
            let cw = char_width(c);
            if w + cw > width && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
                w = 0;
            }
            let mut buf = [0u8; 4];
            push_span(&mut cur, c.encode_utf8(&mut buf), span.style);
            w += cw;
        }
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::{line_width, plain_lines as text};
    use super::*;

    #[test]
    fn korean_words_stay_whole() {
        let s = "프로젝트마다 독립된 Python 환경을 만드는 것. 왜 필요한가?";
        for w in 12..40 {
            let lines = wrap(&[Span::plain(s)], w);
            for l in &lines {
                assert!(line_width(l) <= w, "{w}: {:?}", text(&lines));
            }
            let joined = text(&lines).join(" ");
            for word in s.split(' ') {
                assert!(joined.split(' ').any(|x| x == word), "{w}: {word} split");
            }
        }
    }

    #[test]
    fn long_token_is_split_by_width() {
        let lines = wrap(&[Span::plain("가나다라마바사아자차")], 7);
        assert_eq!(text(&lines), ["가나다", "라마바", "사아자", "차"]);
    }

    #[test]
    fn styles_survive_wrapping_and_attached_suffix_stays_in_word() {
        let spans = [
            Span::plain("아주 긴 문장에서 "),
            Span::new("환경 설정", Style::bold()),
            Span::plain("을 쓴다"),
        ];
        let lines = wrap(&spans, 12);
        assert_eq!(text(&lines), ["아주 긴", "문장에서", "환경 설정을", "쓴다"]);
        assert_eq!(lines[2][0], Span::new("환경 설정", Style::bold()));
    }

    #[test]
    fn hard_break() {
        let lines = wrap(&[Span::plain("하나\n둘")], 40);
        assert_eq!(text(&lines), ["하나", "둘"]);
    }

    #[test]
    fn issue9_a_code_span_moves_whole_to_the_next_line() {
        let s = "다음: `requirements`를 고친 뒤 `course check requirements`를 실행하십시오 (막히면 `course hint requirements`)";
        for w in 34..100 {
            let lines = text(&wrap(&[Span::plain(s)], w));
            for cmd in ["`course check requirements`", "`course hint requirements`"] {
                assert!(
                    lines.iter().any(|l| l.contains(cmd)),
                    "{w}: {cmd} split in {lines:?}"
                );
            }
            assert!(lines.iter().all(|l| width(l) <= w), "{w}: {lines:?}");
        }
        // Code styled as code (a lesson's inline code, a message painted in colour) too.
        let code = Style {
            code: true,
            ..Style::default()
        };
        let spans = [
            Span::plain("끝나면 "),
            Span::new("course check structure", code),
            Span::plain("를 실행"),
        ];
        assert_eq!(
            text(&wrap(&spans, 24)),
            ["끝나면", "course check structure를", "실행"]
        );
        // A lone backtick (PowerShell's line continuation) is text, its spaces break.
        assert_eq!(
            text(&wrap(
                &[Span::plain("Set-ExecutionPolicy -Scope CurrentUser `")],
                24
            )),
            ["Set-ExecutionPolicy", "-Scope CurrentUser `"]
        );
    }

    #[test]
    fn issue9_a_command_wider_than_the_line_breaks_the_shell_way() {
        let s = "실행: `git commit -m \"첫 커밋 메시지\" --author x`로 기록";
        let lines = text(&wrap(&[Span::plain(s)], 22));
        assert_eq!(
            lines,
            [
                "실행:",
                "`git commit -m \\",
                "\"첫 커밋 메시지\" \\",
                "--author x`로 기록"
            ]
        );
        // Not a command: its spaces break as prose.
        let lines = text(&wrap(
            &[Span::plain("값 `a b c d e f g h i j k l m n`")],
            10,
        ));
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert!(!lines.concat().contains('\\'), "{lines:?}");
    }

    #[test]
    fn split_code_line() {
        let lines = split_by_width(&[Span::plain("abcdef한")], 3);
        assert_eq!(text(&lines), ["abc", "def", "한"]);
    }
}
