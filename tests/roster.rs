//! `course grade --roster`: real bare repositories reached through `file://` URLs, cloned,
//! fetched on the next run, checked out at the roster's ref, and graded; every repository
//! that cannot be cloned is an error row with its code, never the end of the run.

use std::path::{Path, PathBuf};

use crate::common::*;

/// A course whose one exercise wants `done.txt` committed (20 points).
fn roster_course(root: &Path) -> PathBuf {
    let dir = root.join("course");
    one_exercise_course(&dir, "  - kind: paths\n    files: [done.txt]\n");
    dir
}

/// A bare repository `name.git` under `root` with the commits of `work` pushed to it.
fn bare(root: &Path, name: &str) -> PathBuf {
    let path = root.join(format!("{name}.git"));
    std::fs::create_dir_all(&path).unwrap();
    git(&path, &["init", "-q", "--bare", "-b", "main"]);
    path
}

/// A working repository pushing to `remote`, with one commit of `files`.
fn student(root: &Path, name: &str, remote: &Path, files: &[&str]) -> PathBuf {
    let work = root.join("work").join(name);
    std::fs::create_dir_all(&work).unwrap();
    git_init(&work);
    commit(&work, files, "first");
    git(&work, &["remote", "add", "origin", &url(remote)]);
    git(&work, &["push", "-q", "origin", "main"]);
    work
}

fn commit(work: &Path, files: &[&str], message: &str) {
    for f in files {
        write(work, f, "text\n");
    }
    git(work, &["add", "-A"]);
    git(work, &["commit", "-q", "--allow-empty", "-m", message]);
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// `course --course C grade --roster ROSTER`.
fn roster_cmd(course_dir: &Path, roster: &Path) -> assert_cmd::Command {
    let mut cmd = course();
    cmd.arg("--course")
        .arg(course_dir)
        .args(["grade", "--roster"])
        .arg(roster);
    cmd
}

fn grade_roster(course_dir: &Path, roster: &Path, clones: &Path) -> assert_cmd::Command {
    let mut cmd = roster_cmd(course_dir, roster);
    cmd.args(["--format", "json", "--clones"]).arg(clones);
    cmd
}

fn rows(out: &[u8]) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(out).unwrap();
    v["submissions"].as_array().unwrap().clone()
}

fn score(row: &serde_json::Value) -> &serde_json::Value {
    &row["report"]["summary"]["score"]
}

