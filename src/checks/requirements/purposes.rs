//! The example comment a fix suggests for a requirement whose comment does not explain it:
//! what that package does in a VLA project, for the packages learners list most, in the
//! run's language; for any other package a placeholder the learner must replace (issue 9:
//! the fix used to suggest `# 모델 학습과 추론`, torch's job, for every package, and pasted
//! literally under `pillow` it passed). The placeholder itself never passes
//! ([`super::comment`] judges it `Weak::Placeholder`).

use crate::i18n::Tr;
use crate::pip::pep508::canonical_name;
use crate::tr;

/// (PEP 503 name, English example, Korean example). Each example explains its own package
/// and passes the comment rule for it (a unit test checks both languages).
const PURPOSES: &[(&str, &str, &str)] = &[
    ("torch", "model definition and training", "모델 정의와 학습"),
    (
        "torchvision",
        "image transforms and vision models",
        "이미지 변환과 비전 모델",
    ),
    (
        "torchaudio",
        "loading and transforming audio",
        "오디오 읽기와 변환",
    ),
    (
        "numpy",
        "array maths for states and actions",
        "상태와 행동의 배열 계산",
    ),
    ("pillow", "reading camera images", "카메라 이미지 읽기"),
    (
        "transformers",
        "pretrained language models",
        "사전학습 언어 모델",
    ),
    (
        "opencv-python",
        "camera capture and image processing",
        "카메라 영상 처리",
    ),
    (
        "opencv-python-headless",
        "image processing on a server without a display",
        "화면 없는 서버에서 영상 처리",
    ),
    (
        "opencv-contrib-python",
        "camera capture and extra image algorithms",
        "카메라 영상 처리와 추가 알고리즘",
    ),
    ("matplotlib", "plotting learning curves", "학습 곡선 그래프"),
    ("wandb", "experiment tracking", "실험 기록"),
    (
        "tensorboard",
        "viewing training logs and curves",
        "학습 로그와 곡선 보기",
    ),
    ("pyyaml", "reading YAML config files", "YAML 설정 파일 읽기"),
    ("tqdm", "progress bars for training loops", "학습 진행 막대"),
    (
        "scipy",
        "rotations, filters and other maths",
        "회전, 필터 같은 과학 계산",
    ),
    (
        "pandas",
        "tables of results and logs",
        "결과와 로그를 표로 정리",
    ),
    (
        "jupyter",
        "notebooks for exploring data",
        "데이터 탐색용 노트북",
    ),
    (
        "jupyterlab",
        "notebooks for exploring data",
        "데이터 탐색용 노트북",
    ),
    (
        "notebook",
        "exploring data interactively",
        "데이터를 대화형으로 탐색",
    ),
    (
        "scikit-learn",
        "metrics and data splits",
        "평가 지표와 데이터 분할",
    ),
    ("accelerate", "training on several GPUs", "여러 GPU로 학습"),
    ("datasets", "loading training data", "학습 데이터 불러오기"),
    ("einops", "reshaping tensors readably", "텐서 모양 바꾸기"),
    ("timm", "pretrained vision backbones", "사전학습 비전 백본"),
    ("peft", "LoRA fine-tuning", "LoRA 미세 조정"),
    (
        "gymnasium",
        "robot simulation environments",
        "로봇 시뮬레이션 환경",
    ),
    ("pytest", "running the tests", "테스트 실행"),
    (
        "requests",
        "downloading files over HTTP",
        "HTTP로 파일 받기",
    ),
];

/// The placeholder a fix shows for a package not in [`PURPOSES`]: the learner writes the
/// package's job in its place. (Judged a placeholder if pasted as it is.)
pub(super) const PLACEHOLDER_EN: &str = "<what it does for the project>";
/// The Korean form of [`PLACEHOLDER_EN`].
pub(super) const PLACEHOLDER_KO: &str = "<프로젝트에서 하는 일>";

/// What `name` does for the project, as a comment's words, in each language; `None` for a
/// package the table does not know.
pub(super) fn purpose(name: &str) -> Option<Tr> {
    let canonical = canonical_name(name);
    let &(_, en, ko) = PURPOSES.iter().find(|(n, ..)| *n == canonical)?;
    Some(tr!("{en}", "{ko}"))
}

/// The fix for a comment that does not explain `name`: an example that fits the package
/// (`{shown}  # 카메라 이미지 읽기` for pillow), or a placeholder to replace.
pub(super) fn example_hint(name: &str, shown: &str) -> Tr {
    match purpose(name) {
        Some(example) => tr!(
            "say in a few words what `{name}` does for the project, e.g. `{shown}  # {example}`",
            "`{name}`이(가) 프로젝트에서 하는 일을 몇 단어로 적으십시오. 예: `{shown}  # {example}`";
            example = example
        ),
        None => tr!(
            "say in a few words what `{name}` does for the project, in place of the `{PLACEHOLDER_EN}` below:\n  {shown}  # {PLACEHOLDER_EN}",
            "`{name}`이(가) 프로젝트에서 하는 일을 아래 `{PLACEHOLDER_KO}` 자리에 몇 단어로 적으십시오:\n  {shown}  # {PLACEHOLDER_KO}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::comment::{judge, words};
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn issue9_every_example_explains_its_own_package() {
        for (name, en, ko) in PURPOSES {
            for c in [en, ko] {
                assert_eq!(judge(c, &words(name)), Ok(()), "{name}: {c}");
            }
        }
    }

    #[test]
    fn issue9_pillow_is_not_offered_torchs_job() {
        let hint = example_hint("pillow", "pillow>=10.0");
        assert_eq!(
            hint.get(Lang::Ko),
            "`pillow`가 프로젝트에서 하는 일을 몇 단어로 적으십시오. 예: `pillow>=10.0  # 카메라 이미지 읽기`"
        );
        assert!(hint
            .get(Lang::En)
            .ends_with("`pillow>=10.0  # reading camera images`"));
        // PEP 503: `Pillow`, `PyYAML` and `opencv_python` are the same packages.
        assert!(purpose("PyYAML").is_some() && purpose("opencv_python").is_some());
    }

    #[test]
    fn issue9_an_unknown_package_gets_a_placeholder_that_does_not_pass() {
        let hint = example_hint("fakepkg", "fakepkg==1.0");
        assert!(hint
            .get(Lang::En)
            .contains("fakepkg==1.0  # <what it does for the project>"));
        assert!(hint
            .get(Lang::Ko)
            .contains("fakepkg==1.0  # <프로젝트에서 하는 일>"));
        for p in [PLACEHOLDER_EN, PLACEHOLDER_KO] {
            assert!(judge(p, &words("fakepkg")).is_err(), "{p}");
        }
    }
}
