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
