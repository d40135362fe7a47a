//! The structure check kinds (`paths`, `config-files`, `python-packages`, `mentions`), run end
//! to end: the real binary, a tiny course whose one exercise holds the checks, and a workspace
//! laid out like the note's project tree.

use std::path::Path;

use crate::common::{exercise_findings, tempdir, write};
use serde_json::Value;

/// The four kinds with the parameters of the course's structure exercise.
const CHECKS: &str = concat!(
    "  - kind: paths\n",
    "    files: [README.md, requirements.txt]\n",
    "    nonempty_dirs: [configs, data, scripts, notebooks, tests]\n",
    "  - kind: config-files\n",
    "    dir: configs\n",
    "  - kind: python-packages\n",
    "    root: src\n",
    "    packages: [src, src/model, src/data, src/training, src/utils]\n",
    "  - kind: mentions\n",
    "    file: README.md\n",
    "    words: [src, configs, data, scripts, notebooks, tests]\n",
    "    explain: true\n",
);

fn check(ws: &Path) -> (i32, Vec<Value>) {
    exercise_findings(ws, CHECKS, "en")
}

fn fails(findings: &[Value]) -> Vec<&Value> {
    findings.iter().filter(|f| f["status"] == "fail").collect()
}

fn msg(f: &Value) -> &str {
    f["message"].as_str().unwrap_or("")
}

const README: &str = "\
# VLA 프로젝트

- `src/`: 재사용 가능한 모듈 (모델, 데이터, 학습)
- `configs/`: 실험 설정 YAML
- `data/`: 데이터셋 (git 으로 추적하지 않음)
- `scripts/`: 학습/평가 실행 스크립트
- `notebooks/`: 데이터 탐색용 Jupyter
- `tests/`: 테스트 코드
";

/// The note's project tree.
fn full_tree(ws: &Path) {
    write(ws, "README.md", README);
    write(ws, "requirements.txt", "torch==2.1.0  # 딥러닝\n");
    write(
        ws,
        "configs/base.yaml",
        "model:\n  name: vla\n  hidden: 512\ntrain:\n  lr: 0.0001\n  batch_size: 32\n",
    );
    write(ws, "configs/vla_large.yaml", "model:\n  hidden: 1024\n");
    write(ws, "data/raw/.gitkeep", "");
    write(ws, "data/processed/.gitkeep", "");
    write(ws, "src/__init__.py", "");
    for (pkg, files) in [
        (
            "model",
            &["vision.py", "language.py", "action.py", "vla.py"][..],
        ),
        ("data", &["dataset.py", "transforms.py"][..]),
        ("training", &["trainer.py", "optimizer.py"][..]),
        ("utils", &["logging.py", "metrics.py"][..]),
    ] {
        write(ws, &format!("src/{pkg}/__init__.py"), "");
        for f in files {
            write(ws, &format!("src/{pkg}/{f}"), "x = 1\n");
        }
    }
    write(ws, "src/model/__init__.py", "from .vla import VLAModel\n");
    for f in ["train.py", "evaluate.py", "inference.py"] {
        write(ws, &format!("scripts/{f}"), "print('run')\n");
    }
    write(ws, "notebooks/01_data_exploration.ipynb", "{}\n");
    write(ws, "tests/test_model.py", "def test(): pass\n");
}

