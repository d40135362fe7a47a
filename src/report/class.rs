//! The class report (`course grade --batch ... --report class.html|class.md`): what an
//! instructor reads before the next class. Built from a batch's graded submissions:
//!
//! - the score distribution (percent of the points, in ten bins) and mean and median;
//! - per exercise, how many passed, failed, were not graded (needs `--exec`) or could not be
//!   graded;
//! - the most common problems by finding code (stable across languages and rewordings), with
//!   how many students hit each and who;
//! - the submissions that could not be graded, with the code and the reason.
//!
//! This module only counts; `class/html.rs` (one self-contained page) and `class/md.rs`
//! (the GitHub job summary) lay it out.

pub mod html;
pub mod md;

use std::collections::BTreeMap;

use super::{ExerciseStatus, Report};
use crate::checks::Status;
use crate::grading::batch::Graded;
use crate::grading::Reason;

/// Names listed per finding code at most; the rest are counted ("and N more").
pub const NAMES_SHOWN: usize = 60;

/// Counts over a class.
#[derive(Debug, Default)]
pub struct Class {
    pub course: String,
    pub submissions: usize,
    /// Graded submissions (a report exists), with their percent of the points.
    pub percents: Vec<f64>,
    /// Ten bins of 10 percentage points (the last holds 90 to 100 inclusive).
    pub bins: [usize; 10],
    pub exercises: Vec<ExerciseCounts>,
    /// Problems by code, most students first.
    pub problems: Vec<Problem>,
    pub ungradable: Vec<Ungradable>,
}

#[derive(Debug, Default, Clone)]
pub struct ExerciseCounts {
    pub id: String,
    pub title: String,
    /// The exercise's points.
    pub points: u32,
    pub passed: usize,
    pub failed: usize,
    pub not_graded: usize,
    pub could_not_run: usize,
}

impl ExerciseCounts {
    /// Passed of those with a verdict (pass or fail), or `None` when none has one.
    pub fn pass_rate(&self) -> Option<f64> {
        let judged = self.passed + self.failed;
        (judged > 0).then(|| self.passed as f64 / judged as f64)
    }

    pub fn total(&self) -> usize {
        self.cells().iter().sum()
    }

    /// Passed, failed, not graded, could not grade.
    pub fn cells(&self) -> [usize; 4] {
        [
            self.passed,
            self.failed,
            self.not_graded,
            self.could_not_run,
        ]
    }

    /// The pass rate as people read it (`54.5%`, `–` without verdicts).
    pub fn rate_text(&self) -> String {
        self.pass_rate()
            .map_or("–".to_string(), |r| format!("{}%", pct(100.0 * r)))
    }
}

/// One finding code and the students whose submissions have it (with the roster's name
/// where it gives one: `김민지 (kim-minji)`).
#[derive(Debug, Clone)]
pub struct Problem {
    pub code: crate::checks::Code,
    /// The exercises it was found in.
    pub exercises: Vec<String>,
    /// Sorted, each once.
    pub students: Vec<String>,
    /// The message of its first occurrence (in the report's language), as an example.
    pub example: String,
}

/// A submission without a full grade: not graded at all (`code` from the gradebook's
/// `error_code`), or a check that could not run (`code` of that finding).
#[derive(Debug, Clone)]
pub struct Ungradable {
    pub submission: String,
    pub code: String,
    pub reason: String,
}

