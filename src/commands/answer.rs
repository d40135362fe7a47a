//! `course answer EXERCISE`: ask an exercise's multiple-choice questions and save the answer
//! file its `choices` check reads.
//!
//! On a terminal, each choice is picked with the arrow keys (or by typing a spelling or a
//! number) and the reason is read as a line in cooked mode, so input methods for Korean work.
//! Without a terminal, stdin gives one line per choice, one per reason, then one for the
//! confirmation. Nothing is written before the learner has seen the file and said yes; the
//! answer file is the only file written, atomically.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::app::App;
use crate::checks::choices::{self, Answer, Params};
use crate::checks::Check;
use crate::cli::AnswerArgs;
use crate::course::Exercise;
use crate::exit::{usage, Code};
use crate::i18n::{Lang, Tr};
use crate::terminal::{Style, Term};
use crate::tr;

pub fn run(app: &mut App, args: &AnswerArgs) -> Result<Code> {
    super::check::known_exercises(app, std::slice::from_ref(&args.exercise))?;
    let exercise = app
        .course
        .exercise(&args.exercise)
        .expect("checked above")
        .clone();
    let id = exercise.id.as_str();
    let Some(params) = choices_of(&exercise) else {
        let with: Vec<&str> = app
            .course
            .exercises
            .iter()
            .filter(|e| choices_of(e).is_some())
            .map(|e| e.id.as_str())
            .collect();
        let with = if with.is_empty() {
            "-".to_string()
        } else {
            with.join(", ")
        };
        return Err(usage(
            tr!(
                "`{id}` has no questions to answer (no `choices` check); exercises with questions: {with}",
                "`{id}` 에는 답할 질문이 없습니다 (`choices` 확인 없음). 질문이 있는 연습 문제: {with}"
            )
            .get(app.lang)
            .to_string(),
        ));
    };
    let problems = params.problems();
    if !problems.is_empty() {
        return Err(usage(format!(
            "{}: the `choices` check is broken: {}",
            app.course.files.display(&exercise.path()),
            problems.join("; ")
        )));
    }
    let root = app.require_workspace()?.root.clone();
    app.mark_tried([id])?;
    let rel = params.file.replace('\\', "/");
    let path = safe_target(&root, &rel, app.lang)?;
    let existing = std::fs::read(&path).ok();
    let defaults = existing
        .as_deref()
        .map(|b| choices::read_answers(params, &String::from_utf8_lossy(b)))
        .unwrap_or_else(|| vec![Answer::default(); params.questions.len()])
        .into_iter()
        .map(|mut a| {
            // A reason saved with control characters (by an older version) is not offered
            // again: Enter would save it once more.
            if a.reason.as_deref().is_some_and(choices::has_control) {
                a.reason = None;
            }
            a
        })
        .collect::<Vec<_>>();

    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let arrows = interactive
        && std::io::stdout().is_terminal()
        && std::env::var("TERM").as_deref() != Ok("dumb");
    let mut asker = Asker {
        input: stdin.lock(),
        interactive,
        arrows,
        lang: app.lang,
        term: &app.term,
    };
    match interview(
        &mut asker,
        &exercise,
        params,
        &defaults,
        &rel,
        existing.is_some(),
    ) {
        Ok(Some(text)) => {
            write_answer(&path, &text)?;
            let l = app.lang;
            println!(
                "{}",
                app.term.paint(
                    Style::Pass,
                    tr!(
                        "Saved {rel}. Check it: course check {id}",
                        "{rel} 에 저장했습니다. 확인하기: course check {id}"
                    )
                    .get(l)
                )
            );
            Ok(Code::Ok)
        }
        Ok(None) => {
            println!(
                "{}",
                tr!(
                    "Not saved; nothing was written.",
                    "저장하지 않았습니다. 아무것도 쓰지 않았습니다."
                )
                .get(app.lang)
            );
            Ok(Code::Ok)
        }
        Err(Stop::Cancelled) => {
            println!(
                "{}",
                tr!(
                    "Cancelled; nothing was written.",
                    "취소했습니다. 아무것도 쓰지 않았습니다."
                )
                .get(app.lang)
            );
            // A deliberate cancel is no error: exit code 2 is for bad input.
            Ok(Code::Ok)
        }
        Err(Stop::Error(e)) => Err(e),
    }
}

/// The `choices` check of an exercise, if it has one.
pub fn choices_of(exercise: &Exercise) -> Option<&Params> {
    exercise.checks.iter().find_map(|c| match c {
        Check::Choices(p) => Some(p),
        _ => None,
    })
}

