//! What every command receives: the course, the workspace and its state, the language and
//! the terminal. Built once per run.

use anyhow::Result;

use crate::checks::CheckContext;
use crate::cli::GlobalArgs;
use crate::course::Course;
use crate::grading::{run_exercise, ExerciseResult};
use crate::i18n::Lang;
use crate::terminal::Term;
use crate::workspace::{State, Workspace};

pub mod start;
use start::Start;

pub struct App {
    pub global: GlobalArgs,
    pub course: Course,
    pub lang: Lang,
    pub term: Term,
    /// `None` outside a workspace (no `.course/` above the current folder, no `--workspace`).
    pub workspace: Option<Workspace>,
    pub state: State,
    /// Outside a workspace, the way to one and the language saved in the workspace it leads
    /// back to (found on first use: it looks at the folders nearby); see [`App::start`].
    start: std::cell::OnceCell<(Start, Option<Lang>)>,
}

impl App {
    /// `reads`: what the command reads of the learner's progress (see [`Reads`]).
    pub fn load(global: GlobalArgs, reads: Reads) -> Result<App> {
        let course = match &global.course {
            Some(dir) => Course::from_dir(dir)?,
            None => Course::embedded()?,
        };
        let workspace = Workspace::locate(global.workspace.as_deref())?;
        let state = match &workspace {
            Some(ws) if reads == Reads::Progress => ws.load_state()?,
            _ => State::default(),
        };
        let start = std::cell::OnceCell::new();
        // Outside a workspace a learner's command speaks the language saved in the workspace
        // its start leads back to (a learner who ran `course init --lang en` and opened a new
        // terminal in `~`), as its start does: one rule for the whole run (issue 9).
        let saved = match &workspace {
            None if reads != Reads::Nothing => start.get_or_init(nearby).1,
            _ => state.lang,
        };
        let lang = chosen_lang(global.lang, saved, course.default_lang);
        crate::exit::set_lang(lang);
        let term = global.term();
        Ok(App {
            global,
            course,
            lang,
            term,
            workspace,
            state,
            start,
        })
    }

    /// The workspace, or an error that tells the learner how to get one: the start that
    /// leads back to the workspace nearby, or makes one (not `course init` here, which in `~`
    /// made the home folder a workspace).
    pub fn require_workspace(&self) -> Result<&Workspace> {
        self.workspace.as_ref().ok_or_else(|| {
            let start = self.start_text();
            crate::exit::usage(
                crate::tr!(
                    "this folder is not a course workspace (no .course/ here or above).\n{start}\n(Or name a workspace with --workspace DIR.)",
                    "이 폴더는 코스 작업 폴더가 아닙니다 (.course/ 없음).\n{start}\n(또는 --workspace DIR로 작업 폴더를 지정하십시오.)";
                    start = start
                )
                .get(self.lang)
                .to_string(),
            )
        })
    }

    /// Outside a workspace, the language saved in the workspace [`App::start`] leads back to
    /// (`course doctor`, which builds its `App` reading nothing, states it as its reason).
    pub fn nearby_lang(&self) -> Option<Lang> {
        self.start.get_or_init(nearby).1
    }

    /// Outside a workspace, the way to one ([`Start`]), looked for once per run.
    pub fn start(&self) -> &Start {
        &self.start.get_or_init(nearby).0
    }

    /// The commands of [`App::start`] for the run's language (with `--lang` when the plain
    /// ones would lead to another: see [`Start::commands_for`]).
    pub fn start_commands(&self) -> String {
        let (start, saved) = self.start.get_or_init(nearby);
        start.commands_for(self.lang, saved.unwrap_or(self.course.default_lang))
    }

    /// [`App::start`] as a line that leads to its commands, and the commands.
    pub fn start_text(&self) -> crate::i18n::Tr {
        let (start, saved) = self.start.get_or_init(nearby);
        start.text_for(self.lang, saved.unwrap_or(self.course.default_lang))
    }

    /// Is progress kept? Only in an initialised workspace: `--workspace DIR` may name any
    /// folder (an instructor checking a checkout), where nothing is saved.
    pub fn keeps_progress(&self) -> bool {
        self.workspace
            .as_ref()
            .is_some_and(Workspace::is_initialised)
    }

