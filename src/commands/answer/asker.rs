//! Asking `course answer`'s questions: options chosen with the arrow keys on a terminal
//! (`terminal::selector`), reasons typed with the usual editing keys (`terminal::line_input`;
//! the terminal's input method composes Korean before it reaches us), and piped stdin read one
//! line per answer. Bad input is asked again on a
//! terminal and is a usage error (exit code 2) when piped.

use std::io::BufRead;

use crate::checks::choices::{self, Params, Question};
use crate::exit::usage;
use crate::i18n::{Lang, Tr};
use crate::terminal::line_input;
use crate::terminal::selector::{self, Shown};
use crate::terminal::{Style, Term};
use crate::tr;

/// Why the questions stopped before the end.
pub enum Stop {
    /// Esc, Ctrl-C or Ctrl-D on a terminal (exit code 0, nothing written).
    Cancelled,
    Error(anyhow::Error),
}

impl From<std::io::Error> for Stop {
    fn from(e: std::io::Error) -> Stop {
        Stop::Error(e.into())
    }
}

/// The spellings of an option shown in a `lang` interface after its name (Hangul ones only in
/// Korean; every spelling is accepted either way).
pub fn aliases<'a>(params: &'a Params, choice: &'a choices::Choice, lang: Lang) -> Vec<&'a str> {
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
pub struct Asker<'t, R: BufRead> {
    pub input: R,
    /// stdin is a terminal: re-ask on bad input, Ctrl-D cancels.
    pub interactive: bool,
    /// stdin and stdout are terminals: choose with the arrow keys.
    pub arrows: bool,
    pub lang: Lang,
    pub term: &'t Term,
}

