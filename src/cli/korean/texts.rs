//! The Korean texts of `--help` (issue 9): command descriptions and examples, option
//! descriptions and the descriptions of option values, keyed by the clap names that
//! `super::localize` walks. The test in `super` fails when one is missing.

/// Descriptions and examples of commands, by path (`course`, `check`, `ci init`).
pub(super) const COMMANDS: &[(&str, &str, &str)] = &[
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
        "예:\n  course grade student-repo            --workspace student-repo와 같음\n  course grade --workspace . --format github --exec\n  course grade --format junit --output junit.xml\n  course grade --batch submissions/ --output grades.csv\n  course grade --batch submissions/ --format json --jobs 4 > gradebook.json\n  course grade --batch submissions/ --report class.html --report class.md\n  course grade --batch submissions/ --shard 2/4 --format json --output part-2.json\n  course grade --roster roster.csv --clones clones/ --output grades.csv\n\n--exec가 없으면 제출물의 어떤 것도 실행하지 않습니다: 제출물의 Python을 실행하는 확인은 건너뜁니다.\n--batch는 DIR 안의 폴더(숨은 폴더 제외)마다 채점하고 성적표를 씁니다: CSV(열 submission, score, max_score, <exercise>..., error, course, course_version, shard, 그리고 명단의 name, id, sis_user_id, sis_login_id, section, email)나, --format json이면 course-gradebook/1 문서 하나.\n\n종료 코드: 0 모두 통과, 1 실패가 있음, 2 사용법이나 코스 파일 오류, 3 실행하지 못한 확인이 있음.\n--batch일 때: 0 배치를 채점함(점수와 상관없이), 2 사용법 오류, 3 채점하지 못한 제출물이나 실행하지 못한 확인이 있음(그 줄도 씁니다).",
    ),
    (
        "validate",
        "코스 폴더(기본: 내장 코스)를 검사합니다: 파일, 참조, 픽스처",
        "예:\n  course validate\n  course validate my-course/",
    ),
    (
        "completions",
        "셸 자동 완성 스크립트를 출력합니다",
        "예:\n  source <(course completions bash)                 ~/.bashrc에\n  source <(course completions zsh)                  ~/.zshrc에\n  course completions fish | source                  ~/.config/fish/config.fish에\n  course completions powershell | Out-String | Invoke-Expression   $PROFILE에\n  eval (course completions elvish | slurp)          ~/.config/elvish/rc.elv에\n\n스크립트는 Tab을 누를 때마다 이 `course`를 다시 불러서, id가 늘 코스와 맞습니다 (줄에 있는 --course DIR, 없으면 $COURSE_DIR, 없으면 내장 코스). 저장해 두지 말고 위처럼 셸이 시작할 때마다 새로 불러오십시오.",
    ),
    (
        "man",
        "course나 그 명령의 매뉴얼 페이지(roff)를 출력합니다",
        "예:\n  course man | man -l -\n  mkdir -p ~/.local/share/man/man1 && course man > ~/.local/share/man/man1/course.1\n  course man check > ~/.local/share/man/man1/course-check.1",
    ),
    ("ci", "제출물을 채점하는 CI 설정을 씁니다", ""),
    (
        "ci init",
        "푸시마다 채점하는 CI 워크플로를 씁니다",
        "예:\n  course ci init --github\n  course ci init --gitlab --force\n  course ci init --github --shards 8      submissions/의 반 전체를 러너 8개에서 채점\n  course ci init --slurm --shards 50\n  course ci init --kubernetes --shards 20\n  course ci init --github --shards 4 --roster roster.csv   명단의 저장소를 복제해서 채점",
    ),
    ("gradebook", "`course grade --batch`의 성적표를 다룹니다", ""),
    (
        "doctor",
        "course가 보는 것(프로그램, 환경, 저장소, 터미널, 언어)과 각 연습 문제를 확인하려면 무엇이 필요한지 보여 줍니다",
        "예:\n  course doctor\n  course doctor --format json\n\n종료 코드: 0 문제 없음, 1 문제가 있음(각각 고치는 법과 함께), 2 사용법이나 코스 파일 오류.",
    ),
    (
        "gradebook merge",
        "나눠 채점한 배치(`--shard I/N`)의 성적표들을 하나로 합칩니다",
        "예:\n  course gradebook merge parts/*.csv --output grades.csv\n  course gradebook merge part-1.json part-2.json --output gradebook.json\n\n몫은 CSV나 JSON 성적표입니다. 코스나 코스 버전이 다른 몫, 겹치는 몫, 빠진 몫, 두 번 나온 제출물은 거부합니다(종료 코드 2).\n--format json이거나 파일 이름이 .json으로 끝나면 JSON으로(이때 모든 몫이 JSON이어야 합니다), 아니면 CSV로 씁니다.",
    ),
    ("help", "이 도움말이나 명령의 도움말을 출력합니다", ""),
];

