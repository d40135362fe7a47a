//! `course init [DIR]`: make a folder a course workspace. Creates only `.course/`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::cli::{GlobalArgs, InitArgs};
use crate::exit::{usage_tr, Code};
use crate::fs::write_atomic;
use crate::git::OpenError;
use crate::i18n::{Lang, Tr};
use crate::tr;
use crate::workspace::{Workspace, STATE_DIR};

pub fn run(global: &GlobalArgs, args: &InitArgs) -> Result<Code> {
    // `course init DIR` and `course init --workspace DIR` say the same thing; two different
    // folders are a mistake, not a choice to make silently.
    let dir = match (&args.dir, &global.workspace) {
        (Some(a), Some(b)) if a != b => {
            let (a, b) = (a.display(), b.display());
            return Err(usage_tr(tr!(
                "two folders given: {a} and --workspace {b}; give one",
                "폴더를 두 개 주었습니다: {a}, --workspace {b}. 하나만 주십시오"
            )));
        }
        (Some(dir), _) | (None, Some(dir)) => dir.clone(),
        (None, None) => crate::fs::current_dir()?,
    };
    let d = dir.display().to_string();
    if dir.exists() && !dir.is_dir() {
        return Err(usage_tr(tr!(
            "{d}: not a folder; give a folder to make a workspace (a name that does not exist yet makes a new folder)",
            "{d}: 폴더가 아닙니다. 작업 폴더로 만들 폴더를 주십시오 (아직 없는 이름을 주면 새 폴더를 만듭니다)"
        )));
    }
    // Said, as init's other usage errors, in the language of the run so far (`--lang`,
    // COURSE_LANG, the locale), before any state is read.
    refuse_home_or_root(&dir, crate::exit::run_lang())?;
    std::fs::create_dir_all(&dir).with_context(|| cannot_create(&d))?;
    let ws = Workspace {
        root: dir.canonicalize().unwrap_or(dir),
    };
    let existed = ws.is_initialised();
    // Looked for before `.course/` is made here, which would then be found above itself.
    let others = (!existed).then(|| other_workspaces(&ws.root));
    let state_dir = ws.own_state_dir()?;
    std::fs::create_dir_all(&state_dir)
        .with_context(|| cannot_create(&state_dir.display().to_string()))?;
    // Keep the learner's own git repository clean of course state.
    let ignore = state_dir.join(".gitignore");
    if !ignore.exists() {
        write_atomic(
            &ignore,
            b"# Written by `course`: its state is personal, not part of the project.\n*\n",
        )?;
    }
    let mut state = ws.load_state()?;
    // The language the workspace spoke before this run, to say so when `--lang` changes it.
    let was = crate::app::chosen_lang(None, state.lang, Lang::Ko);
    if let Some(lang) = global.lang {
        state.lang = Some(lang);
    }
    ws.save_state(&state)?;
    let lang = crate::app::chosen_lang(global.lang, state.lang, Lang::Ko);
    let where_ = ws.root.display().to_string();
    // One message: what was made, and the command to start with, in a sentence. Not a bare
    // "Next: course next": the README's start is `course init && course next`, so that line
    // would come right before `course next`'s own page and tell the learner what they had
    // just typed; and not what `course next` does: lesson 1, right after, says it (issue 9).
    let msg = if existed {
        tr!(
            "{where_} is already a course workspace; progress kept. `course next` goes on where you left off.",
            "이미 코스 작업 폴더입니다: {where_} (진행 상황은 그대로입니다). `course next`는 하던 곳부터 이어 갑니다."
        )
    } else {
        tr!(
            "Made {where_} a course workspace ({STATE_DIR}/ holds your progress). Start with `course next`.",
            "코스 작업 폴더를 만들었습니다: {where_} (진행 상황은 {STATE_DIR}/에 저장합니다). `course next`로 시작하십시오."
        )
    };
    let term = global.term();
    term.say(&(msg.get(lang).to_string() + "\n"))?;
    say_language(&term, existed, global.lang, state.lang, was)?;
    // The start types `course next` right after `course init` in the same folder; only a
    // workspace made elsewhere needs the way there.
    if let Some(next) = next_command(args.dir.as_ref().or(global.workspace.as_ref()), &ws.root) {
        term.say(&(tr!("Next: {next}", "다음: {next}").get(lang).to_string() + "\n"))?;
    }
    if let Some(note) = inside_other_repo_note(&ws.root, lang) {
        term.note(note.get(lang));
    }
    for note in others.into_iter().flatten() {
        term.note(note.get(lang));
    }
    Ok(Code::Ok)
}

