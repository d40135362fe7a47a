//! Gathering what `course doctor` shows, from the decision functions the other commands use.

use std::path::Path;
use std::time::Duration;

use super::{
    CourseInfo, Doctor, ExerciseInfo, GitInfo, LanguageInfo, Problem, Program, TerminalInfo,
    WorkspaceInfo,
};
use crate::app::App;
use crate::checks::Check;
use crate::tr;

/// `--version` of python3 and git answers in milliseconds: a program that takes longer than
/// this is reported as not working rather than waited for.
pub(super) const VERSION_TIMEOUT: Duration = Duration::from_secs(10);
/// conda is a Python program with many imports and can take seconds to start.
const CONDA_TIMEOUT: Duration = Duration::from_secs(30);

pub fn collect(app: &mut App) -> Doctor {
    let mut problems = Vec::new();
    // The state is read here, not by App::load: a damaged one is a problem to show, not an
    // error that stops the doctor.
    let progress = match &app.workspace {
        Some(ws) if ws.is_initialised() => match ws.load_state() {
            Ok(state) => {
                app.state = state;
                "ok"
            }
            Err(_) => "damaged",
        },
        _ => "none",
    };
    // Outside a workspace, the language every other command speaks here: the one saved in
    // the workspace the start leads back to (issue 9: doctor named the course's default).
    let (saved, nearby) = match &app.workspace {
        None => (app.nearby_lang(), true),
        Some(_) => (app.state.lang, false),
    };
    let (lang, lang_why) =
        crate::app::chosen_lang_why(app.global.lang, saved, app.course.default_lang);
    let lang_why = match lang_why {
        crate::app::LangWhy::Saved if nearby => crate::app::LangWhy::SavedNearby,
        why => why,
    };
    crate::exit::set_lang(lang);
    app.lang = lang;
    if progress == "damaged" {
        problems.push(Problem::new(
            "workspace/progress-damaged",
            tr!(
                "the progress file .course/state.yaml does not parse",
                "진행 파일 .course/state.yaml을 읽을 수 없습니다"
            ),
            tr!(
                "start the progress again (your files stay as they are):\n  course reset --all",
                "진행 상황을 처음부터 다시 시작하십시오 (파일은 그대로 둡니다):\n  course reset --all"
            ),
            app,
        ));
    }
    let language = language(app, lang_why, &mut problems);
    let programs = programs(app, &mut problems);
    let workspace = match app.workspace.clone() {
        Some(ws) => Some(workspace(
            app,
            &ws.root,
            ws.is_initialised(),
            progress,
            &mut problems,
        )),
        None => {
            problems.push(Problem::new(
                "workspace/none",
                tr!(
                    "this folder is not a course workspace (no .course/ here or above)",
                    "이 폴더는 코스 작업 폴더가 아닙니다 (여기와 위쪽에 .course/가 없습니다)"
                ),
                tr!(
                    "in the folder you work in, run:\n  course init\nor pass --workspace DIR",
                    "작업할 폴더에서 실행하십시오:\n  course init\n또는 --workspace DIR를 주십시오"
                ),
                app,
            ));
            None
        }
    };
    let exercises = exercises(app, &problems);
    Doctor {
        schema: "course-doctor/1",
        course: course(app),
        language,
        terminal: terminal(app),
        programs,
        workspace,
        exercises,
        problems,
    }
}

fn course(app: &App) -> CourseInfo {
    let source = match &app.course.files.origin {
        crate::course::Origin::Embedded => "built-in".to_string(),
        crate::course::Origin::Dir(dir) => dir.display().to_string(),
    };
    CourseInfo {
        id: app.course.id.clone(),
        title: app.course.title.get(app.lang).to_string(),
        source,
        version: app.course.files.fingerprint(),
        program_version: env!("CARGO_PKG_VERSION"),
    }
}

fn language(app: &App, why: crate::app::LangWhy, problems: &mut Vec<Problem>) -> LanguageInfo {
    // The C library's order: LC_ALL overrides LC_CTYPE, which overrides LANG.
    let (locale_variable, locale) = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|name| {
            std::env::var(name)
                .ok()
                .filter(|v| !v.is_empty())
                .map(|v| (Some(name), Some(v)))
        })
        .unwrap_or((None, None));
    let utf8 = locale.as_deref().is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        l.contains("utf-8") || l.contains("utf8")
    });
    // Windows consoles have no locale variables; their code page is another matter.
    if !utf8 && !cfg!(windows) {
        let shown = match (locale_variable, &locale) {
            (Some(var), Some(value)) => format!("{var}={value}"),
            _ => "LANG".to_string(),
        };
        problems.push(Problem::new(
            "locale/not-utf8",
            tr!(
                "the locale is not UTF-8 ({shown}): Korean text and box drawing may show as garbage",
                "로케일이 UTF-8이 아닙니다 ({shown}). 한글과 표 테두리가 깨져 보일 수 있습니다"
            ),
            tr!(
                "put this line in your shell's startup file (ko_KR.UTF-8 or en_US.UTF-8 do too):\n  export LANG=C.UTF-8",
                "셸 시작 파일에 이 줄을 넣으십시오 (ko_KR.UTF-8이나 en_US.UTF-8도 됩니다):\n  export LANG=C.UTF-8"
            ),
            app,
        ));
    }
    LanguageInfo {
        lang: app.lang.code().to_string(),
        reason: why.code(),
        why: why.reason().get(app.lang).to_string(),
        locale_variable,
        locale,
        utf8,
    }
}