/// The answer file's path, refusing a path that leaves the workspace through a symbolic link.
fn safe_target(root: &Path, rel: &str, lang: Lang) -> Result<PathBuf> {
    let mut path = root.to_path_buf();
    for part in rel.split('/').filter(|p| !p.is_empty() && *p != ".") {
        path.push(part);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            let shown = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            return Err(usage(
                tr!(
                    "{shown} is a symbolic link; `course answer` writes only a real file inside the workspace. Replace the link with a folder or file",
                    "{shown} 은(는) 심볼릭 링크입니다. `course answer` 는 작업 공간 안의 실제 파일에만 씁니다. 링크를 폴더나 파일로 바꾸세요"
                )
                .get(lang)
                .to_string(),
            ));
        }
    }
    Ok(path)
}

fn write_answer(path: &Path, text: &str) -> Result<()> {
    crate::fs::write_atomic(path, text.as_bytes())
        .with_context(|| format!("cannot save {}", path.display()))
}

/// Why the questions stopped before the end.
enum Stop {
    /// Esc, Ctrl-C or Ctrl-D on a terminal (exit code 0, nothing written).
    Cancelled,
    Error(anyhow::Error),
}

impl From<std::io::Error> for Stop {
    fn from(e: std::io::Error) -> Stop {
        Stop::Error(e.into())
    }
}

/// Ask every question, show the file and ask for confirmation. `Some(text)` to write.
fn interview<R: BufRead>(
    asker: &mut Asker<'_, R>,
    exercise: &Exercise,
    params: &Params,
    defaults: &[Answer],
    rel: &str,
    exists: bool,
) -> Result<Option<String>, Stop> {
    let lang = asker.lang;
    let total = params.questions.len();
    let title = exercise.title.get(lang);
    let mut out = std::io::stdout();
    // The title and what will happen, not the exercise prompt: the prompt explains the file
    // format and tells the learner to run this very command.
    writeln!(out, "{}", asker.term.paint(Style::Heading, title))?;
    let min = params.min_reason;
    write!(
        out,
        "{}",
        crate::render::render(
            intro(total, min, rel, asker.arrows).get(lang),
            &asker.term.render_options()
        )
    )?;

    let mut answers = Vec::with_capacity(total);
    for (i, q) in params.questions.iter().enumerate() {
        let n = i + 1;
        let situation = q.prompt.get(lang);
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            asker.term.paint(
                Style::Bold,
                tr!("{n}/{total}. {situation}", "{n}/{total}. {situation}").get(lang)
            )
        )?;
        let default = defaults.get(i).cloned().unwrap_or_default();
        let choice = asker.choice(params, default.choice, n)?;
        let reason = asker.reason(min, default.reason.as_deref(), n)?;
        answers.push((choice, reason));
    }

    let text = render_answers(&exercise.id, title, params, &answers, lang);
    writeln!(out)?;
    let intro = if exists {
        tr!(
            "This will replace {rel}:",
            "{rel} 파일을 다음 내용으로 바꿉니다:"
        )
    } else {
        tr!(
            "This will be written to {rel}:",
            "{rel} 파일에 다음 내용을 씁니다:"
        )
    };
    writeln!(out, "{}", asker.term.paint(Style::Bold, intro.get(lang)))?;
    writeln!(out)?;
    for line in text.lines() {
        if line.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, "    {}", asker.term.paint(Style::Code, line))?;
        }
    }
    writeln!(out)?;
    Ok(asker.confirm()?.then_some(text))
}

/// What `course answer` is about to do, as one Markdown paragraph.
fn intro(total: usize, min: usize, rel: &str, arrows: bool) -> Tr {
    let what = tr!(
        "{total} questions, one at a time: for each situation pick the better tool and say why in at least {min} characters. You will see the answers before they are saved to `{rel}`.",
        "질문 {total}개를 하나씩 묻습니다. 상황마다 더 알맞은 도구를 고르고 이유를 {min}자 이상 쓰세요. `{rel}` 에 저장하기 전에 내용을 보여 드립니다."
    );
    let how = if arrows {
        tr!(
            "Choose with the arrow keys and Enter (or type a name or number); Esc cancels.",
            "화살표와 Enter 로 고르세요 (이름이나 번호를 입력해도 됩니다). Esc 로 취소합니다."
        )
    } else {
        tr!(
            "Type an option's name or number.",
            "선택지의 이름이나 번호를 입력하세요."
        )
    };
    Tr {
        en: format!("{} {}", what.en, how.en),
        ko: format!("{} {}", what.ko, how.ko),
    }
}

