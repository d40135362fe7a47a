//! The judge of a requirement's comment: honest comments in both languages explain, tricks do
//! not.

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
    assert_eq!(judge_for("# ok", "torch"), Err(Weak::Filler));
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

/// Issue 9 (learner audit): a reaction, a shrug or "will use it" passed as an explanation.
#[test]
fn issue9_reactions_and_will_use_say_nothing() {
    for c in [
        "# yes",
        "# lol",
        "# hmm",
        "# idk",
        "# cool",
        "# ok",
        "# okay, will use later",
        "# maybe later",
        "# just in case",
        "# 그냥",
        "# 이거 씀",
        "# 좋음",
        "# 좋은 패키지",
        "# 쓸 예정",
        "# 쓸지도",
        "# 아마 쓸 것",
        "# 나중에 쓸 것",
        "# 그냥 일단 설치",
    ] {
        for name in ["torch", "numpy", "pillow", "wandb", "transformers"] {
            assert_eq!(judge_for(c, name), Err(Weak::Filler), "{c} for {name}");
        }
    }
    // A placeholder word beside them is still a placeholder.
    assert_eq!(
        judge_for("# 나중에 주석 추가", "torch"),
        Err(Weak::Placeholder)
    );
    assert_eq!(judge_for("# todo: 나중에", "torch"), Err(Weak::Placeholder));
}

/// The honest short comments of the same audit keep explaining.
#[test]
fn issue9_honest_comments_beside_reaction_words_explain() {
    for c in [
        "# 딥러닝",
        "# 배열 계산",
        "# 이미지 읽기",
        "# 나중에 데이터 증강에 쓸 것",
        "# 그냥 배열 계산용",
        "# 좋은 그래프 그리기",
        "# for arrays",
        "# model training",
        "# plots",
        "# experiment tracking",
        "# will use for data augmentation later",
        "# yes: tokenizers for the captions",
    ] {
        for name in ["torch", "numpy", "pillow", "wandb", "transformers"] {
            assert_eq!(judge_for(c, name), Ok(()), "{c} for {name}");
        }
    }
}

/// Words of how much a package matters, in both languages, for the property below.
#[rustfmt::skip]
const MATTERS: [&str; 24] = [
    "중요", "중요한", "기본", "기본적인", "설치해야", "함", "필수", "패키지", "important",
    "basic", "must", "install", "needed", "dependency",
    // Reactions and "will use it" (issue 9, learner audit).
    "그냥", "이거", "씀", "좋음", "쓸", "예정", "아마", "yes", "idk", "cool",
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
