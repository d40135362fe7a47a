//! `course init [DIR]`: make a folder a course workspace. Creates only `.course/`.

use anyhow::{Context, Result};

use crate::cli::{GlobalArgs, InitArgs};
use crate::exit::{usage, Code};
use crate::fs::write_atomic;
use crate::i18n::Lang;
use crate::tr;
use crate::workspace::{Workspace, STATE_DIR};

pub fn run(global: &GlobalArgs, args: &InitArgs) -> Result<Code> {
    // `course init DIR` and `course init --workspace DIR` say the same thing; two different
    // folders are a mistake, not a choice to make silently.
    let dir = match (&args.dir, &global.workspace) {
        (Some(a), Some(b)) if a != b => {
            return Err(usage(format!(
                "two folders given: {} and --workspace {}; give one",
                a.display(),
                b.display()
            )))
        }
        (Some(dir), _) | (None, Some(dir)) => dir.clone(),
        (None, None) => std::env::current_dir().context("cannot read the current folder")?,
    };
    if dir.exists() && !dir.is_dir() {
        return Err(usage(format!(
            "{}: not a folder; give a folder to make a workspace",
            dir.display()
        )));
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let ws = Workspace {
        root: dir.canonicalize().unwrap_or(dir),
    };
    let existed = ws.is_initialised();
    let state_dir = ws.own_state_dir()?;
    std::fs::create_dir_all(&state_dir)
        .with_context(|| format!("cannot create {}", state_dir.display()))?;
    // Keep the learner's own git repository clean of course state.
    let ignore = state_dir.join(".gitignore");
    if !ignore.exists() {
        write_atomic(
            &ignore,
            b"# Written by `course`: its state is personal, not part of the project.\n*\n",
        )?;
    }
    let mut state = ws.load_state()?;
    if let Some(lang) = global.lang {
        state.lang = Some(lang);
    }
    ws.save_state(&state)?;
    let lang = crate::app::chosen_lang(global.lang, state.lang, Lang::Ko);
    let where_ = ws.root.display().to_string();
    // One message: what was made, and what `course next` does. Not a bare "Next: course next":
    // the README's start is `course init && course next`, so that line would come right
    // before `course next`'s own page and tell the learner what they had just typed.
    let msg = if existed {
        tr!(
            "{where_} is already a course workspace; progress kept. `course next` goes on where you left off.",
            "이미 코스 작업 폴더입니다: {where_} (진행 상황은 그대로입니다). `course next`는 하던 곳부터 이어 갑니다."
        )
    } else {
        tr!(
            "Made {where_} a course workspace ({STATE_DIR}/ holds your progress). `course next` shows one step at a time: a lesson, then the exercise that practises it.",
            "코스 작업 폴더를 만들었습니다: {where_} (진행 상황은 {STATE_DIR}/에 저장합니다). `course next`는 레슨과 그 레슨의 연습 문제를 차례로 하나씩 보여 줍니다."
        )
    };
    global.term().say(&(msg.get(lang).to_string() + "\n"))?;
    Ok(Code::Ok)
}
