//! The default course, compiled into the binary so that `cargo install` alone gives a
//! working course.

use std::collections::BTreeMap;

use include_dir::{include_dir, Dir};

use super::{CourseFiles, Origin};

static LESSONS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/lessons");
static EXERCISES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/exercises");
static MANIFEST: &str = include_str!("../../course.yaml");

/// The embedded `course.yaml`.
pub fn manifest() -> &'static str {
    MANIFEST
}

/// All embedded course files, keyed like a course folder on disk.
pub fn files() -> CourseFiles {
    let mut files = BTreeMap::new();
    files.insert("course.yaml".to_string(), MANIFEST.as_bytes().to_vec());
    for (prefix, dir) in [("lessons", &LESSONS), ("exercises", &EXERCISES)] {
        add_dir(&mut files, prefix, dir);
    }
    CourseFiles {
        origin: Origin::Embedded,
        files,
    }
}

fn add_dir(files: &mut BTreeMap<String, Vec<u8>>, prefix: &str, dir: &Dir<'_>) {
    for file in dir.files() {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        files.insert(format!("{prefix}/{rel}"), file.contents().to_vec());
    }
    for sub in dir.dirs() {
        add_dir(files, prefix, sub);
    }
}
