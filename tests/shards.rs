//! `course grade --batch --shard I/N` and `course gradebook merge` (issue 11): the union of
//! the N shard gradebooks is the unsharded gradebook, and parts that do not belong together
//! are refused. Runs the real binary on the built-in course (without --exec) over a class of
//! real folders: passing, failing, broken and oddly named submissions.
use std::path::{Path, PathBuf};

use crate::common::{course, ok, tempdir, write};

const GOOD: &str = "torch==2.10.0  # model definition and training\nnumpy>=1.26  # arrays\n\
pillow>=9.0  # camera images\npyyaml>=6.0  # config files\ntqdm>=4.0  # progress bars\n";

/// A class of 23 submissions: good and bad requirements, a project folder, a file where a
/// folder should be, names with a comma, a formula and Hangul.
fn class(root: &Path) -> PathBuf {
    let dir = root.join("class");
    for i in 0..18 {
        let req = if i % 3 == 0 { GOOD } else { "numpy\ntorch\n" };
        write(&dir, &format!("student-{i:02}/requirements.txt"), req);
        if i % 4 == 0 {
            write(&dir, &format!("student-{i:02}/src/__init__.py"), "");
        }
    }
    write(&dir, "김민준/requirements.txt", GOOD);
    write(&dir, "smith, jr/requirements.txt", "numpy>=\n");
    write(&dir, "=cmd()/README.md", "# hi\n");
    write(&dir, "not-a-folder", "a file\n");
    write(&dir, "zoe/README.md", "# zoe\n");
    dir
}

