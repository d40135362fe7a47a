//! `course edit [EXERCISE]`: open the file the first failing finding points at, at its line,
//! in the learner's editor (`$VISUAL`, else `$EDITOR`, else git's, else `editor`, `nano` or
//! `vi`; see `terminal::editor`). With no
//! failing finding that names a file, the exercise's main file (the first file its checks
//! read). Also used by `e` on the home screen.
//!
//! Exit codes: 0 the editor ran and exited cleanly; 2 no editor is set or found (the message
//! says how to set one and names the file to open), the exercise has no file to edit, the
//! editor draws in the terminal and stdin or stdout is not one (the message names the file
//! and line), or the editor could not start or ended with an error.

use std::path::Path;

use anyhow::Result;

use super::check::open_target;
use crate::app::App;
use crate::checks::{Check, Status};
use crate::cli::EditArgs;
use crate::exit::{usage, Code};
use crate::grading::ExerciseResult;
use crate::i18n::Tr;
use crate::terminal::editor;
use crate::tr;

pub fn run(app: &mut App, args: &EditArgs) -> Result<Code> {
    let root = app.require_workspace()?.root.clone();
    let Some(id) = open_target(app, args.exercise.as_ref())? else {
        app.term.say(
            &(tr!(
                "Every exercise passes; name one to edit: course edit EXERCISE",
                "모든 연습 문제를 통과했습니다. 편집할 연습 문제를 지정하십시오: course edit EXERCISE"
            )
            .get(app.lang)
            .to_string()
                + "\n"),
        )?;
        return Ok(Code::Ok);
    };
    app.mark_tried([id.as_str()])?;
    let results = app.check_exercises(std::slice::from_ref(&id))?;
    let (file, line) = place(app, &id, &results)?;
    open(app, &root, &file, line)?;
    Ok(Code::Ok)
}

/// Where to edit exercise `id`: the first failing finding with a file (and its line), else
/// the exercise's main file; `None` when it has none (its checks look at an environment or a
/// history). The one rule for whether `e` is offered: the home screen and `course watch`
/// offer it only where this finds a file (issue 9).
pub fn file_of(app: &App, id: &str, results: &[ExerciseResult]) -> Option<(String, Option<u32>)> {
    let failing = results
        .iter()
        .filter(|r| r.id == id)
        .flat_map(|r| &r.findings)
        .filter(|f| matches!(f.status, Status::Fail | Status::Error))
        .find_map(|f| f.file.clone().map(|file| (file, f.line)));
    if failing.is_some() {
        return failing;
    }
    let exercise = app.course.exercise(id)?;
    exercise
        .checks
        .iter()
        .find_map(main_file)
        .map(|f| (f, None))
}

/// [`file_of`], or for `course edit` an error saying where to learn what to do instead.
pub fn place(app: &App, id: &str, results: &[ExerciseResult]) -> Result<(String, Option<u32>)> {
    file_of(app, id, results).ok_or_else(|| {
        usage(
            no_file(
                id,
                tr!(
                    "; `course check {id}` says what to do",
                    ". 할 일은 `course check {id}`가 알려 줍니다"
                ),
            )
            .get(app.lang)
            .to_string(),
        )
    })
}

/// "`id` has no file to edit (...)", then `then`: what `e` or `course edit` says about an
/// exercise without a file, each ending it with where to learn what to do from there (the
/// watch and the home screen show it themselves; issue 9).
pub fn no_file(id: &str, then: Tr) -> Tr {
    let mut text = tr!(
        "`{id}` has no file to edit (its checks look at an environment or a history, not a file)",
        "`{id}`에는 편집할 파일이 없습니다 (환경이나 기록을 확인하는 연습 문제입니다)"
    );
    text.append("", &then);
    text
}

/// The file a check reads or asks for first, if it reads one.
fn main_file(check: &Check) -> Option<String> {
    match check {
        Check::Requirements(p) => Some(p.file.clone()),
        Check::Mentions(p) => Some(p.file.clone()),
        Check::Choices(p) => Some(p.file.clone()),
        Check::Paths(p) => p.files.first().cloned(),
        Check::Gitignore(_) => Some(".gitignore".into()),
        _ => None,
    }
}

