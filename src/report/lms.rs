//! Gradebooks an LMS imports (`--format canvas|moodle`): one grade column for the assignment,
//! one row per submission, the columns the import screens read.
//!
//! - Canvas (Grades > Import): `Student,ID,SIS User ID,SIS Login ID,Section,<assignment>`.
//!   Canvas needs a student column and the section column before the assignments; a student
//!   is matched by `ID`, `SIS User ID` or `SIS Login ID` when given, else by name. Each
//!   comes from the roster's column of that name where it gives one (`name`, `id`,
//!   `sis_user_id`, `sis_login_id`, `section`); `Student` and `SIS Login ID` fall back to
//!   the submission's name (a roster whose `student` column holds the login ids matches).
//! - Moodle (Gradebook setup > Import > CSV file): any header; on the import screen the
//!   instructor maps one column to a user field ("Identify user by": username, ID number or
//!   email) and the grade column to a grade item. We write `Username,<assignment>,Feedback`.
//!
//! The grade is the course's score, or with `--points N` the score mapped onto N points
//! (`score / max_score * N`, two decimals at most). A submission that could not be graded
//! gets an empty grade (never 0: an empty cell leaves the LMS grade as it is) and the reason in
//! Canvas's nothing / Moodle's `Feedback`.

use super::csv::text_field;
use super::Report;
use crate::grading::batch::Graded;

/// Which import screen the CSV is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lms {
    Canvas,
    Moodle,
}

/// The LMS gradebook of `graded` for the assignment named `assignment`.
pub fn render(
    lms: Lms,
    assignment: &str,
    points: Option<f64>,
    graded: &[Graded<Report>],
) -> String {
    let mut out = String::new();
    let header: Vec<&str> = match lms {
        Lms::Canvas => vec![
            "Student",
            "ID",
            "SIS User ID",
            "SIS Login ID",
            "Section",
            assignment,
        ],
        Lms::Moodle => vec!["Username", assignment, "Feedback"],
    };
    push(&mut out, header.iter().map(|h| text_field(h)).collect());
    for g in graded {
        let name = text_field(&g.submission);
        let p = &g.person;
        let given = |v: &Option<String>| text_field(v.as_deref().unwrap_or(""));
        let or_name = |v: &Option<String>| v.as_deref().map_or(name.clone(), text_field);
        let grade = g
            .outcome
            .as_ref()
            .ok()
            .map_or(String::new(), |r| grade(r, points));
        let row = match lms {
            Lms::Canvas => vec![
                or_name(&p.name),
                given(&p.id),
                given(&p.sis_user_id),
                or_name(&p.sis_login_id),
                given(&p.section),
                grade,
            ],
            Lms::Moodle => {
                let feedback = match &g.outcome {
                    Ok(r) => r.could_not_grade().unwrap_or_default(),
                    Err(e) => e.to_string(),
                };
                vec![name, grade, text_field(&feedback)]
            }
        };
        push(&mut out, row);
    }
    out
}

/// The grade cell: the score, or the score scaled onto `points`.
fn grade(report: &Report, points: Option<f64>) -> String {
    let (score, max) = (report.summary.score, report.summary.max_score);
    match points {
        None => score.to_string(),
        Some(_) if max == 0 => "0".to_string(),
        Some(p) => {
            let scaled = (f64::from(score) / f64::from(max) * p * 100.0).round() / 100.0;
            // 12.5 and 20, not 12.50 and 20.00: what a person would type.
            let s = format!("{scaled:.2}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    }
}

fn push(out: &mut String, fields: Vec<String>) {
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::submission::Unusable;
    use crate::report::text::tests::sample;

    fn rows() -> Vec<Graded<Report>> {
        vec![
            Graded {
                submission: "kim".into(),
                person: Default::default(),
                outcome: Ok(sample()),
            },
            Graded {
                submission: "lee, jr".into(),
                person: Default::default(),
                outcome: Err(Unusable {
                    code: "roster/no-commits",
                    message: "nothing was pushed".into(),
                }),
            },
        ]
    }

    #[test]
    fn canvas_and_moodle_columns_and_points() {
        // sample(): 20 of 60 points.
        let canvas = render(Lms::Canvas, "HW 1", Some(10.0), &rows());
        let lines: Vec<&str> = canvas.split("\r\n").collect();
        assert_eq!(lines[0], "Student,ID,SIS User ID,SIS Login ID,Section,HW 1");
        assert_eq!(lines[1], "kim,,,kim,,3.33");
        assert_eq!(lines[2], "\"lee, jr\",,,\"lee, jr\",,");
        let moodle = render(Lms::Moodle, "HW 1", None, &rows());
        let lines: Vec<&str> = moodle.split("\r\n").collect();
        assert_eq!(lines[0], "Username,HW 1,Feedback");
        assert!(lines[1].starts_with("kim,20,"), "{}", lines[1]);
        assert_eq!(
            lines[2],
            "\"lee, jr\",,nothing was pushed [roster/no-commits]"
        );
    }

    #[test]
    fn canvas_takes_names_and_ids_from_the_roster() {
        let mut graded = rows();
        graded[0].person = crate::grading::submission::Person {
            name: Some("Kim, Minji".into()),
            id: Some("4711".into()),
            sis_user_id: Some("=2026001".into()),
            sis_login_id: None,
            section: Some("A".into()),
            email: Some("kim@u.example".into()),
        };
        let canvas = render(Lms::Canvas, "HW 1", None, &graded);
        let lines: Vec<&str> = canvas.split("\r\n").collect();
        // A formula-looking id is defused like every cell; the login falls back to the name.
        assert_eq!(lines[1], "\"Kim, Minji\",4711,'=2026001,kim,A,20");
        assert_eq!(lines[2], "\"lee, jr\",,,\"lee, jr\",,");
    }

    #[test]
    fn points_are_rounded_as_written_by_hand() {
        let mut r = sample();
        for (score, max, points, want) in [
            (20, 60, 10.0, "3.33"),
            (30, 60, 25.0, "12.5"),
            (60, 60, 20.0, "20"),
            (0, 0, 5.0, "0"),
        ] {
            r.summary.score = score;
            r.summary.max_score = max;
            assert_eq!(grade(&r, Some(points)), want);
        }
    }
}