impl Class {
    pub fn build(course: &str, graded: &[Graded<Report>]) -> Class {
        let mut class = Class {
            course: course.to_string(),
            submissions: graded.len(),
            ..Class::default()
        };
        let mut exercises: Vec<ExerciseCounts> = Vec::new();
        let mut problems: BTreeMap<crate::checks::Code, Problem> = BTreeMap::new();
        for g in graded {
            // With a roster's name: `김민지 (kim-minji)`, so the instructor knows who.
            let who = g.person.shown(&g.submission);
            let report = match &g.outcome {
                Ok(report) => report,
                Err(why) => {
                    class.ungradable.push(Ungradable {
                        submission: who,
                        code: why.code.to_string(),
                        reason: why.message.clone(),
                    });
                    continue;
                }
            };
            let max = report.summary.max_score;
            let pct = if max == 0 {
                0.0
            } else {
                100.0 * f64::from(report.summary.score) / f64::from(max)
            };
            class.percents.push(pct);
            class.bins[((pct / 10.0) as usize).min(9)] += 1;
            for e in &report.exercises {
                count_exercise(&mut exercises, e);
                for f in &e.findings {
                    if !matches!(f.status, Status::Fail | Status::Error) {
                        continue;
                    }
                    let p = problems.entry(f.code).or_insert_with(|| Problem {
                        code: f.code,
                        exercises: Vec::new(),
                        students: Vec::new(),
                        example: example(f),
                    });
                    if !p.exercises.contains(&e.id) {
                        p.exercises.push(e.id.clone());
                    }
                    if p.students.last() != Some(&who) {
                        p.students.push(who.clone());
                    }
                }
            }
            if let Some(reason) = report.could_not_grade() {
                let code = report
                    .exercises
                    .iter()
                    .flat_map(|e| &e.findings)
                    .find(|f| f.status == Status::Error)
                    .map_or(String::new(), |f| f.code.as_str().to_string());
                class.ungradable.push(Ungradable {
                    submission: who,
                    code,
                    reason,
                });
            }
        }
        class.exercises = exercises;
        let mut problems: Vec<Problem> = problems.into_values().collect();
        for p in &mut problems {
            p.students.sort();
            p.students.dedup();
        }
        problems.sort_by(|a, b| {
            b.students
                .len()
                .cmp(&a.students.len())
                .then(a.code.cmp(&b.code))
        });
        class.problems = problems;
        class
    }

    /// The headline numbers as text, labelled by [`words::numbers`].
    pub fn numbers(&self) -> [String; 5] {
        let percent = |x: Option<f64>| x.map_or("–".to_string(), |m| format!("{}%", pct(m)));
        [
            self.submissions.to_string(),
            self.graded().to_string(),
            percent(self.mean()),
            percent(self.median()),
            self.ungradable.len().to_string(),
        ]
    }

    pub fn graded(&self) -> usize {
        self.percents.len()
    }

    /// When some exercises were graded in no submission (a run without `--exec`), what that
    /// does to the scores: the exercises, their points, and the best percent anyone could
    /// get. Said under the headline numbers, so an 80% median is not read as a weak class.
    pub fn not_graded_note(&self) -> Option<crate::i18n::Tr> {
        let graded = self.graded();
        let none: Vec<&ExerciseCounts> = self
            .exercises
            .iter()
            .filter(|e| graded > 0 && e.not_graded == graded)
            .collect();
        if none.is_empty() {
            return None;
        }
        let points: u32 = none.iter().map(|e| e.points).sum();
        let max: u32 = self.exercises.iter().map(|e| e.points).sum();
        let ids: Vec<&str> = none.iter().map(|e| e.id.as_str()).collect();
        let best = if max == 0 {
            0.0
        } else {
            100.0 * f64::from(max - points) / f64::from(max)
        };
        Some(words::not_graded(&ids.join(", "), points, max, &pct(best)))
    }

    pub fn mean(&self) -> Option<f64> {
        (!self.percents.is_empty())
            .then(|| self.percents.iter().sum::<f64>() / self.percents.len() as f64)
    }

    pub fn median(&self) -> Option<f64> {
        let mut v = self.percents.clone();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(v[n / 2]),
            _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
        }
    }
}

/// A finding as the example of its code: with its place, decided from the finding's own
/// fields only (a report read back from a JSON gradebook has lost `names_file`, and a merged
/// class must show what one run shows).
fn example(f: &super::FindingReport) -> String {
    match (&f.file, f.line) {
        (Some(file), None) if f.message.contains(file.as_str()) => f.message.clone(),
        (file, line) => super::located(file.as_deref(), line, false, &f.message),
    }
}

