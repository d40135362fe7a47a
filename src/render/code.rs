//! Fenced and indented code blocks: a language label, `#` comments dimmed for shell-like
//! languages, and lines wider than the screen cut with a continuation mark, never overflowing.

use super::shell::{self, Dialect};
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
///
/// A line wider than the width breaks at a space, never inside a word. In a shell block
/// (`bash`, `sh`, `zsh`, `console`, `powershell`, ...) a command breaks the way the shell
/// continues a line ([`super::shell`]), so pasting the lines runs the same command; in other
/// code the continuation lines start with `↪ ` (`> ` in ASCII) and are indented under the
/// line's own indentation. Only a word wider than the whole line is cut, marked the same way.
pub fn render(lang: &str, text: &str, width: usize, ascii: bool) -> Vec<Line> {
    let lang = lang.split([' ', ',', '{']).next().unwrap_or("").trim();
    let mut out: Vec<Line> = Vec::new();
    if !lang.is_empty() {
        let label = format!("[{lang}]");
        for l in split_by_width(&[Span::new(sanitize(&label), Style::dim())], width) {
            out.push(l);
        }
    }
    let lower = lang.to_ascii_lowercase();
    let hash = HASH_COMMENTS.contains(&lower.as_str());
    let dialect = Dialect::of(&lower);
    let console = matches!(lower.as_str(), "console" | "shell-session");
    let avail = width.saturating_sub(INDENT).max(2);
    let mark = if ascii { "> " } else { "↪ " };
    let text = text.strip_suffix('\n').unwrap_or(text);
    let mut quote = None;
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let line = sanitize(&expand_tabs(raw));
        if line.is_empty() {
            out.push(Vec::new());
            continue;
        }
        let lines = match dialect {
            Some(d) if !console => command_lines(&line, "", d, avail, &mut quote),
            Some(d) => match prompt(&line) {
                Some(p) => command_lines(&line[p.len()..], p, d, avail, &mut quote),
                None => word_wrap(&line, hash, avail),
            },
            None => word_wrap(&line, hash, avail),
        };
        // Shell continuation lines and comment lines are code of their own and carry no
        // mark; other code's continuations, and a piece cut by width (a word wider than the
        // line), do.
        for (l, marked) in &lines {
            for (j, piece) in split_by_width(l, avail).into_iter().enumerate() {
                let mut l: Line = Vec::with_capacity(piece.len() + 1);
                if j == 0 && !marked {
                    l.push(Span::plain(" ".repeat(INDENT)));
                } else {
                    l.push(Span::new(mark, Style::dim()));
                }
                l.extend(piece);
                out.push(l);
            }
        }
    }
    out
}

/// The prompt of a `console` line that is a command (`$ `, `% `, `(myenv) $ `, `PS C:\> `).
fn prompt(line: &str) -> Option<&str> {
    let after_env = match line.strip_prefix('(') {
        Some(rest) => {
            let close = rest.find(") ")?;
            &rest[close + 2..]
        }
        None => line,
    };
    let end = if after_env.starts_with("$ ") || after_env.starts_with("% ") {
        2
    } else if after_env.starts_with("PS ") {
        after_env.find("> ")? + 2
    } else {
        return None;
    };
    Some(&line[..line.len() - after_env.len() + end])
}

/// A shell command's lines (after `prompt` on the first), continued so that they paste as
/// the same command.
fn command_lines(
    cmd: &str,
    prompt: &str,
    dialect: Dialect,
    avail: usize,
    quote: &mut Option<char>,
) -> Vec<(Line, bool)> {
    let pw = super::text::width(prompt);
    let room = avail.saturating_sub(pw).max(2);
    pieces_to_lines(shell::wrap(cmd, room, 2, dialect, quote), prompt)
}

/// Pieces as lines, the first after `prompt`, the others indented under it.
fn pieces_to_lines(pieces: Vec<shell::Piece>, prompt: &str) -> Vec<(Line, bool)> {
    let pw = super::text::width(prompt);
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let mut l: Line = Vec::new();
            let lead = if i == 0 {
                prompt.to_string()
            } else {
                " ".repeat(pw + p.indent)
            };
            if !lead.is_empty() || !p.code.is_empty() {
                push_span(&mut l, &format!("{lead}{}", p.code), Style::default());
            }
            let comment = p.comment.trim_start_matches(' ');
            let gap = &p.comment[..p.comment.len() - comment.len()];
            if !gap.is_empty() {
                push_span(&mut l, gap, Style::default());
            }
            if !comment.is_empty() {
                push_span(&mut l, comment, Style::dim());
            }
            (l, false)
        })
        .collect()
}