impl<R: BufRead> Asker<'_, R> {
    /// One line for the learner, wrapped to the width.
    fn line_out(&self, text: String) -> Result<(), Stop> {
        self.term.say(&(text + "\n"))?;
        Ok(())
    }

    fn say(&self, tr: Tr) -> Result<(), Stop> {
        self.term.say(tr.get(self.lang))?;
        Ok(())
    }

    /// Show `prompt` and read a line without its line ending. EOF: cancel on a terminal, an
    /// error otherwise. A line with control characters (arrow keys typed in cooked mode) is
    /// never returned: on a terminal it is asked again, piped it is an error.
    fn ask(&mut self, prompt: Tr, what: Tr) -> Result<String, Stop> {
        if self.arrows {
            return self.edited(prompt);
        }
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
                        "{what} 줄에 제어 문자가 들어 있습니다 (\"{shown}\"). 지우십시오 (파이프 입력은 화살표나 Esc로 고칠 수 없습니다). 아무것도 쓰지 않았습니다"
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
            let why = tr!(
                "Arrow keys cannot edit this line: they went into it as control characters (\"{shown}\"). Correct with Backspace and type the line again.",
                "이 줄은 화살표 키로 고칠 수 없습니다. 화살표가 제어 문자로 들어갔습니다 (\"{shown}\"). Backspace로 고치면서 다시 입력하십시오."
            );
            self.line_out(self.term.paint(Style::Fail, why.get(self.lang)))?;
        }
    }

    /// On a terminal: the prompt, then a line typed with the editing keys (arrows, Home, End,
    /// Backspace; Esc, Ctrl-C or Ctrl-D on an empty line cancel). The prompt's last line is
    /// redrawn with the text; the lines before it are said as usual.
    fn edited(&mut self, prompt: Tr) -> Result<String, Stop> {
        let prompt = prompt.get(self.lang);
        let (head, last) = match prompt.rsplit_once('\n') {
            Some((head, last)) => (Some(head), last),
            None => (None, prompt),
        };
        // The lines before the prompt's last are printed by `read` once the terminal is raw,
        // so keys typed ahead of the prompt are read as keys, not as a cooked line.
        let head = head.map_or(String::new(), |head| {
            crate::terminal::fit(&self.term.code(head), self.term.width)
        });
        let width = self.term.width;
        let columns = move || crossterm::terminal::size().map_or(width, |(c, _)| usize::from(c));
        let read = line_input::read(&head, last, columns)?;
        self.line_out(format!("{last}{}", read.as_deref().unwrap_or("")))?;
        read.ok_or(Stop::Cancelled)
    }

    /// A line of input without its line ending. EOF: cancel on a terminal, an error otherwise.
    fn line(&mut self, what: Tr) -> Result<String, Stop> {
        let mut buf = Vec::new();
        let n = self.input.read_until(b'\n', &mut buf)?;
        if n == 0 {
            // End the prompt's line: the message that follows (on stderr, in the same
            // terminal) began on it, after `Choice: `, and ran past the width.
            self.line_out(String::new())?;
            if self.interactive {
                return Err(Stop::Cancelled);
            }
            let what = what.get(self.lang);
            return Err(Stop::Error(usage(
                tr!(
                    "input ended before {what}; nothing was written. Give each question two lines (the choice, then the reason) and a last line to confirm (`y` or empty)",
                    "{what} 전에 입력이 끝났습니다. 아무것도 쓰지 않았습니다. 질문마다 두 줄 (선택, 이유)과 확인용 마지막 줄 (`예` 또는 빈 줄)을 주십시오"
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
                        "입력이 UTF-8 텍스트가 아닙니다. 터미널 인코딩을 UTF-8로 설정하십시오"
                    )
                    .get(self.lang)
                    .to_string(),
                )))
            }
        };
        if !self.interactive {
            // Piped input is not echoed; show it so the transcript reads as a dialogue.
            self.line_out(choices::visible(&text))?;
        }
        Ok(text)
    }

    /// Bad input: on a terminal say so and ask again, otherwise stop with exit code 2.
    fn invalid(&self, message: Tr) -> Result<(), Stop> {
        if self.interactive {
            self.line_out(self.term.paint(Style::Fail, message.get(self.lang)))?;
            Ok(())
        } else {
            // A message that ends a sentence itself (`...: why does that tool fit?`) is
            // followed by a sentence, not glued to `?.` or `?;`.
            let ended = message.get(self.lang).ends_with(['?', '.', '!']);
            let text = if ended {
                tr!(
                    "{message} Nothing was written.",
                    "{message} 아무것도 쓰지 않았습니다.";
                    message = message
                )
            } else {
                tr!(
                    "{message}; nothing was written",
                    "{message}. 아무것도 쓰지 않았습니다";
                    message = message
                )
            };
            Err(Stop::Error(usage(text.get(self.lang))))
        }
    }

    pub fn choice(
        &mut self,
        params: &Params,
        default: Option<usize>,
        n: usize,
    ) -> Result<usize, Stop> {
        if self.arrows {
            return self.select(params, default.unwrap_or(0));
        }
        for (i, c) in params.options.0.iter().enumerate() {
            let others = aliases(params, c, self.lang).join(", ");
            let number = i + 1;
            let name = &c.name;
            let mark = if Some(i) == default { "*" } else { " " };
            if others.is_empty() {
                self.line_out(format!("  {mark}{number}) {name}"))?;
            } else {
                let others = self.term.paint(Style::Dim, &format!("({others})"));
                self.line_out(format!("  {mark}{number}) {name}  {others}"))?;
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
                tr!("the choice for question {n}", "{n}번 질문의 선택"),
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
                "`{text}`은(는) {n}번 질문의 선택지가 아닙니다. 1부터 {count}까지의 번호나 다음 중 하나를 입력하십시오: {accepted}"
            ))?;
        }
    }

    pub fn reason(
        &mut self,
        params: &Params,
        q: &Question,
        default: Option<&str>,
        n: usize,
    ) -> Result<String, Stop> {
        let min = params.min_reason;
        let chars = crate::i18n::count(min, "character", "characters");
        let problem = |text: &str| reason_problem(text, (params, q), n);
        // A saved reason that would be refused (too short, not a sentence, only the task
        // again) is not offered as Enter's default: the learner was told "Enter keeps it"
        // and then refused (issue 9).
        let default = default.filter(|d| problem(d).is_none());
        let prompt = match default {
            Some(d) => {
                let d = shorten(d, 40);
                tr!(
                    "Why? (at least {chars}; Enter keeps \"{d}\")\n> ",
                    "이유를 쓰십시오 ({min}자 이상, Enter: \"{d}\" 유지)\n> "
                )
            }
            None => tr!(
                "Why? (at least {chars})\n> ",
                "이유를 쓰십시오 ({min}자 이상)\n> "
            ),
        };
        loop {
            let text = self.ask(
                prompt.clone(),
                tr!("the reason for question {n}", "{n}번 질문의 이유"),
            )?;
            let text = text.trim();
            let text = match (text.is_empty(), default) {
                (true, Some(d)) => d,
                _ => text,
            };
            match problem(text) {
                None => return Ok(text.to_string()),
                Some(problem) => self.invalid(problem)?,
            }
        }
    }

    /// The arrow-key chooser; prints the choice once made.
    fn select(&self, params: &Params, start: usize) -> Result<usize, Stop> {
        let options: Vec<Shown> = params
            .options
            .0
            .iter()
            .map(|c| Shown {
                name: c.name.clone(),
                aside: aliases(params, c, self.lang).join(", "),
            })
            .collect();
        match selector::select(
            &options,
            start,
            |t| resolve(params, t),
            self.term,
            self.lang,
        )? {
            Some(i) => {
                let name = &params.options.0[i].name;
                self.line_out(
                    tr!("Choice: {name}", "선택: {name}")
                        .get(self.lang)
                        .to_string(),
                )?;
                Ok(i)
            }
            None => Err(Stop::Cancelled),
        }
    }

    pub fn confirm(&mut self) -> Result<bool, Stop> {
        loop {
            let text = self.ask(
                tr!(
                    "Save it? [Y/n] ",
                    "저장하시겠습니까? [예/아니오, 기본: 예] "
                ),
                tr!("the confirmation", "확인 답변"),
            )?;
            // Saving is the default: the learner has just answered every question.
            match crate::terminal::parse_yes_no(&text, true) {
                Some(yes) => return Ok(yes),
                None => self.invalid(tr!(
                    "answer y (yes) or n (no)",
                    "예(y) 또는 아니오(n)로 답하십시오"
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

/// Why a typed reason is refused, or `None` when it will pass the check: long enough (in
/// characters, not bytes), a sentence and not keyboard mash, and more than question `q` again
/// or words that fit any task (the rules `choices` applies).
fn reason_problem(text: &str, (params, q): (&Params, &Question), n: usize) -> Option<Tr> {
    let min = params.min_reason;
    let count = text.chars().count();
    if count < min {
        let counted = crate::i18n::count(count, "character", "characters");
        return Some(tr!(
            "the reason for question {n} has {counted}; write at least {min}: why does that tool fit?",
            "{n}번 질문의 이유가 {count}자입니다. {min}자 이상 써 주십시오: 왜 그 도구가 알맞습니까?"
        ));
    }
    if crate::prose::check(text).is_err() {
        return Some(tr!(
            "the reason for question {n} is not a sentence (one character repeated, or no letters): why does that tool fit?",
            "{n}번 질문의 이유가 문장이 아닙니다 (같은 글자의 반복이거나 글자가 없음): 왜 그 도구가 알맞습니까?"
        ));
    }
    if crate::prose::mash(text) {
        return Some(tr!(
            "the reason for question {n} is keyboard mash (keys side by side, or Korean letters never made into syllables): why does that tool fit?",
            "{n}번 질문의 이유는 자판을 이어서 누른 글자(또는 음절을 이루지 않은 자모)일 뿐입니다: 왜 그 도구가 알맞습니까?"
        ));
    }
    choices::says_nothing(params, q, text).map(|empty| match empty {
        choices::Empty::Restates => tr!(
            "the reason for question {n} only says the task again; say how you work on it, who runs it and for how long: why does that tool fit?",
            "{n}번 질문의 이유는 작업을 다시 말할 뿐입니다. 어떻게 작업하는지, 누가 얼마나 오래 실행하는지를 들어 쓰십시오: 왜 그 도구가 알맞습니까?"
        ),
        choices::Empty::Generic => tr!(
            "the reason for question {n} would fit any task; say what about this one matters: how you work on it, who runs it and for how long",
            "{n}번 질문의 이유는 어느 작업에나 붙일 수 있는 말입니다. 이 작업의 어떤 점이 중요한지, 곧 어떻게 작업하는지, 누가 얼마나 오래 실행하는지를 들어 쓰십시오"
        ),
    })
}

#[cfg(test)]
mod tests;