fn grade(dir: &Path, extra: &[&str]) -> Vec<u8> {
    let out = course()
        .arg("grade")
        .arg("--batch")
        .arg(dir)
        .args(["--jobs", "2"])
        .args(extra)
        .output()
        .unwrap();
    // 3: one submission is not a folder (an error row), whatever the shard holds.
    assert!(
        matches!(out.status.code(), Some(0 | 3)),
        "{:?}: {}",
        extra,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn merge(parts: &[PathBuf], extra: &[&str]) -> std::process::Output {
    course()
        .args(["--lang", "en", "gradebook", "merge"])
        .args(parts)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn issue11_union_of_shards_is_the_unsharded_gradebook() {
    let tmp = tempdir();
    let dir = class(tmp.path());
    for (format, ext) in [("csv", "csv"), ("json", "json")] {
        let whole = grade(&dir, &["--format", format]);
        let mut sizes = Vec::new();
        for n in 1..=7u32 {
            let parts: Vec<PathBuf> = (1..=n)
                .map(|i| {
                    let part = tmp.path().join(format!("part-{i}-of-{n}.{ext}"));
                    let shard = format!("{i}/{n}");
                    std::fs::write(&part, grade(&dir, &["--format", format, "--shard", &shard]))
                        .unwrap();
                    part
                })
                .collect();
            let out = merge(&parts, &["--format", format]);
            assert!(
                out.status.success(),
                "N={n}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(
                String::from_utf8(out.stdout).unwrap(),
                String::from_utf8(whole.clone()).unwrap(),
                "{format}, N={n}"
            );
            sizes.push(n);
        }
        assert_eq!(sizes.len(), 7);
    }
}

#[test]
fn issue11_class_report_of_merged_shards_is_the_class_report_of_one_run() {
    let tmp = tempdir();
    let dir = class(tmp.path());
    let whole = tmp.path().join("whole.html");
    grade(&dir, &["--lang", "en", "--report", whole.to_str().unwrap()]);
    let parts: Vec<PathBuf> = (1..=3)
        .map(|i| {
            let part = tmp.path().join(format!("part-{i}.json"));
            let shard = format!("{i}/3");
            let args = ["--lang", "en", "--format", "json", "--shard", &shard];
            std::fs::write(&part, grade(&dir, &args)).unwrap();
            part
        })
        .collect();
    let merged = tmp.path().join("merged.html");
    let md = tmp.path().join("merged.md");
    ok(merge(
        &parts,
        &[
            "--report",
            merged.to_str().unwrap(),
            "--report",
            md.to_str().unwrap(),
        ],
    ));
    assert_eq!(
        std::fs::read_to_string(&merged).unwrap(),
        std::fs::read_to_string(&whole).unwrap()
    );
    assert!(std::fs::read_to_string(&md).unwrap().contains("### "));
    // CSV parts hold no findings: no report from them.
    let csv_parts: Vec<PathBuf> = (1..=3)
        .map(|i| {
            let part = tmp.path().join(format!("part-{i}.csv"));
            std::fs::write(&part, grade(&dir, &["--shard", &format!("{i}/3")])).unwrap();
            part
        })
        .collect();
    let out = merge(&csv_parts, &["--report", merged.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds no reports"));
}

#[test]
fn shard_gradebooks_record_course_version_and_shard() {
    let tmp = tempdir();
    let dir = class(tmp.path());
    let csv = String::from_utf8(grade(&dir, &["--shard", "2/3"])).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(
            ",error,course,course_version,shard,name,id,sis_user_id,sis_login_id,section,email"
        ),
        "{header}"
    );
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert!(!rows.is_empty() && rows.len() < 23, "{csv}");
    assert!(rows.iter().all(|r| r.ends_with(",2/3,,,,,,")), "{csv}");
    let json: serde_json::Value =
        serde_json::from_slice(&grade(&dir, &["--format", "json", "--shard", "2/3"])).unwrap();
    assert_eq!(json["shard"], "2/3");
    assert_eq!(json["course"], "python-ecosystem");
    assert_eq!(json["course_version"].as_str().unwrap().len(), 16);
    // Unsharded: the shard is null, the other fields are there.
    let json: serde_json::Value =
        serde_json::from_slice(&grade(&dir, &["--format", "json"])).unwrap();
    assert!(json["shard"].is_null());
}

#[test]
fn merge_refuses_parts_that_do_not_belong_together() {
    let tmp = tempdir();
    let dir = class(tmp.path());
    let part = |name: &str, args: &[&str]| {
        let path = tmp.path().join(name);
        std::fs::write(&path, grade(&dir, args)).unwrap();
        path
    };
    let a1 = part("a1.csv", &["--shard", "1/2"]);
    let a2 = part("a2.csv", &["--shard", "2/2"]);
    let b2 = part("b2.csv", &["--shard", "2/3"]);
    let whole = part("whole.csv", &[]);
    let refused = |parts: &[PathBuf], want: &str| {
        let out = merge(parts, &[]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{parts:?}: {err}");
        assert!(err.contains(want), "{parts:?}: want {want:?} in {err}");
        assert!(out.stdout.is_empty());
    };
    refused(&[a1.clone(), a1.clone()], "are both shard 1/2");
    refused(&[a1.clone(), b2.clone()], "cut the class differently");
    refused(std::slice::from_ref(&a1), "missing 2/2");
    refused(&[a1.clone(), whole.clone()], "holds the whole class");
    // Another version of the course: the same course id, one exercise file changed.
    let other = tmp.path().join("other-course");
    copy_course(&other);
    let yaml = other.join("exercises/structure/exercise.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, text.replace("points: ", "points: 1")).unwrap();
    let path = tmp.path().join("v2.csv");
    let out = course()
        .arg("--course")
        .arg(&other)
        .args(["grade", "--shard", "2/2", "--batch"])
        .arg(&dir)
        .output()
        .unwrap();
    std::fs::write(&path, out.stdout).unwrap();
    refused(&[a1.clone(), path], "different versions of the course");
    // JSON out of CSV parts: there are no reports to write.
    let out = merge(&[a1.clone(), a2.clone()], &["--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds no reports"));
    // Not a gradebook at all, with the file named.
    let junk = write(tmp.path(), "junk.csv", "name,grade\nalice,3\n");
    refused(&[junk], "junk.csv: not a gradebook");
    let old = write(
        tmp.path(),
        "old.csv",
        "submission,score,max_score,requirements,error\r\nalice,0,20,0,\r\n",
    );
    refused(&[old], "grade again");
    // And the pair that belongs together merges, to a file.
    let out_file = tmp.path().join("grades.csv");
    let out = ok(merge(&[a2, a1], &["--output", out_file.to_str().unwrap()]));
    assert_eq!(
        std::fs::read(&out_file).unwrap(),
        std::fs::read(&whole).unwrap()
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("merged 2 parts (2 shards): 23 submissions")
    );
}

/// The built-in course's files, copied into `dest` (a course folder of the same id).
fn copy_course(dest: &Path) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dest).unwrap();
    for rel in ["course.yaml", "lessons", "exercises"] {
        let status = std::process::Command::new("cp")
            .arg("-r")
            .arg(src.join(rel))
            .arg(dest.join(rel))
            .status()
            .unwrap();
        assert!(status.success());
    }
}

/// Gradebook merge reads CSV with the roster's reader: a broken gradebook is refused with the
/// file, the line the problem is on (a quoted cell spanning lines counts them) and the fix,
/// in the learner's language; a byte-order mark a spreadsheet adds is not a problem.
#[test]
fn issue7_merge_reads_csv_as_the_roster_does() {
    let tmp = tempdir();
    let header = "submission,score,max_score,requirements,error,course,course_version,shard,name,id,sis_user_id,sis_login_id,section,email";
    let text = format!(
        "{header}\r\n\"multi\nline\",0,20,0,,c,1,,,,,,,\r\nbob,\"0\"x,20,0,,c,1,,,,,,,\r\n"
    );
    let bad = write(tmp.path(), "bad.csv", &text);
    for (lang, want) in [
        ("en", "bad.csv: not a gradebook of `course grade --batch` (line 4: text after a closing quote"),
        ("ko", "bad.csv: `course grade --batch`의 성적표가 아닙니다 (4번째 줄: 닫는 따옴표 뒤에 글자가 있습니다"),
    ] {
        let out = course()
            .args(["--lang", lang, "gradebook", "merge"])
            .arg(&bad)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(want), "want {want:?} in {err}");
    }
    // A row that is short names its own line, past a cell that spans two.
    let short = format!("\u{feff}{header}\r\n\"multi\nline\",0,20,0,,c,1,,,,,,,\r\nbob,0\r\n");
    let short = write(tmp.path(), "short.csv", &short);
    let out = merge(&[short], &[]);
    let err = String::from_utf8_lossy(&out.stderr)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("the row on line 4 has 2 cells, the header 14"),
        "{err}"
    );
}
