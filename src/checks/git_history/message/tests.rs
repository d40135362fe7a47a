//! Unit tests of commit messages: words, mash, placeholders, and the example a fix suggests.

use super::*;
use crate::i18n::Lang;

fn said(m: &str) -> bool {
    unsaid(m.as_bytes()).is_none()
}

#[test]
fn messages_that_are_words() {
    for m in [
        "ok",
        "add a",
        "fix",
        "wip",
        "수정",
        "테스트",
        "update",
        "README 추가",
        "Add hello.py",
        "학습률 추가\n\n본문",
        "Add README",
        "fix typo",
        "초기 커밋",
        "수정 ㅋㅋ",
        "asdf 함수 이름 수정",
        "Fix asdf typo",
        "1차 정리",
        "설명",
        "message 출력 추가",
    ] {
        assert!(said(m), "{m}");
    }
    for m in [
        ".",
        "-",
        "aaa",
        "AaA",
        "ㅋㅋㅋ",
        "하하",
        "1",
        "...\n",
        "차차",
    ] {
        assert_eq!(
            unsaid(m.as_bytes()).map(|u| u.0),
            Some(Unsaid::NoWords),
            "{m}"
        );
    }
}

/// Issue 9: keyboard mash passed as words; only `ㅋㅋㅋ` (one letter) was caught.
#[test]
fn issue9_keyboard_mash_is_not_words() {
    for m in [
        "asdf",
        "ASDF",
        "qwer",
        "zxcv",
        "asdfgh",
        "jkl;",
        "fdsa",
        "asdf qwer",
        "asdf\n",
        "ㅁㄴㅇㄹ",
        "ㅋㅋ ㅎㅎ",
        "ㅏㅓㅗㅜ",
    ] {
        assert_eq!(
            unsaid(m.as_bytes()).map(|u| u.0),
            Some(Unsaid::NoWords),
            "{m}"
        );
    }
}

/// Issue 9 (second audit): mash back and forth on the home row (`jkjk`) passed, and `1차`
/// ("first round") failed.
#[test]
fn issue9_home_row_walks_fail_and_a_counted_round_passes() {
    for m in [
        "jkjk",
        "hjkl",
        "sdf",
        "kjkj",
        "hjklkjh",
        "asdfasdf",
        "asdfjkl;",
        "jkjk hjkl",
        "sdfsdf",
    ] {
        assert_eq!(
            unsaid(m.as_bytes()).map(|u| u.0),
            Some(Unsaid::NoWords),
            "{m}"
        );
    }
    // Real words typed on one row keep passing: a gap, a doubled key, three back and forth.
    for m in [
        "1차",
        "2차 수정",
        "3번",
        "sad",
        "flask",
        "add",
        "tree",
        "pop",
        "all",
        "jk",
        "gas",
    ] {
        assert!(said(m), "{m}");
    }
}

/// Issue 9 (second audit): the fix's own `변경 내용 설명` passed when pasted literally.
#[test]
fn issue9_placeholders_are_not_messages() {
    for m in [
        "변경 내용 설명",
        "Describe the change",
        "describe the change.",
        "describe  the change\n",
        "<what the commit changed>",
        "<커밋에서 바꾼 내용>",
        "<message>",
        "<what you changed>",
        "<바꾼 내용>",
        "커밋 메시지",
        "commit message",
    ] {
        assert_eq!(
            unsaid(m.as_bytes()).map(|u| u.0),
            Some(Unsaid::Placeholder),
            "{m}"
        );
    }
}

fn ex(changes: &[(Delta, &str)]) -> (String, String) {
    let changes: Vec<(Delta, String)> = changes.iter().map(|(d, p)| (*d, p.to_string())).collect();
    let t = example(&changes);
    (t.get(Lang::En).to_string(), t.get(Lang::Ko).to_string())
}

/// The example names the commit's files, and passes as a message itself; with no change it
/// is a placeholder, which fails if pasted.
#[test]
fn issue9_the_example_says_what_the_commit_changed() {
    let (a, m, d) = (Delta::Added, Delta::Modified, Delta::Deleted);
    assert_eq!(
        ex(&[(a, "README.md")]),
        ("Add README.md".into(), "README.md 추가".into())
    );
    assert_eq!(
        ex(&[(a, ".gitignore"), (a, "src/hello.py")]),
        (
            "Add hello.py and 1 more".into(),
            "hello.py 외 1개 추가".into()
        )
    );
    assert_eq!(
        ex(&[(m, "hello.py")]),
        ("Update hello.py".into(), "hello.py 수정".into())
    );
    assert_eq!(
        ex(&[(d, "notes.txt")]),
        ("Remove notes.txt".into(), "notes.txt 삭제".into())
    );
    assert_eq!(
        ex(&[(a, "a.py"), (m, "b.py"), (a, "c.py"), (a, "d.py")]),
        ("Update a.py and 3 more".into(), "a.py 외 3개 수정".into())
    );
    for changes in [&[(a, "asdf.py")][..], &[(m, "jkjk")][..], &[(a, "x")][..]] {
        let (en, ko) = ex(changes);
        assert!(said(&en) && said(&ko), "{en} / {ko}");
    }
    let (en, ko) = ex(&[]);
    assert!(!said(&en) && !said(&ko), "{en} / {ko}");
}

/// Issue 9 (audit at 23:00): `jupyter_vs_script.yaml, base.yaml 외 4개 파일 추가` wrapped
/// inside its quotes at 60 columns. One name and a count, a long name cut: never wider
/// than [`EXAMPLE_COLUMNS`].
#[test]
fn issue9_the_example_is_one_name_and_a_count_never_wide() {
    let a = Delta::Added;
    let names = [
        "jupyter_vs_script.yaml",
        "base.yaml",
        "a.yaml",
        "b.yaml",
        "c.yaml",
        "d.yaml",
    ];
    let changes: Vec<(Delta, &str)> = names.iter().map(|n| (a, *n)).collect();
    assert_eq!(
        ex(&changes),
        (
            "Add jupyter_vs_scr… and 5 more".into(),
            "jupyter_vs_scr… 외 5개 추가".into()
        )
    );
    let long = "학습_데이터_전처리_스크립트_최종본_진짜최종.py";
    let (en, ko) = ex(&[(a, long), (a, "b.py")]);
    for t in [en, ko] {
        assert!(super::width(&t) <= EXAMPLE_COLUMNS, "{t}");
        assert!(said(&t), "{t}");
    }
}

mod random {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any bytes are judged without a panic.
        #[test]
        fn any_message_is_judged(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let _ = unsaid(&bytes);
        }

        /// The example a fix suggests for a commit that changed files passes as a message,
        /// whatever the files are called, in both languages: pasted, it is not flagged again.
        #[test]
        fn the_example_for_changed_files_passes(
            paths in prop::collection::vec("[a-zA-Z0-9_./ㄱ-ㅎ가-힣-]{1,12}", 1..5),
            added in any::<bool>(),
        ) {
            let status = if added { Delta::Added } else { Delta::Modified };
            let changes: Vec<(Delta, String)> = paths.into_iter().map(|p| (status, p)).collect();
            let t = example(&changes);
            for lang in [Lang::En, Lang::Ko] {
                prop_assert!(unsaid(t.get(lang).as_bytes()).is_none(), "{}", t.get(lang));
            }
        }
    }
}
