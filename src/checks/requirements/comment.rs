//! When a comment explains a requirement: real text, fair to Korean.
//!
//! A comment explains when it has at least one *word* that is not the package's name (nor a
//! part of it, nor a version) and that is real text: at least two different letters, and at
//! least 3 letters, a Hangul syllable or CJK character counting as 2 (so the two-syllable
//! Korean words `학습`, `배열`, `기록` pass, like `api` or `deep learning`). It does not when
//! it is punctuation or digits only, one character repeated (`aaa`, `ㅋㅋㅋ`, `하하`), keyboard
//! mash as a commit message would be judged (`asdf`, `ㅁㄴㅇㄹ`, `jkjk`), or only
//! the package's name again (`torch  # torch`, `# PyTorch 2.1`, `scikit-learn  # sklearn`),
//! nor when its only other words are ones that fit any package and so say nothing about this
//! one (`words.rs`: `# package`, `# 필요한 라이브러리`, `# torch 패키지`, `# needed`, and how much
//! it matters, `# 중요`, `# important`, `# 기본 패키지`, `# 설치해야 함`) or a link
//! (`# https://pypi.org/project/torch`), nor when it is a placeholder left to fill in
//! (`# TODO`, `# 설명`, `# 여기에 설명`, `# description`, `# <...>`).

/// Why a comment does not explain its requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weak {
    /// No letters at all: punctuation, symbols or digits (`# ---`, `# 1.0`).
    NoText,
    /// One character repeated (`# aaa`, `# ㅋㅋㅋ`).
    Repeated,
    /// Keyboard mash (`# asdf`, `# ㅁㄴㅇㄹ`, `# jkjk`): [`crate::prose::mash`], the rule a
    /// commit message is held to too.
    Mash,
    /// Only the package's name (and versions).
    OnlyName,
    /// Words, but none long enough to say anything (`# ok`, `# 책`).
    TooShort,
    /// Only words that fit every package (`# package`, `# 필요한 라이브러리`) or a link.
    Filler,
    /// A placeholder left to fill in (`# TODO`, `# 설명`, `# description`, `# <...>`).
    Placeholder,
}

mod words;
use words::{is_filler, is_placeholder};