#[test]
fn the_notes_tree_passes_all_four_kinds() {
    let ws = tempdir();
    full_tree(ws.path());
    let (code, findings) = check(ws.path());
    assert_eq!(code, 0, "{findings:#?}");
    let kinds: Vec<&str> = findings
        .iter()
        .map(|f| f["check"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["paths", "config-files", "python-packages", "mentions"]
    );
    assert!(
        findings.iter().all(|f| f["status"] == "pass"),
        "{findings:#?}"
    );
    assert!(
        msg(&findings[1]).contains("2 config files"),
        "{findings:#?}"
    );
    assert!(msg(&findings[2]).contains("5 packages"), "{findings:#?}");
}

#[test]
fn missing_init_is_named_with_the_path_to_create() {
    let ws = tempdir();
    full_tree(ws.path());
    std::fs::remove_file(ws.path().join("src/data/__init__.py")).unwrap();
    let (code, findings) = check(ws.path());
    assert_eq!(code, 1);
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:#?}");
    assert_eq!(f[0]["check"], "python-packages");
    assert_eq!(f[0]["file"], "src/data/__init__.py");
    assert_eq!(f[0]["code"], "packages/no-init", "{:#?}", f[0]);
    assert!(
        msg(f[0]).contains("`src/data/` has no `__init__.py`"),
        "{f:#?}"
    );
    assert!(f[0]["hint"]
        .as_str()
        .unwrap()
        .contains("touch src/data/__init__.py"));
}

#[test]
fn misspelt_init_is_pointed_out() {
    let ws = tempdir();
    full_tree(ws.path());
    std::fs::rename(
        ws.path().join("src/utils/__init__.py"),
        ws.path().join("src/utils/__init__.py.txt"),
    )
    .unwrap();
    let (_, findings) = check(ws.path());
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:#?}");
    assert!(
        f[0]["hint"].as_str().unwrap().contains("__init__.py.txt"),
        "{f:#?}"
    );
}

#[test]
fn unlisted_folder_with_py_files_needs_init_too() {
    let ws = tempdir();
    full_tree(ws.path());
    write(ws.path(), "src/model/layers/attention.py", "x = 1\n");
    write(
        ws.path(),
        "src/model/layers/__pycache__/attention.cpython-312.pyc",
        "",
    );
    write(ws.path(), "src/.hidden/x.py", "");
    let (code, findings) = check(ws.path());
    assert_eq!(code, 1);
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:#?}");
    assert_eq!(f[0]["file"], "src/model/layers/__init__.py");
    assert!(msg(f[0]).contains("holds .py files"), "{f:#?}");
    assert!(msg(f[0]).contains("not a regular Python package"), "{f:#?}");

    // In Korean as well.
    let (_, findings) = exercise_findings(ws.path(), CHECKS, "ko");
    let f = fails(&findings);
    assert!(
        msg(f[0]).contains("`src/model/layers/`에 `__init__.py`가 없습니다"),
        "{f:#?}"
    );

    write(ws.path(), "src/model/layers/__init__.py", "");
    let (code, findings) = check(ws.path());
    assert_eq!(code, 0, "{findings:#?}");
}

#[test]
fn empty_folder_fails_and_gitkeep_fixes_it() {
    let ws = tempdir();
    full_tree(ws.path());
    std::fs::remove_dir_all(ws.path().join("scripts")).unwrap();
    std::fs::create_dir_all(ws.path().join("scripts/sub")).unwrap();
    let (code, findings) = check(ws.path());
    assert_eq!(code, 1);
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:#?}");
    assert_eq!(f[0]["check"], "paths");
    assert_eq!(f[0]["file"], "scripts");
    assert_eq!(f[0]["code"], "folder/empty", "{:#?}", f[0]);
    assert!(f[0]["hint"]
        .as_str()
        .unwrap()
        .contains("touch scripts/.gitkeep"));

    write(ws.path(), "scripts/.gitkeep", "");
    let (code, findings) = check(ws.path());
    assert_eq!(code, 0, "{findings:#?}");
}

#[test]
fn missing_files_and_folders_are_named() {
    let ws = tempdir();
    full_tree(ws.path());
    std::fs::remove_file(ws.path().join("requirements.txt")).unwrap();
    std::fs::remove_dir_all(ws.path().join("notebooks")).unwrap();
    let (code, findings) = exercise_findings(
        ws.path(),
        "  - kind: paths\n    files: [README.md, requirements.txt]\n    nonempty_dirs: [configs, notebooks]\n",
        "en",
    );
    assert_eq!(code, 1);
    let f = fails(&findings);
    assert_eq!(f.len(), 2, "{findings:#?}");
    assert_eq!(f[0]["file"], "requirements.txt");
    assert_eq!(f[0]["code"], "file/missing");
    assert!(msg(f[0]).contains("`requirements.txt` does not exist"));
    assert_eq!(f[1]["file"], "notebooks");
    assert_eq!(f[1]["code"], "folder/missing");
}

/// Two kinds that find the same problem at the same place (`paths` and `mentions` both miss
/// README.md) report it once, merged on code, file and line, in either language; the text of
/// the first kind stays.
#[test]
fn issue7_same_code_at_the_same_place_is_reported_once_in_both_languages() {
    let ws = tempdir();
    full_tree(ws.path());
    std::fs::remove_file(ws.path().join("README.md")).unwrap();
    for lang in ["en", "ko"] {
        let (code, findings) = exercise_findings(ws.path(), CHECKS, lang);
        assert_eq!(code, 1);
        let f = fails(&findings);
        assert_eq!(f.len(), 1, "{findings:#?}");
        assert_eq!(f[0]["code"], "file/missing");
        assert_eq!(f[0]["check"], "paths");
        assert_eq!(f[0]["file"], "README.md");
        for finding in &findings {
            let code = finding["code"].as_str().expect("every finding has a code");
            assert!(course::checks::Code::parse(code).is_some(), "{code}");
        }
    }
}

#[test]
fn invalid_yaml_fails_with_its_line() {
    let ws = tempdir();
    full_tree(ws.path());
    write(
        ws.path(),
        "configs/base.yaml",
        "model:\n  name: vla\n  layers: [1, 2\ntrain:\n  lr: 0.0001\n",
    );
    let (code, findings) = check(ws.path());
    assert_eq!(code, 1);
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:#?}");
    assert_eq!(f[0]["check"], "config-files");
    assert_eq!(f[0]["file"], "configs/base.yaml");
    let line = f[0]["line"].as_i64().unwrap();
    assert!((3..=4).contains(&line), "line {line}: {f:#?}");
    assert!(msg(f[0]).starts_with("not valid YAML: "), "{f:#?}");
}

#[test]
fn tab_indentation_gets_a_tab_hint() {
    let ws = tempdir();
    full_tree(ws.path());
    write(ws.path(), "configs/base.yaml", "model:\n\tname: vla\n");
    let (_, findings) = check(ws.path());
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:#?}");
    assert_eq!(f[0]["line"], 2);
    assert!(
        f[0]["hint"].as_str().unwrap().contains("never tabs"),
        "{f:#?}"
    );
}

#[test]
fn configs_without_yaml_or_settings_fail() {
    let ws = tempdir();
    full_tree(ws.path());
    std::fs::remove_file(ws.path().join("configs/base.yaml")).unwrap();
    std::fs::remove_file(ws.path().join("configs/vla_large.yaml")).unwrap();
    write(ws.path(), "configs/notes.txt", "lr = 0.1\n");
    let (_, findings) = check(ws.path());
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:#?}");
    assert_eq!(f[0]["code"], "config/none", "{:#?}", f[0]);
    assert!(
        msg(f[0]).contains("`configs/` holds no config file (.yaml, .yml)"),
        "{f:#?}"
    );

    write(ws.path(), "configs/base.yml", "# 나중에 채울 것\n");
    let (_, findings) = check(ws.path());
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:#?}");
    assert_eq!(f[0]["code"], "config/empty", "{:#?}", f[0]);
}

#[test]
fn readme_missing_a_folder_fails_naming_it() {
    let ws = tempdir();
    full_tree(ws.path());
    write(
        ws.path(),
        "README.md",
        "# VLA\n\nsrc는 소스 코드, configs/에는 설정, DATA 폴더는 데이터, `scripts/`는 실행 스크립트, tests는 테스트.\nnotebook 하나는 resources/ 에.\n",
    );
    let (code, findings) = check(ws.path());
    assert_eq!(code, 1);
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:#?}");
    assert_eq!(f[0]["check"], "mentions");
    assert_eq!(f[0]["file"], "README.md");
    assert_eq!(f[0]["code"], "mentions/missing-word", "{:#?}", f[0]);
    assert!(msg(f[0]).contains("does not mention `notebooks`"), "{f:#?}");
    assert!(f[0]["hint"]
        .as_str()
        .unwrap()
        .contains("in your own words what goes there and why, starting with `notebooks/`; e.g. `- docs/: how-to guides and design notes`"));

    let (_, findings) = exercise_findings(ws.path(), CHECKS, "ko");
    let f = fails(&findings);
    assert!(msg(f[0]).contains("`notebooks`"), "{f:#?}");
    assert!(
        f[0]["hint"].as_str().unwrap().contains("`notebooks/`부터 폴더마다 한 줄씩, 그 폴더에 무엇을 왜 두는지 자기 말로 쓰십시오. 예: `- docs/: 사용법 안내와 설계 문서`"),
        "{f:#?}"
    );
}

#[test]
fn a_symlink_loop_in_src_neither_hangs_nor_counts() {
    let ws = tempdir();
    full_tree(ws.path());
    std::os::unix::fs::symlink("..", ws.path().join("src/loop")).unwrap();
    std::os::unix::fs::symlink("../..", ws.path().join("src/model/up")).unwrap();
    std::os::unix::fs::symlink("../src", ws.path().join("configs/src-link")).unwrap();
    let (code, findings) = check(ws.path());
    assert_eq!(code, 0, "{findings:#?}");
    assert!(msg(&findings[2]).contains("5 packages"), "{findings:#?}");
}

#[test]
fn a_huge_data_folder_does_not_matter() {
    let ws = tempdir();
    full_tree(ws.path());
    let big = ws.path().join("data/raw/frames");
    std::fs::create_dir_all(&big).unwrap();
    for i in 0..20_000 {
        std::fs::File::create(big.join(format!("{i:05}.png"))).unwrap();
    }
    // A data dump inside the source folder too: the walk stops at its budget and says so.
    let dump = ws.path().join("src/data/cache");
    std::fs::create_dir_all(&dump).unwrap();
    for i in 0..20_000 {
        std::fs::File::create(dump.join(format!("{i:05}.npy"))).unwrap();
    }
    let (code, findings) = check(ws.path());
    assert_eq!(code, 0, "{findings:#?}");
    let skipped: Vec<&Value> = findings.iter().filter(|f| f["status"] == "skip").collect();
    assert_eq!(skipped.len(), 1, "{findings:#?}");
    assert_eq!(
        skipped[0]["code"], "packages/too-many-entries",
        "{:#?}",
        skipped[0]
    );
    assert!(
        msg(skipped[0]).contains("more than 20000 entries"),
        "{skipped:#?}"
    );
}

/// The fixtures under `exercises/structure/fixtures/` behave as their folder says.
#[test]
fn fixtures_pass_and_fail_as_named() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises/structure/fixtures");
    let mut seen = (0, 0);
    for (kind, want) in [("pass", 0), ("fail", 1)] {
        for e in std::fs::read_dir(root.join(kind)).unwrap() {
            let path = e.unwrap().path();
            let (code, findings) = check(&path);
            assert_eq!(code, want, "{}: {findings:#?}", path.display());
            if want == 1 {
                assert_eq!(
                    fails(&findings).len(),
                    1,
                    "{}: {findings:#?}",
                    path.display()
                );
                seen.1 += 1;
            } else {
                seen.0 += 1;
            }
        }
    }
    assert!(seen.0 >= 1 && seen.1 >= 3, "{seen:?}");
}

