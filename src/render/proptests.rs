//! Property tests of the Markdown renderer: arbitrary Markdown-heavy text, mutated lessons
//! and deep nests (issue 8: 10,000 nested quotes or list items overflowed the stack) render
//! without a panic, end with a newline, and keep every line within the width.
//! A longer run: `scripts/fuzz-workspace.sh`.

use proptest::prelude::*;

use super::{render, strip_ansi, text, RenderOptions};

const ALPHABET: &[char] = &[
    'a', 'Z', '1', '.', ' ', ' ', '\n', '\n', '>', '-', '*', '+', '_', '~', '`', '#', '|', '[',
    ']', '(', ')', '!', '<', '/', '\\', ':', '\t', '가', '한', '、', '\u{200b}', '\x1b',
];

const SEEDS: &[&str] = &[
    "# 가상환경\n\n**프로젝트마다 독립된 Python 환경**을 만든다. `python -m venv .venv`\n\n> 참고: `source .venv/bin/activate`\n\n| 도구 | 용도 |\n|---|:---:|\n| venv | 기본 |\n",
    "- [x] 끝남\n- [ ] 남음\n  1. 하나\n     > 인용 `코드`\n\n```python\nimport torch\n```\n",
    "see [the docs](https://docs.python.org/) and ![로봇](arm.png) ~~옛날~~ __init__.py<br>x\n",
];

fn markdown() -> impl Strategy<Value = String> {
    let random = prop::collection::vec(prop::sample::select(ALPHABET), 0..400)
        .prop_map(|cs| cs.into_iter().collect::<String>());
    let mutated = (
        prop::sample::select(SEEDS),
        prop::collection::vec(
            (any::<prop::sample::Index>(), prop::sample::select(ALPHABET)),
            0..16,
        ),
    )
        .prop_map(|(seed, edits)| {
            let mut cs: Vec<char> = seed.chars().collect();
            for (at, c) in edits {
                let i = at.index(cs.len() + 1);
                cs.insert(i, c);
            }
            cs.into_iter().collect::<String>()
        });
    let nested = (
        prop::sample::select(&["> ", "- ", "1. ", " -\n", "> - ", "* > "][..]),
        1usize..3000,
    )
        .prop_map(|(unit, n)| format!("{}깊은 곳\n", unit.repeat(n)));
    prop_oneof![random, mutated, nested]
}

proptest! {
    #[test]
    fn any_markdown_renders_within_the_width(md in markdown(), width in 20usize..120, color: bool) {
        let opts = RenderOptions { width, color, hyperlinks: color, ascii: !color, records: !color && width % 2 == 0 };
        let out = render(&md, &opts);
        // Nothing to show (empty or blank input) renders as nothing; anything else ends its line.
        prop_assert!(out.is_empty() || out.ends_with('\n'), "{:?}", out);
        for line in out.lines() {
            let w = text::width(&strip_ansi(line));
            prop_assert!(w <= width, "{} > {}: {:?}", w, width, line);
        }
    }
}

/// Shell-ish words: plain, quoted with spaces inside, escaped spaces, Korean, options.
fn shell_line() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-z/._=-]{1,12}",
        "'[a-z \\x{ac00}-\\x{d7a3}]{0,10}'",
        "\"[a-z \\x{ac00}-\\x{d7a3}]{0,10}\"",
        "[a-z]{1,4}\\\\ [a-z]{1,4}",
        "[가-힣]{1,5}",
    ];
    (
        prop::collection::vec(word, 1..14),
        prop::option::of("[a-z \\x{ac00}-\\x{d7a3}]{0,30}"),
    )
        .prop_map(|(words, comment)| {
            let mut s = words.join(" ");
            if let Some(c) = comment {
                s.push_str("   # ");
                s.push_str(&c);
            }
            s
        })
}

proptest! {
    /// A shell line broken to any width is, joined at its ` \` and without comments, the same
    /// words; every line fits unless it is a single word wider than the line.
    #[test]
    fn a_wrapped_shell_line_joins_to_the_same_words(line in shell_line(), room in 12usize..80) {
        use super::shell::{wrap, Dialect};
        let pieces = wrap(&line, room, 2, Dialect::Posix, &mut None);
        let text: Vec<String> = pieces.iter().map(|p| format!("{}{}", " ".repeat(p.indent), p.code)).collect();
        let joined = text.join("\n").replace(" \\\n", " ");
        let original = line.split("   # ").next().unwrap();
        prop_assert_eq!(joined.split_whitespace().collect::<Vec<_>>(), original.split_whitespace().collect::<Vec<_>>());
        // The comment is all there too: its words, and its `#` even when it has none.
        let said: Vec<&str> = pieces.iter().flat_map(|p| p.comment.split_whitespace()).collect();
        let comment = line.split_once("   # ").map(|(_, c)| c);
        prop_assert_eq!(said.contains(&"#"), comment.is_some());
        let words: Vec<&str> = said.into_iter().filter(|w| *w != "#").collect();
        prop_assert_eq!(words, comment.unwrap_or("").split_whitespace().collect::<Vec<_>>());
        for p in &pieces {
            let code = p.code.trim().trim_end_matches(" \\").replace("\\ ", "__");
            let one_word = !code.contains(' ') || code.starts_with('\'') || code.starts_with('"');
            prop_assert!(p.width() <= room || one_word || !p.comment.is_empty() && p.code.is_empty(), "{:?}", pieces);
        }
    }
}

/// Prose around a link to a lesson, as a paragraph, a list item, a heading or a table row.
fn linked_markdown() -> impl Strategy<Value = (String, String)> {
    let words = prop::collection::vec(
        prop_oneof!["[a-z]{1,9}", "[가-힣]{1,6}", "`[a-z]{1,5} [a-z]{1,5}`"],
        0..12,
    )
    .prop_map(|w| w.join(" "));
    let id = prop::sample::select(&["pip", "git", "environments", "mental-model"][..]);
    let text = prop_oneof![
        "[a-z]{1,9}",
        "[가-힣]{1,6}( [가-힣]{1,4})?",
        "[a-z]{1,6} \\(venv\\)"
    ];
    let shape = prop::sample::select(&["", "- ", "### ", "| a | b |\n|---|---|\n| "][..]);
    let close = prop::sample::select(&["", ")", "의", ", ", "를 본다"][..]);
    (words.clone(), text, id, close, words, shape, any::<bool>()).prop_map(
        |(before, text, id, close, after, shape, nested)| {
            let command = format!("course lesson {id}");
            let link = format!("[{text}](<{command}>)");
            let link = if nested { format!("({link})") } else { link };
            let row_end = if shape.starts_with('|') {
                " | 끝 |"
            } else {
                ""
            };
            let md = format!("{shape}{before} {link}{close} {after}{row_end}\n");
            (md, command)
        },
    )
}

proptest! {
    /// Issue 9: a link's target (the command a learner types to open the lesson) is never
    /// split across lines, wherever the link is and whatever surrounds it.
    #[test]
    fn a_link_target_is_never_split(
        (md, command) in linked_markdown(), width in 34usize..120, color: bool
    ) {
        let opts = RenderOptions { width, color, hyperlinks: color, ascii: !color, records: false };
        let out = strip_ansi(&render(&md, &opts));
        prop_assert!(out.lines().any(|l| l.contains(&command)), "{} at {}:\n{}", md, width, out);
        for line in out.lines() {
            prop_assert!(text::width(line) <= width, "{:?}", line);
        }
    }
}
