//! `course` with no command: the home screen on a terminal (`commands::home`); piped, in
//! accessible mode or outside a workspace, progress and the next step as text.

use anyhow::Result;

use crate::app::App;
use crate::checks::Status;
use crate::exit::Code;
use crate::grading::{next_step, Step};
use crate::terminal::Style;
use crate::tr;

pub fn run(app: &mut App) -> Result<Code> {
    if super::home::wanted(app) {
        return super::home::run(app);
    }
    let lang = app.lang;
    let term = &app.term;
    let mut out = term.paint(Style::Heading, app.course.title.get(lang));
    out.push('\n');
    if app.workspace.is_none() {
        out.push_str(tr!(
            "\nNot in a course workspace yet. To start:\n  course init     make this folder your workspace\n  course next     what to study or fix now\n\nMore: course --help",
            "\n아직 코스 작업 폴더가 아닙니다. 시작하려면:\n  course init     이 폴더를 작업 폴더로 만들기\n  course next     지금 공부하거나 고칠 것\n\n더 보기: course --help"
        ).get(lang));
        out.push('\n');
        term.say(&out)?;
        return Ok(Code::Ok);
    }
    let results = app.check_exercises(&[])?;
    let Progress {
        read,
        lessons,
        passed,
        exercises,
    } = progress(app, &results);
    out.push_str(
        tr!(
            "Lessons read: {read}/{lessons}   Exercises passed: {passed}/{exercises}\n",
            "읽은 레슨: {read}/{lessons}   통과한 연습 문제: {passed}/{exercises}\n"
        )
        .get(lang),
    );
    let step = match next_step(&app.course, &app.state, &results) {
        Step::Done => tr!(
            "Everything done. See it all: course list",
            "모두 끝났습니다. 전체 보기: course list"
        ),
        step @ Step::Exercise(_) => {
            let watch = tr!(
                "Then course watch re-checks each time you save.",
                "그다음 course watch를 켜 두면 저장할 때마다 다시 확인합니다."
            );
            super::next::pointer(app, step).map(|lang, text| format!("{text}\n{}", watch.get(lang)))
        }
        step => super::next::pointer(app, step),
    };
    out.push_str(&term.paint(Style::Bold, step.get(lang)));
    out.push('\n');
    term.say(&out)?;
    Ok(Code::Ok)
}

/// Lessons read and exercises passed, of how many (here and on the home screen).
pub struct Progress {
    pub read: usize,
    pub lessons: usize,
    pub passed: usize,
    pub exercises: usize,
}

pub fn progress(app: &App, results: &[crate::grading::ExerciseResult]) -> Progress {
    Progress {
        read: app
            .course
            .lessons
            .iter()
            .filter(|l| app.state.lessons_read.contains(&l.id))
            .count(),
        lessons: app.course.lessons.len(),
        passed: results.iter().filter(|r| r.status == Status::Pass).count(),
        exercises: app.course.exercises.len(),
    }
}
