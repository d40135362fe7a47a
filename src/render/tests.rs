//! Unit tests of the parent module, kept apart so the module itself stays short.
use super::*;
use unicode_width::UnicodeWidthChar;

const NOTE: &str = include_str!("../../tests/data/05-python-ecosystem.ko.md");

fn opts(width: usize) -> RenderOptions {
    RenderOptions {
        width,
        color: false,
        hyperlinks: false,
        ascii: false,
        records: false,
    }
}

#[test]
fn links_plain_show_url_and_hyperlinks_emit_osc8() {
    let md = "see [the docs](https://docs.python.org/) and <https://pypi.org>\n";
    let plain = render(md, &opts(80));
    assert_eq!(
        plain,
        "see the docs (https://docs.python.org/) and https://pypi.org\n"
    );
    let o = RenderOptions {
        color: true,
        hyperlinks: true,
        ..opts(80)
    };
    let out = render(md, &o);
    assert!(
        out.contains(
            "\x1b]8;;https://docs.python.org/\x1b\\\x1b[4;34mthe docs\x1b[0m\x1b]8;;\x1b\\"
        ),
        "{out:?}"
    );
    assert!(!out.contains("(https://docs.python.org/)"));
    assert_eq!(strip_ansi(&out), "see the docs and https://pypi.org\n");
}

#[test]
fn only_openable_urls_become_hyperlinks() {
    let o = RenderOptions {
        color: true,
        hyperlinks: true,
        ..opts(80)
    };
    let out = render("see [pip](pip.md) and [git](<course lesson git>)\n", &o);
    assert!(!out.contains("\x1b]8;;"), "{out:?}");
    assert_eq!(
        strip_ansi(&out),
        "see pip (pip.md) and git (course lesson git)\n"
    );
}

/// Issue 9: a link's target never nests a second pair of parentheses, in both languages.
#[test]
fn issue9_link_targets_do_not_nest_parentheses() {
    for (md, want) in [
        (
            "다음 레슨([가상환경](<course lesson environments>))에서 다룬다.\n",
            "다음 레슨(가상환경: course lesson environments)에서 다룬다.\n",
        ),
        (
            "([environments](<course lesson environments>), [pip](<course lesson pip>))\n",
            "(environments: course lesson environments, pip: course lesson pip)\n",
        ),
        (
            "See [environments (venv)](<course lesson environments>).\n",
            "See environments (venv): course lesson environments.\n",
        ),
        (
            "(a) then [the docs](https://docs.python.org/)\n",
            "(a) then the docs (https://docs.python.org/)\n",
        ),
    ] {
        assert_eq!(render(md, &opts(80)), want);
        let colored = render(
            md,
            &RenderOptions {
                color: true,
                ..opts(80)
            },
        );
        assert_eq!(strip_ansi(&colored), want);
    }
}

#[test]
fn wrapped_link_is_a_hyperlink_on_every_line() {
    let o = RenderOptions {
        color: true,
        hyperlinks: true,
        ..opts(20)
    };
    let out = render("[가상환경 만들기 안내 문서 읽기](https://x.org/venv)\n", &o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 2);
    for l in lines {
        assert!(l.starts_with("\x1b]8;;https://x.org/venv\x1b\\"), "{l:?}");
        assert!(l.ends_with("\x1b]8;;\x1b\\"), "{l:?}");
    }
}

#[test]
fn front_matter_only_at_start() {
    assert_eq!(strip_front_matter("---\ntitle: x\n---\n# A\n"), "# A\n");
    assert_eq!(strip_front_matter("---\r\ntitle: x\r\n...\r\nB"), "B");
    assert_eq!(
        strip_front_matter("# A\n---\ntitle: x\n---\n"),
        "# A\n---\ntitle: x\n---\n"
    );
    // A rule followed by a setext heading is not front matter.
    assert_eq!(
        strip_front_matter("---\nJust text\n---\n"),
        "---\nJust text\n---\n"
    );
    // Unclosed: kept.
    assert_eq!(strip_front_matter("---\ntitle: x\n"), "---\ntitle: x\n");
}

#[test]
fn images_strike_rules_breaks_and_html() {
    let md = "![로봇 팔](arm.png) ~~옛날~~ 방식  \n다음 줄<br>또 다음\n\n<!-- 숨김 -->\n\n<div>\n<b>굵은</b> HTML\n</div>\n\n***\n";
    let out = render(md, &opts(40));
    assert_eq!(
        out,
        format!(
            "[image: 로봇 팔] ~~옛날~~ 방식\n다음 줄\n또 다음\n\n굵은 HTML\n\n{}\n",
            "─".repeat(40)
        )
    );
}

#[test]
fn task_lists_and_numbered_lists_align() {
    let md = "- [x] 끝남\n- [ ] 남음\n\n9. 아홉\n10. 열\n";
    let out = render(md, &opts(40));
    assert_eq!(out, "• [x] 끝남\n• [ ] 남음\n\n9.  아홉\n10. 열\n");
}

#[test]
fn loose_list_items_are_separated() {
    let out = render("- 하나\n\n- 둘\n", &opts(40));
    assert_eq!(out, "• 하나\n\n• 둘\n");
}

