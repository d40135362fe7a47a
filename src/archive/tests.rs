//! Unpacking real archives built here, honest and hostile, with small limits.

use super::*;

#[path = "build.rs"]
mod build;
use build::{tar_of, zip_of};

fn unpack_bytes(
    bytes: &[u8],
    kind: Kind,
    limits: Limits,
) -> (tempfile::TempDir, Result<(), Refusal>) {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a");
    std::fs::write(&file, bytes).unwrap();
    let dest = tmp.path().join("out");
    std::fs::create_dir(&dest).unwrap();
    let r = unpack(&file, kind, &dest, limits);
    (tmp, r)
}

fn code(bytes: &[u8], kind: Kind, limits: Limits) -> &'static str {
    match unpack_bytes(bytes, kind, limits).1 {
        Ok(()) => "ok",
        Err(r) => r.code,
    }
}

#[test]
fn honest_archives_unpack() {
    let z = zip_of(&[
        ("hw/", b""),
        ("hw/README.md", b"# hw\n"),
        ("./hw/src/a.py", b"x = 1\n"),
    ]);
    let (tmp, r) = unpack_bytes(&z, Kind::Zip, Limits::default());
    assert!(r.is_ok(), "{:?}", r.err().map(|r| r.code));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("out/hw/src/a.py")).unwrap(),
        "x = 1\n"
    );
    let t = tar_of(&[
        (tar::EntryType::Regular, "p/a.txt", "", b"a"),
        (tar::EntryType::Symlink, "p/link", "a.txt", b""),
        (tar::EntryType::Link, "p/hard", "p/a.txt", b""),
    ]);
    let (tmp, r) = unpack_bytes(&t, Kind::Tar, Limits::default());
    assert!(r.is_ok(), "{:?}", r.err().map(|r| r.code));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("out/p/link")).unwrap(),
        "a"
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("out/p/hard")).unwrap(),
        "a"
    );
}

#[test]
fn hostile_archives_are_refused_with_their_code() {
    let d = Limits::default();
    assert_eq!(
        code(&zip_of(&[("../evil.txt", b"x")]), Kind::Zip, d),
        PATH_ESCAPES
    );
    assert_eq!(
        code(&zip_of(&[("a\\..\\..\\evil", b"x")]), Kind::Zip, d),
        PATH_ESCAPES
    );
    let abs = tar_of(&[(tar::EntryType::Regular, "/tmp/evil", "", b"x")]);
    assert_eq!(code(&abs, Kind::Tar, d), PATH_ESCAPES);
    let out = tar_of(&[(tar::EntryType::Symlink, "l", "../../etc/passwd", b"")]);
    assert_eq!(code(&out, Kind::Tar, d), LINK_ESCAPES);
    let abs_link = tar_of(&[(tar::EntryType::Symlink, "l", "/etc", b"")]);
    assert_eq!(code(&abs_link, Kind::Tar, d), LINK_ESCAPES);
    let through = tar_of(&[
        (tar::EntryType::Symlink, "d", ".", b""),
        (tar::EntryType::Symlink, "d/x", "../..", b""),
    ]);
    assert_eq!(code(&through, Kind::Tar, d), LINK_ESCAPES);
    let hard = tar_of(&[(tar::EntryType::Link, "h", "/etc/passwd", b"")]);
    assert_eq!(code(&hard, Kind::Tar, d), LINK_ESCAPES);
    let fifo = tar_of(&[(tar::EntryType::Fifo, "f", "", b"")]);
    assert_eq!(code(&fifo, Kind::Tar, d), UNSUPPORTED_ENTRY);
    assert_eq!(code(b"not a zip", Kind::Zip, d), UNREADABLE);
}

#[test]
fn each_limit_is_hit_by_its_archive() {
    let small = Limits {
        total_bytes: 1_000_000,
        file_bytes: 600_000,
        entries: 3,
        depth: 3,
        ratio: 10,
        ratio_floor: 100_000,
    };
    let noise: Vec<u8> = (0..700_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    assert_eq!(
        code(
            &tar_of(&[(tar::EntryType::Regular, "a", "", &noise)]),
            Kind::Tar,
            small
        ),
        FILE_TOO_LARGE
    );
    let half = &noise[..500_000];
    let two = tar_of(&[
        (tar::EntryType::Regular, "a", "", half),
        (tar::EntryType::Regular, "b", "", half),
        (tar::EntryType::Regular, "c", "", half),
    ]);
    assert_eq!(code(&two, Kind::Tar, small), TOO_LARGE);
    let many = zip_of(&[("a", b""), ("b", b""), ("c", b""), ("d", b"")]);
    assert_eq!(code(&many, Kind::Zip, small), TOO_MANY_ENTRIES);
    assert_eq!(
        code(&zip_of(&[("a/b/c/d", b"x")]), Kind::Zip, small),
        TOO_DEEP
    );
    // Counted as read from the file: the whole tiny archive is read at once, so the
    // zeros must be many more than the archive's size times the ratio.
    let zeros = zip_of(&[("z", &vec![0u8; 550_000])]);
    assert_eq!(code(&zeros, Kind::Zip, small), BOMB);
}

#[test]
fn names_say_the_kind() {
    assert_eq!(kind_of("a.tar.gz"), Some((Kind::TarGz, "a")));
    assert_eq!(kind_of("Kim_123_HW.ZIP"), Some((Kind::Zip, "Kim_123_HW")));
    assert_eq!(kind_of("x.tgz"), Some((Kind::TarGz, "x")));
    assert_eq!(kind_of(".zip"), None);
    assert_eq!(kind_of("notes.txt"), None);
}

mod props {
    use super::super::{link_stays_inside, safe_relative};
    use proptest::prelude::*;
    use std::path::{Component, Path};

    /// Resolve `target` from the folder of `rel` lexically, `..` popping: the depth reached
    /// at its lowest (negative: above the unpacking folder).
    fn lowest_depth(rel: &Path, target: &str) -> i64 {
        let mut depth = rel.components().count() as i64 - 1;
        let mut lowest = depth;
        for part in target.split('/') {
            match part {
                "" | "." => {}
                ".." => depth -= 1,
                _ => depth += 1,
            }
            lowest = lowest.min(depth);
        }
        lowest
    }

    proptest! {
        #[test]
        fn entry_paths_never_leave_the_folder(name in "[a./\\\\:]{0,16}|\\PC{0,16}") {
            if let Some(p) = safe_relative(&name) {
                prop_assert!(p.components().all(|c| matches!(c, Component::Normal(_))));
                prop_assert!(Path::new("/dest").join(&p).starts_with("/dest"));
            }
        }

        #[test]
        fn links_kept_never_climb_out(rel in "[ab]{1,2}(/[ab]{1,2}){0,3}", target in "(\\.\\.|\\.|[ab]|)(/(\\.\\.|\\.|[ab]|)){0,5}") {
            if link_stays_inside(Path::new(&rel), &target) {
                prop_assert!(lowest_depth(Path::new(&rel), &target) >= 0, "{} -> {}", rel, target);
            }
        }
    }
}