/// The context of a folder that could not be made (permissions, a file in the way).
fn cannot_create(d: &str) -> crate::exit::Said {
    crate::exit::said(tr!("cannot create {d}", "{d}을(를) 만들 수 없습니다"))
}

/// Refuse to make the home folder or the root of the file system a workspace: `course`
/// finds a workspace from the current folder upwards, so every folder below would belong to
/// it (a learner who followed the start from `~` with a `mkdir` that failed, the folder
/// existing, ended up with `~` as a workspace and lesson 1 again). The message gives the start
/// that works from there, or the way back to `~/my-vla-project` when it is a workspace.
fn refuse_home_or_root(dir: &Path, lang: Lang) -> Result<()> {
    let canon = |p: &Path| p.canonicalize().ok();
    let Some(here) = canon(dir) else {
        return Ok(()); // a folder still to be made is neither
    };
    let is_home = crate::workspace::home().and_then(|h| canon(&h)) == Some(here.clone());
    if !is_home && here.parent().is_some() {
        return Ok(());
    }
    let d = here.display().to_string();
    let start = crate::app::start::commands_here(lang, Lang::Ko);
    let why = if is_home {
        tr!(
            "{d} is your home folder; as a workspace, every folder in it would be part of it. Use a folder of your own for the project:\n{start}",
            "{d}은(는) 홈 폴더입니다. 작업 폴더로 삼으면 그 안의 모든 폴더가 작업 폴더에 속하게 됩니다. 프로젝트 폴더를 따로 쓰십시오:\n{start}"
        )
    } else {
        tr!(
            "{d} is the root of the file system; as a workspace, every folder would be part of it. Use a folder of your own for the project:\n{start}",
            "{d}은(는) 파일 시스템의 맨 위 폴더입니다. 작업 폴더로 삼으면 모든 폴더가 작업 폴더에 속하게 됩니다. 프로젝트 폴더를 따로 쓰십시오:\n{start}"
        )
    };
    let mut text = why.get(lang).to_string();
    // Made by an earlier `course init` here: it keeps catching every folder below.
    if here.join(STATE_DIR).is_dir() {
        let undo = tr!(
            "{d} is a workspace already ({STATE_DIR}/ is there, likely from an earlier `course init` here); if you did not mean it, remove it: rm -r {STATE_DIR}",
            "{d}은(는) 이미 작업 폴더입니다 (전에 여기서 `course init`을 실행해 {STATE_DIR}/이(가) 있습니다). 의도한 것이 아니라면 지우십시오: rm -r {STATE_DIR}"
        );
        text.push('\n');
        text.push_str(undo.get(lang));
    }
    Err(crate::exit::usage(text))
}

/// Notes for a new workspace next to one the learner has already: a workspace above this
/// folder (commands here now use the new one, with its own progress) or in a folder right
/// below it (the learner's progress is most likely there). Each with the way to go on there.
fn other_workspaces(root: &Path) -> Vec<Tr> {
    let mut notes = Vec::new();
    if let Some(above) = root
        .ancestors()
        .skip(1)
        .find(|d| d.join(STATE_DIR).is_dir())
    {
        let a = above.display().to_string();
        let go = format!("cd {} && course next", crate::escape::shell_word(&a));
        notes.push(tr!(
            "Note: {a}, a folder above this one, is a course workspace too, with its own progress; commands run in here now use this new one. To carry on there instead:\n  {go}",
            "참고: 이 폴더 위의 {a}도 진행 상황이 따로 있는 코스 작업 폴더입니다. 이제 이 안에서 실행하는 명령은 새 작업 폴더를 씁니다. 그곳에서 이어 가려면:\n  {go}"
        ));
    }
    for below in crate::workspace::workspaces_below(root, 3) {
        let b = below.display().to_string();
        let name = below
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let go = format!("cd {} && course next", crate::escape::shell_word(&name));
        notes.push(tr!(
            "Note: {b}, a folder in this one, is a course workspace already, with its own progress. To carry on there:\n  {go}",
            "참고: 이 폴더 안의 {b}은(는) 이미 진행 상황이 있는 코스 작업 폴더입니다. 그곳에서 이어 가려면:\n  {go}"
        ));
    }
    notes
}

