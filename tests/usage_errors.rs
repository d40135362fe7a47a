//! Issue 9: usage errors in the chosen language. `course init`, a `.course` that is a link,
//! a damaged progress file, a broken course file and `--output` naming a folder once said
//! only English sentences after a Korean `오류:`; each is now in 합쇼체 Korean and in
//! English, names the file or value and the fix, and exits 2 (the README's usage error).

use std::path::Path;

use crate::common::*;

/// stderr of `course ARGS` run in `dir`, which must exit 2, as one line.
fn refused(dir: &Path, args: &[&str]) -> String {
    let out = course_in(dir).args(args).output().unwrap();
    let err = flat(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    err
}

#[test]
fn issue9_init_on_a_file_or_two_folders_says_so_in_each_language() {
    let dir = tempdir();
    write(dir.path(), "notes.txt", "x\n");
    let ko = refused(
        dir.path(),
        &["--lang", "ko", "init", "--workspace", "notes.txt"],
    );
    assert!(
        ko.starts_with("오류: notes.txt: 폴더가 아닙니다. 작업 폴더로 만들 폴더를 주십시오"),
        "{ko}"
    );
    let en = refused(dir.path(), &["--lang", "en", "init", "notes.txt"]);
    assert!(
        en.starts_with("error: notes.txt: not a folder; give a folder to make a workspace"),
        "{en}"
    );
    let ko = refused(
        dir.path(),
        &["--lang", "ko", "init", "a", "--workspace", "b"],
    );
    assert_eq!(
        ko,
        "오류: 폴더를 두 개 주었습니다: a, --workspace b. 하나만 주십시오"
    );
    let en = refused(
        dir.path(),
        &["--lang", "en", "init", "a", "--workspace", "b"],
    );
    assert_eq!(
        en,
        "error: two folders given: a and --workspace b; give one"
    );
    // Nothing was made.
    assert!(!dir.path().join("a").exists() && !dir.path().join("b").exists());
}

#[test]
fn issue9_a_linked_or_damaged_progress_folder_is_explained_in_korean() {
    let ws = init_workspace("ko");
    let elsewhere = tempdir();
    std::fs::remove_dir_all(ws.path().join(".course")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), ws.path().join(".course")).unwrap();
    let ko = refused(ws.path(), &["--lang", "ko", "skip", "requirements"]);
    assert!(ko.contains("`.course`는 심볼릭 링크입니다"), "{ko}");
    assert!(
        ko.contains("`rm .course` 후 `course init`을 다시 실행하십시오"),
        "{ko}"
    );
    assert!(!ko.contains("symbolic link"), "{ko}");

    let ws = init_workspace("ko");
    write(ws.path(), ".course/state.yaml", "lessons_read: [\n");
    let ko = refused(ws.path(), &["--lang", "ko", "list"]);
    assert!(ko.contains("진행 파일이 손상되었습니다"), "{ko}");
    assert!(ko.contains("`course reset --all`로 처음부터"), "{ko}");
    let en = refused(ws.path(), &["--lang", "en", "list"]);
    assert!(en.contains("the progress file is damaged"), "{en}");
}

#[test]
fn issue9_a_broken_course_file_is_explained_in_korean() {
    let dir = tempdir();
    let c = dir.path().join("course");
    one_exercise_course(&c, "  - kind: paths\n    files: [README.md]\n");
    write(
        &c,
        "course.yaml",
        "id: t\ntitle: T\ndefault_lang: ko\nlessons: [x, x]\nexercises: [ex]\n",
    );
    let course_dir = c.to_str().unwrap();
    let ko = refused(
        dir.path(),
        &["--course", course_dir, "--lang", "ko", "lesson", "1"],
    );
    assert!(
        ko.contains("course.yaml: 레슨 id `x`가 두 번 나옵니다. 레슨 id는 서로 달라야 합니다"),
        "{ko}"
    );
    let en = refused(
        dir.path(),
        &["--course", course_dir, "--lang", "en", "lesson", "1"],
    );
    assert!(
        en.contains("course.yaml: lesson id `x` is listed twice; lesson ids must be unique"),
        "{en}"
    );
    write(
        &c,
        "course.yaml",
        "id: t\ntitle: T\ndefault_lang: ko\nlessons: [x]\nexercises: [ex, gone]\n",
    );
    let ko = refused(
        dir.path(),
        &["--course", course_dir, "--lang", "ko", "lesson", "1"],
    );
    assert!(
        ko.contains("연습 문제 `gone`의 파일이 없습니다. ")
            && ko.contains("exercises/gone/exercise.yaml을 만드십시오"),
        "{ko}"
    );
}

#[test]
fn issue9_output_to_a_folder_and_an_unknown_exercise_in_korean() {
    let ws = init_workspace("ko");
    std::fs::create_dir(ws.path().join("out")).unwrap();
    let ko = refused(
        ws.path(),
        &[
            "--lang", "ko", "grade", "--format", "json", "--output", "out",
        ],
    );
    assert!(
        ko.ends_with("out에 쓸 수 없습니다: 폴더입니다. 파일 이름을 주십시오"),
        "{ko}"
    );
    let ko = refused(ws.path(), &["--lang", "ko", "edit", "nope"]);
    assert!(
        ko.starts_with("오류: `nope`라는 연습 문제는 없습니다."),
        "{ko}"
    );
    assert!(ko.contains("requirements, environment"), "{ko}");
}
