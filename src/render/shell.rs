//! Breaking a shell command that is wider than the screen so that pasting the broken lines
//! still runs the same command.
//!
//! The command breaks only at a run of spaces outside quotes and outside its comment, and
//! every line but the last ends in the shell's line continuation (` \` for bash, zsh, sh and
//! fish; `` ` `` for PowerShell). A backslash-newline outside quotes is removed before the
//! line is split into words (bash and zsh alike), so the joined lines are the original
//! command with the spaces at the break changed: the same words. Never inside quotes: there
//! the continuation lines' indentation would become part of the string (double quotes) or the
//! backslash would be kept (single quotes). Never inside a comment: a backslash at the end of
//! a comment does not continue it, the next line would run as a command. A comment that does
//! not fit goes on as further comment lines (`# ...`), which no shell runs.
//!
//! A single word wider than the line cannot be broken this way; it is left whole (the caller
//! cuts it and marks the cut, and such a line does not paste as is).

use super::text::width;

/// Which shell's quoting and continuation rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// bash, zsh, sh, fish: `\` escapes, `'...'` and `"..."` quote, ` \` continues a line.
    Posix,
    /// PowerShell: `` ` `` escapes, `'...'` and `"..."` quote, `` ` `` continues a line.
    PowerShell,
}

impl Dialect {
    /// The dialect of a code block's language label, if it is a shell.
    pub fn of(lang: &str) -> Option<Dialect> {
        match lang.to_ascii_lowercase().as_str() {
            "sh" | "bash" | "shell" | "zsh" | "console" | "shell-session" | "fish" => {
                Some(Dialect::Posix)
            }
            "powershell" | "pwsh" | "ps1" | "ps" => Some(Dialect::PowerShell),
            _ => None,
        }
    }

    /// What ends a line that the next one continues.
    pub fn continuation(self) -> &'static str {
        match self {
            Dialect::Posix => " \\",
            Dialect::PowerShell => " `",
        }
    }

    fn escape(self) -> char {
        match self {
            Dialect::Posix => '\\',
            Dialect::PowerShell => '`',
        }
    }
}

/// One output line of a broken command: `indent` spaces, then code, then a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub indent: usize,
    pub code: String,
    pub comment: String,
}

impl Piece {
    pub fn width(&self) -> usize {
        self.indent + width(&self.code) + width(&self.comment)
    }
}

/// Programs whose command lines messages show on lines of their own (hints, fixes): such a
/// line is a command to copy, broken with continuations when it is too wide.
const PROGRAMS: &[&str] = &[
    "git",
    "python",
    "python3",
    "py",
    "pip",
    "pip3",
    "conda",
    "mamba",
    "uv",
    "course",
    "mkdir",
    "touch",
    "mv",
    "rm",
    "cp",
    "cd",
    "ls",
    "cat",
    "echo",
    "source",
    ".",
    "export",
    "sudo",
    "apt",
    "apt-get",
    "brew",
    "winget",
    "jupyter",
    "deactivate",
    "bash",
    "sh",
    "chmod",
];

/// Whether a line shown on its own in a message is a shell command (its first word a known
/// program, or a path to a Python or pip, as `.venv/bin/python`), and in which dialect: a
/// Windows path (`.venv\Scripts\python.exe`) is PowerShell's.
pub fn command_dialect(line: &str) -> Option<Dialect> {
    let first = line.split_whitespace().next()?;
    let program = first.rsplit(['/', '\\']).next().unwrap_or(first);
    let program = program.strip_suffix(".exe").unwrap_or(program);
    let python = program.starts_with("python") || program.starts_with("pip");
    if !(PROGRAMS.contains(&first) || (python && first.contains(['/', '\\']))) {
        return None;
    }
    Some(if first.contains('\\') {
        Dialect::PowerShell
    } else {
        Dialect::Posix
    })
}

/// Where a line can break and where its comment starts, from a left-to-right scan.
struct Scan {
    /// Byte ranges of runs of spaces outside quotes, before the comment.
    breaks: Vec<(usize, usize)>,
    /// Byte offset of the comment's `#`, if any.
    comment: Option<usize>,
}

