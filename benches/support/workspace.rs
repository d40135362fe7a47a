//! A complete workspace that passes every exercise of the built-in course: real files, a
//! real git history, a real venv with stub `torch` and `numpy`. Shared by the benchmarks and
//! the end-to-end test, so what is measured is what is tested.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

pub const REQUIREMENTS: &str = "\
# requirements.txt for a VLA project
torch==2.1.0            # 딥러닝 프레임워크 (모델과 학습)
torchvision==0.16.0     # 이미지 변환과 비전 모델
# 언어 모델과 토크나이저
transformers>=4.35.0
numpy>=1.24.0           # 배열과 수치 계산
pillow>=9.0             # 이미지 파일 읽기
wandb>=0.15.0           # 실험 기록과 시각화
";

pub const README: &str = "\
# vla-project

- `src/`: 재사용 가능한 모듈 (model, data, training, utils)
- `scripts/`: src 를 조합해 실행하는 스크립트
- `configs/`: 실험 설정 (YAML)
- `data/`: 데이터 (git 으로 추적하지 않음)
- `notebooks/`: 탐색과 실험용 Jupyter
- `tests/`: 테스트 코드
";

pub const GITIGNORE: &str = "\
/data/
*.pt
*.pth
wandb/
__pycache__/
.ipynb_checkpoints/
*.pyc
.env
.venv/
";

pub const ANSWERS: &str = "\
data_exploration:
  choice: jupyter
  reason: 분포를 그래프로 바로 보면서 셀 단위로 탐색할 수 있다
training:
  choice: script
  reason: 서버에서 오래 돌리고 재현 가능해야 하므로 스크립트가 맞다
visualization:
  choice: jupyter
  reason: 학습 곡선과 attention map 을 인라인으로 바로 볼 수 있다
inference:
  choice: script
  reason: 배포 코드는 테스트와 버전 관리가 되는 .py 모듈이어야 한다
";

fn write(root: &Path, rel: &str, contents: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

/// `cmd` with a fixed git identity and no user or system git configuration (the tests'
/// `common::as_learner` adds fixed dates on top).
pub fn learner_identity(cmd: &mut Command) -> &mut Command {
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_SYSTEM", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Test Learner")
        .env("GIT_AUTHOR_EMAIL", "learner@example.com")
        .env("GIT_COMMITTER_NAME", "Test Learner")
        .env("GIT_COMMITTER_EMAIL", "learner@example.com")
}

fn run(root: &Path, program: &str, args: &[&str]) {
    let status = learner_identity(Command::new(program).args(args).current_dir(root))
        .status()
        .unwrap_or_else(|e| panic!("{program} cannot run: {e}"));
    assert!(status.success(), "{program} {args:?} failed");
}

/// Files and git history of a passing workspace, without the environment.
pub fn build_project(root: &Path) {
    write_files(root);
    run(root, "git", &["init", "-q", "-b", "main"]);
    run(root, "git", &["add", "."]);
    run(root, "git", &["commit", "-q", "-m", "프로젝트 구조 추가"]);
    edit_script(root);
    run(root, "git", &["commit", "-q", "-am", "학습 스크립트 수정"]);
}

/// The project's files (what the first commit holds).
pub fn write_files(root: &Path) {
    write(root, "requirements.txt", REQUIREMENTS);
    write(root, "README.md", README);
    write(root, ".gitignore", GITIGNORE);
    write(
        root,
        "configs/base.yaml",
        "model:\n  name: vla-small\ntraining:\n  lr: 0.0001\n  epochs: 10\n",
    );
    for pkg in ["src", "src/model", "src/data", "src/training", "src/utils"] {
        write(root, &format!("{pkg}/__init__.py"), "");
    }
    write(root, "src/model/vla.py", "class VLAModel:\n    pass\n");
    write(root, "scripts/train.py", "print('training')\n");
    write(root, "notebooks/.gitkeep", "");
    write(
        root,
        "tests/test_model.py",
        "def test_model():\n    assert True\n",
    );
    write(root, "answers/jupyter_vs_script.yaml", ANSWERS);
}

/// The change of the second commit: a Python file added earlier, modified.
pub fn edit_script(root: &Path) {
    write(
        root,
        "scripts/train.py",
        "print('training for 10 epochs')\n",
    );
}

/// A real venv at `root/.venv` holding stub `torch` and `numpy` packages, each with the
/// `.dist-info` pip leaves (the environment check wants installed distributions).
pub fn build_environment(root: &Path) {
    run(root, "python3", &["-m", "venv", "--without-pip", ".venv"]);
    let lib = root.join(".venv/lib");
    let py = std::fs::read_dir(&lib)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("python"))
        .expect("lib/pythonX.Y");
    let site = py.path().join("site-packages");
    for (name, version) in [("torch", "2.1.0"), ("numpy", "1.26.4")] {
        write(
            &site,
            &format!("{name}/__init__.py"),
            &format!("__version__ = \"{version}\"\n"),
        );
        let info = format!("{name}-{version}.dist-info");
        for (file, text) in [
            (
                "METADATA",
                format!("Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"),
            ),
            ("INSTALLER", "pip\n".to_string()),
            ("top_level.txt", format!("{name}\n")),
            (
                "RECORD",
                format!("{name}/__init__.py,,\n{info}/METADATA,,\n{info}/RECORD,,\n"),
            ),
        ] {
            write(&site, &format!("{info}/{file}"), &text);
        }
    }
}

/// Everything: project, history and environment.
pub fn build_passing_workspace(root: &Path) {
    build_project(root);
    build_environment(root);
}
