//! Issue 9 (part 6): fixes that are right, and a text report that says each thing once.
//!
//! A new Korean learner at 60 columns got 166 lines from one broken workspace: one finding
//! per missing `.gitignore` pattern, `__init__.py` and package, each with the same fix. The
//! text report groups findings of one code (JSON keeps one finding each); fixes name the
//! learner's own files, quote paths, and never hold a placeholder a shell would run.

use std::path::Path;

use crate::common::*;

/// The learner's workspace: one commit, a `.gitignore` with an inline comment, packages
/// without `__init__.py`, a README naming one folder, bare requirements, an empty `.venv`.
fn broken_workspace() -> tempfile::TempDir {
    let ws = learner_workspace(&[
        (".gitignore", ".env # 비밀\n*.pt\n"),
        ("configs/base.yaml", "learning_rate: 0.001\n"),
        ("scripts/train.py", ""),
        ("notebooks/.gitkeep", ""),
        ("tests/test_model.py", ""),
        ("src/model/x.txt", ""),
        ("src/data/x.txt", ""),
        ("src/training/x.txt", ""),
        ("src/utils/x.txt", ""),
        ("README.md", "# 프로젝트\nsrc 폴더\n"),
        ("requirements.txt", "torch\nnumpy\nopencv-python\n"),
        ("hello.py", "print(1)\n"),
    ]);
    git_init(ws.path());
    git(ws.path(), &["add", "."]);
    git(ws.path(), &["commit", "-q", "-m", "first"]);
    venv(ws.path(), ".venv");
    ws
}