/// The spellings of an option shown in a `lang` interface after its name (Hangul ones only in
/// Korean; every spelling is accepted either way).
fn aliases<'a>(params: &'a Params, choice: &'a choices::Choice, lang: Lang) -> Vec<&'a str> {
    params.spellings(choice)[1..]
        .iter()
        .copied()
        .filter(|s| choices::shown_in(s, lang))
        .collect()
}

/// Every spelling shown in a `lang` interface, for messages: `jupyter, notebook | script, py`.
fn shown_spellings(params: &Params, lang: Lang) -> String {
    params
        .options
        .0
        .iter()
        .map(|c| {
            let mut all = vec![c.name.as_str()];
            all.extend(aliases(params, c, lang));
            all.join(", ")
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Control characters in caret notation (`^[[D`), the way a terminal echoes them.
fn caret(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c as u32 {
            n @ 0..=0x1f => {
                out.push('^');
                out.push(char::from_u32(n + 0x40).expect("ASCII"));
            }
            0x7f => out.push_str("^?"),
            _ if c.is_control() => out.push_str(&choices::visible(&c.to_string())),
            _ => out.push(c),
        }
    }
    out
}

/// Asks questions on a terminal or reads answers from piped stdin.
struct Asker<'t, R: BufRead> {
    input: R,
    /// stdin is a terminal: re-ask on bad input, Ctrl-D cancels.
    interactive: bool,
    /// stdin and stdout are terminals: choose with the arrow keys.
    arrows: bool,
    lang: Lang,
    term: &'t Term,
}

impl<R: BufRead> Asker<'_, R> {
    fn say(&self, tr: Tr) -> Result<(), Stop> {
        let mut out = std::io::stdout();
        write!(out, "{}", tr.get(self.lang))?;
        out.flush()?;
        Ok(())
    }

    /// Show `prompt` and read a line without its line ending. EOF: cancel on a terminal, an
    /// error otherwise. A line with control characters (arrow keys typed in cooked mode) is
    /// never returned: on a terminal it is asked again, piped it is an error.
    fn ask(&mut self, prompt: Tr, what: Tr) -> Result<String, Stop> {
        loop {
            self.say(prompt.clone())?;
            let text = self.line(what.clone())?;
            if !choices::has_control(&text) {
                return Ok(text);
            }
            if !self.interactive {
                let (what, shown) = (what.get(self.lang), choices::visible(&text));
                return Err(Stop::Error(usage(
                    tr!(
                        "the line for {what} contains control characters (\"{shown}\"); remove them (arrow keys and Esc cannot edit piped input); nothing was written",
                        "{what} 줄에 제어 문자가 들어 있습니다 (\"{shown}\"). 지우세요 (파이프 입력은 화살표나 Esc 로 고칠 수 없습니다). 아무것도 쓰지 않았습니다"
                    )
                    .get(self.lang)
                    .to_string(),
                )));
            }
            if text.trim() == "\u{1b}" {
                // Esc, then Enter: the learner wants out, as Esc does in the chooser.
                return Err(Stop::Cancelled);
            }
            let shown = caret(text.trim());
            println!(
                "{}",
                self.term.paint(
                    Style::Fail,
                    tr!(
                        "Arrow keys cannot edit this line: they went into it as control characters (\"{shown}\"). Correct with Backspace and type the line again.",
                        "이 줄은 화살표 키로 고칠 수 없습니다. 화살표가 제어 문자로 들어갔습니다 (\"{shown}\"). Backspace 로 고치면서 다시 입력하세요."
                    )
                    .get(self.lang)
                )
            );
        }
    }

    /// A line of input without its line ending. EOF: cancel on a terminal, an error otherwise.
    fn line(&mut self, what: Tr) -> Result<String, Stop> {
        let mut buf = Vec::new();
        let n = self.input.read_until(b'\n', &mut buf)?;
        if n == 0 {
            if self.interactive {
                println!();
                return Err(Stop::Cancelled);
            }
            let what = what.get(self.lang);
            return Err(Stop::Error(usage(
                tr!(
                    "input ended before {what}; nothing was written. Give each question two lines (the choice, then the reason) and a last line to confirm (`y` or empty)",
                    "{what} 전에 입력이 끝났습니다. 아무것도 쓰지 않았습니다. 질문마다 두 줄 (선택, 이유) 과 확인용 마지막 줄 (`예` 또는 빈 줄) 을 주세요"
                )
                .get(self.lang)
                .to_string(),
            )));
        }
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        let text = match String::from_utf8(buf) {
            Ok(t) => t,
            Err(_) => {
                return Err(Stop::Error(usage(
                    tr!(
                        "the input is not UTF-8 text; set your terminal's encoding to UTF-8",
                        "입력이 UTF-8 텍스트가 아닙니다. 터미널 인코딩을 UTF-8 로 설정하세요"
                    )
                    .get(self.lang)
                    .to_string(),
                )))
            }
        };
        if !self.interactive {
            // Piped input is not echoed; show it so the transcript reads as a dialogue.
            println!("{}", choices::visible(&text));
        }
        Ok(text)
    }

    /// Bad input: on a terminal say so and ask again, otherwise stop with exit code 2.
    fn invalid(&self, message: Tr) -> Result<(), Stop> {
        if self.interactive {
            println!("{}", self.term.paint(Style::Fail, message.get(self.lang)));
            Ok(())
        } else {
            Err(Stop::Error(usage(format!(
                "{}; nothing was written",
                message.get(self.lang)
            ))))
        }
    }

    fn choice(&mut self, params: &Params, default: Option<usize>, n: usize) -> Result<usize, Stop> {
        if self.arrows {
            return select(params, default.unwrap_or(0), self.lang, self.term);
        }
        for (i, c) in params.options.0.iter().enumerate() {
            let others = aliases(params, c, self.lang).join(", ");
            let number = i + 1;
            let name = &c.name;
            let mark = if Some(i) == default { "*" } else { " " };
            if others.is_empty() {
                println!("  {mark}{number}) {name}");
            } else {
                println!(
                    "  {mark}{number}) {name}  {}",
                    self.term.paint(Style::Dim, &format!("({others})"))
                );
            }
        }
        let prompt = match default {
            Some(d) => {
                let name = &params.options.0[d].name;
                tr!(
                    "Choice [Enter keeps {name}]: ",
                    "선택 [Enter: {name} 유지]: "
                )
            }
            None => tr!("Choice: ", "선택: "),
        };
        loop {
            let text = self.ask(
                prompt.clone(),
                tr!("the choice of question {n}", "{n}번 질문의 선택"),
            )?;
            let text = text.trim();
            if text.is_empty() {
                if let Some(d) = default {
                    return Ok(d);
                }
            } else if let Some(i) = resolve(params, text) {
                return Ok(i);
            }
            let accepted = shown_spellings(params, self.lang);
            let count = params.options.0.len();
            self.invalid(tr!(
                "`{text}` is not an option of question {n}; type a number from 1 to {count} or one of: {accepted}",
                "`{text}` 은(는) {n}번 질문의 선택지가 아닙니다. 1부터 {count} 까지의 번호나 다음 중 하나를 입력하세요: {accepted}"
            ))?;
        }
    }

    fn reason(&mut self, min: usize, default: Option<&str>, n: usize) -> Result<String, Stop> {
        let prompt = match default {
            Some(d) => {
                let d = shorten(d, 40);
                tr!(
                    "Why? (at least {min} characters; Enter keeps \"{d}\")\n> ",
                    "이유는? ({min}자 이상, Enter: \"{d}\" 유지)\n> "
                )
            }
            None => tr!(
                "Why? (at least {min} characters)\n> ",
                "이유는? ({min}자 이상)\n> "
            ),
        };
        loop {
            let text = self.ask(
                prompt.clone(),
                tr!("the reason of question {n}", "{n}번 질문의 이유"),
            )?;
            let text = text.trim();
            let text = match (text.is_empty(), default) {
                (true, Some(d)) => d,
                _ => text,
            };
            let count = text.chars().count();
            if count >= min && crate::prose::check(text).is_err() {
                self.invalid(tr!(
                    "the reason of question {n} is not a sentence (one character repeated, or no letters): why does that tool fit?",
                    "{n}번 질문의 이유가 문장이 아닙니다 (같은 글자의 반복이거나 글자가 없음): 왜 그 도구가 알맞나요?"
                ))?;
                continue;
            }
            if count >= min {
                return Ok(text.to_string());
            }
            self.invalid(tr!(
                "the reason of question {n} has {count} characters; write at least {min}: why does that tool fit?",
                "{n}번 질문의 이유가 {count}자입니다. {min}자 이상 써 주세요: 왜 그 도구가 알맞나요?"
            ))?;
        }
    }

    fn confirm(&mut self) -> Result<bool, Stop> {
        loop {
            let text = self.ask(
                tr!("Save it? [Y/n] ", "저장할까요? [예/아니오, 기본: 예] "),
                tr!("the confirmation", "확인 답변"),
            )?;
            match parse_yes_no(&text) {
                Some(yes) => return Ok(yes),
                None => self.invalid(tr!(
                    "answer y (yes) or n (no)",
                    "예(y) 또는 아니오(n) 로 답하세요"
                ))?,
            }
        }
    }
}

