//! `course` with no command: the home screen on a terminal (`commands::home`); piped, in
//! accessible mode or outside a workspace, progress and the next step as text.

use std::path::PathBuf;

use anyhow::Result;

use crate::app::App;
use crate::checks::Status;
use crate::exit::Code;
use crate::grading::{next_step, Step};
use crate::i18n::{Lang, Tr};
use crate::terminal::Style;
use crate::tr;
use crate::workspace::Workspace;

pub fn run(app: &mut App) -> Result<Code> {
    if super::home::wanted(app) {
        return super::home::run(app);
    }
    let term = &app.term;
    if app.workspace.is_none() {
        let (start, lang) = how_to_start(app.course.lessons.len(), app.global.lang, app.lang);
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
/// once, the switch to the other language.
///
/// Also the language to say it in: `--lang` or `COURSE_LANG`, else the choice saved in the
/// workspace it leads back to (a learner who ran `course init --lang en` and opens a new
/// terminal in `~` reads English first), else `lang`. A progress file that cannot be read
/// counts as no choice (it is read bounded, and this screen never fails for it).
pub fn how_to_start(lessons: usize, flag: Option<Lang>, lang: Lang) -> (Tr, Lang) {
    let (start, found) = Start::found();
    let saved = found.and_then(|root| Workspace { root }.load_state().ok()?.lang);
    let lang = crate::app::asked_lang(flag).or(saved).unwrap_or(lang);
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
    let commands = start.commands();
    // The other language's start is as complete as this one (it was only `course init --lang
    // en && course next`, which made whatever folder the learner was in the workspace).
    let (ko, en) = (start.commands_in(Some("ko")), start.commands_in(Some("en")));
    let text = tr!(
        "{lead}\n\n{commands}\n\nOr just read, without saving progress: course lesson 1 (lessons 1 to {lessons}).\n한국어로 보려면:\n{ko}",
        "{lead}\n\n{commands}\n\n진행 상황 없이 읽기만 하려면: course lesson 1 (레슨 1부터 {lessons}까지)\nIn English:\n{en}";
        lead = lead
    );
    (text, lang)
}

/// Where a learner outside a workspace gets one: the README's start, or back to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// No workspace in the README's folder yet: make it (whether or not the folder exists).
    New,
    /// `~/my-vla-project/.course` exists: the learner started there (a new terminal on
    /// another day opens in `~`), so the way is back to it, not a second start.
    Back,
    /// A workspace at most two folders below the current one (`~/work/vla` seen from `~`
    /// or `~/work`), as the learner types it after `cd`: the way is back to it too.
    Below(String),
}

impl Start {
    /// Which, on this machine now.
    pub fn here() -> Start {
        Start::found().0
    }

    /// Which, with the workspace it leads back to (none for [`Start::New`]).
    fn found() -> (Start, Option<PathBuf>) {
        if let Some(dir) = crate::workspace::readme_workspace() {
            return (Start::Back, Some(dir));
        }
        let Ok(cwd) = std::env::current_dir() else {
            return (Start::New, None);
        };
        match crate::workspace::workspaces_within(&cwd, 2, 1)
            .into_iter()
            .next()
        {
            Some(found) => (Start::Below(cd_argument(&found, &cwd)), Some(found)),
            None => (Start::New, None),
        }
    }

    /// The commands, two lines indented by two, each copyable as it stands and right
    /// whether the folder exists or not: `mkdir -p` (a plain `mkdir` fails on a folder that
    /// exists, and `&&` then skips the `cd`, so `course init` made the current folder, often
    /// `~`, a workspace), and `course init` in a workspace keeps its progress.
    pub fn commands(&self) -> String {
        self.commands_in(None)
    }

    /// [`Start::commands`] that also choose the course's language (`en`, `ko`): `course init
    /// --lang` saves the choice, and in a workspace that exists keeps its progress.
    pub fn commands_in(&self, lang: Option<&str>) -> String {
        let dir = format!("~/{}", crate::workspace::README_FOLDER);
        match (self, lang) {
            (Start::New, None) => {
                format!("  mkdir -p {dir} && cd {dir}\n  course init && course next")
            }
            (Start::New, Some(l)) => {
                format!("  mkdir -p {dir} && cd {dir}\n  course init --lang {l} && course next")
            }
            (Start::Back, None) => format!("  cd {dir}\n  course next"),
            (Start::Back, Some(l)) => {
                format!("  cd {dir}\n  course init --lang {l} && course next")
            }
            (Start::Below(found), None) => format!("  cd {found}\n  course next"),
            (Start::Below(found), Some(l)) => {
                format!("  cd {found}\n  course init --lang {l} && course next")
            }
        }
    }

    /// A line leading to [`Start::commands`] when a page already said what it is about
    /// (the end of a lesson read without a workspace).
    pub fn lead(&self) -> Tr {
        match self {
            Start::New => tr!(
                "To save progress and do the exercises, make your workspace:",
                "진행 상황을 저장하고 연습 문제를 하려면 작업 폴더를 만드십시오:"
            ),
            Start::Back | Start::Below(_) => tr!(
                "To save progress and do the exercises, go back to your workspace:",
                "진행 상황을 저장하고 연습 문제를 하려면 작업 폴더로 돌아가십시오:"
            ),
        }
    }

    /// [`Start::lead`] and the commands, as one text.
    pub fn text(&self) -> Tr {
        let (lead, commands) = (self.lead(), self.commands());
        tr!("{lead}\n{commands}", "{lead}\n{commands}"; lead = lead)
    }
}

/// `found` as typed after `cd`, from `cwd`: `~/work/vla` under the home folder when that
/// needs no quoting (the tilde must stay unquoted to work), else the path from `cwd`, quoted
/// for the shell.
fn cd_argument(found: &std::path::Path, cwd: &std::path::Path) -> String {
    let home = crate::workspace::home();
    let under_home = home.as_deref().and_then(|h| found.strip_prefix(h).ok());
    if let Some(rest) = under_home.map(|r| r.display().to_string()) {
        if crate::escape::shell_word(&rest) == rest {
            return format!("~/{rest}");
        }
    }
    let shown = found.strip_prefix(cwd).unwrap_or(found);
    crate::escape::shell_word(&shown.display().to_string())
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