/// Option and argument descriptions: `command path/arg id`, else `arg id` for every command.
pub(super) const ARGS: &[(&str, &str)] = &[
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
        "grade/dir",
        "채점할 작업 폴더. --workspace DIR과 같습니다 (`course grade .`, `course grade student-repo`) [기본: 현재 폴더를 품은 작업 폴더, 없으면 현재 폴더]",
    ),
    (
        "grade/exec",
        "제출물의 코드를 실행하는 확인을 허용합니다 (Python 인터프리터, `import src...`)",
    ),
    (
        "grade/batch",
        "DIR 안의 폴더마다 제출물 하나로 채점하고 성적표를 씁니다",
    ),
    (
        "grade/jobs",
        "--batch와 --roster의 병렬 작업 수 [기본: 모든 코어]",
    ),
    (
        "grade/roster",
        "명단(열 student,repo와 선택 열 ref가 있는 CSV)의 저장소들을 채점합니다",
    ),
    (
        "grade/clones",
        "--roster가 저장소를 복제할 폴더 (다음 실행에서는 다시 가져옵니다) [기본: 명단 옆의 course-clones]",
    ),
    (
        "grade/clone_timeout",
        "--roster의 git clone이나 fetch 한 번에 허용하는 최대 시간(초)",
    ),
    (
        "grade/unpack_max_mb",
        "--batch에서 압축 파일(.zip, .tar, .tar.gz) 하나를 풀 수 있는 최대 크기(MiB)",
    ),
    (
        "grade/points",
        "--format canvas|moodle에서 코스 점수를 N점짜리 과제 점수로 환산합니다",
    ),
    (
        "grade/assignment",
        "--format canvas|moodle에서 과제 열의 이름 [기본: 코스 제목]",
    ),
    (
        "grade/shard",
        "--batch나 --roster에서 N개로 나눈 몫 중 I번째만 채점합니다 (1 <= I <= N, 제출물 이름으로 정해짐). `course gradebook merge`로 N개의 성적표를 합칩니다",
    ),
    (
        "grade/report",
        "--batch나 --roster에서 반 전체 보고서도 씁니다: HTML(`.html`)이나 Markdown(`.md`). 두 번 쓸 수 있습니다",
    ),
    ("completions/shell", "자동 완성을 쓸 셸"),
    (
        "man/command",
        "course(1) 대신 이 명령의 매뉴얼 페이지(course-check(1) 등)",
    ),
    ("ci init/github", "GitHub Actions: .github/workflows/grade.yml"),
    ("ci init/gitlab", "GitLab CI: .gitlab-ci.yml"),
    (
        "ci init/slurm",
        "Slurm(--shards와 함께): 반 전체에 대한 작업 배열 grade-class.sbatch",
    ),
    (
        "ci init/kubernetes",
        "Kubernetes(--shards와 함께): 반 전체에 대한 Indexed Job grade-class-job.yaml",
    ),
    ("ci init/force", "이미 있는 파일을 덮어씁니다"),
    (
        "ci init/with_env",
        "CI에서 requirements.txt로 환경도 만들고 그 환경이 필요한 확인도 실행합니다",
    ),
    (
        "ci init/shards",
        "submissions/의 반 전체를 엔진에서 N개로 나눠 채점한 뒤 성적표를 합칩니다",
    ),
    (
        "ci init/roster",
        "--shards와 함께: submissions/ 대신 이 명단의 저장소를 채점합니다 (작업 폴더에서 본 경로). 샤드마다 자기 몫을 복제합니다",
    ),
    ("gradebook merge/parts", "모든 몫(shard)의 성적표"),
    (
        "gradebook merge/output",
        "합친 성적표를 stdout 대신 이 파일에 씁니다",
    ),
    (
        "gradebook merge/format",
        "csv 또는 json [기본: --output이 .json으로 끝나면 json, 아니면 csv]",
    ),
    (
        "gradebook merge/report",
        "반 전체 보고서도 이 파일에 씁니다 (`.html`이나 `.md`, 두 번 쓸 수 있음). JSON 성적표가 필요합니다: CSV 성적표에는 결과 내용이 없습니다",
    ),
    (
        "validate/dir",
        "코스 폴더 [기본: --course, 없으면 내장 코스]",
    ),
    (
        "validate/no_fixtures",
        "파일만 검사하고 픽스처에서 확인을 실행하지 않습니다",
    ),
];

/// Descriptions of the values of an option whose values have their own help in English.
pub(super) const VALUES: &[(&str, &str)] = &[
    (
        "text",
        "사람용: 연습 문제마다 한 줄과 실패한 것을 고치는 법",
    ),
    ("json", "`course-report/1` 문서"),
    ("junit", "JUnit XML (GitLab, Jenkins)"),
    ("gradescope", "Gradescope의 `results.json`"),
    ("classroom50", "Classroom 50의 `result.json`"),
    (
        "github",
        "GitHub Actions 주석과 `$GITHUB_STEP_SUMMARY`의 작업 요약",
    ),
    ("csv", "성적표 한 줄"),
    ("canvas", "Canvas가 가져오는 성적표 (Grades > Import)"),
    ("moodle", "Moodle이 가져오는 성적표 (Import > CSV file)"),
];
