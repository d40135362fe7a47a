//! `--help` and usage errors in Korean (issue 9): the clap definitions stay in English (the
//! doc comments are the reference), and when the language rule picks Korean the built
//! command gets Korean headings, descriptions and examples, and clap's common errors are
//! said in Korean. Text without a translation here stays as clap has it.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;

use crate::i18n::particles;

/// The help layout with Korean headings (clap's default template with `사용법:`).
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\n사용법: {usage}\n\n{all-args}{after-help}";

/// Descriptions and examples of commands, by path (`course`, `check`, `ci init`).
const COMMANDS: &[(&str, &str, &str)] = &[
    (
        "course",
        "터미널에서 레슨을 읽고, 실습한 작업 폴더를 확인받습니다.\n\n`course`만 실행하면 진행 상황과 다음 할 일을 보여 줍니다.",
        "예:\n  course init            이 폴더를 코스 작업 폴더로 만들기\n  course next            지금 읽거나 고칠 것\n  course check           작업 폴더 확인하기\n  course grade --workspace student-repo --format junit --output report.xml\n\n종료 코드: 0 성공, 1 실패한 연습 문제가 있음, 2 사용법이나 코스 파일 오류, 3 실행하지 못한 확인이 있음.",
    ),
    (
        "init",
        "폴더를 코스 작업 폴더로 만듭니다 (`.course/`만 만듭니다)",
        "예:\n  course init\n  course init my-vla-project --lang en",
    ),
    (
        "list",
        "레슨과 연습 문제를 순서대로 상태와 함께 보여 줍니다",
        "예:\n  course list\n  course list --format json",
    ),
    (
        "lesson",
        "레슨을 보여 주고(기본: 지금 레슨) 읽음으로 표시합니다",
        "예:\n  course lesson            지금 레슨\n  course lesson 3          세 번째 레슨\n  course lesson pip        id로\n  course lesson --file ../notes/05-python-ecosystem.ko.md",
    ),
    (
        "next",
        "다음에 할 일 하나: 읽을 레슨이나 고칠 연습 문제",
        "예:\n  course next",
    ),
    (
        "check",
        "작업 폴더의 연습 문제를 확인합니다",
        "예:\n  course check\n  course check requirements structure\n  course check --workspace ../student --format json\n\n종료 코드: 0 고른 연습 문제를 모두 통과, 1 실패가 있음, 2 사용법이나 코스 파일 오류, 3 실행하지 못한 확인이 있음.",
    ),
    (
        "watch",
        "파일을 저장할 때마다 다시 확인합니다 (Ctrl-C로 멈춤)",
        "예:\n  course watch\n  course watch --poll     WSL이나 네트워크 드라이브처럼 파일 이벤트가 오지 않는 곳에서",
    ),
    (
        "hint",
        "연습 문제의 다음 힌트를 보여 줍니다 (실행할 때마다 하나씩 더)",
        "예:\n  course hint\n  course hint requirements",
    ),
    (
        "edit",
        "고칠 파일을 편집기($VISUAL 또는 $EDITOR)로 첫 문제의 줄에서 엽니다",
        "예:\n  course edit\n  course edit requirements",
    ),
    (
        "skip",
        "연습 문제를 미뤄 둡니다 (예: torch를 내려받는 동안). `course next`가 마지막에 다시 데려옵니다",
        "예:\n  course skip                `course next`가 가리키는 연습 문제\n  course skip environment\n  course skip --undo environment   지금 다시 하기",
    ),
    (
        "reset",
        "진행 기록을 지웁니다 (본 힌트, 작업 표시, 미룸. --all이면 읽은 레슨과 지금 레슨도). 파일은 건드리지 않습니다",
        "예:\n  course reset requirements\n  course reset --all\n\n종료 코드: 0 지움(지울 것이 없거나 아니오라고 답한 경우도), 2 없는 연습 문제이거나 터미널이 아닌데 --yes가 없음.",
    ),
    (
        "answer",
        "연습 문제의 질문에 하나씩 답하고 답안 파일을 저장합니다",
        "예:\n  course answer jupyter-vs-script",
    ),
    (
        "grade",
        "작업 폴더(또는 제출물 폴더)를 채점합니다 (강사용)",
        "",
    ),
    (
        "validate",
        "코스 폴더(기본: 내장 코스)를 검사합니다: 파일, 참조, 픽스처",
        "예:\n  course validate\n  course validate my-course/",
    ),
    ("completions", "셸 자동 완성 스크립트를 출력합니다", ""),
    ("man", "course나 그 명령의 매뉴얼 페이지(roff)를 출력합니다", ""),
    ("ci", "제출물을 채점하는 CI 설정을 씁니다", ""),
    ("ci init", "푸시마다 채점하는 CI 워크플로를 씁니다", ""),
    ("gradebook", "`course grade --batch`의 성적표를 다룹니다", ""),
    ("help", "이 도움말이나 명령의 도움말을 출력합니다", ""),
];