/// A typed choice: an option number (1-based) or any accepted spelling.
pub fn resolve(params: &Params, text: &str) -> Option<usize> {
    let text = text.trim();
    if let Ok(n) = text.parse::<usize>() {
        return (1..=params.options.0.len()).contains(&n).then(|| n - 1);
    }
    params.option_index(text)
}

/// Empty (Enter), `y`/`yes`/`예`/`네` -> yes; `n`/`no`/`아니오`/`아니요` -> no; anything else ->
/// ask again. Saving is the default: the learner has just answered every question.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "y" | "yes" | "예" | "네" | "응" | "ㅇ" => Some(true),
        "n" | "no" | "아니오" | "아니요" | "아니" | "ㄴ" => Some(false),
        _ => None,
    }
}

fn shorten(s: &str, max: usize) -> String {
    let s = s.replace(['\n', '\r'], " ");
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// A string as a YAML scalar that reads back as exactly that string, on one line.
pub fn yaml_scalar(s: &str) -> String {
    if let Ok(y) = serde_yaml::to_string(s) {
        let y = y.strip_suffix('\n').unwrap_or(&y);
        if !y.contains('\n') && !y.starts_with(['|', '>']) {
            return y.to_string();
        }
    }
    // A JSON string is a valid YAML double-quoted scalar; it escapes line breaks.
    serde_json::to_string(s).expect("a string serialises")
}

/// The answer file: a comment header, then one entry per question in question order.
pub fn render_answers(
    exercise_id: &str,
    title: &str,
    params: &Params,
    answers: &[(usize, String)],
    lang: Lang,
) -> String {
    let names: Vec<&str> = params.options.0.iter().map(|c| c.name.as_str()).collect();
    let names = names.join(", ");
    let min = params.min_reason;
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    let title = one_line(title);
    let header = tr!(
        "# Answers to `{exercise_id}` ({title}), written by `course answer {exercise_id}`.\n# choice: one of {names}; reason: why, in at least {min} characters.\n# Check them: course check {exercise_id}\n",
        "# `{exercise_id}` ({title}) 의 답안. `course answer {exercise_id}` 가 작성했습니다.\n# choice: {names} 중 하나, reason: 이유 ({min}자 이상).\n# 확인하기: course check {exercise_id}\n"
    );
    let mut out = header.get(lang).to_string();
    for (q, (choice, reason)) in params.questions.iter().zip(answers) {
        out.push('\n');
        out.push_str(&format!("# {}\n", one_line(q.prompt.get(lang))));
        out.push_str(&format!("{}:\n", yaml_scalar(&q.key)));
        out.push_str(&format!(
            "  choice: {}\n",
            yaml_scalar(&params.options.0[*choice].name)
        ));
        out.push_str(&format!("  reason: {}\n", yaml_scalar(reason)));
    }
    out
}

/// A key press, as far as choosing an option is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Prev,
    Next,
    Enter,
    Cancel,
    Backspace,
    Char(char),
    /// Anything else: ignored.
    Other,
}

