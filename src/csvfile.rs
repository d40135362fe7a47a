//! Reading CSV files an instructor gives (a roster, gradebooks to merge) as RFC 4180 says:
//! fields separated by `,`, records by LF or CRLF, a field in double quotes may hold `,`,
//! line breaks and `""` for a quote. Each record keeps the line it starts on, so a message
//! can name it. Spreadsheets add a byte-order mark and trailing empty lines: both are
//! accepted. Linear and without recursion: any input gives records or an error, never a panic.

use crate::i18n::Tr;
use crate::tr;

/// One record (row) and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: u32,
    pub fields: Vec<String>,
}

/// Why the text is not CSV, with the 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field is never closed (`line`: where it opens).
    UnclosedQuote { line: u32 },
    /// Text follows a closing quote in the same field (`"ab"c`).
    AfterQuote { line: u32 },
}

impl CsvError {
    pub fn line(&self) -> u32 {
        match self {
            CsvError::UnclosedQuote { line } | CsvError::AfterQuote { line } => *line,
        }
    }

    /// What is wrong and how to fix it, for a message that names the file and [`Self::line`].
    pub fn reason(&self) -> Tr {
        match self {
            CsvError::UnclosedQuote { .. } => tr!(
                "a quoted field is never closed; add the closing `\"`",
                "따옴표로 연 칸이 닫히지 않았습니다. 닫는 `\"`를 넣으십시오"
            ),
            CsvError::AfterQuote { .. } => tr!(
                "text after a closing quote; quote the whole field",
                "닫는 따옴표 뒤에 글자가 있습니다. 칸 전체를 따옴표로 감싸십시오"
            ),
        }
    }
}

/// Every record of `text`. Blank lines (no field at all) are skipped.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line: u32 = 1;
    let mut record_line: u32 = 1;
    // The record so far has content (a blank line is not a record of one empty field).
    let mut started = false;
    let mut chars = text.chars().peekable();
    // Nothing of the current field read yet (a quote here opens a quoted field).
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                started = true;
                at_field_start = false;
                let open = line;
                loop {
                    match chars.next() {
                        None => return Err(CsvError::UnclosedQuote { line: open }),
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
                    }
                }
                match chars.peek() {
                    None | Some(',') | Some('\n') | Some('\r') => {}
                    Some(_) => return Err(CsvError::AfterQuote { line }),
                }
            }
            ',' => {
                started = true;
                at_field_start = true;
                fields.push(std::mem::take(&mut field));
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                if started {
                    fields.push(std::mem::take(&mut field));
                    records.push(Record {
                        line: record_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                started = false;
                at_field_start = true;
                line += 1;
                record_line = line;
            }
            c => {
                started = true;
                at_field_start = false;
                field.push(c);
            }
        }
    }
    if started {
        fields.push(field);
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fields(text: &str) -> Vec<(u32, Vec<&'static str>)> {
        parse(text)
            .unwrap()
            .into_iter()
            .map(|r| {
                (
                    r.line,
                    r.fields
                        .into_iter()
                        .map(|f| &*Box::leak(f.into_boxed_str()))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn records_fields_quotes_and_lines() {
        assert_eq!(
            fields("\u{feff}student,repo\r\n\r\n\"Kim, Min\",\"a\"\"b\nc\"\nlee,,\n\"\",x"),
            vec![
                (1, vec!["student", "repo"]),
                (3, vec!["Kim, Min", "a\"b\nc"]),
                (5, vec!["lee", "", ""]),
                (6, vec!["", "x"]),
            ]
        );
        assert_eq!(fields(""), vec![]);
        assert_eq!(fields("a"), vec![(1, vec!["a"])]);
        // A field holding only NUL is that, not an empty field.
        assert_eq!(fields("\0,\"\""), vec![(1, vec!["\0", ""])]);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            parse("a,b\nc,\"open\nstill\n"),
            Err(CsvError::UnclosedQuote { line: 2 })
        );
        assert_eq!(
            parse("a\n\n\"x\"y,z"),
            Err(CsvError::AfterQuote { line: 3 })
        );
    }

    proptest! {
        #[test]
        fn any_text_parses_or_names_a_line_within_it(text in "[a-z,\"\r\n ]{0,60}|\\PC{0,60}") {
            let lines = text.split('\n').count() as u32 + text.matches('\r').count() as u32;
            match parse(&text) {
                Ok(records) => {
                    for r in &records {
                        prop_assert!(r.line >= 1 && r.line <= lines.max(1));
                    }
                }
                Err(e) => prop_assert!(e.line() >= 1 && e.line() <= lines.max(1)),
            }
        }

        #[test]
        fn quoted_fields_round_trip(rows in proptest::collection::vec(
            proptest::collection::vec("[a-z,\" \n]{0,8}", 1..4), 1..5)) {
            let text: String = rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .collect::<Vec<_>>()
                .join("\r\n");
            let back: Vec<Vec<String>> = parse(&text).unwrap().into_iter().map(|r| r.fields).collect();
            prop_assert_eq!(back, rows);
        }
    }
}