/// Option and argument descriptions: `command path/arg id`, else `arg id` for every command.
const ARGS: &[(&str, &str)] = &[
    ("course", "내장 코스 대신 이 폴더의 코스를 씁니다"),
    (
        "workspace",
        "작업 폴더 (기본: 위쪽으로 가장 가까운 `.course/`가 있는 폴더)",
    ),
    (
        "lang",
        "레슨과 메시지의 언어 [기본: $COURSE_LANG, 저장한 선택, 코스의 기본 언어]",
    ),
    ("width", "글의 폭(칸 수) [기본: 터미널의 폭, 없으면 80]"),
    (
        "color",
        "색: auto는 터미널과 NO_COLOR, CLICOLOR, CLICOLOR_FORCE를 따릅니다",
    ),
    ("no_pager", "긴 글을 내장 페이저 없이 바로 출력합니다"),
    (
        "ascii",
        "표를 ASCII로 그립니다 (선 문자를 두 칸으로 보이는 터미널용)",
    ),
    (
        "plain",
        "화면 낭독기와 단순한 터미널을 위한 모드: 색, 선 문자, 페이저, 스피너 없이 출력합니다",
    ),
    (
        "no_sandbox",
        "작업 폴더의 프로그램을 샌드박스 없이 실행합니다 (시간 제한만)",
    ),
    (
        "require_sandbox",
        "샌드박스 일부를 쓸 수 없는 시스템에서는 작업 폴더의 프로그램을 실행하지 않습니다",
    ),
    (
        "sandbox_limit",
        "샌드박스 제한을 바꿉니다. 예: `memory-mib=4096` (여러 번 쓸 수 있음)",
    ),
    ("help", "도움말을 출력합니다"),
    ("version", "버전을 출력합니다"),
    ("format", "출력 형식"),
    ("output", "stdout 대신 이 파일에 씁니다"),
    ("init/dir", "작업 폴더로 만들 폴더 [기본: 지금 폴더]"),
    ("lesson/lesson", "레슨 id나 번호(1부터) [기본: 지금 레슨]"),
    ("lesson/file", "레슨 대신 아무 Markdown 파일을 보여 줍니다"),
    ("check/exercises", "연습 문제 id [기본: 전부]"),
    (
        "watch/poll",
        "파일 이벤트를 기다리지 않고 0.5초마다 바뀐 것을 찾습니다",
    ),
    (
        "hint/exercise",
        "연습 문제 id [기본: 아직 끝나지 않은 첫 연습 문제]",
    ),
    (
        "edit/exercise",
        "연습 문제 id [기본: `course next`가 가리키는 연습 문제]",
    ),
    (
        "skip/exercise",
        "연습 문제 id [기본: `course next`가 가리키는 연습 문제]",
    ),
    ("skip/undo", "미뤄 둔 연습 문제를 다시 원래 자리로 돌립니다"),
    ("reset/exercise", "진행 기록을 지울 연습 문제 id"),
    (
        "reset/all",
        "모든 진행 기록을 지웁니다: 읽은 레슨, 지금 레슨, 모든 힌트와 표시",
    ),
    (
        "reset/yes",
        "확인을 묻지 않습니다 (stdin이 터미널이 아닐 때 필요)",
    ),
    (
        "answer/exercise",
        "연습 문제 id (`choices` 확인이 있는 연습 문제)",
    ),
    (
        "grade/exec",
        "제출물의 코드를 실행하는 확인을 허용합니다 (Python 인터프리터, `import src...`)",
    ),
    (
        "grade/batch",
        "DIR 안의 폴더마다 제출물 하나로 채점하고 성적표를 씁니다",
    ),
    ("grade/jobs", "--batch의 병렬 작업 수 [기본: 모든 코어]"),
    (
        "validate/dir",
        "코스 폴더 [기본: --course, 없으면 내장 코스]",
    ),
    (
        "validate/no_fixtures",
        "파일만 검사하고 픽스처에서 확인을 실행하지 않습니다",
    ),
];