/// Are both stdin and stdout terminals (a terminal editor needs both)?
fn both_terminals() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Open `file` (relative to `root`) at `line` in the learner's editor, or fail saying how to
/// set one.
pub fn open(app: &App, root: &Path, file: &str, line: Option<u32>) -> Result<()> {
    let place = match line {
        Some(l) => format!("{file}:{l}"),
        None => file.to_string(),
    };
    let Some((editor, source)) = editor::choose(root) else {
        let tried = editor::FALLBACKS.join(", ");
        return Err(usage(
            tr!(
                "no editor is set and none of {tried} was found, so `course` cannot open {place}. Set one, e.g. `export EDITOR=nano` (or vim, hx, \"code --wait\") in ~/.bashrc or ~/.zshrc, then run this again",
                "설정된 편집기가 없고 {tried} 중 찾은 것도 없어 {place}을(를) 열 수 없습니다. ~/.bashrc나 ~/.zshrc에 `export EDITOR=nano`처럼(vim, hx, \"code --wait\"도 됩니다) 설정한 뒤 다시 실행하십시오"
            )
            .get(app.lang)
            .to_string(),
        ));
    };
    let from = source.name();
    if editor::in_terminal(&editor) && !both_terminals() {
        // vim with its output in a pipe writes its screen there, and without a keyboard
        // it waits for keys that never come: say where to go instead.
        let spot = match line {
            Some(l) => tr!("line {l} of {file}", "{file}의 {l}번째 줄"),
            None => tr!("{file}", "{file}"),
        };
        return Err(usage(
            tr!(
                "`{editor}` (from {from}) works only in a terminal, and stdin or stdout is not one, so `course` did not open it. Open {spot} yourself, or run `course edit` in a terminal",
                "표준 입력이나 표준 출력이 터미널이 아니어서 터미널에서만 쓰는 편집기 `{editor}`({from})을(를) 열지 않았습니다. {spot}을(를) 직접 열거나, 터미널에서 `course edit`을(를) 실행하십시오";
                from = from, spot = spot
            )
            .get(app.lang)
            .to_string(),
        ));
    }
    let found = source == editor::Source::Found;
    if found {
        // Say which, and how to choose: a learner who never set one should not wonder why
        // this editor opened.
        app.term.note(
            tr!(
                "Opening {place} in {editor} (no $VISUAL or $EDITOR is set).",
                "{place}을(를) {editor}(으)로 엽니다 ($VISUAL과 $EDITOR가 설정되어 있지 않습니다)."
            )
            .get(app.lang),
        );
        if editor::is_vi(&editor) {
            // vi takes the whole screen and shows no keys: the way out, said before it opens.
            app.term.note(
                tr!(
                    "To get out of vi: press Esc, then type :wq and Enter to save and quit, or :q! and Enter to quit without saving.",
                    "vi에서 나가려면: Esc를 누른 뒤 :wq를 치고 Enter(저장하고 나가기), 또는 :q!를 치고 Enter(저장하지 않고 나가기)."
                )
                .get(app.lang),
            );
        }
    }
    let status = editor::open(&editor, Path::new(file), line, root);
    if found {
        // How to choose another, said once, when the editor is gone (a full-screen editor
        // hides what came before it), with the command as a code span so that wrapping
        // moves it whole (issue 9: it was also in the note above, and split at 60 columns).
        app.term.note(
            tr!(
                "To open another editor next time, set it first, e.g. `export EDITOR=nano` (in ~/.bashrc or ~/.zshrc to keep it).",
                "다음에 다른 편집기로 열려면 먼저 설정하십시오. 예: `export EDITOR=nano` (계속 쓰려면 ~/.bashrc나 ~/.zshrc에 넣으십시오)."
            )
            .get(app.lang),
        );
    }
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(usage(
            tr!(
                "the editor `{editor}` (from {from}) ended with an error on {place} ({s})",
                "편집기 `{editor}`({from})이(가) {place}을(를) 연 뒤 오류로 끝났습니다 ({s})";
                from = from, s = crate::process::ended(&s)
            )
            .get(app.lang)
            .to_string(),
        )),
        Err(e) => Err(usage(
            tr!(
                "cannot start the editor `{editor}` (from {from}): {e}",
                "편집기 `{editor}`({from})을(를) 시작할 수 없습니다: {e}";
                from = from
            )
            .get(app.lang)
            .to_string(),
        )),
    }
}