/// `course --width 60 check` text in `lang`, with extra environment variables.
fn text_report(ws: &Path, lang: &str, env: &[(&str, &str)]) -> String {
    let mut cmd = course_in(ws);
    cmd.args(["--width", "60", "--lang", lang, "check"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json_codes(ws: &Path) -> Vec<String> {
    let out = course_in(ws)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["findings"].as_array().unwrap().clone())
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn issue9_report_groups_findings_of_one_code() {
    let ws = broken_workspace();
    // The data keep one finding per path: JSON (and JUnit, GitHub) are unchanged.
    let codes = json_codes(ws.path());
    let count = |c: &str| codes.iter().filter(|x| *x == c).count();
    assert_eq!(count("packages/no-init"), 5, "{codes:?}");
    assert_eq!(count("gitignore/not-ignored"), 5, "{codes:?}");
    assert_eq!(count("env/module-missing"), 2, "{codes:?}");
    assert_eq!(count("requirements/no-comment"), 3, "{codes:?}");
    let junit = course_in(ws.path())
        .args(["check", "--format", "junit"])
        .output()
        .unwrap();
    let junit = String::from_utf8_lossy(&junit.stdout);
    assert_eq!(junit.matches("packages/no-init").count(), 5, "{junit}");

    let ko = text_report(ws.path(), "ko", &[]);
    assert!(ko.lines().count() < 120, "{ko}");
    let flat_ko = flat(ko.as_bytes());
    assert_eq!(
        flat_ko
            .matches("그래서 일반 Python 패키지가 아닙니다")
            .count(),
        1,
        "{ko}"
    );
    assert!(
        flat_ko.contains("touch src/__init__.py src/data/__init__.py"),
        "{ko}"
    );
    assert!(
        flat_ko.contains("git이 다음 경로를 무시하지 않습니다"),
        "{ko}"
    );
    assert!(flat_ko.contains("/data/ *.pth __pycache__/"), "{ko}");
    assert!(flat_ko.contains("pip install torch numpy"), "{ko}");
    assert_eq!(
        flat_ko.matches("pip install torch numpy").count(),
        2,
        "{ko}"
    );
    assert!(flat_ko.contains("위와 같은 방법으로 고치십시오"), "{ko}");
    assert!(
        flat_ko.contains("- requirements.txt:3: opencv-python"),
        "{ko}"
    );

    let en = text_report(ws.path(), "en", &[]);
    let flat_en = flat(en.as_bytes());
    assert_eq!(
        flat_en.matches("not regular Python packages").count(),
        1,
        "{en}"
    );
    assert!(flat_en.contains("git does not ignore these paths"), "{en}");
    assert!(
        flat_en.contains("these modules are not installed in .venv"),
        "{en}"
    );
    assert!(flat_en.contains("the same fix as above"), "{en}");
}

#[test]
fn issue9_activation_only_when_the_environment_is_not_active() {
    let ws = broken_workspace();
    for lang in ["ko", "en"] {
        let off = text_report(ws.path(), lang, &[]);
        assert!(off.contains("source .venv/bin/activate"), "{off}");
        let venv = ws.path().join(".venv");
        let on = text_report(ws.path(), lang, &[("VIRTUAL_ENV", venv.to_str().unwrap())]);
        assert!(!on.contains("activate"), "{on}");
        assert!(
            flat(on.as_bytes()).contains(".venv/bin/python -m pip install torch numpy"),
            "{on}"
        );
    }
}

#[test]
fn issue9_inline_comment_line_is_the_only_finding_for_its_path() {
    let ws = broken_workspace();
    let codes = json_codes(ws.path());
    assert!(
        codes.contains(&"gitignore/comment-in-pattern".to_string()),
        "{codes:?}"
    );
    let ko = flat(text_report(ws.path(), "ko", &[]).as_bytes());
    assert!(ko.contains("한 줄에 `# 비밀`, 다음 줄에 `.env`"), "{ko}");
    assert!(!ko.contains("- .env"), "{ko}");
    assert!(!ko.contains("`.env` 줄을 추가"), "{ko}");
    let en = flat(text_report(ws.path(), "en", &[]).as_bytes());
    assert!(!en.contains("git does not ignore `.env`"), "{en}");
    assert!(!en.contains("- .env"), "{en}");
}

#[test]
fn issue9_fixes_hold_no_placeholder_a_shell_would_run() {
    let ws = broken_workspace();
    for lang in ["ko", "en"] {
        let text = text_report(ws.path(), lang, &[]);
        for bad in ["<파일>", "<file>", "<버전>", "<version>", "‹"] {
            assert!(!text.contains(bad), "{bad} in {text}");
        }
        // The second commit is asked for once, naming the learner's own file.
        assert!(text.contains("git add hello.py"), "{text}");
        assert_eq!(text.matches("git commit -m").count(), 1, "{text}");
    }
}

#[test]
fn issue9_paths_with_spaces_are_quoted_in_fixes() {
    let outside = tempdir();
    let env = venv(&outside.path().join("my venvs"), "vla");
    let ws = learner_workspace(&[]);
    for lang in ["ko", "en"] {
        let out = course_in(ws.path())
            .args(["--width", "200", "--lang", lang, "check", "environment"])
            .env("VIRTUAL_ENV", &env)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let py = format!("'{}/bin/python' -m pip install torch numpy", env.display());
        assert!(text.contains(&py), "{text}");
        assert!(
            !text.contains(&format!(" {}/bin/python", env.display())),
            "{text}"
        );
    }
}

#[test]
fn issue9_numpy_1_module_under_numpy_2_gets_its_own_code() {
    let ws = learner_workspace(&[]);
    let env = venv(ws.path(), ".venv");
    stub_package_source(
        &env,
        "torch",
        "2.1.0",
        "raise ImportError(\"A module that was compiled using NumPy 1.x cannot be run in NumPy 2.4.6 as it may crash.\")\n",
    );
    stub_package(&env, "numpy", "2.4.6");
    // The built-in course (a `--course` of this folder would read all of `target/`).
    let out = course_in(ws.path())
        .args(["check", "--format", "json", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let env_ex = report["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "environment")
        .unwrap();
    let f = env_ex["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "env/numpy-mismatch")
        .unwrap_or_else(|| panic!("{env_ex:#}"));
    let hint = f["hint"].as_str().unwrap();
    assert!(
        hint.contains(".venv/bin/python -m pip install 'numpy<2'"),
        "{hint}"
    );
    assert!(!hint.contains("--force-reinstall"), "{hint}");
    // The torch it names is the pip lesson's: 2.5 (2.3.x and 2.4.0 still fail on Windows).
    assert!(hint.contains("torch 2.5 or newer"), "{hint}");
    assert!(!hint.contains("2.3 or newer"), "{hint}");
    let ko = flat(text_report(ws.path(), "ko", &[]).as_bytes());
    assert!(ko.contains("NumPy 1용으로 빌드되었는데"), "{ko}");
    assert!(
        ko.contains("(torch 2.5 이상.") && !ko.contains("2.3 이상"),
        "{ko}"
    );
    for lang in ["en", "ko"] {
        let lesson = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("lessons/{lang}/pip.md")),
        )
        .unwrap();
        assert!(lesson.contains("torch 2.5"), "{lang}: the lesson names 2.5");
    }
}

#[test]
fn issue9_recreate_fix_names_requirements_only_when_there() {
    let ws = learner_workspace(&[]);
    let env = venv(ws.path(), ".venv");
    write(
        &env,
        "pyvenv.cfg",
        "home = /nonexistent/python/bin\nversion = 3.11.7\n",
    );
    let env_report = |lang: &str| {
        let out = course_in(ws.path())
            .args(["--width", "60", "--lang", lang, "check", "environment"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for lang in ["ko", "en"] {
        let text = env_report(lang);
        assert!(text.contains("python3 -m venv .venv"), "{text}");
        assert!(!text.contains("requirements.txt"), "{text}");
    }
    write(ws.path(), "requirements.txt", "torch  # 학습\n");
    let text = env_report("en");
    assert!(
        flat(text.as_bytes()).contains("-m pip install -r \\ requirements.txt"),
        "{text}"
    );
}

#[test]
fn issue9_pasted_requirement_fix_does_not_pass() {
    let checks = "  - kind: requirements\n    file: requirements.txt\n    min_packages: 1\n";
    for (text, passes) in [
        ("torch  # 쓰는 이유\n", false),
        ("torch  # what it is for\n", false),
        ("torch  # ...\n", false),
        ("torch  # 프로젝트에 필요한 이유\n", false),
        ("torch  # 학습\n", true),
        ("torch  # 배열 연산\n", true),
        ("torch  # arrays\n", true),
        ("torch  # model training\n", true),
    ] {
        let ws = tempdir();
        write(ws.path(), "requirements.txt", text);
        for lang in ["ko", "en"] {
            let (code, findings) = exercise_findings(ws.path(), checks, lang);
            assert_eq!(code == 0, passes, "{text}: {findings:#?}");
        }
    }
}
