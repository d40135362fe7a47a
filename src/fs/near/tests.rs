//! Near misses found in real folders, and the rule for a near name.

use super::*;

fn ws(files: &[&str], dirs: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for d in dirs {
        std::fs::create_dir_all(dir.path().join(d)).unwrap();
    }
    for f in files {
        let path = dir.path().join(f);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x\n").unwrap();
    }
    dir
}

fn rename(from: &str, to: &str) -> Step {
    Step::Rename {
        from: from.into(),
        to: to.into(),
    }
}

fn miss(files: &[&str], dirs: &[&str], rel: &str, want: Want) -> Option<NearMiss> {
    let dir = ws(files, dirs);
    Root::new(dir.path()).near_miss(rel, want)
}

#[test]
fn each_near_miss_of_the_issue_is_found_with_its_move() {
    let file = |found: &str, rel: &str| miss(&[found], &[], rel, Want::File).unwrap();
    let m = file("requirement.txt", "requirements.txt");
    assert_eq!(m.found, "requirement.txt");
    assert!(!m.case_only);
    assert_eq!(m.steps, [rename("requirement.txt", "requirements.txt")]);
    let m = file("Requirements.txt", "requirements.txt");
    assert!(m.case_only);
    assert_eq!(m.steps, [rename("Requirements.txt", "requirements.txt")]);
    assert!(file("readme.md", "README.md").case_only);
    let m = file("sub/requirements.txt", "requirements.txt");
    assert_eq!(
        m.steps,
        [rename("sub/requirements.txt", "requirements.txt")]
    );
    let m = file(
        "answers/jupyter_vs_script.yml",
        "answers/jupyter_vs_script.yaml",
    );
    assert_eq!(
        m.steps,
        [rename(
            "answers/jupyter_vs_script.yml",
            "answers/jupyter_vs_script.yaml"
        )]
    );
    // A misnamed folder is renamed as a whole, then the file in it.
    let m = file(
        "answer/jupyter_vs_script.yaml",
        "answers/jupyter_vs_script.yaml",
    );
    assert_eq!(m.steps, [rename("answer", "answers")]);
    let m = file(
        "answer/jupyter-vs-script.yml",
        "answers/jupyter_vs_script.yaml",
    );
    assert_eq!(
        m.steps,
        [
            rename("answer", "answers"),
            rename(
                "answers/jupyter-vs-script.yml",
                "answers/jupyter_vs_script.yaml"
            )
        ]
    );
    // One folder up: the folder is made first.
    let m = file("jupyter_vs_script.yaml", "answers/jupyter_vs_script.yaml");
    assert_eq!(
        m.steps,
        [
            Step::MakeDir("answers".into()),
            rename("jupyter_vs_script.yaml", "answers/jupyter_vs_script.yaml")
        ]
    );
    // Windows hides the extension it added.
    assert_eq!(
        file("requirements.txt.txt", "requirements.txt").found,
        "requirements.txt.txt"
    );
    assert_eq!(file("README", "README.md").found, "README");
    assert_eq!(
        file("requirments.txt", "requirements.txt").found,
        "requirments.txt"
    );
}

#[test]
fn a_folder_that_exists_is_not_renamed_onto() {
    // `answers/` is there (empty): move the file, never `mv answer answers` (which would
    // put `answer/` inside it).
    let m = miss(
        &["answer/jupyter_vs_script.yaml"],
        &["answers"],
        "answers/jupyter_vs_script.yaml",
        Want::File,
    )
    .unwrap();
    assert_eq!(
        m.steps,
        [rename(
            "answer/jupyter_vs_script.yaml",
            "answers/jupyter_vs_script.yaml"
        )]
    );
}

#[test]
fn folders_are_found_as_folders_and_files_as_files() {
    let m = miss(&["notebook/a.ipynb"], &[], "notebooks", Want::Folder).unwrap();
    assert_eq!(m.steps, [rename("notebook", "notebooks")]);
    // A file named like the folder is not offered for it, nor a folder for a file.
    assert_eq!(miss(&["notebook"], &[], "notebooks", Want::Folder), None);
    assert_eq!(
        miss(&[], &["requirement.txt"], "requirements.txt", Want::File),
        None
    );
}

