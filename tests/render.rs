//! Lesson rendering through the real binary: `course lesson --file PATH --width N`.

use std::path::Path;

use crate::common::{course, tempdir, write};
use course::render::strip_ansi;
use unicode_width::UnicodeWidthStr;

const NOTE: &str = include_str!("data/05-python-ecosystem.ko.md");

/// Render `path` at `width`, with extra environment variables; returns stdout.
fn render_file(path: &Path, width: usize, env: &[(&str, &str)], extra: &[&str]) -> String {
    let mut cmd = course();
    cmd.args(["lesson", "--file"])
        .arg(path)
        .args(["--width", &width.to_string()])
        .args(extra);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("UTF-8 output")
}

fn render_md(md: &str, width: usize, env: &[(&str, &str)]) -> String {
    let dir = tempdir();
    let path = write(dir.path(), "lesson.md", md);
    render_file(&path, width, env, &[])
}

fn cols(line: &str) -> usize {
    UnicodeWidthStr::width(strip_ansi(line).as_str())
}

/// Runs of lines that form a drawn table: from a `┌` (or ASCII `+-`) line through the
/// following border and row lines.
fn tables(out: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut cur: Option<Vec<String>> = None;
    for line in out.lines() {
        let plain = strip_ansi(line);
        match cur.as_mut() {
            Some(t) if plain.starts_with(['│', '├', '└', '|', '+']) => t.push(plain),
            Some(_) => found.push(cur.take().unwrap()),
            None if plain.starts_with('┌') || plain.starts_with("+-") => cur = Some(vec![plain]),
            None => {}
        }
    }
    found.extend(cur);
    found
}

#[test]
fn the_note_fits_every_width_without_literal_stars_and_with_even_tables() {
    let dir = tempdir();
    let path = write(dir.path(), "note.md", NOTE);
    for width in [40, 60, 80, 120] {
        for env in [&[][..], &[("CLICOLOR_FORCE", "1")][..]] {
            let out = render_file(&path, width, env, &[]);
            for line in out.lines() {
                assert!(
                    cols(line) <= width,
                    "width {width}: line too wide ({}): {line:?}",
                    cols(line)
                );
            }
            let plain = strip_ansi(&out);
            assert!(
                !plain.contains("**"),
                "width {width}: literal ** left:\n{plain}"
            );
            let ts = tables(&out);
            assert_eq!(ts.len(), 1, "width {width}: the note has one table");
            for t in &ts {
                let w0 = cols(&t[0]);
                assert!(
                    t.iter().all(|l| cols(l) == w0),
                    "width {width}: uneven table rows:\n{}",
                    t.join("\n")
                );
                assert!(t.len() >= 9, "header, separator, 5 rows and borders");
            }
            // Every word of the table survives (no Korean word cut inside a cell).
            for word in ["역할", "의존성", "재현", "시각화"] {
                assert!(plain.contains(word), "{word} missing at width {width}");
            }
        }
    }
}

#[test]
fn the_note_keeps_its_structure_in_plain_text() {
    let out = render_md(NOTE, 120, &[]);
    let lines: Vec<&str> = out.lines().collect();
    // H1 underlined with `=`, H2 with `-`, H3 and below bold, without Markdown's `###`.
    let h1 = lines
        .iter()
        .position(|l| *l == "파이썬 생태계 (Python Ecosystem)")
        .expect("H1");
    assert!(lines[h1 + 1].starts_with("====") && cols(lines[h1 + 1]) == cols(lines[h1]));
    let h2 = lines.iter().position(|l| *l == "핵심 개념").expect("H2");
    assert!(lines[h2 + 1].starts_with("----"));
    assert!(lines.contains(&"1. pip — Python 패키지 관리자"));
    assert!(!out.contains("###"), "{out}");
    // Code block lines are indented; comments kept.
    assert!(lines
        .iter()
        .any(|l| l.starts_with("  pip install numpy") && l.contains("# 최신 버전 설치")));
    // Bullets and the dunder name in a heading survive.
    assert!(lines
        .iter()
        .any(|l| l.starts_with("• 프로젝트 A는 PyTorch 2.0 필요")));
    assert!(lines.contains(&"__init__.py의 역할"), "{out}");
    // Links show their target in plain text.
    assert!(out.contains("데코레이터와 제너레이터 (./04-decorators-generators.md)"));
    // Ordered list numbers.
    assert!(lines.iter().any(|l| l.starts_with("1. 환경 구성 실습:")));
}

