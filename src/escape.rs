//! One escaping function per sink for text a learner controls (file and folder names,
//! requirement lines, commit messages, answers), so that it shows as text wherever it goes:
//!
//! - the terminal and plain-text streams (CSV on stdout, a fixture's stderr): [`visible`];
//! - GitHub workflow commands: [`workflow_data`], [`workflow_property`];
//! - Markdown (the GitHub job summary): [`markdown_inline`] for prose with its own code
//!   spans, [`markdown_code`] for a value shown as code, [`markdown_block`] for text whose
//!   later lines are code (a suggested `.gitignore`).
//!
//! - HTML (the class report): [`html`], for text and attribute values alike.
//! - a word of a command line the program prints for a learner to run (a path, a package, a
//!   commit message): [`shell_word`], and [`shell_program`] for the program itself.
//!
//! XML (JUnit) is escaped by quick-junit, which also replaces what XML cannot hold.

/// `s` with every control character but newline and tab written out (`\e`, `\x07`,
/// `\u{9b}`), so that no ESC, BEL or C1 control (U+009B starts a CSI sequence on many
/// terminals) from a workspace reaches a screen or a log as an escape sequence.
pub fn visible(s: &str) -> String {
    if !s.chars().any(is_hostile) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            c if is_hostile(c) && (c as u32) < 0x80 => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if is_hostile(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `s` as HTML text or a quoted attribute value: `& < > " '` as entities, control characters
/// made [`visible`] (a student's folder name cannot open a tag or end an attribute).
pub fn html(s: &str) -> String {
    let s = visible(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A control character a terminal may act on (everything `char::is_control` says but `\n`
/// and `\t`; `\r` too, which can overwrite a line).
fn is_hostile(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// The message part of a GitHub workflow command (`::error ...::MESSAGE`): `%`, CR and LF as
/// GitHub decodes them, other control characters made [`visible`].
pub fn workflow_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push_str(&visible(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// A property value of a workflow command (`file=`, `title=`): as [`workflow_data`], and
/// `:` and `,`, which end a property.
pub fn workflow_property(s: &str) -> String {
    workflow_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Prose that may hold its own code spans (`` `numpy>=` is not valid ``), for one line of
/// Markdown (a list item or a table cell): outside code spans every Markdown punctuation is
/// backslash-escaped (so `*.pt` is not emphasis and `<x>` not HTML), line breaks become
/// `<br>`, `|` never ends a table cell; control characters are made [`visible`].
pub fn markdown_inline(s: &str) -> String {
    let s = visible(s);
    let mut out = String::with_capacity(s.len());
    let mut in_code = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' => {
                in_code = !in_code;
                out.push(c);
            }
            '|' => out.push_str("\\|"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' if in_code => out.push(' '),
            '\r' | '\n' => out.push_str("<br>"),
            c if !in_code && MARKDOWN_SPECIAL.contains(c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    if in_code {
        // An unmatched backtick (from a file name) must not swallow what follows.
        out.push('`');
    }
    out
}

/// ASCII punctuation that can mean something in CommonMark or GitHub Markdown outside code.
const MARKDOWN_SPECIAL: &str = "\\*_[]<>#~!&";

/// `s` as one inline code span, whatever backticks it holds (the fence is one backtick
/// longer than its longest run), on one line.
pub fn markdown_code(s: &str) -> String {
    let s = visible(s).replace(['\r', '\n'], " ");
    let fence = "`".repeat(longest_run(&s, '`') + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// A hint: its first line as [`markdown_inline`]; its later lines as a fenced code block
/// indented by `indent` (to stay inside a list item) when they are code (the first line ends
/// in `:`, as in "create `.gitignore` with:", or a later line is indented, as commands are),
/// else as more prose lines (a nudge's second question), joined with `<br>`.
pub fn markdown_block(s: &str, indent: &str) -> String {
    let s = visible(s);
    let mut lines = s.lines();
    let head = lines.next().unwrap_or("");
    let first = markdown_inline(head);
    let rest: Vec<&str> = lines.collect();
    if rest.iter().all(|l| l.trim().is_empty()) {
        return first;
    }
    let code =
        head.trim_end().ends_with([':', '：']) || rest.iter().any(|l| l.starts_with([' ', '\t']));
    if !code {
        let prose: Vec<String> = rest
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| markdown_inline(l))
            .collect();
        return format!("{first}<br>{}", prose.join("<br>"));
    }
    let fence = "`".repeat(longest_run(&s, '`').max(2) + 1);
    let mut out = format!("{first}\n\n{indent}{fence}text\n");
    for line in rest {
        out.push_str(indent);
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(indent);
    out.push_str(&fence);
    out
}

/// The system a fix's commands are written for: its shell (POSIX sh or PowerShell) and its
/// paths (`.venv/bin/python` or `.venv\\Scripts\\python.exe`). Functions that build commands
/// take it as a value, so that the Windows text is tested on Linux too; [`Platform::HOST`]
/// is the one `course` runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    /// Linux, macOS: bash, zsh.
    Posix,
    /// Windows: PowerShell.
    Windows,
}

impl Platform {
    pub const HOST: Platform = if cfg!(windows) {
        Platform::Windows
    } else {
        Platform::Posix
    };
}

/// `s` as one word of a command line `course` prints for the learner to paste, quoted the way
/// the shell the fixes are written for needs: POSIX sh (bash, zsh) on Unix, PowerShell on
/// Windows. A plain word (letters, digits, `._-/+@%:,=`) stays as it is, so `.venv/bin/python`
/// reads as the lessons write it; anything else is single-quoted (`'my venvs/vla'`). Every
/// fix that builds a command from a value of the workspace goes through here.
pub fn shell_word(s: &str) -> String {
    shell_word_on(Platform::HOST, s)
}

/// [`shell_word`] for the shell of `platform`.
pub fn shell_word_on(platform: Platform, s: &str) -> String {
    match platform {
        Platform::Windows => powershell_word(s),
        Platform::Posix => posix_word(s),
    }
}

/// `path` as the program of a command line: [`shell_word`], and in PowerShell a quoted
/// program after the call operator (`& 'C:\my envs\Scripts\python.exe' -m pip`), since a
/// quoted string alone is only a value there.
pub fn shell_program(path: &str) -> String {
    shell_program_on(Platform::HOST, path)
}

/// [`shell_program`] for the shell of `platform`.
pub fn shell_program_on(platform: Platform, path: &str) -> String {
    let word = shell_word_on(platform, path);
    if platform == Platform::Windows && word.starts_with('\'') {
        format!("& {word}")
    } else {
        word
    }
}

/// POSIX sh: single quotes keep everything literal; a `'` inside is closed, escaped and
/// reopened (`'\''`). A leading `=` or `~` is quoted too (zsh expands `=cmd`, sh `~user`).
fn posix_word(s: &str) -> String {
    let plain = s
        .chars()
        .all(|c| c.is_alphanumeric() || "._-/+@%:,=".contains(c))
        && !s.starts_with('=');
    if plain && !s.is_empty() {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// PowerShell: single quotes keep everything literal but a quote, written twice (PowerShell
/// also takes the typographic single quotes as quotes, so those are doubled too). `,` `@`
/// `$` `;` `(` `{` and spaces are special there, so fewer characters stay plain than in sh.
fn powershell_word(s: &str) -> String {
    let plain = s
        .chars()
        .all(|c| c.is_alphanumeric() || "._-/\\:+".contains(c));
    if plain && !s.is_empty() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for x in s.chars() {
        run = if x == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue9_shell_words_survive_spaces_and_quotes() {
        assert_eq!(posix_word(".venv/bin/python"), ".venv/bin/python");
        assert_eq!(
            posix_word("/tmp/x/my venvs/vla/bin/python"),
            "'/tmp/x/my venvs/vla/bin/python'"
        );
        assert_eq!(posix_word("it's"), r"'it'\''s'");
        assert_eq!(posix_word(""), "''");
        assert_eq!(posix_word("=4.30"), "'=4.30'");
        assert_eq!(posix_word("$HOME"), "'$HOME'");
        assert_eq!(
            posix_word("src/데이터/__init__.py"),
            "src/데이터/__init__.py"
        );
        assert_eq!(
            powershell_word(r".venv\Scripts\python"),
            r".venv\Scripts\python"
        );
        assert_eq!(powershell_word(r"C:\my envs\x"), r"'C:\my envs\x'");
        assert_eq!(powershell_word("it's"), "'it''s'");
        assert_eq!(powershell_word("a,b"), "'a,b'");
        assert_eq!(powershell_word("it\u{2019}s"), "'it\u{2019}\u{2019}s'");
    }

    /// Each quoted word, given to a real `sh`, comes back as the same text.
    #[cfg(unix)]
    #[test]
    fn issue9_posix_words_read_back_by_sh() {
        for word in [
            "my venvs/vla",
            "it's",
            "a\"b",
            "$HOME `x`",
            "=4.30",
            "~root",
            "*.pt",
            "a\\b",
        ] {
            let out = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("printf %s {}", posix_word(word)))
                .output()
                .unwrap();
            assert_eq!(String::from_utf8_lossy(&out.stdout), word);
        }
    }

    #[test]
    fn html_cannot_open_a_tag_or_end_an_attribute() {
        assert_eq!(
            html("<script>\"x\" & 'y'\u{1b}</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;\\e&lt;/script&gt;"
        );
        assert_eq!(html("김민준"), "김민준");
    }

    #[test]
    fn visible_writes_out_esc_bel_and_c1() {
        assert_eq!(
            visible("a\u{1b}[31mb\u{7}c\u{9b}2Jd"),
            "a\\e[31mb\\x07c\\u{9b}2Jd"
        );
        assert_eq!(visible("줄\n바꿈\t탭"), "줄\n바꿈\t탭");
        assert_eq!(visible("a\rb\u{7f}"), "a\\rb\\x7f");
    }

    #[test]
    fn workflow_commands_cannot_be_injected() {
        assert_eq!(
            workflow_data("50%\n::error::x\u{1b}]8;;"),
            "50%25%0A::error::x\\e]8;;"
        );
        assert_eq!(workflow_property("a:b,c\n"), "a%3Ab%2Cc%0A");
    }

    #[test]
    fn markdown_prose_keeps_code_spans_and_escapes_the_rest() {
        assert_eq!(
            markdown_inline("`*.pt` and *.pth __pycache__/ <b>|"),
            "`*.pt` and \\*.pth \\_\\_pycache\\_\\_/ \\<b\\>\\|"
        );
        assert_eq!(markdown_inline("a\nb"), "a<br>b");
        assert_eq!(markdown_inline("open `a"), "open `a`");
        assert_eq!(markdown_inline("\u{1b}[2J"), "\\\\e\\[2J");
    }

    #[test]
    fn markdown_code_spans_hold_any_backticks() {
        assert_eq!(markdown_code("data/"), "`data/`");
        assert_eq!(markdown_code("a`b"), "``a`b``");
        assert_eq!(markdown_code("`x"), "`` `x ``");
        assert_eq!(markdown_code("a\nb"), "`a b`");
    }

    #[test]
    fn markdown_block_fences_the_lines_after_the_first() {
        let out = markdown_block("create `.gitignore`:\n*.pt\n*.pth\n__pycache__/", "  ");
        assert_eq!(
            out,
            "create `.gitignore`:\n\n  ```text\n  *.pt\n  *.pth\n  __pycache__/\n  ```"
        );
        assert_eq!(markdown_block("one line *x*", "  "), "one line \\*x\\*");
        // A nudge's second question is prose, not code.
        assert_eq!(
            markdown_block("What if it is deployed?\nIs *that* fine?", "  "),
            "What if it is deployed?<br>Is \\*that\\* fine?"
        );
        // Commands after a sentence are indented: code.
        assert!(markdown_block("then run\n  git add x", "  ").contains("```text\n    git add x\n"));
    }
}