/// The comment without links (`https://...`): a link names where the package is, not why
/// the project needs it.
fn without_links(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !w.contains("://") && !w.starts_with("www."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Letters-and-digits words of `text`, lowercased.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !crate::prose::is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// A Hangul syllable or a CJK ideograph: one character that is a whole syllable or word.
fn is_syllable(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Is `word` one of the name's words, or does it hold one (`pytorch` for `torch`)?
fn is_name(word: &str, name_words: &[String]) -> bool {
    let joined: String = name_words.concat();
    name_words
        .iter()
        .any(|n| n == word || (n.chars().count() >= 3 && word.contains(n.as_str())))
        || (!joined.is_empty()
            && (word == joined || joined.contains(word) && word.chars().count() >= 3))
}

/// Does `word` say something: two different letters, weight at least 3?
fn is_real_word(word: &str) -> bool {
    let letters: Vec<char> = word
        .chars()
        .filter(|&c| crate::prose::is_letter(c))
        .collect();
    let first = letters.first().copied();
    let varied = letters.iter().any(|c| Some(*c) != first);
    let weight: usize = letters
        .iter()
        .map(|&c| if is_syllable(c) { 2 } else { 1 })
        .sum();
    varied && weight >= 3
}

/// Judge a comment (the text after `#`) as the explanation of a package whose name has
/// `name_words` (see [`words`]).
pub fn judge(comment: &str, name_words: &[String]) -> Result<(), Weak> {
    let text = comment.trim_start_matches(|c: char| c == '#' || c.is_whitespace());
    let letters: Vec<char> = text
        .chars()
        .filter(|&c| crate::prose::is_letter(c))
        .collect();
    if letters.is_empty() {
        return Err(Weak::NoText);
    }
    if letters.len() > 1
        && letters
            .iter()
            .all(|c| c.to_lowercase().eq(letters[0].to_lowercase()))
    {
        return Err(Weak::Repeated);
    }
    if text.trim_end().starts_with('<') && text.trim_end().ends_with('>') {
        return Err(Weak::Placeholder); // `# <what it does for the project>`
    }
    if crate::prose::mash(text) {
        return Err(Weak::Mash);
    }
    let all = words(&without_links(text));
    let named: Vec<&String> = all
        .iter()
        .filter(|w| !is_name(w, name_words) && w.chars().any(crate::prose::is_letter))
        .filter(|w| !looks_like_version(w))
        .collect();
    let other: Vec<&String> = named
        .iter()
        .copied()
        .filter(|w| !is_filler(w) && !is_placeholder(w))
        .collect();
    if other.is_empty() {
        if named.iter().any(|w| is_placeholder(w)) {
            return Err(Weak::Placeholder);
        }
        let only_name = named.is_empty() && !text.contains("://");
        return Err(if only_name {
            Weak::OnlyName
        } else {
            Weak::Filler
        });
    }
    let distinct = |w: &str| {
        let mut letters: Vec<char> = w.chars().filter(|&c| crate::prose::is_letter(c)).collect();
        letters.sort_unstable();
        letters.dedup();
        letters.len()
    };
    if other.iter().all(|w| distinct(w) <= 1) && other.iter().any(|w| w.chars().count() > 1) {
        return Err(Weak::Repeated); // `# aaa bbb`
    }
    if other.iter().any(|w| is_real_word(w)) {
        Ok(())
    } else {
        Err(Weak::TooShort)
    }
}

/// A comment as compared with the others of the file (lowercase, the words only): two
/// requirements with the same key share one explanation.
pub fn same_key(comment: &str) -> String {
    words(comment).join(" ")
}

/// `v2`, `cu118`, `py3`: letters glued to digits, a version or build tag rather than a word.
fn looks_like_version(word: &str) -> bool {
    let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
    digits > 0 && word.chars().filter(|&c| crate::prose::is_letter(c)).count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge_for(comment: &str, name: &str) -> Result<(), Weak> {
        judge(comment, &words(name))
    }

    #[test]
    fn issue8_two_syllable_korean_words_explain() {
        for c in [
            "# 학습",
            "# 배열",
            "# 기록",
            "#모델 학습",
            "# 딥러닝 프레임워크",
            "# 이미지 읽기",
        ] {
            assert_eq!(judge_for(c, "numpy"), Ok(()), "{c}");
        }
    }

    #[test]
    fn honest_english_explains() {
        for c in [
            "# arrays",
            "# deep learning framework",
            "# api client",
            "# model training (tensors, nn.Module)",
        ] {
            assert_eq!(judge_for(c, "torch"), Ok(()), "{c}");
        }
    }

    #[test]
    fn issue8_tricks_do_not() {
        assert_eq!(judge_for("# aaa", "fakepkg"), Err(Weak::Repeated));
        assert_eq!(judge_for("# AaA", "fakepkg"), Err(Weak::Repeated));
        assert_eq!(judge_for("# ㅋㅋㅋ", "fakepkg"), Err(Weak::Repeated));
        assert_eq!(judge_for("# 하하", "fakepkg"), Err(Weak::Repeated));
        assert_eq!(judge_for("# ...", "fakepkg"), Err(Weak::NoText));
        assert_eq!(judge_for("# 1.0", "fakepkg"), Err(Weak::NoText));
        assert_eq!(judge_for("# torch", "torch"), Err(Weak::OnlyName));
        assert_eq!(judge_for("# Torch 2.1.0", "torch"), Err(Weak::OnlyName));
        assert_eq!(judge_for("# PyTorch", "torch"), Err(Weak::OnlyName));
        assert_eq!(
            judge_for("# scikit learn", "scikit-learn"),
            Err(Weak::OnlyName)
        );
        assert_eq!(judge_for("# sklearn", "scikit-learn"), Err(Weak::OnlyName));
        assert_eq!(judge_for("# torch cu118", "torch"), Err(Weak::OnlyName));
        assert_eq!(judge_for("# ok", "torch"), Err(Weak::TooShort));
        assert_eq!(judge_for("# 책", "torch"), Err(Weak::TooShort));
        assert_eq!(judge_for("# a b c", "torch"), Err(Weak::TooShort));
        assert_eq!(judge_for("# aaa bbb", "torch"), Err(Weak::Repeated));
    }

    #[test]
    fn words_that_fit_any_package_say_nothing() {
        for c in [
            "# package",
            "# library",
            "# needed for the project",
            "# torch package",
            "# 패키지",
            "# 라이브러리",
            "# 필요한 라이브러리",
            "# torch 패키지",
            "# 필요함",
            "# https://pypi.org/project/torch",
            "# see https://pytorch.org",
        ] {
            assert_eq!(judge_for(c, "torch"), Err(Weak::Filler), "{c}");
        }
    }

    #[test]
    fn issue9_fix_placeholders_are_not_explanations() {
        for c in [
            "# 쓰는 이유",
            "# what it is for",
            "# why the project needs it",
            "# 프로젝트에 필요한 이유",
            "# 용도",
            "# ...",
        ] {
            assert!(judge_for(c, "torch").is_err(), "{c}");
        }
    }

    #[test]
    fn issue9_honest_short_comments_still_explain() {
        for c in [
            "# 학습",
            "# 배열 연산",
            "# 이미지 처리에 쓰는 라이브러리",
            "# 프로젝트에서 모델 학습",
            "# 실험 기록 용도",
            "# arrays",
            "# what we train the model with",
            "# tensors and autograd",
        ] {
            assert_eq!(judge_for(c, "torch"), Ok(()), "{c}");
        }
    }

    #[test]
    fn issue9_placeholders_left_to_fill_in_do_not_explain() {
        for c in [
            "# 설명",
            "# 주석",
            "# comment",
            "# description",
            "# TODO",
            "# todo: 나중에",
            "# 여기에 설명",
            "# 여기에 주석 작성",
            "# 설명을 적으십시오",
            "# 나중에 주석 추가",
            "# 여기에 작성하기",
            "# your comment here",
            "# <what it does for the project>",
            "# <프로젝트에서 하는 일>",
            "# what it does for the project",
            "# 프로젝트에서 하는 일",
            "# <설명>",
        ] {
            assert_eq!(judge_for(c, "fakepkg"), Err(Weak::Placeholder), "{c}");
        }
        assert_eq!(judge_for("# ...", "fakepkg"), Err(Weak::NoText));
    }

    #[test]
    fn issue9_honest_short_comments_are_not_placeholders() {
        for c in [
            "# 배열",
            "# 이미지",
            "# 딥러닝",
            "# arrays",
            "# images",
            "# plots",
            "# config files",
            "# 이미지 설명 생성",
            "# what we train with",
            "# 설정 파일 읽기",
            "# 데이터 증강 추가",
            "# 설명을 생성하는 언어 모델",
            "# tensors <-> arrays",
        ] {
            assert_eq!(judge_for(c, "numpy"), Ok(()), "{c}");
        }
    }

    /// Issue 9 (audit at 23:00): mash failed as a commit message but passed as a comment.
    #[test]
    fn issue9_keyboard_mash_does_not_explain() {
        for c in [
            "# asdf",
            "# ㅁㄴㅇㄹ",
            "# jkjk",
            "# qwer asdf",
            "# ㅋㅋ ㅎㅎ",
        ] {
            assert_eq!(judge_for(c, "torch"), Err(Weak::Mash), "{c}");
        }
        for c in [
            "# 학습",
            "# arrays",
            "# sad faces",
            "# 모델 학습 ㅎㅎ",
            "# api client",
        ] {
            assert_eq!(judge_for(c, "torch"), Ok(()), "{c}");
        }
    }

    /// Issue 9 (learner audit): how much a package matters, or that it must be installed,
    /// is true of every line of the file and says nothing of what this package does.
    #[test]
    fn issue9_importance_and_must_install_say_nothing() {
        for c in [
            "# 중요",
            "# 중요함",
            "# 매우 중요한 패키지",
            "# 기본 패키지",
            "# 기본적인 라이브러리",
            "# 설치해야 함",
            "# 반드시 설치해야 합니다",
            "# 필수 의존성",
            "# 꼭 필요함",
            "# 핵심 라이브러리",
            "# important",
            "# very important package",
            "# needed",
            "# required",
            "# must install",
            "# basic package",
            "# dependency",
            "# core dependency",
            "# essential, must have",
            "# useful stuff",
        ] {
            for name in ["torch", "numpy", "pillow"] {
                assert_eq!(judge_for(c, name), Err(Weak::Filler), "{c} for {name}");
            }
        }
    }

    /// The honest short comments of the same audit keep explaining, in both languages.
    #[test]
    fn issue9_honest_short_comments_beside_importance_words_explain() {
        for c in [
            "# 딥러닝",
            "# 배열 계산",
            "# 이미지 읽기",
            "# 카메라 이미지 처리에 필요",
            "# 학습에 꼭 필요한 프레임워크",
            "# 기본 모델 학습",
            "# 설치 후 카메라 영상 처리",
            "# for arrays",
            "# model training",
            "# important for plotting learning curves",
            "# core array maths",
            "# 중요한 실험 기록",
        ] {
            for name in ["torch", "numpy", "pillow"] {
                assert_eq!(judge_for(c, name), Ok(()), "{c} for {name}");
            }
        }
    }

    /// Words of how much a package matters, in both languages, for the property below.
    #[rustfmt::skip]
    const MATTERS: [&str; 14] = [
        "중요", "중요한", "기본", "기본적인", "설치해야", "함", "필수", "패키지", "important",
        "basic", "must", "install", "needed", "dependency",
    ];
    /// Words that say what a package does.
    const DOES: [&str; 6] = [
        "딥러닝",
        "배열 계산",
        "이미지 읽기",
        "arrays",
        "model training",
        "plots",
    ];

    proptest::proptest! {
        /// Any run of such words explains no package; one word of what it does beside them,
        /// anywhere, always explains.
        #[test]
        fn importance_words_never_explain_and_one_real_word_does(
            // Different words: one word said twice is `Weak::Repeated`, another refusal.
            said in proptest::strategy::Strategy::prop_shuffle(
                proptest::sample::subsequence(MATTERS.to_vec(), 1..6),
            ),
            does in proptest::sample::select(&DOES[..]),
            at in 0usize..6,
            name in proptest::sample::select(vec!["torch", "numpy", "pillow"]),
        ) {
            let comment = format!("# {}", said.join(" "));
            proptest::prop_assert_eq!(judge_for(&comment, name), Err(Weak::Filler));
            let mut with = said.clone();
            with.insert(at.min(with.len()), does);
            let comment = format!("# {}", with.join(" "));
            proptest::prop_assert_eq!(judge_for(&comment, name), Ok(()));
        }
    }

    #[test]
    fn filler_beside_real_words_still_explains() {
        for c in [
            "# 딥러닝 라이브러리",
            "# 이미지 처리 패키지",
            "# library for arrays",
            "# needed for model training",
            "# 실험 기록용 (https://wandb.ai)",
            "# 학습에 필요",
            "# python client for the tracking api",
        ] {
            assert_eq!(judge_for(c, "torch"), Ok(()), "{c}");
        }
    }
}
