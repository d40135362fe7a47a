//! Unit tests of the home screen's state machine and layout (no terminal).

use super::*;
use crate::render::text::width as text_width;
use crate::terminal::keys::Key;

fn plain(_: Style, text: &str) -> String {
    text.to_string()
}

fn row(item: Item, title: &str, status: &str) -> Row {
    Row {
        item,
        title: title.into(),
        status: status.into(),
        style: Style::Dim,
        edit: true,
    }
}

fn home(width: u16, height: u16) -> Home {
    let rows = vec![
        row(Item::Lesson(0), "왜 생태계인가", "읽음"),
        row(Item::Lesson(1), "pip와 requirements.txt", "지금"),
        row(Item::Lesson(2), "가상환경", "아직"),
        row(
            Item::Exercise("requirements".into()),
            "requirements.txt 작성",
            "실패",
        ),
        row(
            Item::Exercise("environment".into()),
            "가상환경 만들기",
            "아직",
        ),
    ];
    let labels = Labels {
        title: "Python 생태계".into(),
        progress: "읽은 레슨 1/3".into(),
        lessons: "레슨".into(),
        exercises: "연습 문제".into(),
        keys: "↑↓ 이동 · Enter 열기 · q 끝내기".into(),
        keys_no_edit: "↑↓ 이동 · q 끝내기".into(),
        hit_keys: "Enter 열기 · Esc 돌아가기".into(),
        panel_keys: "d/u 넘기기".into(),
        no_exercise: "연습 문제를 고르세요".into(),
        ascii: false,
        color: false,
    };
    Home::new(rows, labels, 1, width, height)
}

fn screen(h: &Home) -> Vec<String> {
    h.lines(&plain)
}

#[test]
fn the_screen_lists_both_sections_with_the_start_row_selected() {
    let h = home(60, 14);
    let s = screen(&h);
    assert_eq!(s.len(), 14);
    assert_eq!(s[0], "Python 생태계 · 읽은 레슨 1/3");
    assert_eq!(s[1], "레슨");
    assert_eq!(s[2], "  읽음  1. 왜 생태계인가");
    assert_eq!(s[3], "> 지금  2. pip와 requirements.txt");
    assert_eq!(s[5], "");
    assert_eq!(s[6], "연습 문제");
    assert_eq!(s[7], "  실패  requirements.txt 작성 (requirements)");
    assert_eq!(s[13], "↑↓ 이동 · Enter 열기 · q 끝내기");
}

#[test]
fn arrows_and_j_k_move_within_bounds_and_enter_opens() {
    let mut h = home(60, 14);
    assert_eq!(h.handle(Key::Up), Action::Redraw);
    assert_eq!(h.handle(Key::Char('k')), Action::Nothing, "top already");
    for _ in 0..3 {
        h.handle(Key::Char('j'));
    }
    assert_eq!(
        h.handle(Key::Enter),
        Action::Open(Item::Exercise("requirements".into()))
    );
    h.handle(Key::Char('G'));
    assert_eq!(h.handle(Key::Down), Action::Nothing, "bottom already");
    assert_eq!(
        h.selected().unwrap().item,
        Item::Exercise("environment".into())
    );
    h.handle(Key::Home);
    assert_eq!(h.handle(Key::Enter), Action::Open(Item::Lesson(0)));
}

#[test]
fn c_h_e_act_on_exercises_and_explain_on_lessons() {
    let mut h = home(60, 14);
    assert_eq!(h.handle(Key::Char('c')), Action::Redraw);
    assert_eq!(screen(&h)[13], "연습 문제를 고르세요");
    // The note goes with the next key.
    h.handle(Key::Down);
    h.handle(Key::Down);
    assert_eq!(screen(&h)[13], "↑↓ 이동 · Enter 열기 · q 끝내기");
    let id = || "requirements".to_string();
    assert_eq!(h.handle(Key::Char('c')), Action::Check(id()));
    assert_eq!(h.handle(Key::Char('h')), Action::Hint(id()));
    assert_eq!(h.handle(Key::Char('e')), Action::Edit(id()));
}