#[test]
fn issue8_a_readme_listing_only_the_folder_names_fails_and_explanations_pass() {
    let ws = tempdir();
    full_tree(ws.path());
    write(
        ws.path(),
        "README.md",
        "# VLA\n\n- src\n- configs\n- data\n- scripts\n- notebooks\n- tests\n",
    );
    let (code, findings) = check(ws.path());
    assert_eq!(code, 1);
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:#?}");
    assert_eq!(f[0]["line"], 3);
    assert!(
        msg(f[0]).starts_with("`README.md` names `src`, `configs`,"),
        "{f:#?}"
    );
    let (_, ko) = exercise_findings(ws.path(), CHECKS, "ko");
    assert!(
        msg(fails(&ko)[0]).ends_with("의 이름만 있고 무엇을 하는 곳인지 각각 설명이 없습니다"),
        "{ko:#?}"
    );

    // Honest: headings with a line below each, in English and Korean.
    write(
        ws.path(),
        "README.md",
        "# VLA\n\n## src\nThe importable package\n\n## configs\n실험 설정 YAML\n\n## data\nRaw episodes, never committed\n\n## scripts\n학습과 평가 실행\n\n## notebooks\nExploration\n\n## tests\n단위 테스트\n",
    );
    let (code, findings) = check(ws.path());
    assert_eq!(code, 0, "{findings:#?}");
}