#[test]
fn issue11_a_roster_is_cloned_graded_and_fetched_on_the_next_run() {
    let tmp = tempdir();
    let root = tmp.path();
    let c = roster_course(root);
    let alice_remote = bare(root, "alice");
    let alice = student(root, "alice", &alice_remote, &["README.md"]);
    // bob tags his deadline commit (with done.txt), then keeps working and deletes it.
    let bob_remote = bare(root, "bob");
    let bob = student(root, "bob", &bob_remote, &["done.txt"]);
    git(&bob, &["tag", "deadline"]);
    git(&bob, &["rm", "-q", "done.txt"]);
    commit(&bob, &[], "after the deadline");
    git(&bob, &["push", "-q", "origin", "main", "--tags"]);
    let empty = bare(root, "empty");
    let erin_remote = bare(root, "erin");
    student(root, "erin", &erin_remote, &["done.txt"]);
    let roster = write(
        root,
        "roster.csv",
        &format!(
            "student,repo,ref\nalice,{},\nbob,{},deadline\ncarol,{},\ndave,{},\nerin,{},no-such-tag\n",
            url(&alice_remote),
            url(&bob_remote),
            url(&root.join("missing.git")),
            url(&empty),
            url(&erin_remote),
        ),
    );
    let clones = root.join("clones");
    let a = grade_roster(&c, &roster, &clones).assert().code(3);
    let subs = rows(&a.get_output().stdout);
    let names: Vec<&str> = subs
        .iter()
        .map(|s| s["submission"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["alice", "bob", "carol", "dave", "erin"],
        "roster order"
    );
    assert_eq!(score(&subs[0]), 0, "alice has not committed done.txt yet");
    assert_eq!(score(&subs[1]), 20, "bob is graded at his deadline tag");
    let code = |i: usize| subs[i]["error_code"].as_str().unwrap_or("").to_string();
    let error = |i: usize| subs[i]["error"].as_str().unwrap_or("").to_string();
    assert_eq!(code(2), "roster/clone-failed", "{}", error(2));
    assert!(error(2).contains("missing.git"), "{}", error(2));
    assert!(subs[2]["report"].is_null(), "not gradable is not a zero");
    assert_eq!(code(3), "roster/no-commits", "{}", error(3));
    assert_eq!(code(4), "roster/no-such-ref", "{}", error(4));
    assert!(error(4).contains("no-such-tag"), "{}", error(4));
    // The clones are full clones (the git checks need the history).
    let log = git(&clones.join("bob"), &["rev-list", "--count", "--all"]);
    assert_eq!(log.trim(), "2");
    assert!(
        !clones.join("carol").exists(),
        "a failed clone leaves nothing"
    );

    // Alice commits done.txt; dave pushes his first commit. The next run fetches.
    std::fs::write(clones.join("alice/.git/marker"), "kept").unwrap();
    commit(&alice, &["done.txt"], "done");
    git(&alice, &["push", "-q", "origin", "main"]);
    let dave = student(root, "dave", &empty, &["done.txt"]);
    assert!(dave.exists());
    let a = grade_roster(&c, &roster, &clones).assert().code(3);
    let subs = rows(&a.get_output().stdout);
    assert_eq!(
        score(&subs[0]),
        20,
        "the new commit was fetched: {:?}",
        subs[0]
    );
    assert!(
        clones.join("alice/.git/marker").exists(),
        "fetched into the same clone, not cloned again"
    );
    assert_eq!(
        score(&subs[3]),
        20,
        "dave's first push is found: {:?}",
        subs[3]
    );
    assert_eq!(score(&subs[1]), 20, "still the deadline tag");
}

#[test]
fn issue11_the_csv_gradebook_has_the_roster_students_and_codes() {
    let tmp = tempdir();
    let root = tmp.path();
    let c = roster_course(root);
    let remote = bare(root, "kim");
    student(root, "kim", &remote, &["done.txt"]);
    let roster = write(
        root,
        "class/roster.csv",
        &format!(
            "Name,Student,Repo\n김민지,kim,{}\nLee,../lee,{}\n",
            url(&remote),
            url(&root.join("nope.git")),
        ),
    );
    // Without --clones: course-clones beside the roster.
    let a = roster_cmd(&c, &roster).assert().code(3);
    let csv = String::from_utf8_lossy(&a.get_output().stdout).to_string();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("submission,score,max_score,ex,error"));
    assert!(lines[1].starts_with("../lee,,,,"), "{}", lines[1]);
    assert!(lines[1].contains("[roster/clone-failed]"), "{}", lines[1]);
    assert!(lines[2].starts_with("kim,20,20,20,,"), "{}", lines[2]);
    assert!(root.join("class/course-clones/kim/done.txt").exists());
    // The student name `../lee` did not make a folder outside the clones folder.
    assert!(!root.join("class/lee").exists());
}

#[test]
fn issue11_a_bad_roster_names_the_file_and_line() {
    let tmp = tempdir();
    let root = tmp.path();
    let c = roster_course(root);
    for (text, line, says) in [
        ("student,url\na,b\n", 1, "`student` and `repo`"),
        (
            "student,repo\na,file:///x\na,file:///y\n",
            3,
            "listed twice",
        ),
        ("student,repo\na,\"file:///x\n", 2, "never closed"),
        ("student,repo\n,file:///x\n", 2, "`student` cell is empty"),
    ] {
        let roster = write(root, "roster.csv", text);
        let a = course()
            .arg("--course")
            .arg(&c)
            .args(["grade", "--roster"])
            .arg(&roster)
            .assert()
            .code(2);
        // Messages are wrapped to the width: compare them as one line.
        let err = String::from_utf8_lossy(&a.get_output().stderr)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            err.contains(&format!("roster.csv:{line}:")) && err.contains(says),
            "{text:?}: {err}"
        );
    }
    let a = roster_cmd(&c, &root.join("absent.csv")).assert().code(2);
    let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(
        err.contains("absent.csv") && err.contains("cannot read the roster"),
        "{err}"
    );
}

#[test]
fn issue11_shards_of_a_roster_clone_only_their_share() {
    let tmp = tempdir();
    let root = tmp.path();
    let c = roster_course(root);
    let mut text = String::from("student,repo\n");
    for name in ["s1", "s2", "s3", "s4", "s5"] {
        let remote = bare(root, name);
        student(root, name, &remote, &["done.txt"]);
        text.push_str(&format!("{name},{}\n", url(&remote)));
    }
    let roster = write(root, "roster.csv", &text);
    let mut all = Vec::new();
    for i in 1..=2 {
        let clones = root.join(format!("clones-{i}"));
        let a = grade_roster(&c, &roster, &clones)
            .args(["--shard", &format!("{i}/2")])
            .assert()
            .code(0);
        for row in rows(&a.get_output().stdout) {
            let name = row["submission"].as_str().unwrap().to_string();
            assert_eq!(score(&row), 20);
            assert!(clones.join(&name).is_dir());
            all.push(name);
        }
        let cloned = std::fs::read_dir(&clones).map_or(0, |d| d.count());
        assert!(cloned < 5, "shard {i} cloned only its share ({cloned})");
    }
    all.sort();
    assert_eq!(all, ["s1", "s2", "s3", "s4", "s5"]);
}