fn terminal(app: &App) -> TerminalInfo {
    let term = &app.term;
    TerminalInfo {
        stdout_is_terminal: term.is_tty,
        width: term.width,
        width_from: term.width_from.code(),
        color: term.color,
        color_reason: term.color_why.code(),
        color_why: term.color_why.reason().get(app.lang).to_string(),
        accessible: term.accessible.is_on(),
        accessible_why: term.accessible.reason().get(app.lang).to_string(),
    }
}

/// python3, git and conda: where, and which version.
fn programs(app: &App, problems: &mut Vec<Problem>) -> Vec<Program> {
    let conda = std::env::var_os("CONDA_EXE")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
        .filter(|p| p.is_file())
        .or_else(|| crate::process::find_program("conda"));
    let found = [
        ("python3", crate::process::find_program("python3")),
        ("git", crate::process::find_program("git")),
        ("conda", conda),
    ];
    let mut out = Vec::new();
    for (name, path) in found {
        let version = path.as_deref().map(|p| {
            let timeout = if name == "conda" {
                CONDA_TIMEOUT
            } else {
                VERSION_TIMEOUT
            };
            crate::process::version_of(p, timeout)
        });
        let error = match (&path, &version) {
            (None, _) => Some("not found on PATH".to_string()),
            (Some(_), Some(Err(e))) => Some(e.clone()),
            _ => None,
        };
        match (name, &path, &error) {
            ("python3", None, _) => problems.push(Problem::new(
                "python3/not-found",
                tr!(
                    "python3 is not on PATH: no environment can be made",
                    "PATH에 python3이 없습니다. 가상환경을 만들 수 없습니다"
                ),
                tr!(
                    "install Python 3 (python.org); on Debian/Ubuntu:\n  sudo apt install python3 python3-venv",
                    "Python 3을 설치하십시오 (python.org). Debian/Ubuntu에서는:\n  sudo apt install python3 python3-venv"
                ),
                app,
            )),
            ("python3", Some(p), Some(e)) => {
                let p = p.display();
                problems.push(Problem::new(
                    "python3/not-working",
                    tr!("{p} --version failed: {e}", "{p} --version이 실패했습니다: {e}"),
                    tr!(
                        "reinstall Python 3, or put a working python3 first on PATH",
                        "Python 3을 다시 설치하거나, 동작하는 python3을 PATH 앞쪽에 두십시오"
                    ),
                    app,
                ))
            }
            ("git", None, _) => problems.push(Problem::new(
                "git/not-found",
                tr!(
                    "git is not on PATH: you cannot make the commits the git exercise checks",
                    "PATH에 git이 없습니다. git 연습 문제가 검사하는 커밋을 만들 수 없습니다"
                ),
                tr!(
                    "install git (git-scm.com); on Debian/Ubuntu:\n  sudo apt install git",
                    "git을 설치하십시오 (git-scm.com). Debian/Ubuntu에서는:\n  sudo apt install git"
                ),
                app,
            )),
            _ => {}
        }
        out.push(Program {
            name,
            found: path.is_some(),
            path: path.map(|p| p.display().to_string()),
            version: version.and_then(Result::ok),
            error,
        });
    }
    out
}

fn workspace(
    app: &App,
    root: &Path,
    initialised: bool,
    progress: &'static str,
    problems: &mut Vec<Problem>,
) -> WorkspaceInfo {
    WorkspaceInfo {
        path: root.display().to_string(),
        initialised,
        progress,
        git: git(app, root, problems),
        environment: super::environment::environment(app, root, problems),
    }
}