#[test]
fn the_detail_panel_wraps_to_the_width_and_rewraps_on_resize() {
    let mut h = home(30, 16);
    h.set_detail(Some(Detail {
        title: "실패: requirements.txt 작성".into(),
        style: Style::Fail,
        lines: vec!["requirements.txt:4: `wandb`에 왜 필요한지 설명하는 주석이 없습니다".into()],
    }));
    let s = screen(&h);
    let rule = s.iter().position(|l| l.starts_with('─')).expect("a rule");
    assert_eq!(s[rule + 1], "실패: requirements.txt 작성");
    assert!(s.iter().all(|l| text_width(l) <= 30), "{s:#?}");
    let wrapped = s[rule + 2..].iter().filter(|l| !l.is_empty()).count();
    assert!(wrapped >= 2, "{s:#?}");
    h.handle(Key::Resize(80, 16));
    let s = screen(&h);
    let rule = s.iter().position(|l| l.starts_with('─')).unwrap();
    assert!(s[rule + 2].ends_with("주석이 없습니다"), "{s:#?}");
    // q closes the panel first, then quits.
    assert_eq!(h.handle(Key::Char('q')), Action::Redraw);
    assert!(!screen(&h).iter().any(|l| l.starts_with('─')));
    assert_eq!(h.handle(Key::Char('q')), Action::Quit);
}

#[test]
fn a_small_screen_scrolls_to_keep_the_selection_visible() {
    let mut h = home(40, 5); // 3 list rows
    for _ in 0..3 {
        h.handle(Key::Down);
    }
    let s = screen(&h);
    assert_eq!(s.len(), 5);
    assert!(
        s.iter().any(|l| l.starts_with("> 아직  가상환경 만들기")),
        "{s:#?}"
    );
    h.handle(Key::Home);
    let s = screen(&h);
    assert_eq!(
        s[1], "레슨",
        "the heading comes back with the first row: {s:#?}"
    );
    h.handle(Key::Resize(20, 5));
    assert_eq!(screen(&h)[0], "읽은 레슨 1/3", "the course title gives way");
    h.handle(Key::Resize(40, 1));
    assert_eq!(screen(&h).len(), 1);
}

#[test]
fn search_input_then_results_then_back() {
    let mut h = home(60, 14);
    h.handle(Key::Char('/'));
    for c in "가상".chars() {
        h.handle(Key::Char(c));
    }
    assert_eq!(screen(&h)[13], "/가상");
    assert_eq!(h.handle(Key::Enter), Action::Search("가상".into()));
    h.show_hits(
        "가상".into(),
        "2 lessons".into(),
        vec![
            Hit {
                lesson: 2,
                title: "가상환경".into(),
                line: "가상환경을 만든다".into(),
                count: 3,
            },
            Hit {
                lesson: 0,
                title: "왜".into(),
                line: "가상".into(),
                count: 1,
            },
        ],
    );
    let s = screen(&h);
    assert_eq!(s[1], "2 lessons");
    assert_eq!(s[2], "> 3. 가상환경 (3): 가상환경을 만든다");
    assert_eq!(s[13], "Enter 열기 · Esc 돌아가기");
    assert_eq!(
        h.handle(Key::Char('c')),
        Action::Redraw,
        "no exercise in results"
    );
    h.handle(Key::Down);
    assert_eq!(h.handle(Key::Enter), Action::OpenHit(0, "가상".into()));
    assert_eq!(h.handle(Key::Esc), Action::Redraw);
    assert_eq!(screen(&h)[3], "> 지금  2. pip와 requirements.txt");
    // Esc while typing cancels the search; an empty search does nothing.
    h.handle(Key::Char('/'));
    assert_eq!(h.handle(Key::Esc), Action::Redraw);
    h.handle(Key::Char('/'));
    assert_eq!(h.handle(Key::Enter), Action::Redraw);
    assert_eq!(h.handle(Key::Ctrl('c')), Action::Interrupt);
}

/// A found line and a panel much longer than the screen, in Korean and English.
fn long_texts() -> (Vec<Hit>, Detail) {
    let line = "가상환경을 만들면 프로젝트마다 패키지 버전을 따로 둘 수 있고, \
                a virtual environment keeps each project's packages apart from the system";
    let hits = vec![Hit {
        lesson: 2,
        title: "가상환경(venv)과 conda 환경 비교하기".into(),
        line: line.into(),
        count: 12,
    }];
    let detail = Detail {
        title: "실패: requirements.txt 작성 (requirements) · Write a requirements.txt".into(),
        style: Style::Fail,
        lines: (1..=12)
            .map(|i| {
                format!("{i}번째 문제: `numpy>=`의 버전이 없습니다; write the version after `>=`")
            })
            .collect(),
    };
    (hits, detail)
}