fn count_exercise(exercises: &mut Vec<ExerciseCounts>, e: &super::ExerciseReport) {
    let i = match exercises.iter().position(|x| x.id == e.id) {
        Some(i) => i,
        None => {
            exercises.push(ExerciseCounts {
                id: e.id.clone(),
                title: e.title.clone(),
                points: e.max_score,
                ..ExerciseCounts::default()
            });
            exercises.len() - 1
        }
    };
    let c = &mut exercises[i];
    match (e.status, e.reason) {
        (_, Some(Reason::CouldNotRun)) => c.could_not_run += 1,
        (ExerciseStatus::Pass, _) => c.passed += 1,
        (ExerciseStatus::Fail, _) => c.failed += 1,
        (ExerciseStatus::Skip, _) => c.not_graded += 1,
    }
}

/// The texts both layouts show, so that the page and the Markdown say the same.
pub mod words {
    use crate::i18n::Tr;
    use crate::tr;

    pub fn title(course: &str) -> Tr {
        tr!("Class report: {course}", "반 보고서: {course}")
    }
    pub fn not_graded(ids: &str, points: u32, max: u32, best: &str) -> Tr {
        tr!(
            "Graded in no submission: {ids} ({points} of {max} points; its checks run the submission's code, so they need --exec). The scores count it as 0: {best}% is the most anyone could get here.",
            "어느 제출물에서도 채점하지 않음: {ids} ({max}점 중 {points}점. 제출물의 코드를 실행하는 확인이라 --exec이 필요합니다). 점수는 이것을 0점으로 세므로 여기서 받을 수 있는 최고 점수는 {best}%입니다."
        )
    }
    pub fn none() -> Tr {
        tr!("None.", "없습니다.")
    }
    pub fn more(more: usize) -> Tr {
        tr!("and {more} more", "외 {more}명")
    }
    /// Section headings: distribution, exercises, problems, could not grade.
    pub fn headings() -> [Tr; 4] {
        [
            tr!("Score distribution", "점수 분포"),
            tr!("Pass rate per exercise", "연습별 통과율"),
            tr!("Most common problems", "가장 흔한 문제"),
            tr!("Could not grade", "채점할 수 없었던 제출물"),
        ]
    }
    /// The headline numbers, in the order of [`super::Class::numbers`].
    pub fn numbers() -> [Tr; 5] {
        [
            tr!("submissions", "제출물"),
            tr!("graded", "채점함"),
            tr!("mean score", "평균 점수"),
            tr!("median score", "중앙값"),
            tr!("could not grade", "채점할 수 없음"),
        ]
    }
    /// The exercise table: the exercise, [`super::ExerciseCounts::cells`], the pass rate.
    pub fn exercise_columns() -> [Tr; 6] {
        [
            tr!("exercise", "연습"),
            tr!("passed", "통과"),
            tr!("failed", "실패"),
            tr!("not graded (needs --exec)", "채점 안 함 (--exec 필요)"),
            tr!("could not grade", "채점할 수 없음"),
            tr!("pass rate", "통과율"),
        ]
    }
    pub fn problem_columns() -> [Tr; 4] {
        [
            tr!("code", "코드"),
            tr!("students", "학생 수"),
            tr!("who", "누구"),
            tr!("example", "예"),
        ]
    }
    pub fn ungradable_columns() -> [Tr; 3] {
        [
            tr!("submission", "제출물"),
            tr!("code", "코드"),
            tr!("why", "이유"),
        ]
    }
}

/// The two layouts of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Html,
    Markdown,
}

impl Layout {
    /// By the file's extension: `.html`/`.htm` or `.md`/`.markdown`; `None` for another.
    pub fn for_path(path: &std::path::Path) -> Option<Layout> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(Layout::Html),
            "md" | "markdown" => Some(Layout::Markdown),
            _ => None,
        }
    }
}

/// The report of `class` in `layout` and `lang`.
pub fn render(class: &Class, layout: Layout, lang: crate::i18n::Lang) -> String {
    match layout {
        Layout::Html => html::render(class, lang),
        Layout::Markdown => md::render(class, lang),
    }
}

/// `12.5` as `12.5`, `40.0` as `40`: percentages people read.
pub fn pct(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

#[cfg(test)]
pub(crate) mod tests;
