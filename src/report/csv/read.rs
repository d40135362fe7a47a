//! Reading a CSV gradebook back (`course gradebook merge`): RFC 4180 records, the way
//! [`super::render`] writes them (CRLF or LF line ends, quoted fields with `""`).
//!
//! Cells come back exactly as they were written (still defused and escaped), so a merged
//! gradebook repeats its parts byte for byte. Input is bounded by the caller (a file read
//! with a size limit); parsing is one linear pass and never panics.

use std::fmt;

/// Where a CSV file stops being CSV.
#[derive(Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line where the bad record starts.
    pub line: usize,
    pub message: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Every record of `text` as its raw cells (quotes removed, `""` made `"`). A trailing line
/// end does not make an empty record.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, ParseError> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let (mut line, mut record_line) = (1, 1);
    // Whether the current field was quoted (then text after the closing quote is an error).
    let mut quoted = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            if c == '\n' {
                                line += 1;
                            }
                            field.push(c);
                        }
                        None => {
                            return Err(ParseError {
                                line: record_line,
                                message: "a quoted field is never closed",
                            })
                        }
                    }
                }
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                (quoted, at_field_start) = (false, true);
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                (quoted, at_field_start) = (false, true);
                line += 1;
                record_line = line;
            }
            _ if quoted => {
                return Err(ParseError {
                    line,
                    message: "text after the closing quote of a field",
                })
            }
            c => {
                at_field_start = false;
                field.push(c);
            }
        }
    }
    if !at_field_start || !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::super::{push_record, text_field};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_what_render_writes() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\nthere\",\r\n,,\r\n";
        assert_eq!(
            parse(text).unwrap(),
            [
                vec!["a", "b", "c"],
                vec!["x, y", "say \"hi\"\nthere", ""],
                vec!["", "", ""]
            ]
        );
        assert_eq!(parse("").unwrap(), Vec::<Vec<String>>::new());
        assert_eq!(parse("one").unwrap(), [vec!["one"]]);
    }

    #[test]
    fn bad_quotes_name_the_line() {
        let err = parse("a,b\r\nc,\"open\r\n").unwrap_err();
        assert_eq!(
            err,
            ParseError {
                line: 2,
                message: "a quoted field is never closed"
            }
        );
        let err = parse("a\n\"x\"y,z\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    proptest! {
        #[test]
        fn rendered_records_parse_back(rows in prop::collection::vec(
            prop::collection::vec(".{0,12}", 1..5), 0..6)) {
            let mut out = String::new();
            for row in &rows {
                push_record(&mut out, row.iter().map(|c| text_field(c)));
            }
            let parsed = parse(&out).unwrap();
            prop_assert_eq!(parsed.len(), rows.len());
            for (got, want) in parsed.iter().zip(&rows) {
                // What comes back is the written (defused, escaped) cell, unquoted.
                let written: Vec<String> = want
                    .iter()
                    .map(|c| {
                        let f = text_field(c);
                        parse(&f).unwrap().pop().map_or(String::new(), |mut r| r.remove(0))
                    })
                    .collect();
                prop_assert_eq!(got, &written);
            }
        }

        #[test]
        fn never_panics(text in "[a,\"\r\n]{0,40}") {
            let _ = parse(&text);
        }
    }
}