/// The command that goes on from where the learner is when the new workspace is not the
/// current folder (`course init --workspace DIR` run from elsewhere, where `course next`
/// would say "not a workspace"): `cd DIR && course next`, DIR as the learner typed it.
fn next_command(given: Option<&PathBuf>, root: &Path) -> Option<String> {
    let here = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    let dir = given.filter(|_| here.as_deref() != Some(root))?;
    let dir = crate::escape::shell_word(&dir.display().to_string());
    Some(format!("cd {dir} && course next"))
}

/// When the new workspace is a folder inside another git repository (the clone of `course`
/// itself, a home folder kept in git), the git exercise would not judge that repository's
/// history: say so now, before the learner commits into it, and what to do.
fn inside_other_repo_note(root: &Path, lang: Lang) -> Option<Tr> {
    let Err(OpenError::InsideOtherRepo { top }) =
        crate::git::open_workspace_repo(&crate::fs::Root::new(root), false)
    else {
        return None;
    };
    let start = crate::app::start::commands_here(lang, Lang::Ko);
    Some(tr!(
        "Note: this folder is inside the git repository at {top}. The git exercise needs the workspace to be a repository of its own: when you get to it, run `git init` here, and your commits stay in this folder. If {top} is not your project (the clone of course, say), start in a folder outside it instead:\n{start}",
        "참고: 이 폴더는 {top}에 있는 git 저장소 안에 있습니다. git 연습 문제는 작업 폴더가 자체 저장소여야 하므로, 그 연습 문제에 이르면 여기서 `git init`을 실행하십시오. 그래야 커밋이 이 폴더에 남습니다. {top}이(가) 내 프로젝트가 아니라면(예: course를 복제한 폴더) 그 밖의 폴더에서 시작하십시오:\n{start}"
    ))
}

/// What `course init` says about the language: the way to the other one when nobody chose
/// this one, or that `--lang` switched an existing workspace.
fn say_language(
    term: &crate::terminal::Term,
    existed: bool,
    flag: Option<Lang>,
    saved: Option<Lang>,
    was: Lang,
) -> std::io::Result<()> {
    let lang = crate::app::chosen_lang(flag, saved, Lang::Ko);
    // A new workspace in the course's default language because nobody chose one: a reader
    // of the other language gets the way to theirs, in theirs (issue 9, fifth audit: an
    // English reader following the README got Korean with no way out shown).
    let why = crate::app::chosen_lang_why(flag, saved, Lang::Ko).1;
    if !existed && why == crate::app::LangWhy::CourseDefault {
        let other = match lang {
            Lang::Ko => "In English: `course init --lang en`",
            Lang::En => "한국어로 보려면: `course init --lang ko`",
        };
        term.say(&format!("{other}\n"))?;
    }
    // `course init --lang en` in a Korean workspace switches every later page and message:
    // said, so that the change is not a surprise (issue 9).
    if existed && flag.is_some() && was != lang {
        let switched = match lang {
            Lang::En => tr!(
                "Lessons and messages here are in English from now on (they were in Korean).",
                "이제부터 이 작업 폴더의 레슨과 메시지는 영어입니다 (전에는 한국어)."
            ),
            Lang::Ko => tr!(
                "Lessons and messages here are in Korean from now on (they were in English).",
                "이제부터 이 작업 폴더의 레슨과 메시지는 한국어입니다 (전에는 영어)."
            ),
        };
        term.say(&(switched.get(lang).to_string() + "\n"))?;
    }
    Ok(())
}
