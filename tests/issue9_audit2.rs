//! Issue 9, second learner audit: small fixes a learner met, each run on a real workspace.

use crate::common::*;

const CHECK: &str = "  - kind: requirements\n    required: [torch]\n";

/// Requirements with one line `line` after an honest, commented file.
fn requirements(line: &str) -> String {
    format!(
        "# 딥러닝 프레임워크\ntorch==2.1.0          # 신경망 학습\nnumpy>=1.24.0         # 배열 계산\npillow>=9.0           # 이미지 파일 읽기\nwandb>=0.15.0         # 실험 기록\n{line}   # 영상 처리 라이브러리\n"
    )
}

fn findings_for(contents: &str, lang: &str) -> (i32, Vec<serde_json::Value>) {
    let ws = tempdir();
    write(ws.path(), "requirements.txt", contents);
    exercise_findings(ws.path(), CHECK, lang)
}

/// `opencv_python=>4` means `>=`: the fix says `>=`, and the fixed line passes.
#[test]
fn issue9_reversed_operator_gets_a_fix_that_passes() {
    for (wrong, right) in [
        ("opencv_python=>4", "opencv_python>=4"),
        ("opencv_python=<4", "opencv_python<=4"),
    ] {
        for lang in ["en", "ko"] {
            let (code, findings) = findings_for(&requirements(wrong), lang);
            assert_eq!(code, 1, "{findings:#?}");
            let fail = findings
                .iter()
                .find(|f| f["status"] == "fail")
                .expect("a failing finding");
            assert_eq!(fail["code"], "requirements/invalid", "{fail:#?}");
            let hint = fail["hint"].as_str().unwrap();
            assert!(hint.contains(&format!("`{right}`")), "{hint}");
            assert!(!hint.contains("==>") && !hint.contains("==<"), "{hint}");
            let (code, findings) = findings_for(&requirements(right), lang);
            assert_eq!(code, 0, "pasting `{right}` must pass: {findings:#?}");
        }
    }
}

/// The last hint of each exercise names `course check X` once: the hint ended with it and the
/// footer said it again.
#[test]
fn issue9_last_hint_says_course_check_once() {
    for lang in ["en", "ko"] {
        let ws = init_workspace(lang);
        for id in ["requirements", "structure", "git-workflow"] {
            let mut last = String::new();
            for _ in 0..20 {
                let out = ok(course_in(ws.path())
                    .args(["--width", "140", "--lang", lang, "hint", id])
                    .output()
                    .unwrap());
                let text = String::from_utf8_lossy(&out.stdout).into_owned();
                if text == last {
                    break;
                }
                last = text;
            }
            let check = format!("course check {id}");
            assert_eq!(last.matches(&check).count(), 1, "{lang} {id}:\n{last}");
        }
    }
}

/// `course next`'s "still to fix" list groups findings of one code as `course check` does:
/// six packages without a comment are one sentence with the six listed, not six sentences.
#[test]
fn issue9_next_groups_what_is_left_as_check_does() {
    for (lang, sentence) in [
        (
            "en",
            "these requirements have no comment saying why the project needs them",
        ),
        (
            "ko",
            "다음 요구사항에는 프로젝트에 왜 필요한지 설명하는 주석이 없습니다",
        ),
    ] {
        let ws = init_workspace(lang);
        let packages = [
            "torch",
            "torchvision",
            "transformers",
            "numpy",
            "pillow",
            "wandb",
        ];
        write(ws.path(), "requirements.txt", &(packages.join("\n") + "\n"));
        let mut page = String::new();
        for _ in 0..3 {
            let out = course_in(ws.path())
                .args(["--no-pager", "--width", "200", "--lang", lang, "next"])
                .output()
                .unwrap();
            page = String::from_utf8(out.stdout).unwrap();
        }
        assert!(page.contains("course check requirements"), "{page}");
        assert_eq!(page.matches(sentence).count(), 1, "{lang}:\n{page}");
        for p in packages {
            assert!(page.contains(&format!(": {p}\n")), "{lang} {p}:\n{page}");
        }
    }
}
