//! `course ci init`: generated files parse as YAML, hold the steps that matter, and are never
//! overwritten without --force.
use crate::common::{course, course_in, git, git_init, ok, tempdir, write};

fn yaml(path: &std::path::Path) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn github_workflow_is_shown_written_and_protected() {
    let tmp = tempdir();
    // No course is loaded: a broken --course does not matter.
    let a = course_in(tmp.path())
        .args(["--course", "/nonexistent", "ci", "init", "--github"])
        .assert()
        .code(0);
    let shown = String::from_utf8(a.get_output().stdout.clone()).unwrap();
    assert!(shown.starts_with("# .github/workflows/grade.yml:\n"));
    let path = tmp.path().join(".github/workflows/grade.yml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(shown.contains(&text));
    assert!(text.contains("# TODO: set your course repository"));

    let v = yaml(&path);
    assert!(v["on"].get("push").is_some() && v["on"].get("pull_request").is_some());
    let steps = v["jobs"]["grade"]["steps"].as_sequence().unwrap();
    let checkout = steps
        .iter()
        .find(|s| s["uses"] == "actions/checkout@v4")
        .expect("a checkout step");
    assert_eq!(checkout["with"]["fetch-depth"], 0);
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs.contains(&"course grade --workspace . --format github"),
        "{runs:?}"
    );
    assert!(runs
        .iter()
        .any(|r| r.contains("--format junit") && r.contains("--output course-junit.xml")));
    assert!(!runs
        .iter()
        .any(|r| r.contains("--exec") || r.contains("pip install")));
    let upload = steps
        .iter()
        .find(|s| s["uses"] == "actions/upload-artifact@v4")
        .expect("an upload step");
    assert_eq!(upload["if"], "always()");
    assert_eq!(upload["with"]["path"], "course-junit.xml");

    // A second run without --force fails and leaves the file alone.
    std::fs::write(&path, "# my own edits\n").unwrap();
    let a = course_in(tmp.path())
        .args(["ci", "init", "--github"])
        .assert()
        .code(2);
    // The language rule of every command: no --lang, COURSE_LANG or saved choice, so the
    // built-in course's default (Korean).
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("이미 있어") && err.contains("--force"),
        "{err}"
    );
    let a = course_in(tmp.path())
        .args(["--lang", "en", "ci", "init", "--github"])
        .assert()
        .code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# my own edits\n");

    // --force replaces it.
    course_in(tmp.path())
        .args(["ci", "init", "--github", "--force", "--with-env"])
        .assert()
        .code(0);
    let v = yaml(&path);
    let steps = v["jobs"]["grade"]["steps"].as_sequence().unwrap();
    assert!(steps.iter().any(|s| s["uses"] == "actions/setup-python@v5"));
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(runs.contains(&"course grade --workspace . --format github --exec"));
    assert!(runs
        .iter()
        .any(|r| r.contains(".venv/bin/pip install -r requirements.txt")));
}

#[test]
fn gitlab_ci_in_the_workspace_folder() {
    let tmp = tempdir();
    course()
        .args(["ci", "init", "--gitlab", "--workspace"])
        .arg(tmp.path())
        .assert()
        .code(0);
    let v = yaml(&tmp.path().join(".gitlab-ci.yml"));
    assert_eq!(v["variables"]["GIT_DEPTH"], 0);
    let job = &v["grade"];
    assert_eq!(job["artifacts"]["when"], "always");
    assert_eq!(job["artifacts"]["reports"]["junit"], "course-junit.xml");
    let script: Vec<&str> = job["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(script
        .iter()
        .any(|l| l
            .starts_with("course grade --workspace . --format junit --output course-junit.xml")));
    // Built once per course version, kept in the job cache.
    assert!(script
        .iter()
        .any(|l| l.contains("cargo install --locked") && l.contains("--rev \"$rev\"")));

    let before = std::fs::read(tmp.path().join(".gitlab-ci.yml")).unwrap();
    course()
        .args(["ci", "init", "--gitlab", "--with-env", "--workspace"])
        .arg(tmp.path())
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read(tmp.path().join(".gitlab-ci.yml")).unwrap(),
        before
    );
}