/// Every word of `text` is somewhere on `screen`, whole.
fn all_words_shown(screen: &[String], text: &str) -> bool {
    let shown: Vec<&str> = screen.iter().flat_map(|l| l.split_whitespace()).collect();
    text.split_whitespace().all(|w| shown.contains(&w))
}

#[test]
fn issue9_search_results_wrap_whole_words_at_60_80_140() {
    let (hits, _) = long_texts();
    for width in [60u16, 80, 140] {
        let mut h = home(width, 20);
        h.show_hits(
            "가상".into(),
            "1개 레슨에서 찾았습니다".into(),
            hits.clone(),
        );
        let s = screen(&h);
        assert!(s.iter().all(|l| text_width(l) <= width as usize), "{s:#?}");
        assert!(!s.iter().any(|l| l.contains('…')), "{width}: cut: {s:#?}");
        assert!(all_words_shown(&s, &hits[0].line), "{width}: {s:#?}");
        assert!(all_words_shown(&s, &hits[0].title), "{width}: {s:#?}");
        if width == 60 {
            assert!(s[2].starts_with("> 3. 가상환경(venv)과"), "{s:#?}");
            assert!(s[3].starts_with("     "), "hangs under the title: {s:#?}");
        }
    }
}

#[test]
fn issue9_the_panel_scrolls_with_the_keys_it_lists_and_nothing_is_cut() {
    let (_, detail) = long_texts();
    for width in [60u16, 80, 140] {
        let mut h = home(width, 24);
        h.set_detail(Some(detail.clone()));
        let mut seen: Vec<String> = Vec::new();
        let mut s = screen(&h);
        assert_eq!(s.len(), 24);
        let keys = s.iter().find(|l| l.contains("d/u 넘기기")).cloned();
        assert!(keys.is_some_and(|k| k.starts_with("1-")), "{width}: {s:#?}");
        for _ in 0..20 {
            assert!(s.iter().all(|l| text_width(l) <= width as usize), "{s:#?}");
            assert!(!s.iter().any(|l| l.contains('…')), "{width}: cut: {s:#?}");
            seen.extend(s.iter().cloned());
            if h.handle(Key::Char('d')) == Action::Nothing {
                break;
            }
            s = screen(&h);
        }
        for line in &detail.lines {
            assert!(all_words_shown(&seen, line), "{width}: {line} never shown");
        }
        // `u` goes back to the top; the list keeps working meanwhile.
        while h.handle(Key::Char('u')) == Action::Redraw {}
        let s = screen(&h);
        assert!(
            s.iter().any(|l| l.starts_with("실패: requirements.txt")),
            "{s:#?}"
        );
        assert_eq!(h.handle(Key::Down), Action::Redraw);
    }
    // Without a panel, or with one that fits, d and u do nothing.
    let mut h = home(80, 24);
    assert_eq!(h.handle(Key::Char('d')), Action::Nothing);
    h.set_detail(Some(Detail {
        title: "통과".into(),
        style: Style::Pass,
        lines: vec!["좋습니다".into()],
    }));
    assert_eq!(h.handle(Key::Char('d')), Action::Nothing);
    assert!(!screen(&h).iter().any(|l| l.contains("d/u")));
}

#[test]
fn issue9_long_titles_and_notes_wrap_instead_of_being_cut() {
    let mut h = home(40, 16);
    let title = "가상환경을 만들고 요구사항을 고정한 뒤 설치하기";
    let mut rows = vec![row(Item::Lesson(0), title, "읽음")];
    rows.push(row(Item::Exercise("env".into()), title, "아직"));
    h.set_rows(rows);
    h.set_message("c, h, e는 연습 문제에서 씁니다. 아래로 내려가 연습 문제를 고르십시오");
    let s = screen(&h);
    assert!(s.iter().all(|l| text_width(l) <= 40), "{s:#?}");
    assert!(all_words_shown(&s, title), "{s:#?}");
    assert!(
        all_words_shown(&s, "아래로 내려가 연습 문제를 고르십시오"),
        "{s:#?}"
    );
    assert_eq!(s.len(), 16);
}

