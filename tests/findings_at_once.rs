//! Issue 9 (item 6): findings that appear at once, grouped, right. A learner audit found
//! findings repeated per line, findings hidden until another was fixed, files pip needs that
//! nobody named, keys ignored without a word, YAML errors out of order, backticks on the home
//! screen, fixes wider than the terminal and an `ImportError` with no explanation.

use std::path::Path;

use crate::common::*;

/// `course --course C check --workspace WS --lang LANG --width W` as text: (exit code, stdout).
fn text_check(course_dir: &Path, ws: &Path, lang: &str, width: u16) -> (i32, String) {
    let out = course()
        .arg("--course")
        .arg(course_dir)
        .args([
            "--width",
            &width.to_string(),
            "--lang",
            lang,
            "check",
            "--workspace",
        ])
        .arg(ws)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// One exercise with one check in a course of its own, run on `ws`: (exit code, text, the
/// JSON findings).
fn run_one(
    ws: &Path,
    checks: &str,
    lang: &str,
    width: u16,
) -> (i32, String, Vec<serde_json::Value>) {
    let c = tempdir();
    one_exercise_course(c.path(), checks);
    let (code, text) = text_check(c.path(), ws, lang, width);
    let (_, report) = check_report::<&str>(c.path(), ws, lang, &[]);
    let findings = report["exercises"][0]["findings"]
        .as_array()
        .expect("findings")
        .clone();
    (code, text, findings)
}

fn codes(findings: &[serde_json::Value]) -> Vec<String> {
    findings
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

const GITIGNORE_CHECK: &str = "  - kind: gitignore
    must_ignore:
      - {path: data/raw/a.csv, pattern: /data/}
      - {path: model.pt, pattern: '*.pt'}
";

#[test]
fn issue9_gitignore_inline_comments_are_one_problem_in_the_text() {
    let ws = tempdir();
    git_init(ws.path());
    write(
        ws.path(),
        ".gitignore",
        "# 예시\ndata/  # 대용량 데이터\n*.pt  # 모델 체크포인트\n__pycache__/  # 캐시\n",
    );
    for (lang, explanation) in [
        (
            "en",
            "a `#` starts a comment only at the beginning of a line",
        ),
        ("ko", "`#` 기호는 줄의 맨 앞에 있을 때만 주석입니다"),
    ] {
        let (code, text, findings) = run_one(ws.path(), GITIGNORE_CHECK, lang, 100);
        assert_eq!(code, 1, "{text}");
        // The data keeps one finding per line.
        let lines: Vec<i64> = findings
            .iter()
            .filter(|f| f["code"] == "gitignore/comment-in-pattern")
            .map(|f| f["line"].as_i64().unwrap())
            .collect();
        assert_eq!(lines, [2, 3, 4], "{findings:?}");
        // The text says it once, lists the lines, and gives one block with every comment
        // moved above its pattern (`/data/` for `data/`).
        let flat_text = flat(text.as_bytes());
        assert_eq!(flat_text.matches(explanation).count(), 1, "{text}");
        for item in [
            ".gitignore:2: data/ # 대용량 데이터",
            ".gitignore:3: *.pt # 모델 체크포인트",
            ".gitignore:4: __pycache__/ # 캐시",
        ] {
            assert!(flat_text.contains(item), "{item}: {text}");
        }
        assert!(
            text.contains(
                "          # 대용량 데이터\n          /data/\n          # 모델 체크포인트\n          *.pt\n          # 캐시\n          __pycache__/\n"
            ),
            "{text}"
        );
    }
}

#[test]
fn issue9_gitignore_comments_on_their_own_lines_pass() {
    for gitignore in [
        "# 대용량 데이터\n/data/\n# 모델 체크포인트 (수 GB)\n*.pt\n",
        "# large data, not in git\n/data/\n# model checkpoints\n*.pt  \n",
    ] {
        let ws = tempdir();
        git_init(ws.path());
        write(ws.path(), ".gitignore", gitignore);
        git(ws.path(), &["add", ".gitignore"]);
        git(
            ws.path(),
            &["commit", "-q", "-m", "Ignore data and checkpoints"],
        );
        for lang in ["en", "ko"] {
            let (code, text, findings) = run_one(ws.path(), GITIGNORE_CHECK, lang, 80);
            assert_eq!(code, 0, "{gitignore}: {text}");
            assert_eq!(codes(&findings), ["gitignore/ok"], "{text}");
        }
    }
}

const REQUIREMENTS_CHECK: &str = "  - kind: requirements\n    min_packages: 2\n";

#[test]
fn issue9_numpy_glued_comment_does_not_hide_the_duplicate() {
    let ws = tempdir();
    write(
        ws.path(),
        "requirements.txt",
        "torch==2.3.1  # 모델 학습\nnumpy>=1.24.0#배열\npillow  # 이미지 읽기\n\n\nnumpy  # 배열 연산\n",
    );
    for (lang, twice) in [
        (
            "en",
            "`numpy` is listed twice: line 2 (`numpy>=1.24.0#배열`) and line 6 (`numpy`)",
        ),
        (
            "ko",
            "`numpy`가 두 번 적혀 있습니다: 2번째 줄(`numpy>=1.24.0#배열`)과 6번째 줄(`numpy`)",
        ),
    ] {
        let (code, text, findings) = run_one(ws.path(), REQUIREMENTS_CHECK, lang, 100);
        assert_eq!(code, 1, "{text}");
        assert_eq!(
            codes(&findings),
            ["requirements/invalid", "requirements/duplicate"],
            "{text}"
        );
        assert!(flat(text.as_bytes()).contains(twice), "{text}");
    }
    // The honest file in either language passes.
    for honest in [
        "torch==2.3.1  # 모델 학습\nnumpy>=1.24.0 # 배열 연산\npillow  # 이미지 읽기\n",
        "torch==2.3.1  # model training\nnumpy>=1.24.0 # array maths\npillow  # reading images\n",
    ] {
        write(ws.path(), "requirements.txt", honest);
        for lang in ["en", "ko"] {
            let (code, text, findings) = run_one(ws.path(), REQUIREMENTS_CHECK, lang, 100);
            assert_eq!(code, 0, "{text}");
            assert_eq!(codes(&findings), ["requirements/ok"], "{text}");
        }
    }
}

/// The answer file of the audit: a bad indent on line 6, an unclosed `[` on line 8.
const TWO_YAML_ERRORS: &str = "data_exploration:\n  choice: jupyter\n  reason: 그래프를 바로 보면서 분포를 확인할 수 있어서\ntraining:\n  choice: script\n    reason: 오래 걸리는 학습은 스크립트로 돌립니다\nvisualization:\n  choice: [jupyter\n  reason: 바로 보면서 고칩니다\n";

#[test]
fn issue9_yaml_first_error_by_line_and_the_file_named_once() {
    let ws = init_workspace("ko");
    write(ws.path(), "answers/jupyter_vs_script.yaml", TWO_YAML_ERRORS);
    for (lang, first) in [
        ("en", "answers/jupyter_vs_script.yaml:6: not valid YAML: mapping values are not allowed"),
        ("ko", "answers/jupyter_vs_script.yaml:6: 올바른 YAML이 아닙니다: 이 자리에는 `키: 값`을 쓸 수 없습니다"),
    ] {
        let (out, _) = texts(
            course_in(ws.path()).args(["--width", "140", "--lang", lang, "check", "jupyter-vs-script"]),
            1,
        );
        let flat_out = flat(out.as_bytes());
        assert!(flat_out.contains(first), "{out}");
        assert_eq!(flat_out.matches("jupyter_vs_script.yaml").count(), 1, "{out}");
    }
}

const HONEST_REQUIREMENTS: &str = "torch==2.3.1  # 모델 학습\nnumpy>=1.24.0 # 배열 연산\n";

#[test]
fn issue9_a_requirements_file_pip_cannot_open_is_named() {
    let ws = tempdir();
    write(
        ws.path(),
        "requirements.txt",
        &format!("-r other.txt\n-c constraints.txt\n-r reqs/base.txt\n{HONEST_REQUIREMENTS}"),
    );
    // A nested file that exists, names the first file back (a cycle) and a file not there.
    write(
        ws.path(),
        "reqs/base.txt",
        "-r ../requirements.txt\n-r dev.txt\n",
    );
    for (lang, said) in [
        ("en", "`-r other.txt`: pip opens `other.txt` here and there is no such file, so `pip install -r requirements.txt` stops"),
        ("ko", "`-r other.txt`: pip은 여기서 `other.txt` 파일을 여는데 그런 파일이 없어서 `pip install -r requirements.txt`가 멈춥니다"),
    ] {
        let (code, text, findings) = run_one(ws.path(), REQUIREMENTS_CHECK, lang, 100);
        assert_eq!(code, 1, "{text}");
        let missing: Vec<(String, i64)> = findings
            .iter()
            .filter(|f| f["code"] == "requirements/included-file-missing")
            .map(|f| (f["file"].as_str().unwrap().to_string(), f["line"].as_i64().unwrap()))
            .collect();
        assert_eq!(
            missing,
            [
                ("requirements.txt".to_string(), 1),
                ("requirements.txt".to_string(), 2),
                ("reqs/base.txt".to_string(), 2),
            ],
            "{text}"
        );
        assert!(flat(text.as_bytes()).contains(said), "{text}");
    }
    // Every named file there (the cycle included): it passes, in either language.
    write(ws.path(), "other.txt", "pillow  # 이미지 읽기\n");
    write(
        ws.path(),
        "constraints.txt",
        "numpy<2  # torch 2.3과 맞는 버전\n",
    );
    write(ws.path(), "reqs/dev.txt", "pytest  # tests\n");
    for lang in ["en", "ko"] {
        let (code, text, findings) = run_one(ws.path(), REQUIREMENTS_CHECK, lang, 100);
        assert_eq!(code, 0, "{text}");
        assert_eq!(codes(&findings), ["requirements/ok"], "{text}");
    }
}

const CHOICES_CHECK: &str = "  - kind: choices
    file: answers/a.yaml
    options: {jupyter: [notebook], script: [py]}
    questions:
      - {key: data_exploration, expected: jupyter, prompt: x}
      - {key: visualization, expected: jupyter, prompt: y}
";

#[test]
fn issue9_an_answer_key_spelled_otherwise_is_named() {
    let ws = tempdir();
    let answers = |key: &str| {
        format!("data_exploration:\n  choice: jupyter\n  reason: 그래프를 바로 보면서 분포를 확인할 수 있어서\n{key}:\n  choice: jupyter\n  reason: 그림을 바로 보면서 고칠 수 있어서\n")
    };
    for near in [
        "visualisation",
        "Visualization",
        "visualization-",
        "visualizaton",
    ] {
        write(ws.path(), "answers/a.yaml", &answers(near));
        for (lang, said) in [
            (
                "en",
                format!("`visualization` is missing: line 4 has `{near}`, which is not read"),
            ),
            (
                "ko",
                format!("`visualization` 항목이 없습니다: 4번째 줄에 `{near}`"),
            ),
        ] {
            let (code, text, findings) = run_one(ws.path(), CHOICES_CHECK, lang, 100);
            assert_eq!(code, 1, "{text}");
            let f = findings
                .iter()
                .find(|f| f["code"] == "choices/question-missing")
                .expect("the missing question");
            assert!(f["message"].as_str().unwrap().contains(&said), "{f}");
            assert_eq!(f["line"], 4, "{f}");
            assert!(f["hint"].as_str().unwrap().contains(near), "{f}");
        }
    }
    // The right key, in answers written in either language, passes.
    for reason in [
        "그림을 바로 보면서 고칠 수 있어서",
        "I see each plot at once and adjust it",
    ] {
        let text = answers("visualization").replace("그림을 바로 보면서 고칠 수 있어서", reason);
        write(ws.path(), "answers/a.yaml", &text);
        for lang in ["en", "ko"] {
            let (code, text, findings) = run_one(ws.path(), CHOICES_CHECK, lang, 100);
            assert_eq!(code, 0, "{text}");
            assert_eq!(codes(&findings), ["choices/ok"], "{text}");
        }
    }
}

#[test]
fn issue9_a_long_path_in_a_check_ignore_fix_fits_60_columns() {
    let ws = tempdir();
    git_init(ws.path());
    write(ws.path(), ".gitignore", "/data/\n");
    let checks = "  - kind: gitignore
    must_ignore:
      - {path: model.pth, pattern: '*.pth'}
      - {path: notebooks/.ipynb_checkpoints/01-checkpoint.ipynb, pattern: .ipynb_checkpoints/}
      - {path: .env, pattern: .env}
";
    for lang in ["ko", "en"] {
        for width in [60u16, 80] {
            let (code, text, _) = run_one(ws.path(), checks, lang, width);
            assert_eq!(code, 1, "{text}");
            for line in text.lines() {
                assert!(
                    crate::wrap::columns(line) <= width as usize,
                    "{lang} at {width}: {line:?} is {} columns\n{text}",
                    crate::wrap::columns(line)
                );
            }
            // Still one command, broken the shell's way, with every path.
            let joined = text.replace(" \\\n", " ");
            assert!(
                flat(joined.as_bytes()).contains(
                    "git check-ignore -v model.pth notebooks/.ipynb_checkpoints/01-checkpoint.ipynb .env"
                ),
                "{text}"
            );
        }
    }
}

#[test]
fn issue9_cannot_import_name_says_where_to_define_it() {
    let t = tempdir();
    let ws = t.path().join("ws");
    venv(&ws, ".venv");
    write(&ws, "src/__init__.py", "");
    write(&ws, "src/model/__init__.py", "from .vla import VLAModel\n");
    write(&ws, "src/model/vla.py", "");
    let checks = "  - kind: python-import\n    modules: [src.model]\n";
    for (lang, said) in [
        ("en", "`src.model.vla` (src/model/vla.py) has no `VLAModel` (the file is empty): define `VLAModel` in src/model/vla.py"),
        ("ko", "`src.model.vla`(src/model/vla.py)에 `VLAModel`이 없습니다 (파일이 비어 있습니다). src/model/vla.py에 `VLAModel`을 정의하거나"),
    ] {
        let (code, text, findings) = run_one(&ws, checks, lang, 100);
        assert_eq!(code, 1, "{text}");
        let hint = findings[0]["hint"].as_str().unwrap();
        assert!(hint.contains(said), "{hint}");
        assert!(!hint.contains("pip install"), "{hint}");
        assert_eq!(findings[0]["file"], "src/model/__init__.py");
    }
    // With the class written, it imports, in code commented in either language.
    for body in [
        "class VLAModel:\n    \"\"\"비전-언어-행동 모델\"\"\"\n",
        "class VLAModel:\n    \"\"\"The vision-language-action model.\"\"\"\n",
    ] {
        write(&ws, "src/model/vla.py", body);
        for lang in ["en", "ko"] {
            let (code, text, findings) = run_one(&ws, checks, lang, 100);
            assert_eq!(code, 0, "{text}");
            assert_eq!(codes(&findings), ["import/ok"], "{text}");
        }
    }
}
