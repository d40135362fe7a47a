//! Grading: running an exercise's checks into one result with a score, and the learner's
//! single next step. Sits between the course model (what to check) and the commands and
//! reports that show the results.

pub mod batch;
mod examples;
mod next;
#[cfg(test)]
mod particle_scan;
#[cfg(test)]
mod register_scan;
pub mod roster;
pub mod shard;
pub mod submission;
pub mod validate;

pub use next::{exercise_order, first_to_fix, next_step, skip_moves_on, Step};

use serde::{Deserialize, Serialize};

use crate::checks::{CheckContext, Finding, Status};
use crate::course::Exercise;
use crate::i18n::Tr;

/// The outcome of one exercise.
#[derive(Clone, Debug)]
pub struct ExerciseResult {
    pub id: String,
    pub status: Status,
    pub score: u32,
    pub max_score: u32,
    pub findings: Vec<Finding>,
    /// Why the exercise was not graded (status skip) or could not be (status error).
    pub reason: Option<Reason>,
}

/// Why an exercise has no verdict: the `reason` of `course-report/1`, a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Not graded: its checks run the submission's code, and grading ran without `--exec`.
    NeedsExec,
    /// Not graded: every check was skipped for another reason (no environment to import with).
    NotChecked,
    /// Not graded: the exercise has no checks.
    NoChecks,
    /// Could not grade: a check could not run or could not read the submission (a corrupt
    /// `.git/HEAD`, an unreadable file, an interpreter that hung); exit code 3.
    CouldNotRun,
}

impl Reason {
    /// The code as written in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NeedsExec => "needs-exec",
            Reason::NotChecked => "not-checked",
            Reason::NoChecks => "no-checks",
            Reason::CouldNotRun => "could-not-run",
        }
    }

    /// Every reason with what it means (the README's table).
    pub const ALL: [Reason; 4] = [
        Reason::NeedsExec,
        Reason::NotChecked,
        Reason::NoChecks,
        Reason::CouldNotRun,
    ];
}

/// Run every check of `exercise`. Status: error if a check could not run, fail if any finding
/// failed, skip if every finding was skipped, pass otherwise. Score is all or nothing. An
/// exercise that was not graded (skip) keeps its points in `max_score`: a submission graded
/// without `--exec` scores 80 of 100, not 80 of 80, and says which 20 were not graded.
///
/// Two small mechanisms apply to every kind: the same finding from several kinds (all three
/// git kinds notice `git/not-a-repo`; `paths` and `mentions` both find `file/missing` for
/// README.md) is reported once (same code, file and line, from different checks), and the placeholder `<exercise-id>` in
/// a message or hint becomes the exercise's id (a check does not know which exercise it is in).
pub fn run_exercise(exercise: &Exercise, ctx: &CheckContext) -> ExerciseResult {
    let mut findings: Vec<Finding> = Vec::new();
    for check in &exercise.checks {
        // Findings of earlier checks; one kind's own findings with one code (several commits
        // with empty messages) are separate problems and all stay.
        let earlier = findings.len();
        for mut f in check.run(ctx) {
            fill_exercise_id(&mut f.message, &exercise.id);
            if let Some(hint) = &mut f.hint {
                fill_exercise_id(hint, &exercise.id);
            }
            // The same problem (code) at the same place, whatever each kind says or suggests
            // (the first wording and hint stay).
            let same = |g: &Finding| g.code == f.code && g.file == f.file && g.line == f.line;
            if !findings[..earlier].iter().any(same) {
                findings.push(f);
            }
        }
    }
    refer_to_earlier(&mut findings);
    let status = exercise_status(&findings);
    let max_score = exercise.points;
    let reason = match status {
        Status::Error => Some(Reason::CouldNotRun),
        Status::Skip if exercise.checks.is_empty() => Some(Reason::NoChecks),
        Status::Skip if !ctx.allow_exec && exercise.checks.iter().any(|c| c.executes()) => {
            Some(Reason::NeedsExec)
        }
        Status::Skip => Some(Reason::NotChecked),
        Status::Pass | Status::Fail => None,
    };
    ExerciseResult {
        id: exercise.id.clone(),
        status,
        score: if status == Status::Pass {
            exercise.points
        } else {
            0
        },
        max_score,
        findings,
        reason,
    }
}

