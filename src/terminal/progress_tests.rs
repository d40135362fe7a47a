//! Unit tests of the progress lines: at every width they fit with the spinner and the time
//! spent, in the run's language, and shorten the import list in its middle.

use super::*;
use proptest::prelude::*;

/// The audit's step: four modules of the learner's project, sixty seconds.
fn audit_step() -> Step {
    Step {
        program: ".venv/bin/python".into(),
        imports: vec![["src.model", "src.data", "src.training", "src.utils"]
            .map(String::from)
            .to_vec()],
        max: Duration::from_secs(60),
    }
}

/// The whole line as indicatif draws it: spinner, message, the longest time spent shown.
fn drawn(step: &Step, lang: Lang, width: usize) -> String {
    let longest = took(step.max, lang);
    format!("- {} {longest}", step_line(step, lang, width))
}

#[test]
fn issue9_progress_line_fits_60_columns_in_korean() {
    let line = drawn(&audit_step(), Lang::Ko, 60);
    assert!(
        text_width(&line) <= 60,
        "{line:?} is {} wide",
        text_width(&line)
    );
    assert!(line.contains("(최대 60초)"), "{line:?}");
    assert!(!line.contains("max") && !line.contains(" s)"), "{line:?}");
    // Modules go from the middle (here all but the first), and no module is cut.
    assert!(line.contains("(import src.model, …)"), "{line:?}");
    assert!(line.ends_with(" 1분 0초"), "{line:?}");
}

#[test]
fn issue9_progress_line_fits_60_columns_in_english() {
    let line = drawn(&audit_step(), Lang::En, 60);
    assert!(
        text_width(&line) <= 60,
        "{line:?} is {} wide",
        text_width(&line)
    );
    assert!(line.contains("(max 60 s)"), "{line:?}");
    assert!(line.contains("(import src.model, …)"), "{line:?}");
    // With room, both ends of the list stay.
    let wider = step_line(&audit_step(), Lang::En, 70);
    assert!(
        wider.contains("(import src.model, …, src.utils)"),
        "{wider:?}"
    );
}

#[test]
fn a_line_that_fits_is_left_whole() {
    let line = step_line(&audit_step(), Lang::Ko, 140);
    assert_eq!(
        line,
        ".venv/bin/python (import src.model, src.data, src.training, src.utils) (최대 60초)"
    );
}

#[test]
fn each_part_keeps_its_own_import() {
    let mut step = audit_step();
    step.imports.insert(0, vec!["torch".into(), "numpy".into()]);
    let line = step_line(&step, Lang::En, 80);
    assert!(
        text_width(&line) + around(&step, Lang::En) <= 80,
        "{line:?}"
    );
    assert!(
        line.starts_with(".venv/bin/python (import torch, "),
        "{line:?}"
    );
    assert!(line.contains("; import "), "{line:?}");
    assert!(line.contains('…'), "{line:?}");
}

#[test]
fn a_narrow_terminal_drops_the_list_then_folders_of_the_path() {
    let mut step = audit_step();
    step.program = "/home/학생/프로젝트/.venv/bin/python".into();
    let line = step_line(&step, Lang::Ko, 40);
    assert_eq!(line, "…/.venv/bin/python (최대 60초)");
}

#[test]
fn time_spent_in_both_languages() {
    assert_eq!(took(Duration::from_secs(2), Lang::Ko), "2초");
    assert_eq!(took(Duration::from_secs(65), Lang::Ko), "1분 5초");
    assert_eq!(took(Duration::from_secs(2), Lang::En), "2s");
    assert_eq!(took(Duration::from_secs(65), Lang::En), "1m 5s");
}

#[test]
fn issue9_batch_counter_says_submissions_in_korean_and_fits() {
    for width in [20, 40, 60, 80, 140] {
        let ko = counter_template(1000, Lang::Ko, width);
        assert!(ko.contains("제출물 {pos}/{len}개 {took}"), "{ko}");
        assert!(!ko.contains("submissions"), "{ko}");
        let en = counter_template(1000, Lang::En, width);
        assert!(en.contains("{pos}/{len} submissions {took}"), "{en}");
        for t in [ko, en] {
            let bar = t
                .strip_prefix("{bar:")
                .and_then(|r| r.split_once('}'))
                .map_or(0, |(n, _)| n.parse::<usize>().unwrap() + 1);
            let text = t.split_once("} ").map_or(t.as_str(), |(_, r)| r);
            let shown = text
                .replace("{pos}", "1000")
                .replace("{len}", "1000")
                .replace("{took}", "59분 59초");
            if width >= 40 {
                assert!(bar + text_width(&shown) < width, "{t} at {width}");
            }
        }
    }
}

proptest! {
    /// Any program path, any modules, any width: the drawn line fits (down to the spinner
    /// and the time spent themselves) and building it never panics.
    #[test]
    fn every_step_line_fits(
        program in "[a-z가-힣/._]{0,60}",
        imports in proptest::collection::vec(proptest::collection::vec("[a-z_.]{1,30}", 0..6), 0..3),
        width in 0usize..160,
        ko in any::<bool>(),
    ) {
        let lang = if ko { Lang::Ko } else { Lang::En };
        let step = Step { program, imports, max: Duration::from_secs(60) };
        let line = step_line(&step, lang, width);
        let room = width.saturating_sub(around(&step, lang));
        prop_assert!(text_width(&line) <= room, "{:?} at {}", line, width);
    }
}