/// Scan `line`; `quote` is the quote open at its start (a string over several lines) and is
/// left as the quote open at its end.
fn scan(line: &str, dialect: Dialect, quote: &mut Option<char>) -> Scan {
    let esc = dialect.escape();
    let mut breaks = Vec::new();
    let mut comment = None;
    let mut prev = ' ';
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match *quote {
            Some(q) if c == q => *quote = None,
            // In double quotes the escape character still escapes (`"a \" b"`).
            Some('"') if c == esc => {
                chars.next();
            }
            Some(_) => {}
            None if c == esc => {
                chars.next();
                prev = 'x';
                continue;
            }
            None if c == '\'' || c == '"' => *quote = Some(c),
            None if c == '#' && prev.is_whitespace() => {
                comment = Some(i);
                break;
            }
            None if c == ' ' || c == '\t' => {
                let mut end = i + 1;
                while let Some(&(j, d)) = chars.peek() {
                    if d != ' ' && d != '\t' {
                        break;
                    }
                    end = j + 1;
                    chars.next();
                }
                breaks.push((i, end));
            }
            None => {}
        }
        prev = c;
    }
    Scan { breaks, comment }
}

/// Break one shell line into lines at most `room` columns wide (with their indentation).
///
/// Continuation lines are indented by the line's own indentation plus `hang`. `quote` carries
/// an open quote from one line of a block to the next. A line that fits comes back whole.
pub fn wrap(
    line: &str,
    room: usize,
    hang: usize,
    dialect: Dialect,
    quote: &mut Option<char>,
) -> Vec<Piece> {
    let scan = scan(line, dialect, quote);
    if width(line) <= room {
        let at = scan.comment.unwrap_or(line.len());
        return vec![Piece {
            indent: 0,
            code: line[..at].to_string(),
            comment: line[at..].to_string(),
        }];
    }
    let lead = line.len() - line.trim_start_matches(' ').len();
    let mut indent = lead + hang;
    if room.saturating_sub(indent) < room / 2 {
        indent = hang.min(room / 4);
    }
    let comment_at = scan.comment.unwrap_or(line.len());
    let code = match line[..comment_at].trim_end() {
        "" => &line[..lead.min(comment_at)],
        code => code,
    };
    let comment = &line[comment_at..];
    let gap = &line[code.len()..comment_at];
    let cont = dialect.continuation();
    let cont_w = width(cont);

    // The code, cut greedily at the last break that leaves room for the continuation mark;
    // a word wider than the line goes on a line of its own (the caller cuts it).
    let breaks: Vec<(usize, usize)> = scan
        .breaks
        .into_iter()
        .filter(|&(b, _)| b > 0 && b < code.len())
        .collect();
    let mut out: Vec<Piece> = Vec::new();
    let mut start = 0;
    loop {
        let ind = if out.is_empty() { 0 } else { indent };
        if ind + width(&code[start..]) <= room {
            break;
        }
        let mut after = breaks.iter().filter(|&&(b, _)| b > start).peekable();
        let first = after.peek().copied();
        let fitting = after
            .take_while(|&&(b, _)| ind + width(&code[start..b]) + cont_w <= room)
            .last();
        let Some(&(b, e)) = fitting.or(first) else {
            break;
        };
        // A long word (a path) that fits only without the hang is not indented as far: the
        // indentation of a continuation line means nothing to the shell, the width does.
        let ind = ind.min(room.saturating_sub(width(&code[start..b]) + cont_w));
        out.push(piece(ind, &code[start..b], cont));
        start = e;
    }
    let ind = if out.is_empty() { 0 } else { indent };
    let ind = ind.min(room.saturating_sub(width(&code[start..])));
    out.push(piece(ind, &code[start..], ""));
    if !comment.is_empty() {
        place_comment(&mut out, gap, comment, room, indent);
    }
    out
}

