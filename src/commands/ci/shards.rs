//! Templates that grade a whole class (`course grade --batch submissions/`, or with
//! `--roster FILE` the students' repositories: `course grade --roster FILE`) in N shards on
//! engines instructors already have, each reading its shard from the engine's own variable:
//!
//! - GitHub Actions: a matrix job per shard (`matrix.shard`, 1..N), then a merge job;
//! - Slurm: a job array `--array=1-N` (`$SLURM_ARRAY_TASK_ID` is the shard), merged by a job
//!   that depends on the array;
//! - Kubernetes: an Indexed Job (`$JOB_COMPLETION_INDEX`, 0-based: shard = index + 1);
//! - GitLab CI: a job with `parallel: N` (`$CI_NODE_INDEX`, 1..N), then a merge stage.
//!
//! Every shard writes `parts/part-I.json`; `course gradebook merge` joins them into
//! `grades.csv` and the class report. Exit 3 of a shard (some submission could not be graded:
//! its row is in the part) is not a failure of the shard.

use super::push::{github_env, github_install, gitlab_install, GITLAB_CACHE};
use super::{lang_env, REPO_PLACEHOLDER};
use crate::i18n::Lang;

/// The folder of submissions the templates grade (one folder per student).
pub const SUBMISSIONS: &str = "submissions";

/// What a class template grades.
#[derive(Clone, Copy, Debug)]
pub enum Class<'a> {
    /// The folders (or archives) in `submissions/`, put there by the instructor.
    Folder,
    /// The repositories of a roster (a path the job sees, checked to need no quoting),
    /// each shard cloning its own share into `clones/`.
    Roster(&'a str),
}

impl Class<'_> {
    /// The arguments of `course grade` that pick the submissions.
    fn grade_args(&self) -> String {
        match self {
            Class::Folder => format!("--batch {SUBMISSIONS}"),
            Class::Roster(roster) => format!("--roster {roster} --clones clones"),
        }
    }

    /// The class in words, for the file's header.
    fn what(&self) -> String {
        match self {
            Class::Folder => format!("the class in {SUBMISSIONS}/ (one folder per student)"),
            Class::Roster(roster) => {
                format!("the students of {roster} (each shard clones its share into clones/)")
            }
        }
    }
}

/// The shell lines every engine runs for shard `$shard` of `n` (POSIX sh).
fn grade_lines(n: u32, exec: bool, jobs: &str, class: Class) -> String {
    let exec = if exec { " --exec" } else { "" };
    let source = class.grade_args();
    format!(
        "mkdir -p parts
status=0
course grade {source} --shard \"$shard/{n}\" --jobs {jobs} --format json --output \"parts/part-$shard.json\"{exec} || status=$?
# 3: some submission could not be graded; its row (with the reason) is in the part.
[ \"$status\" -eq 0 ] || [ \"$status\" -eq 3 ] || exit \"$status\"
"
    )
}

/// "1 shard", "8 shards": the count as the generated file's comments say it.
fn shard_count(n: u32) -> String {
    crate::i18n::count(n as usize, "shard", "shards")
}

/// The merge, once every shard is done.
fn merge_line() -> &'static str {
    "course gradebook merge parts/part-*.json --output grades.csv --report class.html"
}

/// `.github/workflows/grade-class.yml`.
pub fn github(n: u32, exec: bool, lang: Option<Lang>, class: Class) -> String {
    let n_shards = shard_count(n);
    let shards: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
    let shards = shards.join(", ");
    let grade = indent(
        &format!(
            "shard=\"${{{{ matrix.shard }}}}\"\n{}",
            grade_lines(n, exec, "\"$(nproc)\"", class)
        ),
        "          ",
    );
    let (env, install) = (github_env(lang, ""), github_install());
    let merge = merge_line();
    let what = class.what();
    let fetch = match class {
        Class::Folder => format!(
            "      - name: Fetch the submissions
        # TODO: put the submissions in {SUBMISSIONS}/, one folder per student with its own .git
        # (the git exercises read each history): unpack your LMS download, or clone them here.
        run: ls {SUBMISSIONS}/
"
        ),
        Class::Roster(_) => String::new(),
    };
    let token = match class {
        Class::Folder => "",
        Class::Roster(_) => {
            "        env:
          # For private repositories: a token that can read them (a fine-grained token with
          # Contents: read), saved as a secret of this repository. git gets it as a header.
          COURSE_GIT_TOKEN: ${{ secrets.COURSE_GIT_TOKEN }}
"
        }
    };
    format!(
        "# Grades {what} in {n_shards}, then merges the
# gradebooks (written by `course ci init --github --shards {n}`). Run it from the Actions tab.
name: grade-class

on:
  workflow_dispatch:

{env}
jobs:
  # Builds course once for this course version; the other jobs then find it in the cache.
  install:
    runs-on: ubuntu-latest
    steps:
{install}  grade:
    needs: install
    runs-on: ubuntu-latest
    strategy:
      # One shard failing must not cancel the others: the merge names what is missing.
      fail-fast: false
      matrix:
        shard: [{shards}]
    steps:
      - uses: actions/checkout@v4
{fetch}{install}      - name: Grade shard ${{{{ matrix.shard }}}} of {n}
{token}        run: |
{grade}      - uses: actions/upload-artifact@v4
        with:
          name: gradebook-part-${{{{ matrix.shard }}}}
          path: parts/
  merge:
    needs: grade
    if: always()
    runs-on: ubuntu-latest
    steps:
{install}      - uses: actions/download-artifact@v4
        with:
          pattern: gradebook-part-*
          path: parts
          merge-multiple: true
      - name: Merge the gradebooks
        run: |
          {merge} --report class.md
          cat class.md >> \"$GITHUB_STEP_SUMMARY\"
      - uses: actions/upload-artifact@v4
        with:
          name: grades
          path: |
            grades.csv
            class.html
"
    )
}