#[test]
fn issue11_canvas_and_moodle_gradebooks_have_their_import_columns() {
    let tmp = tempdir();
    let root = tmp.path();
    let c = roster_course(root);
    let class = root.join("class");
    write(&class, "kim/done.txt", "done\n");
    write(&class, "lee/README.md", "no done.txt\n");
    write(&class, "park", "a file, not a folder\n");
    let book = |format: &str, extra: &[&str]| {
        let a = course()
            .arg("--course")
            .arg(&c)
            .args(["grade", "--batch"])
            .arg(&class)
            .args(["--format", format])
            .args(extra)
            .assert()
            .code(3);
        let text = String::from_utf8_lossy(&a.get_output().stdout).to_string();
        course::csvfile::parse(&text)
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect::<Vec<_>>()
    };
    let canvas = book("canvas", &["--points", "5", "--assignment", "HW 1 (123)"]);
    assert_eq!(
        canvas[0],
        [
            "Student",
            "ID",
            "SIS User ID",
            "SIS Login ID",
            "Section",
            "HW 1 (123)"
        ]
    );
    assert_eq!(canvas[1], ["kim", "", "", "kim", "", "5"]);
    assert_eq!(canvas[2], ["lee", "", "", "lee", "", "0"]);
    assert_eq!(
        canvas[3],
        ["park", "", "", "park", "", ""],
        "not gradable, not 0"
    );
    let moodle = book("moodle", &[]);
    assert_eq!(
        moodle[0],
        ["Username", "T", "Feedback"],
        "named after the course"
    );
    assert_eq!(moodle[1], ["kim", "20", ""]);
    assert_eq!(moodle[2][..2], ["lee", "0"]);
    assert_eq!(moodle[3][..2], ["park", ""]);
    assert!(
        moodle[3][2].contains("[submission/not-a-folder]"),
        "{:?}",
        moodle[3]
    );
    // --points must be a number of points.
    course()
        .arg("--course")
        .arg(&c)
        .args(["grade", "--batch"])
        .arg(&class)
        .args(["--format", "canvas", "--points", "-3"])
        .assert()
        .code(2);
}

#[test]
fn class10_a_roster_clone_is_not_told_to_leave_the_graders_detached_head() {
    // The grader checks each clone out detached at its ref; the messages must not tell the
    // student to `git switch main` (the student's own branch was fine).
    let tmp = tempdir();
    let root = tmp.path();
    let c = root.join("course");
    one_exercise_course(
        &c,
        "  - kind: git-history\n    min_commits: 3\n  - kind: tracked-files\n    forbidden_suffixes: [.pt]\n",
    );
    let remote = bare(root, "kim");
    let work = student(root, "kim", &remote, &["a.py"]);
    commit(&work, &["b.py"], "second");
    git(&work, &["tag", "deadline"]);
    git(&work, &["push", "-q", "origin", "main", "--tags"]);
    let roster = write(
        root,
        "roster.csv",
        &format!("student,repo,ref\nkim,{},deadline\n", url(&remote)),
    );
    for lang in ["en", "ko"] {
        let a = grade_roster(&c, &roster, &root.join("clones"))
            .args(["--lang", lang])
            .assert()
            .code(0);
        let out = String::from_utf8_lossy(&a.get_output().stdout).to_string();
        assert!(out.contains("history/too-few-commits"), "{out}");
        assert!(out.contains("tracked/ok"), "{out}");
        for said in ["detached", "분리", "git switch"] {
            assert!(!out.contains(said), "{lang}: {said} in {out}");
        }
    }
}

