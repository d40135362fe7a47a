//! `course doctor` as text: one `label: value` line per fact (read the same by eye and by a
//! screen reader), then the exercises and the problems with their fixes.

use super::Doctor;
use crate::app::App;
use crate::i18n::Tr;
use crate::terminal::Style;
use crate::tr;

pub fn render(d: &Doctor, app: &App) -> String {
    let lang = app.lang;
    let t = |tr: Tr| tr.get(lang).to_string();
    let mut lines: Vec<String> = Vec::new();
    let mut line = |label: Tr, value: String| lines.push(format!("{}: {value}", t(label)));

    let c = &d.course;
    let source = if c.source == "built-in" {
        t(tr!("built in", "내장"))
    } else {
        c.source.clone()
    };
    let (id, title, version, program) = (&c.id, &c.title, &c.version, c.program_version);
    line(
        tr!("Course", "코스"),
        t(tr!(
            "{id} \"{title}\" ({source}), version {version}; course {program}",
            "{id} \"{title}\" ({source}), 버전 {version}; course {program}"
        )),
    );
    let l = &d.language;
    line(tr!("Language", "언어"), format!("{}: {}", l.lang, l.why));
    let locale = match (&l.locale_variable, &l.locale) {
        (Some(var), Some(value)) => format!("{var}={value}"),
        _ => t(tr!("not set", "설정되지 않음")),
    };
    let utf8 = t(if l.utf8 {
        tr!("UTF-8", "UTF-8")
    } else {
        tr!("not UTF-8", "UTF-8 아님")
    });
    line(tr!("Locale", "로케일"), format!("{locale} ({utf8})"));

    let term = &d.terminal;
    let tty = if term.stdout_is_terminal {
        t(tr!("a terminal", "터미널"))
    } else {
        t(tr!("not a terminal", "터미널 아님"))
    };
    line(tr!("Output", "출력"), tty);
    let width = term.width;
    let from = t(match term.width_from {
        "flag" => tr!("--width", "--width"),
        "terminal" => tr!("terminal", "터미널"),
        "columns" => tr!("COLUMNS", "COLUMNS"),
        _ => tr!("default", "기본값"),
    });
    line(
        tr!("Width", "폭"),
        t(tr!("{width} columns ({from})", "{width}칸 ({from})")),
    );
    let on = |b: bool| {
        t(if b {
            tr!("on", "켜짐")
        } else {
            tr!("off", "꺼짐")
        })
    };
    line(
        tr!("Colour", "색"),
        format!("{}: {}", on(term.color), term.color_why),
    );
    line(
        tr!("Accessible mode", "접근성 모드"),
        term.accessible_why.clone(),
    );

    for p in &d.programs {
        let value = match (&p.path, &p.version, &p.error) {
            (Some(path), Some(v), _) => format!("{path} ({v})"),
            (Some(path), None, Some(e)) => format!("{path} ({e})"),
            _ if p.name == "conda" => t(tr!(
                "not found (only needed for conda environments)",
                "없음 (conda 환경을 쓸 때만 필요)"
            )),
            _ => t(tr!("not found on PATH", "PATH에 없음")),
        };
        lines.push(format!("{}: {value}", p.name));
    }

    match &d.workspace {
        None => lines.push(format!(
            "{}: {}",
            t(tr!("Workspace", "작업 폴더")),
            t(tr!("none", "없음"))
        )),
        Some(ws) => {
            let state = match ws.progress {
                "ok" => t(tr!("progress kept", "진행 상황 저장")),
                "damaged" => t(tr!("progress file damaged", "진행 파일 손상")),
                _ if ws.initialised => t(tr!("no progress yet", "아직 진행 상황 없음")),
                _ => t(tr!(
                    "not initialised: progress is not kept",
                    "초기화 안 됨: 진행 상황을 저장하지 않음"
                )),
            };
            lines.push(format!(
                "{}: {} ({state})",
                t(tr!("Workspace", "작업 폴더")),
                ws.path
            ));
            let git = &ws.git;
            let value = match (&git.top, &git.error) {
                (Some(top), _) if git.shallow => {
                    t(tr!("{top} (shallow clone)", "{top} (얕은 클론)"))
                }
                (Some(top), _) => t(tr!("{top} (full history)", "{top} (전체 이력)")),
                (None, Some(e)) => e.clone(),
                (None, None) => t(tr!("not a repository", "저장소 아님")),
            };
            lines.push(format!(
                "{}: {value}",
                t(tr!("Git repository", "git 저장소"))
            ));
            let env = &ws.environment;
            let label = t(tr!("Environment", "가상환경"));
            match env.status {
                "found" => {
                    let version = env.version.clone().unwrap_or_default();
                    lines.push(format!("{label}: {} {version}", env.why.join("; ")));
                }
                "broken" => lines.push(format!(
                    "{label}: {} ({})",
                    env.path.clone().unwrap_or_default(),
                    env.why.join("; ")
                )),
                _ => {
                    lines.push(format!(
                        "{label}: {}",
                        t(tr!("none found; looked in:", "찾지 못함. 찾아본 곳:"))
                    ));
                    lines.extend(env.why.iter().map(|w| format!("  - {w}")));
                }
            }
        }
    }

    lines.push(String::new());
    lines.push(
        app.term
            .paint(Style::Heading, &t(tr!("Exercises", "연습 문제"))),
    );
    for ex in &d.exercises {
        let state = if ex.checkable {
            t(tr!("checkable", "검사 가능"))
        } else {
            let codes = ex.blocked_by.join(", ");
            t(tr!("blocked by {codes}", "막힘: {codes}"))
        };
        lines.push(format!("  {}: {state}", ex.id));
    }
    lines.push(String::new());
    if d.problems.is_empty() {
        lines.push(t(tr!("No problems found.", "문제가 없습니다.")));
    } else {
        let n = d.problems.len();
        let heading = Tr::plural(
            n,
            tr!("{n} problem", "문제 {n}개"),
            tr!("{n} problems", "문제 {n}개"),
        );
        lines.push(app.term.paint(Style::Fail, &t(heading)));
        for p in &d.problems {
            lines.push(format!("  - {} [{}]", p.message, p.code));
            lines.push(format!("    {}: {}", t(tr!("fix", "해결")), p.fix));
        }
    }
    let text = lines.join("\n") + "\n";
    crate::terminal::fit(&text, app.term.width)
}