#[test]
fn a_provider_is_required() {
    let tmp = tempdir();
    course_in(tmp.path()).args(["ci", "init"]).assert().code(2);
    course_in(tmp.path())
        .args(["ci", "init", "--github", "--gitlab"])
        .assert()
        .code(2);
    assert!(!tmp.path().join(".github").exists());
}

/// A class in `root/submissions`, for the shard templates.
fn class(root: &std::path::Path) {
    for i in 0..9 {
        let req = if i % 2 == 0 {
            "torch==2.10.0  # models\nnumpy>=1.26  # arrays\n"
        } else {
            "numpy\n"
        };
        write(root, &format!("submissions/s{i}/requirements.txt"), req);
    }
    write(root, "submissions/not-a-folder", "x\n");
}

/// Run `script` with sh in `dir`, with `course` (the built binary) first on the PATH.
fn run_script(dir: &std::path::Path, script: &str, env: &[(&str, String)]) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("course");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = std::process::Command::new("bash");
    cmd.args(["-c", script]).current_dir(dir).env("PATH", path);
    for var in [
        "COURSE_LANG",
        "COURSE_DIR",
        "SLURM_ARRAY_TASK_ID",
        "JOB_COMPLETION_INDEX",
        "CI_NODE_INDEX",
    ] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().map(|(k, v)| (k, v)));
    cmd.output().unwrap()
}

/// A temp folder with a class in `submissions/` and the file `course ci init ARGS` wrote there.
fn class_with(args: &[&str]) -> tempfile::TempDir {
    let tmp = tempdir();
    class(tmp.path());
    course_in(tmp.path())
        .args(["ci", "init"])
        .args(args)
        .assert()
        .code(0);
    tmp
}

