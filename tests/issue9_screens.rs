//! Issue 9, the flow walked screen by screen: every screen says the same thing about an
//! exercise as `course list` does. The home screen's status words are list's, it offers `e`
//! only where `course watch` does (an exercise with a file to open), and `course doctor`
//! outside a workspace speaks, and names as its reason, the language every other command
//! speaks there (the one saved in the workspace its start leads back to).

use crate::common::{course_in, flat, init_workspace, tempdir, texts, write};
use crate::issue9_flow::ON_ENVIRONMENT;

/// The home screen at 60 columns, on the environment exercise (no file) with `requirements`
/// put aside: the rows carry `course list`'s words ("later", "not yet"), the key line leaves
/// out `e` there and offers it on `requirements`, and `e` pressed anyway says that `c` shows
/// what to do here (it sent the learner to `course check environment`). Fails on the old
/// code: the key line offered `e` on the environment exercise, and the `e` that opened nothing
/// marked the exercise tried, so its row turned to "fail". (The rows' words already came
/// from list's function, `list::exercise_word`; that half is a guard, not a fix.)
#[cfg(unix)]
#[test]
fn issue9_home_screen_says_what_list_says_and_offers_e_only_with_a_file() {
    use crate::common::{course_line, Tmux};
    let cases = [
        (
            "en",
            "q quit",
            ["later", "not yet"],
            "e edit",
            "c checks it here",
            "environment has no file to edit (its checks look at an environment or a history, not a file); c checks it here and shows what to do",
        ),
        (
            "ko",
            "q 끝내기",
            ["나중에", "아직"],
            "e 편집",
            "c를 누르면",
            "environment에는 편집할 파일이 없습니다 (환경이나 기록을 확인하는 연습 문제입니다). c를 누르면 여기서 확인하고 할 일을 보여 줍니다",
        ),
    ];
    for (lang, quit, [later, not_yet], offer, wait, says) in cases {
        let ws = init_workspace(lang);
        write(ws.path(), ".course/state.yaml", ON_ENVIRONMENT);
        // What `course list` says of the two exercises.
        let (list, _) = texts(
            course_in(ws.path()).args(["--lang", lang, "--width", "60", "list"]),
            0,
        );
        let word = |id: &str| {
            // The word is what comes before the title, two spaces on.
            let line = list.lines().find(|l| l.ends_with(id)).unwrap();
            line.trim_start().split("  ").next().unwrap().to_string()
        };
        assert_eq!(
            [word("requirements"), word("environment")],
            [later, not_yet],
            "{list}"
        );
        let t = Tmux::sized(ws.path(), &course_line(&format!("--lang {lang}")), 60, 24);
        let screen = t.wait_for(quit);
        let row = |screen: &str, id: &str| {
            let tail = format!("({id})");
            let line = screen.lines().find(|l| l.ends_with(&tail)).unwrap();
            let line = line.trim_start_matches(['>', ' ']);
            line.split("  ").next().unwrap().to_string()
        };
        assert_eq!(
            [row(&screen, "requirements"), row(&screen, "environment")],
            [later, not_yet],
            "{lang}:\n{screen}"
        );
        assert!(
            screen.contains(&format!("> {not_yet}")),
            "{lang}: the environment exercise is selected:\n{screen}"
        );
        assert!(!screen.contains(offer), "{lang}:\n{screen}");
        // On `requirements`, which has a file, `e` is offered.
        t.send(&["k"]);
        t.wait_for(offer);
        t.send(&["j"]);
        t.wait_until("e left out again", |s| {
            s.contains(&format!("> {not_yet}")) && !s.contains(offer)
        });
        t.send(&["e"]);
        let screen = t.wait_for(wait);
        assert!(flat(screen.as_bytes()).contains(says), "{lang}:\n{screen}");
        assert!(
            !screen.contains("course check environment"),
            "{lang}:\n{screen}"
        );
        // An `e` that opened nothing leaves the exercise as it was: "not yet", not "fail".
        assert!(
            screen.contains(&format!("> {not_yet}")),
            "{lang}:\n{screen}"
        );
        t.send(&["q"]);
        assert_eq!(t.exit_code(), "0");
    }
}

/// `course doctor` outside a workspace named the course's default as the reason for its
/// language (and spoke it), where every other command there speaks the language saved in the
/// workspace its start leads back to. Now it speaks that one and says so, as `saved-nearby`
/// in JSON; `--lang` still wins. Fails on the old code (Korean, `course-default`).
#[test]
fn issue9_doctor_outside_a_workspace_speaks_the_language_saved_nearby() {
    for (dir, lang, why) in [
        (
            "work/vla",
            "en",
            "Language: en: the choice saved in the workspace you go back to (course init --lang)",
        ),
        (
            "my-vla-project",
            "ko",
            "언어: ko: 돌아갈 작업 폴더에 저장된 선택 (course init --lang)",
        ),
    ] {
        let home = tempdir();
        let home = home.path();
        let ws = home.join(dir);
        std::fs::create_dir_all(&ws).unwrap();
        course_in(&ws)
            .env("HOME", home)
            .args(["init", "--lang", lang])
            .assert()
            .success();
        let doctor = |args: &[&str], format: &str| {
            let out = course_in(home)
                .env("HOME", home)
                .args(args)
                .args(["doctor", "--format", format])
                .output()
                .unwrap();
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let text = flat(doctor(&["--width", "200"], "text").as_bytes());
        assert!(text.contains(why), "{lang}: {text}");
        let json: serde_json::Value = serde_json::from_str(&doctor(&[], "json")).unwrap();
        assert_eq!(json["language"]["lang"], lang);
        assert_eq!(json["language"]["reason"], "saved-nearby");
        let other = if lang == "en" { "ko" } else { "en" };
        let json: serde_json::Value =
            serde_json::from_str(&doctor(&["--lang", other], "json")).unwrap();
        assert_eq!(json["language"]["lang"], other);
        assert_eq!(json["language"]["reason"], "flag");
    }
}
