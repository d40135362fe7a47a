//! Fenced and indented code blocks: a language label, `#` comments dimmed for shell-like
//! languages, and lines wider than the screen cut with a continuation mark, never overflowing.

use super::text::{sanitize, Line, Span, Style};
use super::wrap::{push_span, split_by_width};

/// Languages (and the empty label) where `#` starts a comment.
const HASH_COMMENTS: &[&str] = &[
    "",
    "sh",
    "bash",
    "shell",
    "zsh",
    "console",
    "shell-session",
    "fish",
    "python",
    "py",
    "python3",
    "pycon",
    "yaml",
    "yml",
    "toml",
    "text",
    "txt",
    "plain",
    "plaintext",
    "ini",
    "conf",
    "cfg",
    "requirements",
    "pip",
    "gitignore",
    "dockerfile",
    "makefile",
    "make",
    "cmake",
    "r",
    "ruby",
    "perl",
];

const INDENT: usize = 2;

/// Render one code block for a given width.
pub fn render(lang: &str, text: &str, width: usize, ascii: bool) -> Vec<Line> {
    let lang = lang.split([' ', ',', '{']).next().unwrap_or("").trim();
    let mut out: Vec<Line> = Vec::new();
    if !lang.is_empty() {
        let label = format!("[{lang}]");
        for l in split_by_width(&[Span::new(sanitize(&label), Style::dim())], width) {
            out.push(l);
        }
    }
    let hash = HASH_COMMENTS.contains(&lang.to_ascii_lowercase().as_str());
    let avail = width.saturating_sub(INDENT).max(2);
    let mark = if ascii { "> " } else { "↪ " };
    let code = Style::default();
    let text = text.strip_suffix('\n').unwrap_or(text);
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let line = sanitize(&expand_tabs(raw));
        let styled = highlight(&line, hash, code);
        if line.is_empty() {
            out.push(Vec::new());
            continue;
        }
        for (k, piece) in split_by_width(&styled, avail).into_iter().enumerate() {
            let mut l: Line = Vec::with_capacity(piece.len() + 1);
            if k == 0 {
                l.push(Span::plain(" ".repeat(INDENT)));
            } else {
                l.push(Span::new(mark, Style::dim()));
            }
            l.extend(piece);
            out.push(l);
        }
    }
    out
}

fn expand_tabs(s: &str) -> String {
    if !s.contains('\t') {
        return s.to_string();
    }
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        if c == '\t' {
            let n = 4 - col % 4;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(c);
            col += 1;
        }
    }
    out
}

/// Dim a `#` comment: `#` at the start of a line or after whitespace, outside quotes.
fn highlight(line: &str, hash: bool, base: Style) -> Line {
    let mut out: Line = Vec::new();
    if hash {
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        for (i, c) in line.char_indices() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                // an apostrophe inside a word (`don't`) is not a quote
                None if c == '"' || (c == '\'' && !prev.is_alphanumeric()) => quote = Some(c),
                None if c == '#' && prev.is_whitespace() => {
                    if i > 0 {
                        push_span(&mut out, &line[..i], base);
                    }
                    push_span(&mut out, &line[i..], Style::dim());
                    return out;
                }
                None => {}
            }
            prev = c;
        }
    }
    out.push(Span::new(line, base));
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::line_width;
    use super::*;

    #[test]
    fn comment_is_dimmed() {
        let l = highlight("pip install numpy   # 최신 버전", true, Style::default());
        assert_eq!(l[1], Span::new("# 최신 버전", Style::dim()));
        let l = highlight("echo \"# not\" x", true, Style::default());
        assert_eq!(l.len(), 1);
    }

    #[test]
    fn long_lines_wrap_with_mark() {
        let lines = render(
            "sh",
            "pip install numpy pandas torch torchvision transformers # 설치\n",
            20,
            false,
        );
        assert_eq!(lines[0][0].text, "[sh]");
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(line_width(l) <= 20);
        }
        assert_eq!(lines[2][0].text, "↪ ");
    }
}