#[test]
fn korean_bold_next_to_punctuation_code_and_hangul() {
    let md = "**가상환경(venv)**을 만든다.\n\n**`venv`**를 쓴다.\n\n코드 작성보다 **환경 설정에 더 많은 시간**을 쓴다.\n\n값은 **100%**다.\n";
    let plain = render_md(md, 60, &[]);
    assert!(!plain.contains("**"), "{plain}");
    assert!(plain.contains("가상환경(venv)을 만든다."), "{plain}");
    assert!(plain.contains("`venv`를 쓴다."), "{plain}");
    assert!(plain.contains("100%다."), "{plain}");
    let color = render_md(md, 60, &[("CLICOLOR_FORCE", "1")]);
    assert!(
        color.contains("\x1b[1m가상환경(venv)\x1b[0m을"),
        "{color:?}"
    );
    assert!(color.contains("\x1b[1;32mvenv\x1b[0m를"), "{color:?}");
    assert!(
        color.contains("\x1b[1m환경 설정에 더 많은 시간\x1b[0m을"),
        "{color:?}"
    );
    assert!(color.contains("\x1b[1m100%\x1b[0m다"), "{color:?}");
    // Code spans are never touched.
    let code = render_md("`**a**`를 보라\n", 60, &[]);
    assert!(code.contains("`**a**`를 보라"), "{code}");
}

#[test]
fn long_korean_paragraph_wraps_only_at_spaces() {
    let para = "실제 VLA 연구 환경에서는 코드 작성보다 환경 설정에 더 많은 시간을 쓰는 경우가 흔하다. 특히 GPU 드라이버, CUDA 버전, PyTorch 버전의 호환성 문제는 모든 딥러닝 엔지니어의 숙명이다. 프로젝트마다 독립된 Python 환경을 만드는 것이 왜 필요한가?";
    for width in [20, 27, 33, 40, 61] {
        let out = render_md(&format!("{para}\n"), width, &[]);
        let tokens: Vec<&str> = out.split_whitespace().collect();
        for word in para.split(' ') {
            assert!(
                tokens.contains(&word),
                "width {width}: `{word}` was split:\n{out}"
            );
        }
        for line in out.lines() {
            assert!(cols(line) <= width, "width {width}: {line}");
        }
        assert!(out.lines().count() > 2);
    }
}

#[test]
fn hangul_tables_line_up_and_wide_tables_wrap_inside_cells() {
    let md = "| 도구 | 역할 | 비고 |\n|:---|:---:|---:|\n| pip | 패키지 설치 | 1 |\n| 가상환경 | 의존성 격리 | 22 |\n";
    let out = render_md(md, 80, &[]);
    let t = &tables(&out)[0];
    assert_eq!(t[1], "│ 도구     │    역할     │ 비고 │");
    assert_eq!(t[3], "│ pip      │ 패키지 설치 │    1 │");
    assert_eq!(t[4], "│ 가상환경 │ 의존성 격리 │   22 │");

    let wide = "| 생태계 도구 | VLA 프로젝트에서의 역할 |\n|---|---|\n| 가상환경 (venv/conda) | 프로젝트별 의존성 격리 — PyTorch 버전 충돌 방지, 재현 가능한 실험 환경 |\n| git | 코드 버전 관리 |\n";
    let out = render_md(wide, 40, &[]);
    let t = &tables(&out)[0];
    assert!(t.iter().all(|l| cols(l) == 40), "{}", t.join("\n"));
    assert!(
        t.len() > 8,
        "cells wrapped onto several lines:\n{}",
        t.join("\n")
    );
    let text = t.join(" ");
    for word in ["프로젝트별", "의존성", "격리", "재현", "(venv/conda)"] {
        assert!(text.contains(word), "{word} cut:\n{}", t.join("\n"));
    }

    let ascii = render_file(&write(tempdir().path(), "t.md", md), 80, &[], &["--ascii"]);
    assert!(
        ascii.contains("| 도구     |    역할     | 비고 |"),
        "{ascii}"
    );
    assert!(ascii.lines().next().unwrap().starts_with("+---"), "{ascii}");
    assert!(!ascii.contains('│'));
}