/// `grade-class.sbatch`.
pub fn slurm(n: u32, exec: bool, lang: Option<Lang>, class: Class) -> String {
    let n_shards = shard_count(n);
    let grade = grade_lines(n, exec, "\"${SLURM_CPUS_PER_TASK:-1}\"", class);
    let (what, here) = match class {
        Class::Folder => (class.what(), format!("the folder holding {SUBMISSIONS}/")),
        Class::Roster(roster) => (class.what(), format!("the folder {roster} is found from")),
    };
    let lang = lang.map_or(String::new(), |l| {
        format!("export COURSE_LANG={}\n", l.code())
    });
    let merge = merge_line();
    format!(
        "#!/bin/bash
# Grades {what} as a Slurm job array of {n_shards}
# (written by `course ci init --slurm --shards {n}`). From {here}:
#
#   jobid=$(sbatch --parsable grade-class.sbatch)
#   sbatch --dependency=afterany:$jobid --wrap '{merge}'
#
# The merge refuses to run with a shard missing and names it: run that index again with
# `sbatch --array=I grade-class.sbatch`.
#SBATCH --job-name=course-grade
#SBATCH --array=1-{n}
#SBATCH --cpus-per-task=4
#SBATCH --time=02:00:00
#SBATCH --output=grade-%A_%a.out
set -eu
{lang}
# The array runs 1..{n} (--array=1-{n}), so Slurm's index is the shard.
shard=\"${{SLURM_ARRAY_TASK_ID:?submit this with sbatch, which sets SLURM_ARRAY_TASK_ID}}\"
{grade}"
    )
}

/// `grade-class-job.yaml`.
pub fn kubernetes(n: u32, exec: bool, lang: Option<Lang>, class: Class) -> String {
    let n_shards = shard_count(n);
    let script = indent(
        &format!(
            "set -eu\n# JOB_COMPLETION_INDEX runs 0..{}: the shard is one more.\nshard=$((JOB_COMPLETION_INDEX + 1))\n{}",
            n - 1,
            grade_lines(n, exec, "\"$(nproc)\"", class)
        ),
        "              ",
    );
    let lang = match lang {
        Some(l) => format!(
            "          env:\n            - name: COURSE_LANG\n              value: \"{}\"\n",
            l.code()
        ),
        None => String::new(),
    };
    let merge = merge_line();
    let what = class.what();
    let holding = match class {
        Class::Folder => format!("{SUBMISSIONS}/"),
        Class::Roster(roster) => {
            format!("{roster} (and git's credentials for private repositories)")
        }
    };
    format!(
        "# Grades {what} as a Kubernetes Indexed Job of
# {n_shards} (written by `course ci init --kubernetes --shards {n}`).
#
#   kubectl apply -f grade-class-job.yaml
#   kubectl wait --for=condition=complete --timeout=2h job/course-grade
#
# then, in a pod with the same volume (or after copying parts/ out):
#   {merge}
apiVersion: batch/v1
kind: Job
metadata:
  name: course-grade
spec:
  completionMode: Indexed
  completions: {n}
  parallelism: {n}
  # A shard that fails is retried on its own; the merge names a shard still missing.
  backoffLimitPerIndex: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: grade
          # TODO: an image with course on the PATH (and python3, to grade with --exec).
          image: YOUR-REGISTRY/course:latest
          workingDir: /work
{lang}          command: [\"sh\", \"-c\"]
          args:
            - |
{script}          resources:
            requests:
              cpu: \"4\"
          volumeMounts:
            - name: work
              mountPath: /work
      volumes:
        - name: work
          persistentVolumeClaim:
            # TODO: a ReadWriteMany volume holding {holding}; the parts are written to parts/.
            claimName: course-grading
"
    )
}

/// `.gitlab-ci.yml` for a class: `parallel: N` (GitLab allows 2 to 200).
pub fn gitlab(n: u32, exec: bool, lang: Option<Lang>, class: Class) -> String {
    let grade = grade_lines(n, exec, "\"$(nproc)\"", class);
    let what = class.what();
    let grade = indent(
        &format!("# GitLab's node index runs 1..{n}: it is the shard.\nshard=\"$CI_NODE_INDEX\"\n{grade}"),
        "      ",
    );
    let (lang, install, merge) = (lang_env(lang, "  "), gitlab_install(), merge_line());
    format!(
        "# Grades {what} in {n} parallel jobs, then merges
# the gradebooks (written by `course ci init --gitlab --shards {n}`).
variables:
  # TODO: set your course repository (course is installed from git, not crates.io).
  COURSE_REPO: {REPO_PLACEHOLDER}
{lang}
stages: [grade, merge]

grade:
  stage: grade
  image: rust:latest
  parallel: {n}
{GITLAB_CACHE}  script:
{install}    - |
{grade}  artifacts:
    when: always
    paths:
      - parts/

merge:
  stage: merge
  image: rust:latest
  # Also after a failed shard: the merge then names the shard that is missing.
  when: always
{GITLAB_CACHE}  script:
{install}    - {merge}
  artifacts:
    when: always
    paths:
      - grades.csv
      - class.html
"
    )
}

fn indent(text: &str, pad: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_string()
            } else {
                format!("{pad}{l}\n")
            }
        })
        .collect()
}