/// Other code: broken at runs of spaces (never inside a word); continuation lines are
/// indented by the line's own indentation plus two.
fn word_wrap(line: &str, hash: bool, avail: usize) -> Vec<(Line, bool)> {
    if super::text::width(line) <= avail {
        return vec![(highlight(line, hash, Style::default()), false)];
    }
    let lead = line.len() - line.trim_start_matches(' ').len();
    let mut indent = lead + 2;
    if avail.saturating_sub(indent) < avail / 2 {
        indent = 0;
    }
    let comment_at = comment_start(line, hash).unwrap_or(line.len());
    let code = line[..comment_at].trim_end();
    if comment_at < line.len() && super::text::width(code) <= avail {
        let code = if code.is_empty() { &line[..lead] } else { code };
        let gap = &line[code.len()..comment_at];
        let pieces = shell::with_comment(code, gap, &line[comment_at..], avail, 2);
        return pieces_to_lines(pieces, "");
    }
    let mut out = Vec::new();
    let mut start = 0;
    let breaks = space_runs(line);
    loop {
        let ind = if out.is_empty() { 0 } else { indent };
        let rest = &line[start..];
        if ind + super::text::width(rest) <= avail {
            out.push((
                styled_range(line, start, line.len(), ind, comment_at),
                !out.is_empty(),
            ));
            break;
        }
        let mut after = breaks
            .iter()
            .filter(|&&(b, _)| b > start.max(lead))
            .peekable();
        let first = after.peek().copied();
        let fitting = after
            .take_while(|&&(b, _)| ind + super::text::width(&line[start..b]) <= avail)
            .last();
        match fitting.or(first) {
            Some(&(b, e)) => {
                out.push((
                    styled_range(line, start, b, ind, comment_at),
                    !out.is_empty(),
                ));
                start = e;
            }
            None => {
                out.push((
                    styled_range(line, start, line.len(), ind, comment_at),
                    !out.is_empty(),
                ));
                break;
            }
        }
    }
    out
}

/// Byte ranges of the runs of spaces inside `line` (not at its start or end).
fn space_runs(line: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in line.char_indices() {
        match (c == ' ', run) {
            (true, None) => run = Some(i),
            (false, Some(b)) => {
                if b > 0 {
                    runs.push((b, i));
                }
                run = None;
            }
            _ => {}
        }
    }
    runs
}

/// `line[a..b]` after `indent` spaces, dimmed from `comment_at` on.
fn styled_range(line: &str, a: usize, b: usize, indent: usize, comment_at: usize) -> Line {
    let mut l: Line = Vec::new();
    if indent > 0 {
        push_span(&mut l, &" ".repeat(indent), Style::default());
    }
    let split = comment_at.clamp(a, b);
    if split > a {
        push_span(&mut l, &line[a..split], Style::default());
    }
    if b > split {
        push_span(&mut l, &line[split..b], Style::dim());
    }
    l
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
    match comment_start(line, hash) {
        Some(i) => {
            if i > 0 {
                push_span(&mut out, &line[..i], base);
            }
            push_span(&mut out, &line[i..], Style::dim());
        }
        None => out.push(Span::new(line, base)),
    }
    out
}

/// Where a `#` comment starts in `line`, if the language has them.
fn comment_start(line: &str, hash: bool) -> Option<usize> {
    if !hash {
        return None;
    }
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            // an apostrophe inside a word (`don't`) is not a quote
            None if c == '"' || (c == '\'' && !prev.is_alphanumeric()) => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => return Some(i),
            None => {}
        }
        prev = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::text::{line_width, plain_lines as text};
    use super::*;

    #[test]
    fn comment_is_dimmed() {
        let l = highlight("pip install numpy   # 최신 버전", true, Style::default());
        assert_eq!(l[1], Span::new("# 최신 버전", Style::dim()));
        let l = highlight("echo \"# not\" x", true, Style::default());
        assert_eq!(l.len(), 1);
    }

    #[test]
    fn long_code_lines_wrap_at_spaces_with_mark() {
        let lines = render(
            "python",
            "    loss = train(model, data, epochs=10)  # 모델을 학습한다\n",
            30,
            false,
        );
        assert_eq!(
            text(&lines),
            [
                "[python]",
                "      loss = train(model,",
                "↪       data, epochs=10)  #",
                "↪       모델을 학습한다",
            ]
        );
        for l in &lines {
            assert!(line_width(l) <= 30);
        }
    }

    #[test]
    fn long_shell_lines_continue_with_a_backslash() {
        let lines = render(
            "sh",
            "pip install numpy pandas torch torchvision transformers # 설치\n",
            30,
            false,
        );
        assert_eq!(
            text(&lines),
            [
                "[sh]",
                "  pip install numpy pandas \\",
                "    torch torchvision \\",
                "    transformers # 설치",
            ]
        );
    }

    #[test]
    fn console_commands_continue_and_output_is_marked() {
        let lines = render(
            "console",
            "(myenv) $ python -m pip install torch torchvision\nSuccessfully installed torch-2.10.0 torchvision-0.25.0\n",
            34,
            true,
        );
        assert_eq!(
            text(&lines),
            [
                "[console]",
                "  (myenv) $ python -m pip \\",
                "              install torch \\",
                "              torchvision",
                "  Successfully installed",
                ">   torch-2.10.0",
                ">   torchvision-0.25.0",
            ]
        );
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_and_marked() {
        let lines = render("bash", &format!("curl {}\n", "x".repeat(40)), 24, false);
        assert_eq!(lines[1][1].text, "curl \\");
        assert_eq!(lines[3][0].text, "↪ ");
    }
}
