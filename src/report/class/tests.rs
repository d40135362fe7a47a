//! Counting a class and laying it out.

use super::*;
use crate::grading::submission::{Unusable, NOT_A_FOLDER};
use crate::i18n::Lang;
use crate::report::text::tests::sample;

/// Three graded submissions (one with a hostile name) and one that is not a folder.
fn class() -> Class {
    let mut full = sample();
    for e in &mut full.exercises {
        e.status = ExerciseStatus::Pass;
        e.reason = None;
        e.score = e.max_score;
        for f in &mut e.findings {
            f.status = Status::Pass;
        }
    }
    full.summary.score = full.summary.max_score;
    let graded = vec![
        Graded {
            submission: "<b>eve</b>".into(),
            person: Default::default(),
            outcome: Ok(sample()),
        },
        Graded {
            submission: "alice".into(),
            person: Default::default(),
            outcome: Ok(sample()),
        },
        Graded {
            submission: "bob".into(),
            person: Default::default(),
            outcome: Ok(full),
        },
        Graded {
            submission: "carol".into(),
            person: Default::default(),
            outcome: Err(Unusable {
                code: NOT_A_FOLDER,
                message: "not a folder".into(),
            }),
        },
    ];
    Class::build("python-ecosystem", &graded)
}

#[test]
fn counts_scores_exercises_problems_and_ungradable() {
    let c = class();
    assert_eq!((c.submissions, c.graded()), (4, 3));
    // sample() scores 20 of 60 (33%), the full one 100%.
    assert_eq!(c.bins[3], 2);
    assert_eq!(c.bins[9], 1);
    assert_eq!(c.median().map(pct), Some("33.3".into()));
    let req = c.exercises.iter().find(|e| e.id == "requirements").unwrap();
    assert_eq!((req.passed, req.could_not_run), (1, 2));
    let first = &c.problems[0];
    assert_eq!(first.students, ["<b>eve</b>", "alice"]);
    // Not a folder, and two with a check that could not run.
    let codes: Vec<&str> = c.ungradable.iter().map(|u| u.code.as_str()).collect();
    assert_eq!(codes.len(), 3);
    assert!(codes.contains(&NOT_A_FOLDER), "{codes:?}");
}

#[test]
fn html_is_self_contained_and_escapes_names() {
    let page = html::render(&class(), Lang::En);
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("&lt;b&gt;eve&lt;/b&gt;"));
    assert!(!page.contains("<b>eve"));
    assert!(page.contains("prefers-color-scheme: dark") && page.contains("@media print"));
    assert_eq!(page.matches("<svg").count(), 2);
    for fetch in [
        "<script", "src=", "href=", "url(", "@import", "http://", "https://",
    ] {
        assert!(!page.contains(fetch), "{fetch}");
    }
    let ko = html::render(&class(), Lang::Ko);
    assert!(ko.contains("<html lang=\"ko\">") && ko.contains("점수 분포"));
}

#[test]
fn markdown_escapes_names() {
    let md = md::render(&class(), Lang::En);
    assert!(md.contains("\\<b\\>eve\\</b\\>"), "{md}");
    assert!(md.contains("### Could not grade"));
    assert!(md.contains("`submission/not-a-folder`"));
}

#[test]
fn code_spans_in_messages_become_code_elements() {
    assert_eq!(
        html::prose("`numpy>=` is <bad>"),
        "<code>numpy&gt;=</code> is &lt;bad&gt;"
    );
    assert_eq!(html::prose("a `b` c `d"), "a <code>b</code> c `d");
}