fn git(app: &App, root: &Path, problems: &mut Vec<Problem>) -> GitInfo {
    use crate::git::OpenError;
    let mut info = GitInfo {
        repository: false,
        top: None,
        shallow: false,
        error: None,
    };
    let error = match crate::git::open_workspace_repo(&crate::fs::Root::new(root), false) {
        Ok(repo) => {
            info.repository = true;
            info.shallow = repo.repo.is_shallow();
            info.top = Some(root.display().to_string());
            if info.shallow {
                problems.push(Problem::new(
                    "git/shallow",
                    tr!(
                        "the repository is a shallow clone: the history before the cut cannot be checked",
                        "저장소가 얕은 클론(shallow clone)입니다. 잘린 앞쪽 이력은 검사할 수 없습니다"
                    ),
                    tr!(
                        "fetch the whole history, in the workspace:\n  git fetch --unshallow",
                        "작업 폴더에서 이력 전체를 받으십시오:\n  git fetch --unshallow"
                    ),
                    app,
                ));
            }
            return info;
        }
        Err(OpenError::NotARepository) => {
            problems.push(Problem::new(
                "git/not-a-repo",
                tr!(
                    "the workspace is not a git repository",
                    "작업 폴더가 git 저장소가 아닙니다"
                ),
                tr!(
                    "in the workspace:\n  git init -b main",
                    "작업 폴더에서:\n  git init -b main"
                ),
                app,
            ));
            return info;
        }
        Err(OpenError::InsideOtherRepo { top }) => {
            problems.push(Problem::new(
                "git/workspace-inside-other-repo",
                tr!(
                    "the workspace is not a git repository of its own: it is a folder inside the repository at {top}, whose history the git exercise does not judge",
                    "작업 폴더가 자체 git 저장소가 아닙니다. {top}에 있는 다른 저장소 안의 폴더일 뿐이고, git 연습 문제는 그 저장소의 이력을 보지 않습니다"
                ),
                tr!(
                    "make the workspace a repository of its own, in the workspace:\n  git init -b main",
                    "작업 폴더에서 자체 저장소를 만드십시오:\n  git init -b main"
                ),
                app,
            ));
            let error = tr!(
                "none of its own (a folder inside the repository at {top})",
                "자체 저장소 없음 ({top}에 있는 저장소 안의 폴더)"
            );
            info.error = Some(error.get(app.lang).to_string());
            return info;
        }
        Err(e) => open_error(e, app.lang),
    };
    problems.push(Problem::new(
        "git/unreadable",
        tr!(
            "git cannot open the workspace's repository: {error}",
            "작업 폴더의 git 저장소를 열 수 없습니다: {error}"
        ),
        tr!(
            "run this in the workspace and fix what it reports:\n  git status",
            "작업 폴더에서 실행해 알려 주는 문제를 고치십시오:\n  git status"
        ),
        app,
    ));
    info.error = Some(error);
    info
}

/// Which problems stop each exercise's checks from deciding.
fn exercises(app: &App, problems: &[Problem]) -> Vec<ExerciseInfo> {
    let present: Vec<&str> = problems.iter().map(|p| p.code).collect();
    app.course
        .exercises
        .iter()
        .map(|ex| {
            let mut blocking: Vec<&'static str> = vec!["workspace/none"];
            for check in &ex.checks {
                blocking.extend(match check {
                    Check::PythonEnv(_) | Check::PythonImport(_) => {
                        &["env/not-found", "env/broken"][..]
                    }
                    Check::GitHistory(_) => &[
                        "git/not-found",
                        "git/not-a-repo",
                        "git/workspace-inside-other-repo",
                        "git/unreadable",
                        "git/shallow",
                    ][..],
                    Check::Gitignore(_) | Check::TrackedFiles(_) => &[
                        "git/not-found",
                        "git/not-a-repo",
                        "git/workspace-inside-other-repo",
                        "git/unreadable",
                    ][..],
                    _ => &[][..],
                });
            }
            let mut blocked_by: Vec<&'static str> = Vec::new();
            for code in blocking {
                if present.contains(&code) && !blocked_by.contains(&code) {
                    blocked_by.push(code);
                }
            }
            ExerciseInfo {
                id: ex.id.clone(),
                title: ex.title.get(app.lang).to_string(),
                checkable: blocked_by.is_empty(),
                blocked_by,
            }
        })
        .collect()
}

/// Why git cannot open the workspace's repository, for the doctor's line and problem.
fn open_error(e: crate::git::OpenError, lang: crate::i18n::Lang) -> String {
    use crate::git::OpenError;
    let text = match e {
        OpenError::Owner(m) | OpenError::Unreadable(m) => return m,
        OpenError::Bare { path } => tr!(
            "{path} is a bare repository",
            "{path}은(는) 작업 트리가 없는 bare 저장소입니다"
        ),
        OpenError::NotRegular { path } => tr!(
            "{path} is not a regular file",
            "{path}은(는) 일반 파일이 아닙니다"
        ),
        OpenError::Outside { git_dir } => tr!(
            "the repository {git_dir} is elsewhere",
            "저장소 {git_dir}이(가) 작업 폴더 밖에 있습니다"
        ),
        OpenError::WorktreeElsewhere { workdir } => tr!(
            "core.worktree puts the work tree at {workdir}",
            "core.worktree가 작업 트리를 {workdir}에 둡니다"
        ),
        // Answered by git() itself; said here too so that every error has words.
        OpenError::NotARepository => tr!("not a git repository", "git 저장소가 아닙니다"),
        OpenError::InsideOtherRepo { top } => tr!(
            "a folder inside the repository at {top}",
            "{top}에 있는 저장소 안의 폴더입니다"
        ),
    };
    text.get(lang).to_string()
}