#[test]
fn colour_follows_pipe_clicolor_force_and_no_color() {
    let md = "# 제목\n\n**굵게** 그리고 `code`\n";
    let piped = render_md(md, 60, &[]);
    assert!(!piped.contains('\x1b'), "{piped:?}");
    let forced = render_md(md, 60, &[("CLICOLOR_FORCE", "1")]);
    assert!(forced.contains("\x1b[1m굵게\x1b[0m"), "{forced:?}");
    assert!(forced.contains("\x1b[1;35m제목\x1b[0m"), "{forced:?}");
    let none = render_md(md, 60, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(!none.contains('\x1b'), "{none:?}");
    let flag = render_file(
        &write(tempdir().path(), "a.md", md),
        60,
        &[("NO_COLOR", "1")],
        &["--color", "always"],
    );
    assert!(flag.contains('\x1b'));
    // Only SGR bold/dim/italic/underline/strike and the basic colours, no 256/truecolour.
    for seq in forced.split("\x1b[").skip(1) {
        let params = seq.split('m').next().unwrap();
        for p in params.split(';') {
            let n: u32 = p.parse().unwrap();
            assert!(matches!(n, 0..=4 | 9 | 30..=37), "unexpected SGR {n}");
        }
    }
    // Every coloured line is self-contained: nothing left open at the end of a line.
    for line in forced.lines() {
        if line.contains("\x1b[") {
            assert!(line.ends_with("\x1b[0m"), "{line:?}");
        }
    }
}

#[test]
fn front_matter_is_stripped_only_at_the_start() {
    let md =
        "---\ntitle: 파이썬 생태계\nlesson: 5\n---\n# 본문\n\n문단\n\n---\ntitle: 남는다\n---\n";
    let out = render_md(md, 60, &[]);
    assert!(!out.contains("lesson: 5"), "{out}");
    assert!(!out.contains("title: 파이썬 생태계"), "{out}");
    assert!(out.starts_with("본문\n"), "{out}");
    assert!(
        out.contains("title: 남는다"),
        "mid-document block stays:\n{out}"
    );
}

#[test]
fn nested_lists_and_quotes_keep_prefixes_on_wrapped_lines() {
    let md = "- 바깥 항목은 충분히 길어서 여러 줄로 감싸져야 하는 한국어 문장입니다\n  - 안쪽 항목도 마찬가지로 아주 길게 써서 줄이 바뀌게 만든 문장입니다\n    1. 번호 붙은 세 번째 단계 항목 역시 길어서 감싸집니다\n\n> 인용문은 막대 접두사를 모든 줄에 유지해야 하며 길게 이어지는 문장입니다\n>\n> > 중첩된 인용문도 두 개의 막대를 모든 줄에 유지해야 합니다\n";
    let out = render_md(md, 30, &[]);
    let lines: Vec<&str> = out.lines().collect();
    let outer = lines.iter().position(|l| l.starts_with("• 바깥")).unwrap();
    assert!(
        lines[outer + 1].starts_with("  ") && !lines[outer + 1].starts_with("   "),
        "{out}"
    );
    let inner = lines
        .iter()
        .position(|l| l.starts_with("  ◦ 안쪽"))
        .unwrap();
    assert!(
        lines[inner + 1].starts_with("    ") && !lines[inner + 1].starts_with("     "),
        "{out}"
    );
    let third = lines
        .iter()
        .position(|l| l.starts_with("    1. 번호"))
        .unwrap();
    assert!(
        lines[third + 1].starts_with("       ") && !lines[third + 1].starts_with("        "),
        "{out}"
    );
    let quote: Vec<&&str> = lines
        .iter()
        .skip_while(|l| !l.starts_with("│ 인용문"))
        .collect();
    assert!(quote.len() > 5, "{out}");
    for l in &quote {
        assert!(l.starts_with('│'), "quote line without bar: {l:?}\n{out}");
    }
    let nested: Vec<&&&str> = quote
        .iter()
        .filter(|l| l.contains("중첩") || l.starts_with("│ │"))
        .collect();
    assert!(
        nested.len() >= 2 && nested.iter().all(|l| l.starts_with("│ │ ")),
        "{out}"
    );
    for l in &lines {
        assert!(cols(l) <= 30, "{l}");
    }
}

#[test]
fn code_block_lines_never_overflow() {
    let md = "```python\nimport torch  # 아주 긴 주석이 붙어서 화면 폭을 넘어가는 코드 줄입니다 그리고 더 길게 이어집니다\nprint(\"x\")\n```\n";
    for width in [20, 33, 50] {
        let out = render_md(md, width, &[]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "[python]");
        assert!(lines[1].starts_with("  import torch"));
        // Issue 9: the comment goes on as comment lines (still valid Python), words whole.
        let end = lines.len() - 1;
        assert_eq!(lines[end], "  print(\"x\")");
        for l in &lines[2..end] {
            assert!(l.trim_start().starts_with("# "), "comment line: {out}");
        }
        for l in &lines {
            assert!(cols(l) <= width, "{width}: {l}");
        }
        let words: Vec<&str> = lines[1..end]
            .iter()
            .flat_map(|l| l.split_whitespace())
            .filter(|w| *w != "#")
            .collect();
        assert_eq!(
            words.join(" "),
            "import torch 아주 긴 주석이 붙어서 화면 폭을 넘어가는 코드 줄입니다 그리고 더 길게 이어집니다"
        );
        let color = render_md(md, width, &[("CLICOLOR_FORCE", "1")]);
        assert!(color.contains("\x1b[2m# 아주"), "comment dimmed: {color:?}");
    }
}

#[test]
fn links_and_images_in_plain_text() {
    let md =
        "[문서](https://docs.python.org/3/) 와 <https://pypi.org> 그리고 ![로봇 사진](robot.png)\n";
    let out = render_md(md, 80, &[]);
    assert!(
        out.contains(
            "문서 (https://docs.python.org/3/) 와 https://pypi.org 그리고 [image: 로봇 사진]"
        ),
        "{out}"
    );
}

/// Issue 9: a lesson link shows its command without nesting parentheses
/// (`다음 레슨(가상환경 (course lesson environments))` was the bug), in both languages, plain and
/// in colour. A target inside an open parenthesis follows a colon instead.
#[test]
fn issue9_lesson_links_never_nest_parentheses() {
    let mut seen = 0;
    for lang in ["ko", "en"] {
        for color in ["never", "always"] {
            for id in 1..=7 {
                let id = &id.to_string();
                let out = course()
                    .current_dir(tempdir().path())
                    .args([
                        "--lang",
                        lang,
                        "--color",
                        color,
                        "--no-pager",
                        "--width",
                        "400",
                    ])
                    .args(["lesson", id.as_str()])
                    .output()
                    .unwrap();
                let text = strip_ansi(&String::from_utf8(out.stdout).unwrap());
                for line in text.lines() {
                    let mut depth = 0i32;
                    for (at, c) in line.char_indices() {
                        match c {
                            '(' if line[at..].starts_with("(course lesson ") => {
                                assert_eq!(depth, 0, "{lang} {id}: nested: {line}");
                                depth += 1;
                            }
                            '(' => depth += 1,
                            ')' => depth = (depth - 1).max(0),
                            _ => {}
                        }
                    }
                    seen += line.matches("course lesson ").count();
                }
            }
        }
    }
    // The lessons do link to each other (the check above looked at something).
    assert!(seen > 20, "{seen}");
    let pip = course()
        .args([
            "--lang",
            "ko",
            "--no-pager",
            "--width",
            "400",
            "lesson",
            "pip",
        ])
        .output()
        .unwrap();
    let pip = String::from_utf8(pip.stdout).unwrap();
    assert!(
        pip.contains("다음 레슨(가상환경: course lesson environments)에서"),
        "{pip}"
    );
}