/// A 2-line file with an unclosed `[`: the finding points at line 2, where the `[` is (not at
/// line 3, past the end), and says what is unclosed, in both languages.
#[test]
fn issue9_yaml_error_points_at_the_unclosed_bracket() {
    let ws = tempdir();
    full_tree(ws.path());
    write(
        ws.path(),
        "configs/base.yaml",
        "learning_rate: 0.001\nlayers: [64, 128\n",
    );
    for (lang, said) in [
        (
            "en",
            "`[` opened on line 2 (column 9) is never closed with `]`",
        ),
        ("ko", "2번째 줄 9번째 칸에서 연 `[`를 `]`로 닫지 않았습니다"),
    ] {
        let (code, findings) = exercise_findings(ws.path(), CHECKS, lang);
        assert_eq!(code, 1);
        let f = fails(&findings);
        assert_eq!(f.len(), 1, "{findings:#?}");
        assert_eq!(f[0]["line"], 2, "{f:#?}");
        assert!(msg(f[0]).contains(said), "{f:#?}");
    }
}

#[test]
fn issue9_a_missing_folder_is_named_once_not_twice() {
    // The walk of issue 9 read `x scripts: `scripts/` 폴더가 없습니다`: the location prefix
    // repeated the folder the message already names.
    let ws = crate::common::init_workspace("ko");
    for lang in ["ko", "en"] {
        let out = crate::common::course_in(ws.path())
            .args(["--lang", lang, "--width", "200", "check", "structure"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        for dir in ["scripts", "notebooks", "tests", "configs", "src"] {
            assert!(text.contains(&format!("`{dir}/`")), "{lang}: {text}");
            assert!(!text.contains(&format!("{dir}: ")), "{lang}: {text}");
        }
    }
}

/// Issue 9 (second audit): a folder's name with "folder" and filler words around it
/// (`the src folder`, `이것은 data 폴더`) explains nothing, in either language of the run;
/// short honest lines with the same function words around a real word pass.
#[test]
fn issue9_readme_filler_words_fail_and_short_honest_lines_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises/structure/fixtures");
    for lang in ["en", "ko"] {
        let (code, findings) =
            exercise_findings(&root.join("fail/readme-filler-words"), CHECKS, lang);
        assert_eq!(code, 1, "{findings:#?}");
        let f = fails(&findings);
        assert_eq!(f.len(), 1, "{findings:#?}");
        assert_eq!(f[0]["code"], "mentions/not-explained", "{f:#?}");
        assert_eq!(f[0]["line"], 3, "{f:#?}");
        for honest in [
            "readme-short-function-words-en",
            "readme-short-function-words-ko",
        ] {
            let (code, findings) = exercise_findings(&root.join("pass").join(honest), CHECKS, lang);
            assert_eq!(code, 0, "{honest}: {findings:#?}");
        }
    }
}

#[test]
fn issue9_one_config_file_and_one_expected_name_are_said_in_the_singular() {
    let ws = tempdir();
    full_tree(ws.path());
    std::fs::remove_file(ws.path().join("configs/vla_large.yaml")).unwrap();
    for (explain, verb) in [("false", "mentions"), ("true", "explains")] {
        let checks = format!(
            "  - kind: config-files\n    dir: configs\n  - kind: mentions\n    file: README.md\n    words: [src]\n    explain: {explain}\n"
        );
        let (code, findings) = exercise_findings(ws.path(), &checks, "en");
        assert_eq!(code, 0, "{findings:#?}");
        assert_eq!(msg(&findings[0]), "`configs/`: 1 config file, valid YAML");
        assert_eq!(
            msg(&findings[1]),
            format!("`README.md` {verb} the expected name")
        );
        let (_, findings) = exercise_findings(ws.path(), &checks, "ko");
        assert_eq!(msg(&findings[0]), "`configs/`: 설정 파일 1개, 올바른 YAML");
        assert!(msg(&findings[1]).starts_with("`README.md`에 필요한 이름"));
    }
}