/// A small sample at width 60, exactly (a snapshot kept inline). The command in the sentence
/// moves whole to the next line (issue 9: a code span never breaks at its spaces).
#[test]
fn sample_at_width_60() {
    let md = "## 가상환경\n\n**프로젝트마다 독립된 Python 환경**을 만드는 것. `python -m venv .venv`로 만든다.\n\n> 참고: 활성화는 `source .venv/bin/activate`.\n\n| 도구 | 용도 |\n|---|:---:|\n| venv | 기본 |\n| conda | GPU |\n";
    let expected = "\
가상환경
--------

프로젝트마다 독립된 Python 환경을 만드는 것.
`python -m venv .venv`로 만든다.

│ 참고: 활성화는 `source .venv/bin/activate`.

┌───────┬──────┐
│ 도구  │ 용도 │
├───────┼──────┤
│ venv  │ 기본 │
│ conda │ GPU  │
└───────┴──────┘
";
    assert_eq!(render(md, &opts(60)), expected);
}

#[test]
fn note_fits_every_width_in_every_mode() {
    for width in 20..=130 {
        for (color, ascii) in [(false, false), (true, true)] {
            let o = RenderOptions {
                width,
                color,
                hyperlinks: color,
                ascii,
                records: false,
            };
            let out = render(NOTE, &o);
            for line in out.lines() {
                let plain = strip_ansi(line);
                assert!(
                    text::width(&plain) <= width,
                    "{width}: {plain:?} is {} wide",
                    text::width(&plain)
                );
                if ascii {
                    // ASCII mode adds no East Asian ambiguous-width characters.
                    for c in plain.chars().filter(|c| !NOTE.contains(*c)) {
                        assert!(
                            c.width() == c.width_cjk(),
                            "{width}: ambiguous {c:?} in {plain:?}"
                        );
                    }
                }
            }
            assert!(!strip_ansi(&out).contains("**"));
        }
    }
}

#[test]
fn no_escape_codes_without_colour_even_from_the_input() {
    let out = render(
        "a \x1b[31mred\x1b[0m b\n\n```\nx\x1b]8;;y\x07\n```\n",
        &opts(40),
    );
    assert!(!out.contains('\x1b'), "{out:?}");
}

#[test]
fn deep_nesting_at_narrow_width_never_overflows() {
    let md = "> > > > > - - - - 1. 아주 깊이 중첩된 항목에 들어 있는 긴 한국어 문장과 `긴_코드_토큰_이름`\n>\n> > > > > | 가 | 나 | 다 | 라 |\n> > > > > |---|---|---|---|\n> > > > > | 가나다라마바사 | 가나다라마바사 | 가나다라마바사 | 가나다라마바사 |\n";
    for width in 20..40 {
        let out = render(md, &opts(width));
        for line in out.lines() {
            assert!(text::width(line) <= width, "{width}: {line:?}");
        }
        assert!(out.contains("중첩된"));
    }
}

/// Issue 9: a link's target is a command to type; it moves whole to the next line, in the
/// ` (target)` form and the `: target` form, in a paragraph, a list item and a heading.
#[test]
fn issue9_a_link_target_moves_whole_to_the_next_line() {
    for md in [
        "2. [가상환경: venv와 conda](<course lesson environments>): 프로젝트마다 따로 노는 Python 환경을 만든다.\n",
        "2. [Virtual environments: venv and conda](<course lesson environments>): a separate Python for each project.\n",
        "만드는 법은 다음 레슨([가상환경](<course lesson environments>))에서 다룬다.\n",
        "## 다음 레슨: [가상환경과 conda 환경](<course lesson environments>)\n",
        "- both point to the same place (see [environments](<course lesson environments>)).\n",
    ] {
        // From the narrowest width the target fits in beside a list marker and punctuation.
        for width in 34..100 {
            for color in [false, true] {
                let o = RenderOptions {
                    color,
                    ..opts(width)
                };
                let out = strip_ansi(&render(md, &o));
                assert!(
                    out.lines()
                        .any(|l| l.contains("course lesson environments")),
                    "{width}:\n{out}"
                );
                assert!(out.lines().all(|l| text::width(l) <= width), "{out}");
            }
        }
    }
}

/// Issue 9: a table column is never narrower than its widest word: a command in a cell (a
/// link's target) and a Korean word or a code span stay whole; a table that cannot fit so is
/// shown as records.
#[test]
fn issue9_table_cells_never_split_a_command_or_a_word() {
    let md = "| 연습 문제 | 한 일 | 관련 레슨 |\n|---|---|---|\n| `jupyter-vs-script` | 네 가지 작업을 판단하고 이유를 썼다. | [가상환경](<course lesson environments>) |\n";
    for width in 34..120 {
        let out = render(md, &opts(width));
        for whole in [
            "course lesson environments",
            "`jupyter-vs-script`",
            "판단하고",
        ] {
            assert!(
                out.lines().any(|l| l.contains(whole)),
                "{width}: {whole} split:\n{out}"
            );
        }
        assert!(out.lines().all(|l| text::width(l) <= width), "{out}");
    }
    // Wide enough: still a grid, the target under its text.
    let out = render(md, &opts(80));
    assert!(out.starts_with('┌'), "{out}");
    assert!(out.contains("│ (course lesson environments) │"), "{out}");
    // Too narrow for the command's column beside the others: records.
    let out = render(md, &opts(60));
    assert!(
        out.contains("관련 레슨: 가상환경 (course lesson environments)"),
        "{out}"
    );
}

/// Issue 9: on a colour terminal a code span drops its backticks, except one with a space at
/// an edge: the lesson's `` `  /data/`는 `` read "(  /data/는", a space before the particle.
#[test]
fn issue9_a_code_span_with_an_edge_space_keeps_its_backticks_in_colour() {
    let o = RenderOptions {
        color: true,
        ..opts(80)
    };
    let out = strip_ansi(&render("공백(`  /data/`는)과 `- `, 그리고 `data/`를\n", &o));
    assert_eq!(out, "공백(`  /data/`는)과 `- `, 그리고 data/를\n");
}