/// A line of code that fits, followed by a `#` comment that does not: the code whole, the
/// comment's words after it as far as they fit and then on comment lines of their own (valid
/// in every language with `#` comments: shell, Python, YAML, requirements, `.gitignore`).
pub fn with_comment(code: &str, gap: &str, comment: &str, room: usize, hang: usize) -> Vec<Piece> {
    let lead = code.len() - code.trim_start_matches(' ').len();
    let mut out = vec![piece(0, code, "")];
    place_comment(&mut out, gap, comment, room, lead + hang);
    out
}

fn piece(indent: usize, code: &str, cont: &str) -> Piece {
    Piece {
        indent,
        code: format!("{code}{cont}"),
        comment: String::new(),
    }
}

/// Put `comment` after the last piece: as many of its words as fit there, the rest on
/// comment lines of their own under its `#` (or at `indent` when that column leaves too
/// little room).
fn place_comment(out: &mut Vec<Piece>, gap: &str, comment: &str, room: usize, indent: usize) {
    let words: Vec<&str> = comment
        .trim_start_matches('#')
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect();
    let last = out.last_mut().expect("one piece at least");
    let code_only = last.code.trim().is_empty();
    let gap = if code_only { "" } else { gap };
    // The whole comment on the last code line, as written.
    if last.width() + width(gap) + width(comment) <= room {
        last.comment = format!("{gap}{comment}");
        return;
    }
    let col = last.width() + width(gap);
    // Under the comment's first `#` when its longest word fits there (a URL that does not
    // would be cut, and a cut comment pastes as a command), else at `indent`.
    let longest = words.iter().map(|w| width(w)).max().unwrap_or(0);
    let under = if room.saturating_sub(col) >= 16.max(longest + 2) && !code_only {
        col
    } else if code_only {
        last.indent + width(&last.code)
    } else {
        indent
    };
    let mut line = String::from("#");
    let mut line_w = 1;
    let mut first = true;
    let mut at = col;
    for word in words {
        let w = width(word);
        if line_w > 1 && at + line_w + 1 + w > room {
            push_comment(out, first, gap, &line, under);
            first = false;
            line = String::from("#");
            line_w = 1;
            at = under;
        }
        if first && line_w == 1 && at + 2 + w > room && !code_only {
            // Not even one word fits after the code: the comment starts on its own line.
            first = false;
            at = under;
        }
        line.push(' ');
        line.push_str(word);
        line_w += 1 + w;
    }
    if line_w > 1 || first {
        // A comment with no words (`#` alone) that does not fit after the code goes on a
        // line of its own too, and is kept (proptest regressions: `- "aa 가" "가"   # ` in 14
        // columns, `aaa\ aaa "a"   # ` in 12).
        let own_line = first && !code_only && at + line_w > room;
        push_comment(out, first && !own_line, gap, &line, under);
    }
}