#[test]
fn issue9_every_key_is_listed_at_60_columns() {
    let mut h = home(60, 14);
    let mut labels = h.labels.clone();
    labels.keys = "↑↓/jk 이동 · Enter 열기 · c 확인 · h 힌트 · e 편집 · / 검색 · q 끝내기".into();
    h.set_labels(labels);
    let s = screen(&h);
    assert_eq!(s.len(), 14);
    assert_eq!(
        s[12],
        "↑↓/jk 이동 · Enter 열기 · c 확인 · h 힌트 · e 편집 · / 검색"
    );
    assert_eq!(s[13], "q 끝내기");
    // Too narrow for two rows: keys go from the middle, the way out stays.
    h.handle(Key::Resize(20, 14));
    let s = screen(&h);
    assert_eq!(s[12..], ["↑↓/jk 이동", "q 끝내기"], "{s:#?}");
}

#[test]
fn issue9_panel_prose_wraps_flush_and_only_list_items_and_fixes_hang() {
    let prose = "VLA 모델은 이미지(vision)와 언어(language)를 받아 행동(action)을 낸다. 각각을 처리하는 데 어떤 라이브러리가 필요할지 떠올려 보자.";
    let item = "• 설치를 기다리는 동안처럼 지금 못 하는 문제는 `course skip`으로 미뤄 둔다.";
    let fix = "  → 줄 끝(numpy # 쓰는 이유)이나 바로 윗줄에 주석을 다십시오. 이유가 있어야 합니다.";
    let command = "    python -m venv .venv && .venv/bin/python -m pip install -r requirements.txt";
    let next = "힌트 더 보기: course hint requirements";
    for width in [40, 60, 80] {
        let mut h = home(width, 40);
        h.set_detail(Some(Detail {
            title: "힌트 1/4 · requirements.txt 작성".into(),
            style: Style::Heading,
            lines: [prose, item, fix, command, "", next]
                .map(String::from)
                .to_vec(),
        }));
        let s = screen(&h);
        let at = |start: &str| s.iter().position(|l| l.starts_with(start)).unwrap();
        let p = at("VLA");
        assert!(!s[p + 1].starts_with(' '), "{width}: prose hangs: {s:#?}");
        let i = at("• 설치를");
        assert!(
            s[i + 1].starts_with("  ") && !s[i + 1].starts_with("   "),
            "{width}: {s:#?}"
        );
        let f = at("  → 줄 끝");
        assert!(
            s[f + 1].starts_with("    ") && !s[f + 1].starts_with("     "),
            "{width}: {s:#?}"
        );
        let c = at("    python -m venv");
        assert!(
            s[c].ends_with(" \\") || s[c].ends_with("requirements.txt"),
            "{width}: {s:#?}"
        );
        assert!(
            s.iter().any(|l| l.ends_with("course hint requirements")),
            "{width}: {s:#?}"
        );
        assert!(
            s.iter().any(|l| l.contains("`course skip`으로")),
            "{width}: {s:#?}"
        );
        assert!(
            s.iter().all(|l| text_width(l) <= width as usize),
            "{width}: {s:#?}"
        );
    }
}

/// The panel of `c` shows code as `course check` does (issue 9 item 6): with colour, code
/// spans in the code colour and no backticks (also a span broken over two rows); commands
/// as code; the prose itself not painted. Without colour the backticks stay.
#[test]
fn issue9_the_check_panel_shows_code_spans_without_backticks_in_colour() {
    fn tagged(style: Style, text: &str) -> String {
        format!("<{style:?}>{text}</>")
    }
    let detail = Detail {
        title: "실패: 가상환경 만들기 (environment)".into(),
        style: Style::Fail,
        lines: vec![
            "`torch`가 .venv(Python 3.11.7)에 설치되어 있지 않습니다. 이 줄은 길어서 `python -m pip install torch` 명령이 두 줄에 걸칩니다".into(),
            "  → 설치하십시오:".into(),
            "      .venv/bin/python -m pip install torch".into(),
        ],
    };
    for width in [60u16, 80] {
        let mut h = home(width, 30);
        h.labels.color = true;
        h.set_detail(Some(detail.clone()));
        let s = h.lines(&tagged);
        let text = s.join("\n");
        assert!(!text.contains('`'), "{text}");
        assert!(text.contains("\x1b["), "code spans painted: {text}");
        assert!(
            text.contains("<Code>      .venv/bin/python -m pip install torch</>"),
            "{text}"
        );
        assert!(!text.contains("<Code>  → 설치하십시오:"), "{text}");
        let mut h = home(width, 30);
        h.set_detail(Some(detail.clone()));
        let plain_text = h.lines(&plain).join("\n");
        assert!(plain_text.contains("`torch`가"), "{plain_text}");
    }
}
