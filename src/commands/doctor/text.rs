//! `course doctor` as text: one `label: value` line per fact (read the same by eye and by a
//! screen reader), then the exercises and the problems with their fixes.

use super::Doctor;
use crate::app::App;
use crate::i18n::Tr;
use crate::terminal::Style;
use crate::tr;

pub fn render(d: &Doctor, app: &App) -> String {
    let mut out = Lines {
        lang: app.lang,
        lines: Vec::new(),
    };
    setting(d, &mut out);
    terminal(d, &mut out);
    programs(d, &mut out);
    workspace(d, &mut out);
    verdict(d, app, &mut out);
    let text = out.lines.join("\n") + "\n";
    crate::terminal::fit(&text, app.term.width)
}

/// The text being built, in one language.
struct Lines {
    lang: crate::i18n::Lang,
    lines: Vec<String>,
}

impl Lines {
    fn t(&self, tr: Tr) -> String {
        tr.get(self.lang).to_string()
    }

    fn push(&mut self, line: String) {
        self.lines.push(line);
    }

    /// `label: value`.
    fn line(&mut self, label: Tr, value: String) {
        let label = self.t(label);
        self.lines.push(format!("{label}: {value}"));
    }

    fn on(&self, on: bool) -> String {
        self.t(if on {
            tr!("on", "켜짐")
        } else {
            tr!("off", "꺼짐")
        })
    }
}

/// The course, the language and the locale.
fn setting(d: &Doctor, out: &mut Lines) {
    let c = &d.course;
    let source = if c.source == "built-in" {
        out.t(tr!("built in", "내장"))
    } else {
        c.source.clone()
    };
    let (id, title, version, program) = (&c.id, &c.title, &c.version, c.program_version);
    out.line(
        tr!("Course", "코스"),
        out.t(tr!(
            "{id} \"{title}\" ({source}), version {version}; course {program}",
            "{id} \"{title}\" ({source}), 버전 {version}; course {program}"
        )),
    );
    let l = &d.language;
    out.line(tr!("Language", "언어"), format!("{}: {}", l.lang, l.why));
    let locale = match (&l.locale_variable, &l.locale) {
        (Some(var), Some(value)) => format!("{var}={value}"),
        _ => out.t(tr!("not set", "설정되지 않음")),
    };
    let utf8 = out.t(if l.utf8 {
        tr!("UTF-8", "UTF-8")
    } else {
        tr!("not UTF-8", "UTF-8 아님")
    });
    out.line(tr!("Locale", "로케일"), format!("{locale} ({utf8})"));
}

fn terminal(d: &Doctor, out: &mut Lines) {
    let term = &d.terminal;
    let tty = if term.stdout_is_terminal {
        out.t(tr!("a terminal", "터미널"))
    } else {
        out.t(tr!("not a terminal", "터미널 아님"))
    };
    out.line(tr!("Output", "출력"), tty);
    let width = term.width;
    let from = out.t(match term.width_from {
        "flag" => tr!("--width", "--width"),
        "terminal" => tr!("terminal", "터미널"),
        "columns" => tr!("COLUMNS", "COLUMNS"),
        "controlling-terminal" => tr!(
            "the terminal stderr or /dev/tty is on",
            "stderr나 /dev/tty의 터미널"
        ),
        _ => tr!("default", "기본값"),
    });
    out.line(
        tr!("Width", "폭"),
        out.t(tr!("{width} columns ({from})", "{width}칸 ({from})")),
    );
    out.line(
        tr!("Colour", "색"),
        format!("{}: {}", out.on(term.color), term.color_why),
    );
    out.line(
        tr!("Accessible mode", "접근성 모드"),
        term.accessible_why.clone(),
    );
}