#[test]
fn nothing_alike_finds_nothing_and_caches_are_not_searched() {
    assert_eq!(
        miss(
            &["setup.py", "main.py"],
            &[],
            "requirements.txt",
            Want::File
        ),
        None
    );
    assert_eq!(
        miss(
            &[".venv/requirements.txt", "node_modules/requirements.txt"],
            &[],
            "requirements.txt",
            Want::File
        ),
        None
    );
    // Short names take no typo: `src` is not `sr`, `ds` or `scr`.
    assert_eq!(miss(&["scr/a.py"], &[], "src", Want::Folder), None);
    let gone = Root::new(std::path::Path::new("/no/such/folder"));
    assert_eq!(gone.near_miss("requirements.txt", Want::File), None);
}

#[test]
fn a_symbolic_link_is_never_offered() {
    let dir = ws(&["real.txt"], &[]);
    std::os::unix::fs::symlink("real.txt", dir.path().join("requirement.txt")).unwrap();
    assert_eq!(
        Root::new(dir.path()).near_miss("requirements.txt", Want::File),
        None
    );
}

#[test]
fn the_near_rule() {
    for (wanted, name) in [
        ("requirements.txt", "Requirements.txt"),
        ("requirements.txt", "requirement.txt"),
        ("requirements.txt", "requirements.txt.txt"),
        ("requirements.txt", "requirements"),
        ("requirements.txt", "requirments.txt"),
        ("requirements.txt", "requriements.txt"),
        ("README.md", "readme.md"),
        ("answers", "answer"),
        ("jupyter_vs_script.yaml", "jupyter-vs-script.yml"),
        ("configs", "config"),
        ("tests", "test"),
    ] {
        assert!(near(wanted, name), "{wanted} ~ {name}");
    }
    for (wanted, name) in [
        ("requirements.txt", "requirements.txt"),
        ("requirements.txt", "setup.py"),
        ("requirements.txt", "environment.yml"),
        ("README.md", "LICENSE"),
        ("README.md", ".README.md"),
        ("src", "scr"),
        ("tests", "texts_and_more"),
        ("configs", "conftest.py"),
    ] {
        assert!(!near(wanted, name), "{wanted} !~ {name}");
    }
}

#[test]
fn edit_distance_is_bounded() {
    assert_eq!(distance("kitten", "sitting", 5), 3);
    assert_eq!(distance("ab", "ba", 2), 1);
    assert!(distance("abcdefghij", "zzzzzzzzzz", 2) > 2);
    assert_eq!(distance("", "abc", 5), 3);
}

#[test]
fn names_are_compared_with_the_listing() {
    let dir = ws(&["README.md", "docs/Guide.md"], &[]);
    let root = Root::new(dir.path());
    assert!(root.listed_exactly(Path::new("README.md")));
    assert!(root.listed_exactly(Path::new("docs/Guide.md")));
    assert!(!root.listed_exactly(Path::new("readme.md")));
    assert!(!root.listed_exactly(Path::new("docs/guide.md")));
    // This file system tells case apart: nothing is compared on a read.
    assert!(!root.ignores_case());
    assert_eq!(root.read_text("README.md").unwrap(), "x\n");
    // Where it ignores case, a name as listed still reads; only another case is missing.
    let root = root.assume_ignores_case();
    assert_eq!(root.read_text("README.md").unwrap(), "x\n");
    assert!(root.kind("docs/Guide.md").unwrap().is_file());
    assert!(root.kind("docs").unwrap().is_dir());
    assert_eq!(
        root.kind("docs/guide.md").unwrap_err(),
        super::super::ReadError::Missing
    );
}

/// Issue 9: a misspelt `__init__.py` is found beside it only, never a subpackage's.
#[test]
fn issue9_init_near_misses_are_looked_for_in_their_own_folder() {
    for name in [
        "init.py",
        "_init_.py",
        "__init.py",
        "__init__.py.txt",
        "__Init__.py",
    ] {
        assert!(near("__init__.py", name), "{name}");
    }
    assert!(!near("__init__.py", "setup.py"));
    assert!(!near("__init__.py", "main.py"));
    let dir = ws(&["src/model/_init_.py", "src/model/sub/__init__.py"], &[]);
    let m = Root::new(dir.path())
        .near_miss_here("src/model/__init__.py")
        .unwrap();
    assert_eq!(m.found, "src/model/_init_.py");
    assert_eq!(
        m.steps,
        [rename("src/model/_init_.py", "src/model/__init__.py")]
    );
    let dir = ws(&["src/data/sub/__init__.py", "src/data/loader.py"], &[]);
    assert_eq!(
        Root::new(dir.path()).near_miss_here("src/data/__init__.py"),
        None
    );
    assert_eq!(
        Root::new(dir.path()).near_miss_here("../x/__init__.py"),
        None
    );
}