/// A fix that asks only what earlier findings asked already (`.venv/` in `.gitignore`, from
/// `gitignore` and then `tracked-files`) gives its shorter form that refers to them: the
/// learner is told each thing once (issue 9).
fn refer_to_earlier(findings: &mut [Finding]) {
    for i in 1..findings.len() {
        let (earlier, rest) = findings.split_at_mut(i);
        let f = &mut rest[0];
        let asked = |key: &String| earlier.iter().any(|e| e.asks.contains(key));
        if f.hint_after.is_some() && !f.asks.is_empty() && f.asks.iter().all(asked) {
            f.hint = f.hint_after.take();
            f.refers = true;
        }
    }
}

/// Every `file/not-committed` of a run (several exercises need `requirements.txt`, the
/// structure exercise needs a dozen files) is fixed by one commit: the first exercise that
/// has any gives the one `git add` of every path (in the order found) and `git commit`, and
/// the later ones refer to it, so a learner is not told to make one commit per file, or the
/// same one twice (issue 9). The findings stay one each in the data.
pub fn commit_once(results: &mut [ExerciseResult]) {
    let words = not_committed_words(results);
    let Some(first) = results
        .iter()
        .position(|r| r.findings.iter().any(is_not_committed))
    else {
        return;
    };
    let (commit, id) = (commit_all(&words), results[first].id.clone());
    let once = crate::tr!(
        "commit every file the grade needs at once:\n{commit}",
        "채점에 필요한 파일을 한 번에 커밋하십시오:\n{commit}";
        commit = commit
    );
    let after = crate::tr!(
        "the one commit given under `{id}` above commits this too",
        "위의 `{id}` 아래에 있는 커밋 명령 하나로 이것도 함께 커밋됩니다"
    );
    for (i, r) in results.iter_mut().enumerate() {
        let hint = if i == first { &once } else { &after };
        for f in r.findings.iter_mut().filter(|f| is_not_committed(f)) {
            f.hint = Some(hint.clone());
            if let Some(group) = &mut f.group {
                group.hint = hint.clone();
            }
        }
    }
}

fn is_not_committed(f: &Finding) -> bool {
    f.code == crate::checks::Code::FileNotCommitted
}

/// What `git add` needs for every `file/not-committed` of `results`, each once, in the order
/// found (a package's `__init__.py` as its whole source folder).
pub fn not_committed_words(results: &[ExerciseResult]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for f in results.iter().flat_map(|r| &r.findings) {
        if let Some(g) = f.group.as_ref().filter(|_| is_not_committed(f)) {
            if !g.word.is_empty() && !words.contains(&g.word) {
                words.push(g.word.clone());
            }
        }
    }
    words
}

/// The one commit of `words` (shell words): `git add` and `git commit`, each an indented
/// line of its own (a fix's code lines), with the message hint 4 of the git exercise uses.
pub fn commit_all(words: &[String]) -> Tr {
    let all = words.join(" ");
    crate::tr!(
        "  git add {all}\n  git commit -m \"Add the project files\"",
        "  git add {all}\n  git commit -m \"프로젝트 파일 추가\""
    )
}

const EXERCISE_ID: &str = "<exercise-id>";

fn fill_exercise_id(text: &mut Tr, id: &str) {
    text.replace(EXERCISE_ID, id);
}

fn exercise_status(findings: &[Finding]) -> Status {
    if findings.iter().any(|f| f.status == Status::Error) {
        Status::Error
    } else if findings.iter().any(|f| f.status == Status::Fail) {
        Status::Fail
    } else if findings.iter().all(|f| f.status == Status::Skip) {
        // Also true of an exercise without checks: nothing was verified.
        Status::Skip
    } else {
        Status::Pass
    }
}