fn push_comment(out: &mut Vec<Piece>, first: bool, gap: &str, text: &str, under: usize) {
    if first {
        let last = out.last_mut().expect("one piece at least");
        last.comment = format!("{gap}{text}");
    } else {
        out.push(Piece {
            indent: under,
            code: String::new(),
            comment: text.to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(line: &str, room: usize) -> Vec<String> {
        wrap(line, room, 2, Dialect::Posix, &mut None)
            .into_iter()
            .map(|p| format!("{}{}{}", " ".repeat(p.indent), p.code, p.comment))
            .collect()
    }

    /// What bash reads: backslash-newline removed, then the words outside the comment.
    fn joined_words(lines: &[String]) -> Vec<String> {
        let text = lines.join("\n").replace("\\\n", "");
        text.lines()
            .map(|l| l.split(" #").next().unwrap_or("").to_string())
            .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .filter(|w| !w.starts_with('#'))
            .collect()
    }

    #[test]
    fn a_long_command_breaks_at_spaces_with_continuations() {
        let cmd = "touch src/__init__.py src/model/__init__.py src/data/__init__.py src/training/__init__.py";
        let out = lines(cmd, 40);
        assert!(out.len() > 2, "{out:?}");
        for l in &out[..out.len() - 1] {
            assert!(l.ends_with(" \\"), "{l}");
        }
        for l in &out {
            assert!(width(l) <= 40, "{l}");
        }
        assert_eq!(joined_words(&out), joined_words(&[cmd.to_string()]));
        assert!(out[1].starts_with("  src/"), "{out:?}");
    }

    #[test]
    fn quotes_are_never_broken() {
        let cmd = "git commit -m \"baseline VLA 학습 완료 그리고 더 긴 메시지\" --quiet";
        let out = lines(cmd, 30);
        assert!(
            out.iter()
                .any(|l| l.contains("\"baseline VLA 학습 완료 그리고 더 긴 메시지\"")),
            "{out:?}"
        );
    }

    #[test]
    fn a_comment_goes_on_as_comment_lines_and_the_command_is_untouched() {
        let out = lines(
            "pip install 'transformers>=4.30'   # 최소 버전 지정 (따옴표가 필요하다, 아래 참고)",
            58,
        );
        assert_eq!(
            out[0],
            "pip install 'transformers>=4.30'   # 최소 버전 지정"
        );
        assert!(
            out[1..].iter().all(|l| l.trim_start().starts_with("# ")),
            "{out:?}"
        );
        assert!(out.iter().all(|l| !l.ends_with('\\')), "{out:?}");
    }

    #[test]
    fn a_comment_line_wraps_as_comment_lines() {
        let out = lines("  # 활성화된 상태에서 패키지 설치 — 이 환경에만 설치됨", 30);
        assert!(out.iter().all(|l| l.starts_with("  # ")), "{out:?}");
        assert!(out.iter().all(|l| width(l) <= 30), "{out:?}");
    }

    #[test]
    fn a_bare_hash_that_does_not_fit_goes_on_its_own_line_and_is_kept() {
        let out = lines("- \"aa \u{ac00}\" \"\u{ac00}\"   # ", 14);
        assert_eq!(out.last().unwrap().trim(), "#", "{out:?}");
        assert!(out.iter().all(|l| width(l) <= 14), "{out:?}");
    }

    #[test]
    fn an_escaped_space_is_not_a_break() {
        let out = lines(
            "ls my\\ long\\ folder\\ name/with\\ spaces/and\\ more other",
            30,
        );
        assert_eq!(out[0], "ls \\", "{out:?}");
    }

    #[test]
    fn commands_are_told_from_examples() {
        assert_eq!(command_dialect("git init -b main"), Some(Dialect::Posix));
        assert_eq!(
            command_dialect("/tmp/ws/.venv/bin/python -m pip install torch"),
            Some(Dialect::Posix)
        );
        assert_eq!(
            command_dialect(".venv\\Scripts\\python.exe -m pip install torch"),
            Some(Dialect::PowerShell)
        );
        assert_eq!(command_dialect("reason: 탐색에 알맞다"), None);
        assert_eq!(command_dialect("numpy>=1.26 # 배열"), None);
        assert_eq!(command_dialect("/data/"), None);
        assert_eq!(command_dialect("python-dotenv"), None);
    }

    #[test]
    fn powershell_continues_with_a_backtick() {
        let out = wrap(
            "python -m pip install torch torchvision --index-url https://download.pytorch.org/whl/cpu",
            40,
            2,
            Dialect::PowerShell,
            &mut None,
        );
        assert!(out[0].code.ends_with(" `"), "{out:?}");
    }

    #[test]
    fn an_open_quote_carries_to_the_next_line() {
        let mut quote = None;
        wrap("echo 'first line", 80, 2, Dialect::Posix, &mut quote);
        assert_eq!(quote, Some('\''));
        let out = wrap(
            "inside the same string that is long enough to be wider' done",
            20,
            2,
            Dialect::Posix,
            &mut quote,
        );
        assert!(
            out[0]
                .code
                .starts_with("inside the same string that is long enough to be wider'"),
            "no break inside the string: {out:?}"
        );
        assert_eq!(quote, None);
    }
}