/// What a key press did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Chosen(usize),
    Cancelled,
    /// Enter on typed text that is no option (the text is cleared).
    Unknown(String),
}

/// The state of the arrow-key chooser: a highlighted option and what has been typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selector {
    pub index: usize,
    pub len: usize,
    pub typed: String,
}

impl Selector {
    pub fn new(len: usize, start: usize) -> Selector {
        assert!(len > 0, "a selector needs options");
        Selector {
            index: start.min(len - 1),
            len,
            typed: String::new(),
        }
    }

    /// Arrows move (wrapping around); typing a spelling or number moves the highlight to it;
    /// Enter chooses the highlighted option, or reports typed text that matches none.
    pub fn handle(&mut self, key: Key, resolve: impl Fn(&str) -> Option<usize>) -> Outcome {
        match key {
            Key::Prev => {
                self.typed.clear();
                self.index = (self.index + self.len - 1) % self.len;
            }
            Key::Next => {
                self.typed.clear();
                self.index = (self.index + 1) % self.len;
            }
            Key::Cancel => return Outcome::Cancelled,
            Key::Backspace => {
                self.typed.pop();
                if let Some(i) = resolve(&self.typed) {
                    self.index = i;
                }
            }
            Key::Char(c) => {
                self.typed.push(c);
                if let Some(i) = resolve(&self.typed) {
                    self.index = i;
                }
            }
            Key::Enter => {
                if !self.typed.trim().is_empty() && resolve(&self.typed).is_none() {
                    return Outcome::Unknown(std::mem::take(&mut self.typed));
                }
                return Outcome::Chosen(self.index);
            }
            Key::Other => {}
        }
        Outcome::Continue
    }
}