#[test]
fn class10_the_rosters_names_and_ids_reach_the_gradebooks_and_the_class_report() {
    let tmp = tempdir();
    let root = tmp.path();
    let c = roster_course(root);
    let kim = bare(root, "kim");
    student(root, "kim", &kim, &["done.txt"]);
    let lee = bare(root, "lee");
    student(root, "lee", &lee, &["README.md"]);
    // Headers as a Canvas export spells them; park's repository was never pushed to.
    let roster = write(
        root,
        "roster.csv",
        &format!(
            "Student,Repo,Name,ID,SIS User ID,SIS Login ID,Section,Email\n\
             kim,{},김민지,4711,2026001,kim.minji,A,kim@u.example\n\
             lee,{},\"Lee, Jun\",4712,=2026002,,B,\n\
             park,{},박서준,,2026003,,A,\n",
            url(&kim),
            url(&lee),
            url(&root.join("park.git")),
        ),
    );
    let clones = root.join("clones");
    let run = |args: &[&str]| -> String {
        let a = roster_cmd(&c, &roster)
            .arg("--clones")
            .arg(&clones)
            .args(args)
            .assert()
            .code(3);
        String::from_utf8(a.get_output().stdout.clone()).unwrap()
    };
    let csv = run(&["--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].ends_with(",shard,name,id,sis_user_id,sis_login_id,section,email"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("kim,20,20,20,,")
            && lines[1].ends_with(",김민지,4711,2026001,kim.minji,A,kim@u.example"),
        "{}",
        lines[1]
    );
    // A formula-looking id is defused like every cell.
    assert!(
        lines[2].ends_with(",\"Lee, Jun\",4712,'=2026002,,B,"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].contains("[roster/clone-failed]") && lines[3].ends_with(",박서준,,2026003,,A,")
    );

    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    let subs = json["submissions"].as_array().unwrap();
    assert_eq!(subs[0]["roster"]["name"], "김민지");
    assert_eq!(subs[0]["roster"]["sis_login_id"], "kim.minji");
    assert!(
        subs[1]["roster"].get("sis_login_id").is_none(),
        "only what was given"
    );
    assert_eq!(subs[2]["roster"]["sis_user_id"], "2026003");

    let canvas = run(&["--format", "canvas", "--assignment", "HW 1"]);
    let lines: Vec<&str> = canvas.lines().collect();
    assert_eq!(lines[0], "Student,ID,SIS User ID,SIS Login ID,Section,HW 1");
    assert_eq!(lines[1], "김민지,4711,2026001,kim.minji,A,20");
    assert_eq!(lines[2], "\"Lee, Jun\",4712,'=2026002,lee,B,0");
    assert_eq!(
        lines[3], "박서준,,2026003,park,A,",
        "not gradable: no grade"
    );

    let md = root.join("class.md");
    run(&[
        "--output",
        "/dev/null",
        "--report",
        md.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.contains("Lee, Jun (lee)"), "{md}");
    assert!(md.contains("박서준 (park)"), "{md}");

    // Sharded, the parts merge into the same gradebook, names and ids included.
    let whole = run(&["--format", "csv"]);
    let mut parts = Vec::new();
    for i in 1..=2 {
        let part = root.join(format!("part-{i}.csv"));
        roster_cmd(&c, &roster)
            .arg("--clones")
            .arg(&clones)
            .args(["--shard", &format!("{i}/2"), "--output"])
            .arg(&part)
            .assert()
            .code(predicates::ord::ge(0));
        parts.push(part);
    }
    let merged = root.join("merged.csv");
    course()
        .args(["gradebook", "merge"])
        .args(&parts)
        .arg("--output")
        .arg(&merged)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(merged).unwrap(), whole);
}

#[test]
fn class10_exec_starts_the_interpreter_of_a_clone_under_a_relative_clones_folder() {
    // `course grade --roster roster.csv --exec` from the roster's folder: the clones are at
    // ./course-clones, and the interpreter of a clone is started from the clone's folder,
    // where a relative ./course-clones/kim/.venv/bin/python found nothing ("could not start").
    let tmp = tempdir();
    let root = tmp.path();
    let c = root.join("course");
    one_exercise_course(&c, "  - kind: python-env\n    modules: [json]\n");
    let remote = bare(root, "kim");
    let work = root.join("work/kim");
    std::fs::create_dir_all(&work).unwrap();
    git_init(&work);
    venv(&work, ".venv");
    write(&work, "README.md", "kim\n");
    git(&work, &["add", "-A", "-f"]);
    git(
        &work,
        &["commit", "-q", "-m", "with the environment committed"],
    );
    git(&work, &["remote", "add", "origin", &url(&remote)]);
    git(&work, &["push", "-q", "origin", "main"]);
    write(
        root,
        "roster.csv",
        &format!("student,repo\nkim,{}\n", url(&remote)),
    );
    let a = course_in(root)
        .arg("--course")
        .arg(&c)
        .args([
            "grade",
            "--roster",
            "roster.csv",
            "--exec",
            "--format",
            "json",
        ])
        .assert()
        .code(0);
    let subs = rows(&a.get_output().stdout);
    let finding = &subs[0]["report"]["exercises"][0]["findings"][0];
    assert_eq!(finding["code"], "env/ok", "{finding:#}");
    assert!(root.join("course-clones/kim/.venv").is_dir());
}