    /// Save the state if there is an initialised workspace.
    pub fn save_state(&self) -> Result<()> {
        match &self.workspace {
            Some(ws) => ws.save_state(&self.state),
            None => Ok(()),
        }
    }

    /// Remember that the learner worked on these exercises (see [`State::tried`]); saved only
    /// when something changed, and only in an initialised workspace.
    pub fn mark_tried<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) -> Result<()> {
        let mut changed = false;
        for id in ids {
            if self.course.exercise(id).is_some() {
                changed |= self.state.tried.insert(id.to_string());
            }
        }
        if changed {
            self.save_state()?;
        }
        Ok(())
    }

    /// How workspace programs run: the course's sandbox limits, changed by
    /// `--sandbox-limit`, and `--no-sandbox` / `--require-sandbox`.
    pub fn sandbox(&self) -> Result<crate::sandbox::Settings> {
        let mut limits = self.course.sandbox.clone();
        for assignment in &self.global.sandbox_limit {
            limits.set(assignment).map_err(|e| {
                crate::exit::usage(format!("--sandbox-limit: {}", e.get(self.lang)))
            })?;
        }
        Ok(crate::sandbox::Settings {
            off: self.global.no_sandbox,
            require: self.global.require_sandbox,
            limits,
        })
    }

    /// A localised message.
    pub fn t<'a>(&self, tr: &'a crate::i18n::Tr) -> &'a str {
        tr.get(self.lang)
    }

    /// Run the checks of the given exercises in the workspace (executing workspace code is
    /// allowed: this is the learner's own folder).
    pub fn check_exercises(&self, ids: &[String]) -> Result<Vec<ExerciseResult>> {
        self.check_with(ids, Run::Spinner)
    }

    /// [`App::check_exercises`] without the spinner on stderr: for a full-screen view that
    /// says itself that a check runs (a spinner would draw over it).
    pub fn check_quietly(&self, ids: &[String]) -> Result<Vec<ExerciseResult>> {
        self.check_with(ids, Run::Quiet)
    }

    /// What is known of the given exercises without starting the interpreter: the checks
    /// that read files run, a Python check answers only from a pass an earlier check cached
    /// (see [`CheckContext::remembered_only`]). For a lesson page, which must show at once.
    pub fn check_remembered(&self, ids: &[String]) -> Result<Vec<ExerciseResult>> {
        self.check_with(ids, Run::Remembered)
    }

    fn check_with(&self, ids: &[String], how: Run) -> Result<Vec<ExerciseResult>> {
        let ws = self.require_workspace()?;
        let mut ctx = CheckContext::new(&ws.root, true, ws.cache_dir()?)
            .with_sandbox(self.sandbox()?)
            .with_env_exercise(self.course.env_exercise());
        match how {
            Run::Spinner => {
                if let Some(spinner) = crate::terminal::Spinner::on_stderr(&self.term, self.lang) {
                    ctx = ctx.with_progress(spinner);
                }
            }
            Run::Quiet => {}
            Run::Remembered => ctx = ctx.remembered_only(),
        }
        let chosen: Vec<_> = self
            .course
            .exercises
            .iter()
            .filter(|e| ids.is_empty() || ids.contains(&e.id))
            .collect();
        // Every Python check of the chosen exercises in one interpreter launch.
        ctx.plan(chosen.iter().flat_map(|e| &e.checks));
        Ok(chosen.into_iter().map(|e| run_exercise(e, &ctx)).collect())
    }
}

/// The start from the current folder and the language saved where it leads.
fn nearby() -> (Start, Option<Lang>) {
    let (found, root) = Start::found();
    (found, root.as_deref().and_then(start::saved_lang))
}

/// What a command reads of the learner's progress when the [`App`] is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reads {
    /// The workspace's progress file (and its language); outside a workspace, the language
    /// saved in the workspace nearby (see [`start`]).
    Progress,
    /// Only the language saved nearby, outside a workspace: the command reads the progress
    /// itself (`reset`, whose `--all` is the way out of a damaged file).
    Itself,
    /// Nothing: the command looks at someone else's folder (`grade`: a submission's
    /// `.course/` must not change the report's language or break the run) or reports on the
    /// progress file itself (`doctor`: a damaged one is a problem to show).
    Nothing,
}

