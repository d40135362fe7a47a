//! Tests of the asker: typed choices and reasons, piped and on a terminal.

use super::*;
use crate::checks::choices::test_params as params;

#[test]
fn numbers_and_spellings_resolve() {
    let p = params();
    assert_eq!(resolve(&p, "2"), Some(1));
    assert_eq!(resolve(&p, "0"), None);
    assert_eq!(resolve(&p, "4"), None);
    assert_eq!(resolve(&p, " Notebook"), Some(0));
    assert_eq!(resolve(&p, "colab"), Some(2));
}

#[test]
fn yes_and_no_in_both_languages() {
    for y in ["", " ", "y", "Yes", "예", " 네 "] {
        assert_eq!(crate::terminal::parse_yes_no(y, true), Some(true), "{y}");
    }
    for n in ["N", "no", "아니오", "아니요"] {
        assert_eq!(crate::terminal::parse_yes_no(n, true), Some(false), "{n}");
    }
    assert_eq!(crate::terminal::parse_yes_no("maybe", true), None);
    assert_eq!(crate::terminal::parse_yes_no(" ", false), Some(false));
}

fn asker(input: &str, interactive: bool) -> Asker<'static, std::io::Cursor<Vec<u8>>> {
    static TERM: std::sync::OnceLock<Term> = std::sync::OnceLock::new();
    Asker {
        input: std::io::Cursor::new(input.as_bytes().to_vec()),
        interactive,
        arrows: false,
        lang: Lang::Ko,
        term: TERM.get_or_init(|| Term::plain(80)),
    }
}

#[test]
fn a_terminal_asks_again_for_a_line_with_arrow_keys() {
    let mut a = asker(
        "사람 없이 오래 돌아가야 한다\x1b[D\x1b[D서버에서 \x1b[4\n백스페이스\x7f로\n사람 없이 서버에서 오래 돌아가야 한다\n",
        true,
    );
    let reason = a
        .reason(&params(), &params().questions[0], None, 2)
        .unwrap_or_else(|_| panic!("stopped"));
    assert_eq!(reason, "사람 없이 서버에서 오래 돌아가야 한다");
    // A kept default with control characters is never offered (see `run`), and a typed
    // choice with them is asked again too.
    let mut a = asker("jup\x1b[Cyter\n2\n", true);
    assert_eq!(a.choice(&params(), None, 1).ok(), Some(1));
}

#[test]
fn esc_enter_and_ctrl_d_cancel_on_a_terminal() {
    for input in ["\x1b\n", " \x1b \r\n", ""] {
        let mut a = asker(input, true);
        assert!(
            matches!(
                a.reason(&params(), &params().questions[0], None, 1),
                Err(Stop::Cancelled)
            ),
            "{input:?}"
        );
    }
}

#[test]
fn piped_control_characters_are_an_error() {
    let mut a = asker("runs on a server\x1b[D for hours\n", false);
    match a.reason(&params(), &params().questions[0], None, 2) {
        Err(Stop::Error(e)) => {
            let m = e.to_string();
            assert!(m.contains("제어 문자") && m.contains("\\e[D"), "{m}");
            assert!(!m.contains('\x1b'), "{m}");
        }
        _ => panic!("accepted"),
    }
    let mut a = asker("y\x08\n", false);
    assert!(matches!(a.confirm(), Err(Stop::Error(_))));
    let mut a = asker("\n", false);
    assert!(matches!(a.confirm(), Ok(true)));
}

#[test]
fn english_hides_hangul_aliases() {
    let p = params();
    assert_eq!(aliases(&p, &p.options.0[0], Lang::En), ["notebook"]);
    assert_eq!(
        aliases(&p, &p.options.0[0], Lang::Ko),
        ["notebook", "주피터"]
    );
    assert_eq!(
        shown_spellings(&p, Lang::En),
        "jupyter, notebook | script, py, .py | colab"
    );
    assert_eq!(caret("a\x1b[D\x7f"), "a^[[D^?");
}