fn programs(d: &Doctor, out: &mut Lines) {
    for p in &d.programs {
        let value = match (&p.path, &p.version, &p.error) {
            (Some(path), Some(v), _) => format!("{path} ({v})"),
            (Some(path), None, Some(e)) => format!("{path} ({e})"),
            _ if p.name == "conda" => out.t(tr!(
                "not found (only needed for conda environments)",
                "없음 (conda 환경을 쓸 때만 필요)"
            )),
            _ => out.t(tr!("not found on PATH", "PATH에 없음")),
        };
        out.push(format!("{}: {value}", p.name));
    }
}

fn workspace(d: &Doctor, out: &mut Lines) {
    match &d.workspace {
        None => out.push(format!(
            "{}: {}",
            out.t(tr!("Workspace", "작업 폴더")),
            out.t(tr!("none", "없음"))
        )),
        Some(ws) => {
            let state = match ws.progress {
                "ok" => out.t(tr!("progress kept", "진행 상황 저장")),
                "damaged" => out.t(tr!("progress file damaged", "진행 파일 손상")),
                _ if ws.initialised => out.t(tr!("no progress yet", "아직 진행 상황 없음")),
                _ => out.t(tr!(
                    "not initialised: progress is not kept",
                    "초기화 안 됨: 진행 상황을 저장하지 않음"
                )),
            };
            out.push(format!(
                "{}: {} ({state})",
                out.t(tr!("Workspace", "작업 폴더")),
                ws.path
            ));
            let git = &ws.git;
            let value = match (&git.top, &git.error) {
                (Some(top), _) if git.shallow => {
                    out.t(tr!("{top} (shallow clone)", "{top} (얕은 클론)"))
                }
                (Some(top), _) => out.t(tr!("{top} (full history)", "{top} (전체 이력)")),
                (None, Some(e)) => e.clone(),
                (None, None) => out.t(tr!("not a repository", "저장소 아님")),
            };
            out.push(format!(
                "{}: {value}",
                out.t(tr!("Git repository", "git 저장소"))
            ));
            let env = &ws.environment;
            let label = out.t(tr!("Environment", "가상환경"));
            match env.status {
                // The reason names the folder and its Python (see `doctor/environment.rs`).
                "found" => out.push(format!("{label}: {}", env.why.join("; "))),
                "broken" => out.push(format!(
                    "{label}: {} ({})",
                    env.path.clone().unwrap_or_default(),
                    env.why.join("; ")
                )),
                _ => {
                    out.push(format!(
                        "{label}: {}",
                        out.t(tr!("none found; looked in:", "찾지 못함. 찾아본 곳:"))
                    ));
                    out.lines.extend(env.why.iter().map(|w| format!("  - {w}")));
                }
            }
        }
    }
}

/// The exercises and the problems.
fn verdict(d: &Doctor, app: &App, out: &mut Lines) {
    out.push(String::new());
    out.push(
        app.term
            .paint(Style::Heading, &out.t(tr!("Exercises", "연습 문제"))),
    );
    for ex in &d.exercises {
        let state = if ex.checkable {
            out.t(tr!("checkable", "검사 가능"))
        } else {
            let codes = ex.blocked_by.join(", ");
            out.t(tr!("blocked by {codes}", "막힘: {codes}"))
        };
        out.push(format!("  {}: {state}", ex.id));
    }
    out.push(String::new());
    if d.problems.is_empty() {
        out.push(out.t(tr!("No problems found.", "문제가 없습니다.")));
    } else {
        let n = d.problems.len();
        let heading = Tr::plural(
            n,
            tr!("{n} problem", "문제 {n}개"),
            tr!("{n} problems", "문제 {n}개"),
        );
        out.push(app.term.paint(Style::Fail, &out.t(heading)));
        for p in &d.problems {
            out.push(format!("  - {} [{}]", p.message, p.code));
            // Commands in a fix are on lines of their own, broken (if at all) so that they
            // paste whole.
            let first = format!("    {}: ", out.t(tr!("fix", "해결")));
            for line in crate::terminal::hint_lines(&p.fix, &first, "      ", app.term.width) {
                out.push(line);
            }
        }
    }
}