fn command_text(path: &str) -> Option<(&'static str, &'static str)> {
    COMMANDS
        .iter()
        .find(|(p, _, _)| *p == path)
        .map(|(_, about, after)| (*about, *after))
}

fn arg_text(path: &str, id: &str) -> Option<&'static str> {
    let own = format!("{path}/{id}");
    ARGS.iter()
        .find(|(key, _)| *key == own)
        .or_else(|| ARGS.iter().find(|(key, _)| *key == id))
        .map(|(_, text)| *text)
}

/// The command with Korean help: `cmd` must be built (so that `help` and `version` exist).
pub fn localize(cmd: Command) -> Command {
    walk(cmd, "")
}

fn walk(mut cmd: Command, parent: &str) -> Command {
    let name = cmd.get_name().to_string();
    let path = match parent {
        "" if name == "course" => name.clone(),
        "" | "course" => name.clone(),
        p => format!("{p} {name}"),
    };
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let text = arg_text(&path, &id);
        cmd = cmd.mut_arg(id, |a| {
            let a = match text {
                Some(t) => a.help(t).long_help(None::<&str>),
                None => a,
            };
            if positional {
                a.help_heading("인자")
            } else {
                a.help_heading("옵션")
            }
        });
    }
    if let Some((about, after)) = command_text(&path) {
        cmd = cmd.about(about).long_about(None::<&str>);
        if !after.is_empty() {
            cmd = cmd.after_help(after).after_long_help(None::<&str>);
        }
    }
    let after = cmd.get_after_help().map(|s| {
        s.to_string()
            .replace("Examples:", "예:")
            .replace("Exit codes:", "종료 코드:")
    });
    if let Some(after) = after {
        cmd = cmd.after_help(after);
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        let here = path.clone();
        cmd = cmd.mut_subcommand(sub, |s| walk(s, &here));
    }
    cmd.help_template(TEMPLATE).subcommand_help_heading("명령")
}

fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A usage error in Korean: `오류:` and what is wrong, a suggestion when clap has one, the
/// usage line and where to read more. `None` for help and version output (not errors).
pub fn error_text(e: &clap::Error) -> Option<String> {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    let what = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return None,
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => format!("알 수 없는 옵션 `{arg}`이(가) 있습니다"),
        ErrorKind::InvalidSubcommand => {
            let sub = context(e, ContextKind::InvalidSubcommand);
            format!("`{sub}`은(는) 없는 명령입니다")
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("`{arg}`에는 값이 필요합니다"),
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue);
            let mut s = format!("`{arg}`에 `{value}`은(는) 쓸 수 없습니다");
            if !valid.is_empty() {
                s.push_str(&format!(" (가능한 값: {valid})"));
            }
            s
        }
        ErrorKind::ValueValidation => format!("`{arg}`의 값 `{value}`이(가) 올바르지 않습니다"),
        ErrorKind::MissingRequiredArgument => format!("필요한 인자가 빠졌습니다: {arg}"),
        ErrorKind::ArgumentConflict => {
            let other = context(e, ContextKind::PriorArg);
            format!("`{arg}`과(와) `{other}`은(는) 함께 쓸 수 없습니다")
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("`{arg}`에 값이 너무 많습니다")
        }
        ErrorKind::MissingSubcommand => "명령이 필요합니다".to_string(),
        _ => "명령줄을 읽지 못했습니다".to_string(),
    };
    let mut out = format!("오류: {}\n", particles(&what));
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(|k| context(e, k))
        .find(|s| !s.is_empty());
    if let Some(s) = suggested {
        out.push_str(&particles(&format!("\n  `{s}`을(를) 쓰려던 것입니까?\n")));
    }
    // clap's own message follows, for the details the Korean leaves out.
    let original = e.render().to_string();
    let first = original.lines().next().unwrap_or("");
    out.push_str(&format!("  ({})\n", first.trim_start_matches("error: ")));
    let usage = context(e, ContextKind::Usage);
    if !usage.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            usage.replacen("Usage:", "사용법:", 1).trim_end()
        ));
    }
    out.push_str("\n자세한 내용은 `--help`를 붙여 실행해 보십시오.\n");
    Some(out)
}
