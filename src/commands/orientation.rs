//! `course` with no command: the home screen on a terminal (`commands::home`); piped, in
//! accessible mode or outside a workspace, progress and the next step as text.

use anyhow::Result;

use crate::app::start::Start;
use crate::app::App;
use crate::checks::Status;
use crate::exit::Code;
use crate::grading::{next_step, Step};
use crate::i18n::Tr;
use crate::terminal::Style;
use crate::tr;

pub fn run(app: &mut App) -> Result<Code> {
    if super::home::wanted(app) {
        return super::home::run(app);
    }
    let term = &app.term;
    if app.workspace.is_none() {
        let (start, lang) = (how_to_start(app), app.lang);
        let mut out = term.paint(Style::Heading, app.course.title.get(lang));
        out.push_str("\n\n");
        out.push_str(start.get(lang));
        out.push_str(tr!("\nMore: course --help", "\n더 보기: course --help").get(lang));
        out.push('\n');
        term.say(&out)?;
        return Ok(Code::Ok);
    }
    let lang = app.lang;
    let mut out = term.paint(Style::Heading, app.course.title.get(lang));
    out.push('\n');
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

/// How to start, said outside a workspace by `course` alone and by `course next` (one text,
/// so the two never disagree): the README's three lines, in a folder of the learner's own
/// (outside the clone of `course`, whose repository the workspace would otherwise sit in),
/// or the way back to it when it is a workspace already; reading without a workspace; and,
/// once, the switch to the other language. Said in the run's language, which outside a
/// workspace is the one saved in the workspace it leads back to ([`App::load`]).
pub fn how_to_start(app: &App) -> Tr {
    let lessons = app.course.lessons.len();
    let start = app.start();
    let lead = match start {
        Start::New => tr!(
            "Not in a course workspace yet. To start, make a folder of your own for the project and make it your workspace:",
            "아직 코스 작업 폴더가 아닙니다. 시작하려면 프로젝트 폴더를 새로 만들어 작업 폴더로 삼으십시오:"
        ),
        Start::Back => tr!(
            "Not in a course workspace here. Your workspace is ~/my-vla-project: go back to it and carry on where you left off:",
            "여기는 코스 작업 폴더가 아닙니다. 작업 폴더는 ~/my-vla-project입니다. 그곳으로 돌아가 하던 곳부터 이어 가십시오:"
        ),
        Start::Below(ref dir) => tr!(
            "Not in a course workspace here. {dir}, below this folder, is one: go back to it and carry on where you left off:",
            "여기는 코스 작업 폴더가 아닙니다. 이 폴더 아래의 {dir}이(가) 작업 폴더입니다. 그곳으로 돌아가 하던 곳부터 이어 가십시오:"
        ),
    };
    let commands = app.start_commands();
    // The other language's start is as complete as this one (it was only `course init --lang
    // en && course next`, which made whatever folder the learner was in the workspace).
    let (ko, en) = (start.commands_in(Some("ko")), start.commands_in(Some("en")));
    tr!(
        "{lead}\n\n{commands}\n\nOr just read, without saving progress: course lesson 1 (lessons 1 to {lessons}).\n한국어로 보려면:\n{ko}",
        "{lead}\n\n{commands}\n\n진행 상황 없이 읽기만 하려면: course lesson 1 (레슨 1부터 {lessons}까지)\nIn English:\n{en}";
        lead = lead
    )
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