/// Run `script` in `dir` once per value of the engine's index variable `var`; each succeeds.
fn run_each(
    dir: &std::path::Path,
    script: &str,
    var: &str,
    indices: std::ops::RangeInclusive<u32>,
) {
    for index in indices {
        let out = run_script(dir, script, &[(var, index.to_string())]);
        assert!(
            out.status.success(),
            "{var}={index}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The template's merge command, run in `dir`, writes the gradebook one unsharded run writes.
fn merges_to_the_whole_class(dir: &std::path::Path, merge: &str) {
    ok(run_script(dir, merge, &[]));
    let merged = std::fs::read_to_string(dir.join("grades.csv")).unwrap();
    assert_eq!(merged, whole(dir));
}

/// The gradebook one unsharded run writes for `root/submissions`.
fn whole(root: &std::path::Path) -> String {
    let out = course()
        .args(["grade", "--batch"])
        .arg(root.join("submissions"))
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn issue11_slurm_array_runs_every_shard_and_merges_to_the_whole_class() {
    let tmp = class_with(&["--slurm", "--shards", "3"]);
    let script = std::fs::read_to_string(tmp.path().join("grade-class.sbatch")).unwrap();
    // Without Slurm's variable it stops and says why.
    let out = run_script(tmp.path(), &script, &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("SLURM_ARRAY_TASK_ID"));
    run_each(tmp.path(), &script, "SLURM_ARRAY_TASK_ID", 1..=3);
    assert!((1..=3).all(|i| tmp.path().join(format!("parts/part-{i}.json")).is_file()));
    let merge = script
        .lines()
        .find_map(|l| {
            l.split_once("--wrap '")
                .map(|(_, m)| m.trim_end_matches('\''))
        })
        .expect("the merge command in the header");
    merges_to_the_whole_class(tmp.path(), merge);
    assert!(tmp.path().join("class.html").is_file());
}

#[test]
fn issue11_kubernetes_indexed_job_maps_index_0_to_shard_1() {
    let tmp = class_with(&["--kubernetes", "--shards", "4"]);
    let v = yaml(&tmp.path().join("grade-class-job.yaml"));
    let container = &v["spec"]["template"]["spec"]["containers"][0];
    let script = container["args"][0].as_str().unwrap();
    // The container runs in workingDir; here, the temp folder stands for the volume.
    assert_eq!(container["workingDir"], "/work");
    run_each(tmp.path(), script, "JOB_COMPLETION_INDEX", 0..=3);
    let parts: Vec<String> = (1..=4).map(|i| format!("parts/part-{i}.json")).collect();
    assert!(
        parts.iter().all(|p| tmp.path().join(p).is_file()),
        "index k writes part k+1"
    );
    let out = ok(course_in(tmp.path())
        .args(["gradebook", "merge"])
        .args(&parts)
        .output()
        .unwrap());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), whole(tmp.path()));
}

#[test]
fn slurm_and_kubernetes_need_shards_and_engine_limits_are_usage_errors() {
    let tmp = tempdir();
    for args in [
        &["ci", "init", "--slurm"][..],
        &["ci", "init", "--kubernetes"],
        &["ci", "init", "--gitlab", "--shards", "1"],
        &["ci", "init", "--gitlab", "--shards", "201"],
        &["ci", "init", "--github", "--shards", "300"],
        &["ci", "init", "--github", "--shards", "0"],
    ] {
        course_in(tmp.path()).args(args).assert().code(2);
    }
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn issue11_ci_init_follows_the_saved_language_like_every_command() {
    let tmp = tempdir();
    course_in(tmp.path())
        .args(["init", "--lang", "en"])
        .assert()
        .code(0);
    let a = course_in(tmp.path())
        .args(["ci", "init", "--github"])
        .assert()
        .code(0);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(
        err.starts_with("Wrote .github/workflows/grade.yml"),
        "{err}"
    );
    // A saved choice is not an explicit one: the CI grades in the course's default.
    let text = std::fs::read_to_string(tmp.path().join(".github/workflows/grade.yml")).unwrap();
    assert!(!text.contains("COURSE_LANG"));
    // COURSE_LANG is explicit: it wins over the saved choice and goes into the file.
    let a = course_in(tmp.path())
        .env("COURSE_LANG", "ko")
        .args(["ci", "init", "--github", "--force"])
        .assert()
        .code(0);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("썼습니다"), "{err}");
    let text = std::fs::read_to_string(tmp.path().join(".github/workflows/grade.yml")).unwrap();
    assert!(text.contains("COURSE_LANG: ko"));
}

#[test]
fn issue11_gitlab_parallel_jobs_grade_every_shard() {
    let tmp = class_with(&["--gitlab", "--shards", "3"]);
    let v = yaml(&tmp.path().join(".gitlab-ci.yml"));
    assert_eq!(v["grade"]["parallel"], 3);
    let script = v["grade"]["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .find(|l| l.contains("CI_NODE_INDEX"))
        .unwrap()
        .to_string();
    run_each(tmp.path(), &script, "CI_NODE_INDEX", 1..=3);
    let merge = v["merge"]["script"].as_sequence().unwrap().last().unwrap();
    merges_to_the_whole_class(tmp.path(), merge.as_str().unwrap());
}

/// A roster `roster.csv` in `root` of `n` students, each a bare repository (`file://`) with
/// one commit; every third has a requirements.txt with comments, and one repository is
/// missing (its row is an error row in every shard's part).
fn roster_class(root: &std::path::Path, n: usize) {
    let mut roster = String::from("student,repo,name\n");
    for i in 0..n {
        let work = root.join(format!("work/s{i}"));
        std::fs::create_dir_all(&work).unwrap();
        git_init(&work);
        let req = if i % 3 == 0 {
            "torch==2.10.0  # models\nnumpy>=1.26  # arrays\n"
        } else {
            "numpy\n"
        };
        write(&work, "requirements.txt", req);
        git(&work, &["add", "-A"]);
        git(&work, &["commit", "-q", "-m", "work"]);
        let bare = root.join(format!("remotes/s{i}.git"));
        git(
            root,
            &[
                "clone",
                "-q",
                "--bare",
                work.to_str().unwrap(),
                bare.to_str().unwrap(),
            ],
        );
        roster.push_str(&format!("s{i},file://{},학생 {i}\n", bare.display()));
    }
    roster.push_str(&format!(
        "gone,file://{}/remotes/gone.git,\n",
        root.display()
    ));
    write(root, "roster.csv", &roster);
}

#[test]
fn class10_a_slurm_array_over_a_roster_clones_each_share_and_merges_to_one_run() {
    let tmp = tempdir();
    roster_class(tmp.path(), 8);
    course_in(tmp.path())
        .args([
            "ci",
            "init",
            "--slurm",
            "--shards",
            "3",
            "--roster",
            "roster.csv",
        ])
        .assert()
        .code(0);
    let script = std::fs::read_to_string(tmp.path().join("grade-class.sbatch")).unwrap();
    assert!(
        script.contains("course grade --roster roster.csv --clones clones"),
        "{script}"
    );
    assert!(!script.contains("submissions"), "{script}");
    run_each(tmp.path(), &script, "SLURM_ARRAY_TASK_ID", 1..=3);
    // Each shard cloned only its share: all of them together, every student once.
    let cloned = std::fs::read_dir(tmp.path().join("clones"))
        .unwrap()
        .count();
    assert_eq!(cloned, 8, "the missing repository leaves no clone");
    let merge = script
        .lines()
        .find_map(|l| {
            l.split_once("--wrap '")
                .map(|(_, m)| m.trim_end_matches('\''))
        })
        .unwrap();
    let out = run_script(tmp.path(), merge, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = std::fs::read_to_string(tmp.path().join("grades.csv")).unwrap();
    let one_run = course_in(tmp.path())
        .args(["grade", "--roster", "roster.csv", "--clones", "clones"])
        .output()
        .unwrap();
    assert_eq!(merged, String::from_utf8(one_run.stdout).unwrap());
    assert!(merged.contains(",학생 3,"), "the roster's names: {merged}");
    assert!(merged.contains("[roster/clone-failed]"), "{merged}");
    let page = std::fs::read_to_string(tmp.path().join("class.html")).unwrap();
    assert!(page.contains("학생 1 (s1)"), "names in the class report");
}

#[test]
fn class10_every_engine_grades_a_roster_and_github_passes_a_token_secret() {
    let tmp = tempdir();
    for engine in ["--github", "--gitlab", "--kubernetes"] {
        course_in(tmp.path())
            .args([
                "ci",
                "init",
                engine,
                "--shards",
                "2",
                "--roster",
                "class/roster.csv",
                "--force",
            ])
            .assert()
            .code(0);
    }
    for file in [
        ".github/workflows/grade-class.yml",
        ".gitlab-ci.yml",
        "grade-class-job.yaml",
    ] {
        let text = std::fs::read_to_string(tmp.path().join(file)).unwrap();
        yaml(&tmp.path().join(file));
        assert!(
            text.contains("--roster class/roster.csv --clones clones"),
            "{file}: {text}"
        );
        assert!(!text.contains("--batch"), "{file}: {text}");
    }
    let v = yaml(&tmp.path().join(".github/workflows/grade-class.yml"));
    let steps = v["jobs"]["grade"]["steps"].as_sequence().unwrap();
    let grade = steps
        .iter()
        .find(|s| s["run"].as_str().is_some_and(|r| r.contains("--roster")))
        .unwrap();
    assert_eq!(
        grade["env"]["COURSE_GIT_TOKEN"],
        "${{ secrets.COURSE_GIT_TOKEN }}"
    );
    assert!(
        steps.iter().all(|s| s["name"] != "Fetch the submissions"),
        "no submissions/ to fill"
    );
    // A path that would need quoting is refused, and --roster needs --shards.
    for args in [
        &["--slurm", "--shards", "2", "--roster", "my roster.csv"][..],
        &["--slurm", "--shards", "2", "--roster", "$(reboot).csv"],
        &["--github", "--roster", "roster.csv"],
    ] {
        course_in(tmp.path())
            .args(["ci", "init"])
            .args(args)
            .assert()
            .code(2);
    }
}
