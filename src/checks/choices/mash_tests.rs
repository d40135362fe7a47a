//! Keyboard mash as a reason (issue 9, release-build learner audit item 2): it fails as
//! `choices/reason-not-prose` with the mash wording, in both languages; honest reasons, short
//! ones and ones with a stray mash word among real words, pass.

use super::tests::params;
use super::*;
use crate::i18n::Lang;

/// The findings of an answer file whose first reason is `first` and second an honest one.
fn run_reason(first: &str) -> Vec<Finding> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("answers")).unwrap();
    let text = format!(
        "data_exploration:\n  choice: jupyter\n  reason: \"{first}\"\ntraining:\n  choice: script\n  reason: 서버에서 며칠씩 사람 없이 돌아가서\n"
    );
    std::fs::write(dir.path().join("answers/a.yaml"), text).unwrap();
    run(&params(), &CheckContext::new(dir.path(), true, None))
}

fn failing_codes(f: &[Finding]) -> Vec<Code> {
    f.iter()
        .filter(|f| f.status != crate::checks::Status::Pass)
        .map(|f| f.code)
        .collect()
}

#[test]
fn issue9_mash_reasons_are_not_sentences() {
    for reason in [
        "asdfasdfasdf",
        "qwerqwerqwer",
        "zxcvzxcvzxcv",
        "hjklhjklhjkl",
        "ㅁㄴㅇㄹㅁㄴㅇㄹㅁㄴ",
        "ㅂㅈㄷㄱㅂㅈㄷㄱㅂㅈ",
        "asdf qwer zxcv",
    ] {
        let f = run_reason(reason);
        assert_eq!(failing_codes(&f), [Code::ChoicesReasonNotProse], "{reason}");
        let en = f[0].message.get(Lang::En);
        assert!(en.contains("keyboard mash"), "{en}");
        let ko = f[0].message.get(Lang::Ko);
        assert!(ko.contains("자판을 이어서 누른 글자"), "{ko}");
    }
    // Jamo are read by their names: ㄴ 니은, so 은.
    for (reason, said) in [
        ("ㅁㄴㅇㄹㅁㄴㅇㄹㅁㄴ", "\"ㅁㄴㅇㄹㅁㄴㅇㄹㅁㄴ\"은 "),
        ("asdfasdfasdf", "\"asdfasdfasdf\"는 "),
    ] {
        let f = run_reason(reason);
        let ko = f[0].message.get(Lang::Ko);
        assert!(ko.contains(said), "{ko}");
    }
}

#[test]
fn issue9_honest_reasons_are_not_mash() {
    for reason in [
        "EDA는 노트북에서 그래프 보며",
        "you can see plots next to the code",
        "cron으로 매일 돌리는 배포 코드라서",
        "그래프를 보며 조건을 바로 바꾼다",
        "runs for days, no browser",
        "sad: plots inline ㅎㅎ",
        "ㅋㅋ 그래프 바로 보려고",
    ] {
        let f = run_reason(reason);
        assert_eq!(failing_codes(&f), [], "{reason}: {f:?}");
    }
}

/// Four neighbouring keys of one row typed `times` times over (`asdfasdfasdf`).
fn walk(keys: &str, times: usize) -> String {
    keys.repeat(times)
}

proptest::proptest! {
    /// Any run of four-key walks (`asdf`, `qwer`, `zxcv`, `hjkl`), repeated, is mash; the same
    /// run beside an honest reason is not (the reason's words are real).
    #[test]
    fn walks_are_mash_and_honest_words_beside_them_are_not(
        row in proptest::sample::select(vec!["asdf", "qwer", "zxcv", "hjkl", "uiop"]),
        times in 3usize..6,
        honest in proptest::sample::select(vec![
            "EDA는 노트북에서 그래프 보며",
            "you can see plots next to the code",
            "cron으로 매일 돌리는 배포 코드라서",
        ]),
    ) {
        let mash = walk(row, times);
        let f = run_reason(&mash);
        proptest::prop_assert_eq!(failing_codes(&f), [Code::ChoicesReasonNotProse]);
        let f = run_reason(&format!("{honest} {}", &mash[..4]));
        proptest::prop_assert_eq!(failing_codes(&f), []);
    }

    /// Bare jamo of any length past the minimum are mash.
    #[test]
    fn bare_jamo_are_mash(jamo in "[ㄱ-ㅎㅏ-ㅣ]{10,30}") {
        let f = run_reason(&jamo);
        proptest::prop_assert_eq!(failing_codes(&f), [Code::ChoicesReasonNotProse]);
    }
}