/// How [`App::check_with`] runs the checks.
#[derive(Clone, Copy)]
enum Run {
    /// As `course check` does, with a spinner on stderr while Python runs.
    Spinner,
    /// The same without the spinner.
    Quiet,
    /// Starting no interpreter.
    Remembered,
}

/// `--lang`, else `COURSE_LANG`, else the saved choice, else the course default.
pub fn resolve_lang(flag: Option<Lang>, state: &State, course: &Course) -> Lang {
    chosen_lang(flag, state.lang, course.default_lang)
}

/// The language rule for every command, including those that load no course or state:
/// `--lang`, else `COURSE_LANG`, else the saved choice, else `default`.
pub fn chosen_lang(flag: Option<Lang>, saved: Option<Lang>, default: Lang) -> Lang {
    chosen_lang_why(flag, saved, default).0
}

/// Which rule of [`chosen_lang`] decided the language (for `course doctor`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LangWhy {
    /// `--lang`.
    Flag,
    /// `COURSE_LANG`.
    Variable,
    /// The choice saved in the workspace (`course init --lang`).
    Saved,
    /// Outside a workspace, the choice saved in the workspace its start leads back to.
    SavedNearby,
    /// The course's `default_lang`.
    CourseDefault,
}

impl LangWhy {
    /// A stable name for machines.
    pub fn code(self) -> &'static str {
        match self {
            LangWhy::Flag => "flag",
            LangWhy::Variable => "course-lang",
            LangWhy::Saved => "saved",
            LangWhy::SavedNearby => "saved-nearby",
            LangWhy::CourseDefault => "course-default",
        }
    }

    pub fn reason(self) -> crate::i18n::Tr {
        match self {
            LangWhy::Flag => crate::tr!("--lang", "--lang"),
            LangWhy::Variable => crate::tr!("COURSE_LANG is set", "COURSE_LANG이 설정됨"),
            LangWhy::Saved => crate::tr!(
                "your saved choice (course init --lang)",
                "저장된 선택 (course init --lang)"
            ),
            LangWhy::SavedNearby => crate::tr!(
                "the choice saved in the workspace you go back to (course init --lang), as every command here",
                "돌아갈 작업 폴더에 저장된 선택 (course init --lang). 여기서는 모든 명령이 이 언어를 씁니다"
            ),
            LangWhy::CourseDefault => crate::tr!(
                "the course's default (no --lang, COURSE_LANG or saved choice)",
                "코스 기본값 (--lang, COURSE_LANG, 저장된 선택 모두 없음)"
            ),
        }
    }
}

/// [`chosen_lang`] with the rule that decided it.
pub fn chosen_lang_why(flag: Option<Lang>, saved: Option<Lang>, default: Lang) -> (Lang, LangWhy) {
    let variable = || {
        std::env::var("COURSE_LANG")
            .ok()
            .and_then(|v| Lang::parse(&v))
    };
    match (flag, variable(), saved) {
        (Some(lang), _, _) => (lang, LangWhy::Flag),
        (None, Some(lang), _) => (lang, LangWhy::Variable),
        (None, None, Some(lang)) => (lang, LangWhy::Saved),
        (None, None, None) => (default, LangWhy::CourseDefault),
    }
}

/// [`chosen_lang`] for a command that builds no [`App`] (`ci init`): the saved choice of the
/// workspace at `root` and the default of the course (`--course` or the built-in one), each
/// left out when it cannot be read (such a command must work with a broken course).
pub fn lang_outside_app(global: &GlobalArgs, root: &std::path::Path) -> Lang {
    let saved = Workspace::locate(Some(root))
        .ok()
        .flatten()
        .and_then(|ws| ws.load_state().ok())
        .and_then(|state| state.lang);
    let course = match &global.course {
        Some(dir) => Course::from_dir(dir).ok(),
        None => Course::embedded().ok(),
    };
    chosen_lang(
        global.lang,
        saved,
        course.map_or(Lang::En, |c| c.default_lang),
    )
}

/// The language asked for explicitly, by `--lang` or `COURSE_LANG`, if any.
pub fn asked_lang(flag: Option<Lang>) -> Option<Lang> {
    match chosen_lang_why(flag, None, Lang::En) {
        (lang, LangWhy::Flag | LangWhy::Variable) => Some(lang),
        _ => None,
    }
}