/// Map a crossterm key event to a [`Key`]; `None` for key releases.
fn key_of(event: &crossterm::event::KeyEvent) -> Option<Key> {
    use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    Some(match event.code {
        KeyCode::Char('c' | 'd') if ctrl => Key::Cancel,
        KeyCode::Char('p') if ctrl => Key::Prev,
        KeyCode::Char('n') if ctrl => Key::Next,
        KeyCode::Esc => Key::Cancel,
        KeyCode::Up | KeyCode::Left | KeyCode::BackTab => Key::Prev,
        KeyCode::Down | KeyCode::Right | KeyCode::Tab => Key::Next,
        KeyCode::Enter => Key::Enter,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Char(c) if !ctrl => Key::Char(c),
        _ => Key::Other,
    })
}

/// Raw mode for as long as this lives; restored on every exit path, panics included.
struct RawMode;

impl RawMode {
    fn enable() -> std::io::Result<RawMode> {
        crossterm::terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// The arrow-key chooser on a terminal.
fn select(params: &Params, start: usize, lang: Lang, term: &Term) -> Result<usize, Stop> {
    use crossterm::event::{read, Event};
    use crossterm::{cursor, queue, terminal};

    let mut state = Selector::new(params.options.0.len(), start);
    let mut out = std::io::stdout();
    let mut drawn: u16 = 0;
    let mut note: Option<String> = None;
    let guard = RawMode::enable()?;
    let outcome = loop {
        if drawn > 0 {
            queue!(out, cursor::MoveUp(drawn))?;
        }
        queue!(
            out,
            cursor::MoveToColumn(0),
            terminal::Clear(terminal::ClearType::FromCursorDown)
        )?;
        let mut lines = 0u16;
        for (i, c) in params.options.0.iter().enumerate() {
            let number = i + 1;
            let others = aliases(params, c, lang).join(", ");
            let line = if i == state.index {
                term.paint(Style::Bold, &format!("> {number}. {}", c.name))
            } else {
                format!("  {number}. {}", c.name)
            };
            let others = if others.is_empty() {
                String::new()
            } else {
                term.paint(Style::Dim, &format!("  ({others})"))
            };
            write!(out, "{line}{others}\r\n")?;
            lines += 1;
        }
        if let Some(n) = &note {
            write!(out, "{}\r\n", term.paint(Style::Fail, n))?;
            lines += 1;
        }
        let typed = &state.typed;
        write!(
            out,
            "{}",
            term.paint(
                Style::Dim,
                tr!(
                    "↑/↓ move · Enter choose · Esc cancel · type: {typed}",
                    "↑/↓ 이동 · Enter 선택 · Esc 취소 · 입력: {typed}"
                )
                .get(lang)
            )
        )?;
        out.flush()?;
        drawn = lines;
        let key = loop {
            match read()? {
                Event::Key(k) => {
                    if let Some(key) = key_of(&k) {
                        break key;
                    }
                }
                Event::Resize(..) => break Key::Other,
                _ => {}
            }
        };
        note = None;
        match state.handle(key, |t| resolve(params, t)) {
            Outcome::Continue => {}
            Outcome::Unknown(text) => {
                note = Some(
                    tr!(
                    "`{text}` is not an option; use the arrows or type a name or number",
                    "`{text}` 은(는) 선택지가 아닙니다. 화살표를 쓰거나 이름이나 번호를 입력하세요"
                )
                    .get(lang)
                    .to_string(),
                )
            }
            other => break other,
        }
    };
    // Replace the menu with the outcome, then leave raw mode (the guard also does on errors).
    queue!(
        out,
        cursor::MoveUp(drawn),
        cursor::MoveToColumn(0),
        terminal::Clear(terminal::ClearType::FromCursorDown)
    )?;
    out.flush()?;
    drop(guard);
    match outcome {
        Outcome::Chosen(i) => {
            let name = &params.options.0[i].name;
            println!("{}", tr!("Choice: {name}", "선택: {name}").get(lang));
            Ok(i)
        }
        _ => Err(Stop::Cancelled),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> Params {
        serde_yaml::from_str(
            "file: answers/a.yaml\noptions: {jupyter: [notebook, 주피터], script: [py, .py, 스크립트], colab: []}\nquestions:\n  - key: data_exploration\n    expected: jupyter\n    prompt: {ko: 데이터 분포 확인, en: 'checking: the data'}\n  - key: 'yes'\n    expected: script\n    prompt: x\n",
        )
        .unwrap()
    }

    #[test]
    fn arrows_wrap_around() {
        let p = params();
        let r = |t: &str| resolve(&p, t);
        let mut s = Selector::new(3, 0);
        assert_eq!(s.handle(Key::Prev, r), Outcome::Continue);
        assert_eq!(s.index, 2);
        s.handle(Key::Next, r);
        assert_eq!(s.index, 0);
        s.handle(Key::Next, r);
        s.handle(Key::Next, r);
        assert_eq!(s.index, 2);
        assert_eq!(s.handle(Key::Enter, r), Outcome::Chosen(2));
        assert_eq!(Selector::new(3, 9).index, 2);
    }

    #[test]
    fn typing_moves_the_highlight() {
        let p = params();
        let r = |t: &str| resolve(&p, t);
        let mut s = Selector::new(3, 0);
        for c in "스크립트".chars() {
            s.handle(Key::Char(c), r);
        }
        assert_eq!(s.index, 1);
        assert_eq!(s.handle(Key::Enter, r), Outcome::Chosen(1));
        let mut s = Selector::new(3, 0);
        s.handle(Key::Char('3'), r);
        assert_eq!(s.index, 2);
        s.handle(Key::Backspace, r);
        assert_eq!(s.typed, "");
        s.handle(Key::Char('x'), r);
        assert_eq!(s.handle(Key::Enter, r), Outcome::Unknown("x".into()));
        assert_eq!(s.typed, "");
        // An arrow after typing clears what was typed.
        s.handle(Key::Char('q'), r);
        s.handle(Key::Next, r);
        assert_eq!(s.handle(Key::Enter, r), Outcome::Chosen(0));
        assert_eq!(s.handle(Key::Cancel, r), Outcome::Cancelled);
    }

    #[test]
    fn keys_map_from_crossterm() {
        use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
        let k = |code, m| key_of(&KeyEvent::new(code, m));
        assert_eq!(k(KeyCode::Up, KeyModifiers::NONE), Some(Key::Prev));
        assert_eq!(k(KeyCode::Left, KeyModifiers::NONE), Some(Key::Prev));
        assert_eq!(k(KeyCode::Right, KeyModifiers::NONE), Some(Key::Next));
        assert_eq!(
            k(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Key::Cancel)
        );
        assert_eq!(k(KeyCode::Esc, KeyModifiers::NONE), Some(Key::Cancel));
        assert_eq!(
            k(KeyCode::Char('주'), KeyModifiers::NONE),
            Some(Key::Char('주'))
        );
        let mut release = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(key_of(&release), None);
    }

    #[test]
    fn numbers_and_spellings_resolve() {
        let p = params();
        assert_eq!(resolve(&p, "2"), Some(1));
        assert_eq!(resolve(&p, "0"), None);
        assert_eq!(resolve(&p, "4"), None);
        assert_eq!(resolve(&p, " Notebook"), Some(0));
        assert_eq!(resolve(&p, "colab"), Some(2));
    }

    #[test]
    fn yes_and_no_in_both_languages() {
        for y in ["", " ", "y", "Yes", "예", " 네 "] {
            assert_eq!(parse_yes_no(y), Some(true), "{y}");
        }
        for n in ["N", "no", "아니오", "아니요"] {
            assert_eq!(parse_yes_no(n), Some(false), "{n}");
        }
        assert_eq!(parse_yes_no("maybe"), None);
    }

    fn asker(input: &str, interactive: bool) -> Asker<'static, std::io::Cursor<Vec<u8>>> {
        static TERM: std::sync::OnceLock<Term> = std::sync::OnceLock::new();
        Asker {
            input: std::io::Cursor::new(input.as_bytes().to_vec()),
            interactive,
            arrows: false,
            lang: Lang::Ko,
            term: TERM.get_or_init(|| Term::plain(80)),
        }
    }

    #[test]
    fn a_terminal_asks_again_for_a_line_with_arrow_keys() {
        let mut a = asker(
            "사람 없이 오래 돌아가야 한다\x1b[D\x1b[D서버에서 \x1b[4\n백스페이스\x7f로\n사람 없이 서버에서 오래 돌아가야 한다\n",
            true,
        );
        let reason = a.reason(10, None, 2).unwrap_or_else(|_| panic!("stopped"));
        assert_eq!(reason, "사람 없이 서버에서 오래 돌아가야 한다");
        // A kept default with control characters is never offered (see `run`), and a typed
        // choice with them is asked again too.
        let mut a = asker("jup\x1b[Cyter\n2\n", true);
        assert_eq!(a.choice(&params(), None, 1).ok(), Some(1));
    }

    #[test]
    fn esc_enter_and_ctrl_d_cancel_on_a_terminal() {
        for input in ["\x1b\n", " \x1b \r\n", ""] {
            let mut a = asker(input, true);
            assert!(
                matches!(a.reason(10, None, 1), Err(Stop::Cancelled)),
                "{input:?}"
            );
        }
    }

    #[test]
    fn piped_control_characters_are_an_error() {
        let mut a = asker("runs on a server\x1b[D for hours\n", false);
        match a.reason(10, None, 2) {
            Err(Stop::Error(e)) => {
                let m = e.to_string();
                assert!(m.contains("제어 문자") && m.contains("\\e[D"), "{m}");
                assert!(!m.contains('\x1b'), "{m}");
            }
            _ => panic!("accepted"),
        }
        let mut a = asker("y\x08\n", false);
        assert!(matches!(a.confirm(), Err(Stop::Error(_))));
        let mut a = asker("\n", false);
        assert!(matches!(a.confirm(), Ok(true)));
    }

    #[test]
    fn english_hides_hangul_aliases() {
        let p = params();
        assert_eq!(aliases(&p, &p.options.0[0], Lang::En), ["notebook"]);
        assert_eq!(
            aliases(&p, &p.options.0[0], Lang::Ko),
            ["notebook", "주피터"]
        );
        assert_eq!(
            shown_spellings(&p, Lang::En),
            "jupyter, notebook | script, py, .py | colab"
        );
        assert_eq!(caret("a\x1b[D\x7f"), "a^[[D^?");
    }

    #[test]
    fn the_intro_does_not_repeat_the_exercise_prompt() {
        let t = intro(4, 10, "answers/a.yaml", true);
        assert!(t.en.contains("4 questions") && t.en.contains("`answers/a.yaml`"));
        assert!(t.ko.contains("질문 4개") && t.ko.contains("Esc"));
        assert!(!intro(4, 10, "a", false).en.contains("Esc"));
    }

    #[test]
    fn scalars_round_trip() {
        for s in [
            "plain words",
            "그래프를 바로 보면서: 확인 # 가능",
            "- dash",
            "yes",
            "null",
            "~",
            "123",
            "it's \"quoted\"",
            "tab\there",
            "two\nlines",
            "",
            "  padded  ",
            "{flow}",
            "&anchor *alias !tag",
            "%percent @at `tick`",
            "🙂 emoji",
        ] {
            let y = yaml_scalar(s);
            assert!(!y.contains('\n'), "{y}");
            let back: String = serde_yaml::from_str(&format!("k: {y}\n"))
                .map(|m: std::collections::BTreeMap<String, String>| m["k"].clone())
                .unwrap_or_else(|e| panic!("{s:?} -> {y}: {e}"));
            assert_eq!(back, s);
        }
    }

    #[test]
    fn rendered_file_reads_back() {
        let p = params();
        let answers = vec![
            (0, "분포를: 그래프로 # 바로 확인".to_string()),
            (1, "'오래' 걸리는 작업".to_string()),
        ];
        let text = render_answers("ex", "T\nitle", &p, &answers, Lang::Ko);
        assert!(text.starts_with("# `ex` (T itle)"), "{text}");
        let back = choices::read_answers(&p, &text);
        assert_eq!(back[0].choice, Some(0));
        assert_eq!(
            back[0].reason.as_deref(),
            Some("분포를: 그래프로 # 바로 확인")
        );
        assert_eq!(back[1].choice, Some(1));
        assert_eq!(back[1].reason.as_deref(), Some("'오래' 걸리는 작업"));
        assert!(
            text.find("data_exploration:").unwrap() < text.find("yes").unwrap(),
            "{text}"
        );
    }
}
