//! `course grade --batch` over archives (issue 11): real `.zip`, `.tar` and `.tar.gz` files
//! built here, an LMS export's naming, and hostile archives, each refused with its code.

use std::path::Path;

use crate::archive_build::{tar_of, zip_of};
use crate::common::*;

/// A course whose one exercise wants `done.txt` (20 points).
fn done_course(root: &Path) -> std::path::PathBuf {
    let dir = root.join("course");
    one_exercise_course(&dir, "  - kind: paths\n    files: [done.txt]\n");
    dir
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn rows(c: &Path, class: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let a = course()
        .arg("--course")
        .arg(c)
        .args(["grade", "--format", "json", "--batch"])
        .arg(class)
        .args(extra)
        .assert();
    let v: serde_json::Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    v["submissions"].as_array().unwrap().clone()
}

#[test]
fn issue11_archives_are_graded_and_hostile_ones_refused_with_their_code() {
    let tmp = tempdir();
    let root = tmp.path();
    let c = done_course(root);
    let class = root.join("class");
    std::fs::create_dir_all(&class).unwrap();
    let put = |name: &str, bytes: Vec<u8>| std::fs::write(class.join(name), bytes).unwrap();
    // Canvas "Download Submissions": <name>_<user id>_<submission id>_<file name>; the
    // student's zip holds one folder.
    put(
        "kimminji_12345_678901_hw1.zip",
        zip_of(&[
            ("hw1/", b""),
            ("hw1/done.txt", b"done\n"),
            ("__MACOSX/._x", b""),
        ]),
    );
    put(
        "lee.tar.gz",
        gz(&tar_of(&[(
            tar::EntryType::Regular,
            "done.txt",
            "",
            b"done\n",
        )])),
    );
    put(
        "park.tar",
        tar_of(&[(tar::EntryType::Regular, "README.md", "", b"hi\n")]),
    );
    put("slip.zip", zip_of(&[("../../../../course-slip.txt", b"x")]));
    let abs = root.join("course-absolute.txt");
    let abs_name = abs.to_string_lossy().to_string();
    put(
        "absolute.tar",
        tar_of(&[(tar::EntryType::Regular, &abs_name, "", b"x")]),
    );
    put(
        "linkout.tar",
        tar_of(&[(
            tar::EntryType::Symlink,
            "done.txt",
            "../../../../etc/passwd",
            b"",
        )]),
    );
    put("bomb.zip", zip_of(&[("zeros.bin", &vec![0u8; 24 << 20])]));
    let names: Vec<String> = (0..10_001).map(|i| format!("f{i}")).collect();
    let many: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    put("many.zip", zip_of(&many));
    let deep = format!("{}done.txt", "d/".repeat(40));
    put("deep.zip", zip_of(&[(deep.as_str(), b"x")]));
    let subs = rows(&c, &class, &[]);
    let by_name = |n: &str| {
        subs.iter()
            .find(|s| s["submission"] == n)
            .unwrap_or_else(|| panic!("{n}: {subs:?}"))
    };
    assert_eq!(
        by_name("kimminji_12345_678901_hw1")["report"]["summary"]["score"],
        20
    );
    assert_eq!(by_name("lee")["report"]["summary"]["score"], 20);
    assert_eq!(by_name("park")["report"]["summary"]["score"], 0);
    for (name, code) in [
        ("slip", "archive/path-escapes"),
        ("absolute", "archive/path-escapes"),
        ("linkout", "archive/link-escapes"),
        ("bomb", "archive/bomb"),
        ("many", "archive/too-many-entries"),
        ("deep", "archive/too-deep"),
    ] {
        let row = by_name(name);
        assert_eq!(row["error_code"], code, "{name}: {row}");
        assert!(row["report"].is_null(), "{name}: not gradable, not a zero");
    }
    assert!(!abs.exists(), "nothing written at the absolute path");
    assert!(!root.join("course-slip.txt").exists());
    // The total size, with a lower limit.
    let noise: Vec<u8> = (0..(3u32 << 20))
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let big = root.join("big");
    std::fs::create_dir_all(&big).unwrap();
    std::fs::write(
        big.join("big.tar"),
        tar_of(&[(tar::EntryType::Regular, "a.bin", "", &noise)]),
    )
    .unwrap();
    let subs = rows(&c, &big, &["--unpack-max-mb", "2"]);
    assert_eq!(subs[0]["error_code"], "archive/too-large", "{subs:?}");
}
