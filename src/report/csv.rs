//! `--format csv`: a gradebook, one row per submission (one row for a single workspace).
//!
//! Columns: `submission,score,max_score,<exercise id>...,error`. Each exercise column holds
//! that exercise's score, or a marker where there is no verdict: [`NOT_GRADED`] for an
//! exercise that was not graded (it needs `--exec`; its points still count in `max_score`),
//! [`COULD_NOT_RUN`] for one whose check could not run (the reason is in `error`). A
//! submission that could not be graded at all has empty score cells and the reason in
//! `error`. Fields are quoted as RFC 4180 says; text that a spreadsheet would run as
//! a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, since
//! submission folder names come from students.
//!
//! `course gradebook merge` reads a gradebook back with [`crate::csvfile`], the reader the
//! roster uses: cells come back exactly as they were written (still defused and escaped), so a
//! merged gradebook repeats its parts byte for byte (tested below).

use super::{ExerciseReport, ExerciseStatus, Report};
use crate::grading::Reason;

/// The cell of an exercise that was not graded.
pub const NOT_GRADED: &str = "not graded";
/// The cell of an exercise whose check could not run.
pub const COULD_NOT_RUN: &str = "error";

/// One line of the gradebook.
pub struct Row<'a> {
    pub submission: &'a str,
    /// The report, or why the submission could not be graded.
    pub outcome: Result<&'a Report, String>,
    /// The row's own cells after the trailer (a roster's name, ids), one per `extra` column.
    pub extra: Vec<&'a str>,
}

/// The gradebook for `rows` in the given order, with a column for each of `exercise_ids`,
/// then the `trailer` columns (name, value), the same value on every row (a batch's course
/// and shard), then the `extra` columns, each row's own (columns only ever come after
/// `error`, so readers by position keep working).
pub fn render(
    exercise_ids: &[&str],
    rows: &[Row<'_>],
    trailer: &[(&str, &str)],
    extra: &[&str],
) -> String {
    let mut out = String::new();
    let mut header = vec!["submission", "score", "max_score"];
    header.extend(exercise_ids.iter().copied());
    header.push("error");
    header.extend(trailer.iter().map(|(name, _)| *name));
    header.extend(extra.iter().copied());
    push_record(&mut out, header.iter().map(|h| text_field(h)));
    for row in rows {
        let mut fields = vec![text_field(row.submission)];
        match &row.outcome {
            Ok(report) => {
                fields.push(report.summary.score.to_string());
                fields.push(report.summary.max_score.to_string());
                for id in exercise_ids {
                    fields.push(
                        report
                            .exercises
                            .iter()
                            .find(|e| e.id == *id)
                            .map_or(String::new(), cell),
                    );
                }
                fields.push(
                    report
                        .could_not_grade()
                        .map_or(String::new(), |m| text_field(&m)),
                );
            }
            Err(message) => {
                fields.extend(std::iter::repeat_n(String::new(), 2 + exercise_ids.len()));
                fields.push(text_field(message));
            }
        }
        fields.extend(trailer.iter().map(|(_, value)| text_field(value)));
        fields.extend(row.extra.iter().map(|value| text_field(value)));
        push_record(&mut out, fields.into_iter());
    }
    out
}

/// An exercise's cell: its score, or the marker for no verdict.
fn cell(e: &ExerciseReport) -> String {
    match (e.status, e.reason) {
        (_, Some(Reason::CouldNotRun)) => COULD_NOT_RUN.to_string(),
        (ExerciseStatus::Skip, _) => NOT_GRADED.to_string(),
        _ => e.score.to_string(),
    }
}

/// One CSV record (already-escaped fields) and its CRLF.
pub fn push_record(out: &mut String, fields: impl Iterator<Item = String>) {
    let fields: Vec<String> = fields.collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// A text cell: defused against formulas, quoted when it holds `,`, `"`, CR or LF.
pub fn text_field(s: &str) -> String {
    // A gradebook on stdout reaches a terminal: no raw ESC, BEL or C1 from a folder name.
    let s = crate::escape::visible(s);
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    quote(&s)
}

/// A cell as it is, quoted when it holds `,`, `"`, CR or LF (for cells already defused).
pub fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::text::tests::sample;

    #[test]
    fn header_rows_and_error_rows() {
        let r = sample();
        let rows = [
            Row {
                submission: "alice",
                outcome: Ok(&r),
                extra: vec![],
            },
            Row {
                submission: "bob, jr",
                outcome: Err("not a folder: \"bob\"\nreally".into()),
                extra: vec![],
            },
            Row {
                submission: "=HYPERLINK(1)",
                outcome: Ok(&r),
                extra: vec![],
            },
        ];
        let out = render(
            &["environment", "requirements", "import", "gone"],
            &rows,
            &[],
            &[],
        );
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "submission,score,max_score,environment,requirements,import,gone,error"
        );
        // sample(): requirements had a check that could not run, import was not graded.
        assert_eq!(
            lines[1],
            "alice,20,60,20,error,not graded,,requirements: python timed out after 10 s"
        );
        assert_eq!(
            lines[2],
            "\"bob, jr\",,,,,,,\"not a folder: \"\"bob\"\"\nreally\""
        );
        assert!(lines[3].starts_with("'=HYPERLINK(1),20,60,20,error,not graded,,"));
        assert_eq!(lines[4], "");
        assert_eq!(lines.len(), 5);
    }

    fn read_back(text: &str) -> Vec<Vec<String>> {
        crate::csvfile::parse(text)
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn the_reader_reads_what_render_writes() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\nthere\",\r\n,,\r\n";
        assert_eq!(
            read_back(text),
            [
                vec!["a", "b", "c"],
                vec!["x, y", "say \"hi\"\nthere", ""],
                vec!["", "", ""]
            ]
        );
    }

    proptest::proptest! {
        // Rows of two cells or more, as every gradebook row is (a row of one empty cell is a
        // blank line, which the reader skips as spreadsheets' trailing lines).
        #[test]
        fn rendered_records_read_back_as_written(rows in proptest::collection::vec(
            proptest::collection::vec(".{0,12}", 2..5), 0..6)) {
            // A gradebook starts with its header (a byte-order mark before it is dropped).
            let mut out = String::from("submission,score\r\n");
            for row in &rows {
                push_record(&mut out, row.iter().map(|c| text_field(c)));
            }
            let parsed = read_back(&out);
            proptest::prop_assert_eq!(parsed.len(), rows.len() + 1);
            for (got, want) in parsed[1..].iter().zip(&rows) {
                // What comes back is the written (defused, escaped) cell, unquoted.
                let written: Vec<String> = want
                    .iter()
                    .map(|c| read_back(&format!("x,{}", text_field(c))).remove(0).remove(1))
                    .collect();
                proptest::prop_assert_eq!(got, &written);
            }
        }
    }
}
