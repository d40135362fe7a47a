//! Issue 7: every kind that reads a workspace file reads it one way (`fs::read_workspace_text`)
//! and says the same about the same problem: a missing file, a folder, a FIFO (never opened
//! in a way that blocks), a link out of the workspace, a file too large, text that is not
//! UTF-8 (with its line). The code and the wording are the same whichever kind reads it.

use std::path::Path;
use std::process::Command;

use crate::common::{check_report, one_exercise_course, tempdir, write};
use serde_json::Value;

const ANSWERS: &str = concat!(
    "file: answers.yaml\n",
    "    options: {jupyter: [jupyter], script: [script]}\n",
    "    questions:\n",
    "      - key: eda\n",
    "        expected: jupyter\n",
    "        prompt: {ko: 데이터 살펴보기, en: exploring the data}\n",
);

/// (kind, its parameters after `- kind: X\n    `, the file it reads)
const KINDS: &[(&str, &str, &str)] = &[
    ("requirements", "file: reqs.txt\n", "reqs.txt"),
    ("mentions", "file: NOTES.md\n    words: [src]\n", "NOTES.md"),
    ("choices", ANSWERS, "answers.yaml"),
];

fn findings(ws: &Path, kind: &str, params: &str, lang: &str) -> (i32, Vec<Value>) {
    let c = tempdir();
    one_exercise_course(c.path(), &format!("  - kind: {kind}\n    {params}"));
    let (code, report) = check_report::<&str>(c.path(), ws, lang, &[]);
    let findings = report["exercises"][0]["findings"]
        .as_array()
        .unwrap()
        .clone();
    (code, findings)
}

/// Run every kind on a workspace prepared by `setup(root, file)`; each must give exactly one
/// finding with `code`, and the same English message with the file's name in it.
fn every_kind_says(code: &str, status: &str, setup: impl Fn(&Path, &str)) -> Vec<Value> {
    let mut all = Vec::new();
    for (kind, params, file) in KINDS {
        let ws = tempdir();
        setup(ws.path(), file);
        let (exit, found) = findings(ws.path(), kind, params, "en");
        assert_eq!(found.len(), 1, "{kind}: {found:#?}");
        let f = &found[0];
        assert_eq!(f["code"], code, "{kind}: {f:#?}");
        assert_eq!(f["status"], status, "{kind}: {f:#?}");
        assert_eq!(f["file"], *file, "{kind}: {f:#?}");
        assert_eq!(exit, if status == "error" { 3 } else { 1 }, "{kind}");
        let message = f["message"].as_str().unwrap().replace(file, "FILE");
        all.push(serde_json::json!({"message": message, "line": f["line"]}));
    }
    for pair in all.windows(2) {
        assert_eq!(
            pair[0]["message"], pair[1]["message"],
            "one wording for {code}"
        );
    }
    all
}

#[test]
fn issue7_a_missing_file_is_file_missing_for_every_kind() {
    every_kind_says("file/missing", "fail", |_, _| {});
}

#[test]
fn issue7_a_folder_is_file_is_folder_for_every_kind() {
    every_kind_says("file/is-folder", "fail", |root, file| {
        std::fs::create_dir_all(root.join(file)).unwrap();
    });
}

#[test]
fn issue7_a_fifo_is_refused_without_blocking_for_every_kind() {
    every_kind_says("file/not-regular", "fail", |root, file| {
        let made = Command::new("mkfifo")
            .arg(root.join(file))
            .status()
            .unwrap();
        assert!(made.success());
    });
}

#[test]
fn issue7_a_link_out_of_the_workspace_is_not_read_for_every_kind() {
    let outside = tempdir();
    write(outside.path(), "secret.txt", "numpy  # arrays\nsrc\n");
    every_kind_says("file/outside-workspace", "fail", |root, file| {
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join(file)).unwrap();
    });
}

#[test]
fn issue7_a_huge_file_is_too_large_for_every_kind() {
    every_kind_says("file/too-large", "fail", |root, file| {
        let line = "numpy  # arrays and numerics, as used everywhere in src\n";
        std::fs::write(root.join(file), line.repeat(2 * 1024 * 1024 / line.len())).unwrap();
    });
}

#[test]
fn issue7_text_that_is_not_utf8_names_its_line_for_every_kind() {
    let all = every_kind_says("file/not-utf8", "fail", |root, file| {
        std::fs::write(root.join(file), b"numpy  # arrays\nsrc\n\xbf\xf0 torch\n").unwrap();
    });
    for f in all {
        assert_eq!(f["line"], 3, "{f}");
    }
}

/// config-files reads every YAML file of a folder: the same findings for the files in it.
#[test]
fn issue7_config_files_reads_its_files_the_same_way() {
    let params = "dir: configs\n";
    let ws = tempdir();
    write(ws.path(), "configs/base.yaml", "learning_rate: 0.0001\n");
    std::fs::write(ws.path().join("configs/bad.yaml"), b"a: 1\n\xff: 2\n").unwrap();
    let big = "batch_size: 32\n".repeat(80_000);
    write(ws.path(), "configs/big.yaml", &big);
    let (exit, found) = findings(ws.path(), "config-files", params, "en");
    assert_eq!(exit, 1, "{found:#?}");
    let by_file = |f: &str| found.iter().find(|x| x["file"] == f).cloned().unwrap();
    assert_eq!(by_file("configs/bad.yaml")["code"], "file/not-utf8");
    assert_eq!(by_file("configs/bad.yaml")["line"], 2);
    assert_eq!(by_file("configs/big.yaml")["code"], "file/too-large");
    assert_eq!(by_file("configs/big.yaml")["status"], "fail");
}

/// The Korean wording: particles chosen by sound, and honest files still pass in Korean.
#[test]
fn issue7_file_findings_read_well_in_korean_and_honest_files_pass() {
    let ws = tempdir();
    let (_, found) = findings(
        ws.path(),
        "mentions",
        "file: NOTES.md\n    words: [src]\n",
        "ko",
    );
    assert_eq!(found[0]["code"], "file/missing");
    assert_eq!(found[0]["message"], "`NOTES.md` 파일이 없습니다");
    std::fs::create_dir(ws.path().join("NOTES.md")).unwrap();
    let (_, found) = findings(
        ws.path(),
        "mentions",
        "file: NOTES.md\n    words: [src]\n",
        "ko",
    );
    assert_eq!(
        found[0]["message"],
        "`NOTES.md`는 폴더입니다. 파일이어야 합니다"
    );
    std::fs::remove_dir(ws.path().join("NOTES.md")).unwrap();
    // UTF-8 with a BOM, Korean text and Windows line ends: read as written.
    write(
        ws.path(),
        "NOTES.md",
        "\u{feff}# 노트\r\n- `src/`: 모듈\r\n",
    );
    let (exit, found) = findings(
        ws.path(),
        "mentions",
        "file: NOTES.md\n    words: [src]\n",
        "ko",
    );
    assert_eq!(exit, 0, "{found:#?}");
    assert_eq!(found[0]["code"], "mentions/ok");
}
