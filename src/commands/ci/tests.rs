//! The templates parse (YAML with serde_yaml, shell with `bash -n`) and hold what matters:
//! the cached install, full-history checkouts, and each engine's own index variable.

use super::push::{github_workflow, gitlab_ci};
use super::*;

fn yaml(text: &str) -> serde_yaml::Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn steps(v: &serde_yaml::Value, job: &str) -> Vec<serde_yaml::Value> {
    v["jobs"][job]["steps"].as_sequence().unwrap().clone()
}

fn runs(steps: &[serde_yaml::Value]) -> Vec<String> {
    steps
        .iter()
        .filter_map(|s| s["run"].as_str().map(str::to_string))
        .collect()
}

/// `bash -n` on `script`: it parses as shell.
fn parses_as_shell(script: &str) {
    let out = std::process::Command::new("bash")
        .args(["-n", "-c", script])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{script}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn github_workflow_caches_course_by_the_course_version() {
    let v = yaml(&github_workflow(false, None));
    assert_eq!(v["jobs"]["grade"]["env"]["COURSE_REPO"], REPO_PLACEHOLDER);
    assert!(v["jobs"]["grade"]["env"].get("COURSE_LANG").is_none());
    let s = steps(&v, "grade");
    assert_eq!(s[0]["uses"], "actions/checkout@v4");
    assert_eq!(s[0]["with"]["fetch-depth"], 0);
    assert!(s[1]["run"].as_str().unwrap().contains("git ls-remote"));
    assert_eq!(s[2]["uses"], "actions/cache@v4");
    assert_eq!(
        s[2]["with"]["key"],
        "course-${{ runner.os }}-${{ steps.course.outputs.rev }}"
    );
    assert_eq!(s[3]["if"], "steps.cache.outputs.cache-hit != 'true'");
    assert!(s[3]["run"]
        .as_str()
        .unwrap()
        .starts_with("cargo install --locked --git"));
    assert!(s[3]["run"].as_str().unwrap().contains("--rev"));
    assert!(s[4]["run"].as_str().unwrap().contains("GITHUB_PATH"));
    assert_eq!(s[5]["run"], "course grade --workspace . --format github");
    assert_eq!(s[6]["if"], "always()");
    assert_eq!(s[7]["uses"], "actions/upload-artifact@v4");
    assert_eq!(s.len(), 8);
    for run in runs(&s) {
        parses_as_shell(&run);
    }
}

#[test]
fn github_with_env_builds_the_venv_and_executes() {
    let s = steps(&yaml(&github_workflow(true, None)), "grade");
    let runs = runs(&s);
    assert!(s.iter().any(|s| s["uses"] == "actions/setup-python@v5"));
    assert!(runs
        .iter()
        .any(|r| r.contains("pip install -r requirements.txt")));
    assert!(runs.contains(&"course grade --workspace . --format github --exec".to_string()));
}

#[test]
fn an_asked_language_is_written_into_the_templates() {
    let v = yaml(&github_workflow(false, Some(Lang::En)));
    assert_eq!(v["jobs"]["grade"]["env"]["COURSE_LANG"], "en");
    let v = yaml(&gitlab_ci(false, Some(Lang::Ko)));
    assert_eq!(v["variables"]["COURSE_LANG"], "ko");
    assert!(
        shards::slurm(2, false, Some(Lang::Ko), shards::Class::Folder)
            .contains("export COURSE_LANG=ko\n")
    );
    let v = yaml(&shards::kubernetes(
        2,
        false,
        Some(Lang::En),
        shards::Class::Folder,
    ));
    let c = &v["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(c["env"][0]["name"], "COURSE_LANG");
    assert_eq!(c["env"][0]["value"], "en");
}

#[test]
fn gitlab_parses_with_full_depth_cache_and_junit_report() {
    for with_env in [false, true] {
        let v = yaml(&gitlab_ci(with_env, None));
        assert_eq!(v["variables"]["GIT_DEPTH"], 0);
        assert_eq!(v["grade"]["cache"]["paths"][0], ".course/ci-bin/");
        assert_eq!(
            v["grade"]["artifacts"]["reports"]["junit"],
            "course-junit.xml"
        );
        let script: Vec<&str> = v["grade"]["script"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        parses_as_shell(&script.join("\n"));
        assert!(script.iter().any(
            |l| l.contains("cargo install --locked --git") && l.contains(".course/ci-bin/rev")
        ));
        assert!(script
            .iter()
            .any(|l| l.starts_with("course grade --workspace . --format junit")));
        assert_eq!(script.iter().any(|l| l.contains("--exec")), with_env);
    }
}

#[test]
fn github_class_matrix_runs_every_shard_then_merges() {
    let v = yaml(&shards::github(5, false, None, shards::Class::Folder));
    assert!(v["on"].get("workflow_dispatch").is_some());
    assert_eq!(v["env"]["COURSE_REPO"], REPO_PLACEHOLDER);
    assert!(runs(&steps(&v, "install"))
        .iter()
        .any(|r| r.contains("cargo install")));
    let grade = &v["jobs"]["grade"];
    assert_eq!(grade["needs"], "install");
    assert_eq!(grade["strategy"]["fail-fast"], false);
    let matrix: Vec<u64> = grade["strategy"]["matrix"]["shard"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    assert_eq!(matrix, [1, 2, 3, 4, 5]);
    let s = steps(&v, "grade");
    let grade_run = runs(&s)
        .into_iter()
        .find(|r| r.contains("--shard"))
        .unwrap();
    assert!(
        grade_run.starts_with("shard=\"${{ matrix.shard }}\"\n"),
        "{grade_run}"
    );
    assert!(grade_run.contains("--shard \"$shard/5\""), "{grade_run}");
    for run in runs(&s) {
        parses_as_shell(&run.replace("${{ matrix.shard }}", "3"));
    }
    let upload = s
        .iter()
        .find(|s| s["uses"] == "actions/upload-artifact@v4")
        .unwrap();
    assert_eq!(upload["with"]["name"], "gradebook-part-${{ matrix.shard }}");
    let merge = &v["jobs"]["merge"];
    assert_eq!(merge["needs"], "grade");
    assert_eq!(merge["if"], "always()");
    let m = steps(&v, "merge");
    let download = m
        .iter()
        .find(|s| s["uses"] == "actions/download-artifact@v4")
        .unwrap();
    assert_eq!(download["with"]["merge-multiple"], true);
    let merge_run = runs(&m)
        .into_iter()
        .find(|r| r.contains("gradebook merge"))
        .unwrap();
    assert!(merge_run.contains("--report class.md") && merge_run.contains("GITHUB_STEP_SUMMARY"));
    parses_as_shell(&merge_run);
}

#[test]
fn slurm_script_reads_the_array_index_and_parses() {
    let script = shards::slurm(12, true, None, shards::Class::Folder);
    assert!(script.starts_with("#!/bin/bash\n"));
    assert!(script.contains("#SBATCH --array=1-12\n"));
    assert!(script.contains("shard=\"${SLURM_ARRAY_TASK_ID:?"));
    assert!(script.contains("--shard \"$shard/12\""));
    assert!(script.contains("--exec"));
    parses_as_shell(&script);
}

#[test]
fn kubernetes_indexed_job_maps_the_0_based_index() {
    let v = yaml(&shards::kubernetes(7, false, None, shards::Class::Folder));
    assert_eq!(v["kind"], "Job");
    assert_eq!(v["spec"]["completionMode"], "Indexed");
    assert_eq!(v["spec"]["completions"], 7);
    let c = &v["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(c["command"][1], "-c");
    let script = c["args"][0].as_str().unwrap();
    assert!(
        script.contains("shard=$((JOB_COMPLETION_INDEX + 1))"),
        "{script}"
    );
    assert!(script.contains("--shard \"$shard/7\""));
    parses_as_shell(script);
}

#[test]
fn gitlab_class_pipeline_runs_parallel_jobs_then_merges() {
    let v = yaml(&shards::gitlab(6, false, None, shards::Class::Folder));
    assert_eq!(v["variables"]["COURSE_REPO"], REPO_PLACEHOLDER);
    assert_eq!(v["grade"]["parallel"], 6);
    assert_eq!(v["merge"]["when"], "always");
    let lines = |job: &str| -> Vec<String> {
        v[job]["script"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_string())
            .collect()
    };
    let grade = lines("grade").join("\n");
    assert!(grade.contains("shard=\"$CI_NODE_INDEX\""), "{grade}");
    assert!(grade.contains("--shard \"$shard/6\""));
    parses_as_shell(&grade);
    let merge = lines("merge").join("\n");
    assert!(merge.contains("course gradebook merge parts/part-*.json"));
    parses_as_shell(&merge);
}
