//! `course gradebook merge`: join the gradebooks of a sharded batch (`--shard I/N`) into one.
//!
//! Parts are CSV or `course-gradebook/1` JSON. The merge refuses parts that do not belong
//! together, each refusal naming both files: another course, another version of the course
//! (its `course_version` fingerprint), other exercise columns, a part that holds the whole
//! class beside others, parts cut into different numbers of shards, the same shard twice,
//! a missing shard, the same submission twice. A CSV part with no rows says nothing about its
//! course or shard; it is counted as one of the N parts.
//!
//! The result is the gradebook of the whole class (no shard), rows sorted by submission, so
//! that merging every shard gives what one unsharded run gives.

use std::collections::BTreeMap;

use super::gradebook::{self, Gradebook, Meta, GRADEBOOK_SCHEMA, TRAILER};
use super::{csv, Report};
use crate::csvfile;
use crate::grading::batch::Graded;
use crate::grading::shard::Shard;
use crate::grading::submission::Person;
use crate::i18n::Lang;
use crate::tr;

/// One gradebook file, read.
pub struct Part {
    /// The file as the user named it (for messages).
    pub name: String,
    pub course: Option<String>,
    pub course_version: Option<String>,
    /// `None`: unknown (a CSV part without rows); `Some(None)`: the whole class.
    pub shard: Option<Option<Shard>>,
    pub exercises: Vec<String>,
    body: Body,
}

enum Body {
    Json(Vec<Graded<Report>>),
    /// Data rows, cells as written.
    Csv(Vec<Vec<String>>),
}

/// What a merge produced.
pub struct Merged {
    pub document: String,
    pub submissions: usize,
    /// The shards the parts held (`N` = 1 for a single whole-class part).
    pub shards: u32,
    pub course: String,
    /// Every submission's report, sorted (when asked for: JSON parts only).
    pub graded: Option<Vec<Graded<Report>>>,
}

/// Read one part: JSON when it starts with `{`, else CSV.
pub fn read_part(name: &str, text: &str, lang: Lang) -> Result<Part, String> {
    if text.trim_start().starts_with('{') {
        read_json(name, text, lang)
    } else {
        read_csv(name, text, lang)
    }
}

fn read_json(name: &str, text: &str, lang: Lang) -> Result<Part, String> {
    let book: Gradebook = serde_json::from_str(text).map_err(|e| {
        tr!(
            "{name}: not a course-gradebook/1 document ({e}); pass the files `course grade --batch --format json` wrote",
            "{name}: course-gradebook/1 문서가 아닙니다 ({e}). `course grade --batch --format json`이 쓴 파일을 주십시오"
        )
        .get(lang)
        .to_string()
    })?;
    if book.schema != GRADEBOOK_SCHEMA {
        let schema = &book.schema;
        return Err(tr!(
            "{name}: schema `{schema}`, not {GRADEBOOK_SCHEMA}; merge gradebooks of the same schema",
            "{name}: 스키마가 {GRADEBOOK_SCHEMA}이(가) 아니라 `{schema}`입니다. 같은 스키마의 성적표를 합치십시오"
        )
        .get(lang)
        .to_string());
    }
    Ok(Part {
        name: name.to_string(),
        course: Some(book.meta.course),
        course_version: book.meta.course_version,
        shard: Some(book.meta.shard),
        exercises: book.meta.exercises,
        body: Body::Json(book.submissions),
    })
}

fn read_csv(name: &str, text: &str, lang: Lang) -> Result<Part, String> {
    let not_csv = |why: String| {
        tr!(
            "{name}: not a gradebook of `course grade --batch` ({why})",
            "{name}: `course grade --batch`의 성적표가 아닙니다 ({why})"
        )
        .get(lang)
        .to_string()
    };
    let mut records = csvfile::parse(text).map_err(|e| {
        let (line, why) = (e.line(), e.reason());
        not_csv(
            tr!("line {line}: {why}", "{line}번째 줄: {why}"; why = why)
                .get(lang)
                .to_string(),
        )
    })?;
    if records.is_empty() {
        return Err(not_csv("empty file".into()));
    }
    let header = records.remove(0).fields;
    let n = header.len();
    // The trailer ends where the roster's columns begin.
    let end = n.saturating_sub(Person::COLUMNS.len());
    let shaped = end >= 3 + 1 + TRAILER.len()
        && header[..3] == ["submission", "score", "max_score"]
        && header[end - 4] == "error"
        && header[end - 3..end] == TRAILER
        && header[end..] == Person::COLUMNS;
    if !shaped {
        return Err(not_csv(format!(
            "its header is `{}`; a gradebook from this version of course ends in `error,{},{}`: grade again to get one",
            header.join(","),
            TRAILER.join(","),
            Person::COLUMNS.join(",")
        )));
    }
    if let Some(r) = records.iter().find(|r| r.fields.len() != n) {
        return Err(not_csv(format!(
            "the row on line {} has {}, the header {n}",
            r.line,
            crate::i18n::count(r.fields.len(), "cell", "cells")
        )));
    }
    let records: Vec<Vec<String>> = records.into_iter().map(|r| r.fields).collect();
    let one = |col: usize, what: &str| -> Result<Option<String>, String> {
        let mut values: Vec<&str> = records.iter().map(|r| r[col].as_str()).collect();
        values.sort_unstable();
        values.dedup();
        match values.as_slice() {
            [] => Ok(None),
            [v] => Ok(Some(v.to_string())),
            [a, b, ..] => Err(not_csv(format!(
                "rows of {what} `{a}` and `{b}` in one file"
            ))),
        }
    };
    let course = one(end - 3, "course")?;
    let course_version = one(end - 2, "course version")?.filter(|v| !v.is_empty());
    let shard = match one(end - 1, "shard")? {
        None => None,
        Some(s) if s.is_empty() => Some(None),
        Some(s) => Some(Some(s.parse::<Shard>().map_err(not_csv)?)),
    };
    Ok(Part {
        name: name.to_string(),
        course,
        course_version,
        shard,
        exercises: header[3..end - 4].to_vec(),
        body: Body::Csv(records),
    })
}

/// The sort key of a CSV row: its submission cell without the `'` that defused a formula.
fn csv_key(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// Merge `parts` into one gradebook, JSON or CSV.
/// With `reports`, the parts must be JSON and [`Merged::graded`] holds the reports.
pub fn merge(parts: Vec<Part>, json: bool, reports: bool, lang: Lang) -> Result<Merged, String> {
    let first = parts.first().ok_or_else(|| {
        tr!("no parts to merge", "합칠 성적표가 없습니다")
            .get(lang)
            .to_string()
    })?;
    let exercises = first.exercises.clone();
    let same = |get: fn(&Part) -> Option<&String>| -> Option<(&Part, &Part)> {
        let mut known = parts.iter().filter(|p| get(p).is_some());
        let a = known.next()?;
        known.find(|b| get(b) != get(a)).map(|b| (a, b))
    };
    if let Some((a, b)) = same(|p| p.course.as_ref()) {
        let (an, bn, ac, bc) = (
            &a.name,
            &b.name,
            a.course.as_deref().unwrap_or(""),
            b.course.as_deref().unwrap_or(""),
        );
        return Err(tr!(
            "{an} is a gradebook of course `{ac}`, {bn} of `{bc}`: merge the parts of one course",
            "{an}은(는) `{ac}` 코스의 성적표이고 {bn}은(는) `{bc}` 코스의 성적표입니다. 한 코스의 성적표만 합치십시오"
        )
        .get(lang)
        .to_string());
    }
    if let Some((a, b)) = same(|p| p.course_version.as_ref()) {
        let (an, bn) = (&a.name, &b.name);
        let (av, bv) = (
            a.course_version.as_deref().unwrap_or(""),
            b.course_version.as_deref().unwrap_or(""),
        );
        return Err(tr!(
            "{an} and {bn} were graded against different versions of the course (course_version {av} and {bv}): grade every shard with the same course",
            "{an}과(와) {bn}은(는) 코스의 다른 버전으로 채점되었습니다 (course_version {av}, {bv}). 모든 샤드를 같은 코스로 채점하십시오"
        )
        .get(lang)
        .to_string());
    }
    if let Some(b) = parts.iter().find(|p| p.exercises != exercises) {
        let (an, bn) = (&first.name, &b.name);
        return Err(tr!(
            "{an} and {bn} have different exercise columns: merge the parts of one course",
            "{an}과(와) {bn}의 연습 열이 다릅니다. 한 코스의 성적표만 합치십시오"
        )
        .get(lang)
        .to_string());
    }
    let shards = check_shards(&parts, lang)?;
    let meta = Meta {
        course: parts
            .iter()
            .find_map(|p| p.course.clone())
            .unwrap_or_default(),
        course_version: parts.iter().find_map(|p| p.course_version.clone()),
        shard: None,
        exercises,
    };
    let (document, submissions, graded) = if json || reports {
        let graded = join_json(parts, lang)?;
        let document = if json {
            gradebook::render_json(&meta, &graded)
        } else {
            gradebook::render_csv(&meta, &graded)
        };
        (document, graded.len(), Some(graded))
    } else {
        let (document, n) = join_csv(parts, &meta, lang)?;
        (document, n, None)
    };
    Ok(Merged {
        document,
        submissions,
        shards,
        course: meta.course,
        graded,
    })
}

/// The shards of `parts` fit together: one N, each index once, none missing. Returns N.
fn check_shards(parts: &[Part], lang: Lang) -> Result<u32, String> {
    let fail = |tr: crate::i18n::Tr| Err(tr.get(lang).to_string());
    if let Some(whole) = parts.iter().find(|p| p.shard == Some(None)) {
        if parts.len() > 1 {
            let an = &whole.name;
            return fail(tr!(
                "{an} holds the whole class (graded without --shard): it overlaps every other part; merge only the parts of one sharded run",
                "{an}에는 반 전체가 들어 있습니다 (--shard 없이 채점). 다른 성적표와 겹치니 한 번의 샤드 채점 결과만 합치십시오"
            ));
        }
        return Ok(1);
    }
    let mut seen: BTreeMap<u32, &Part> = BTreeMap::new();
    let mut count = None;
    for p in parts {
        let Some(Some(shard)) = p.shard else { continue };
        match count {
            Some((n, q)) if n != shard.count => {
                let (an, bn, a, b) = (q, &p.name, n, shard.to_string());
                let shards = crate::i18n::count(a as usize, "shard", "shards");
                return fail(tr!(
                    "{an} is one of {shards}, {bn} is shard {b}: the parts cut the class differently; grade every part with the same N",
                    "{an}은(는) {a} 샤드, {bn}은(는) {b} 샤드입니다. 반을 다르게 나눴으니 모든 샤드를 같은 N으로 채점하십시오"
                ));
            }
            _ => count = Some((shard.count, &p.name)),
        }
        if let Some(q) = seen.insert(shard.index, p) {
            let (an, bn) = (&q.name, &p.name);
            return fail(tr!(
                "{an} and {bn} are both shard {shard}: they overlap; pass each shard once",
                "{an}과(와) {bn}은(는) 둘 다 {shard} 샤드입니다. 겹치니 샤드마다 하나씩만 주십시오"
            ));
        }
    }
    let Some((n, _)) = count else {
        // Only CSV parts without rows: nothing to cut or to miss.
        return Ok(parts.len() as u32);
    };
    let got = parts.len();
    let got_n = crate::i18n::count(got, "part", "parts");
    let shards = crate::i18n::count(n as usize, "shard", "shards");
    if got as u64 > u64::from(n) {
        return fail(tr!(
            "{got_n} for {shards}: some part is given twice or belongs to another run",
            "샤드는 {n}개인데 성적표가 {got}개입니다. 같은 성적표를 두 번 주었거나 다른 채점의 것이 섞였습니다"
        ));
    }
    if (got as u64) < u64::from(n) {
        let missing: Vec<String> = (1..=n)
            .filter(|i| !seen.contains_key(i))
            .map(|i| format!("{i}/{n}"))
            .take(10)
            .collect();
        let missing = missing.join(", ");
        return fail(tr!(
            "{got_n} for {shards}: missing {missing}; pass every shard's gradebook (a shard whose job failed must be graded again)",
            "샤드는 {n}개인데 성적표는 {got}개입니다: {missing}이(가) 없습니다. 모든 샤드의 성적표를 주십시오 (실패한 샤드는 다시 채점해야 합니다)"
        ));
    }
    Ok(n)
}

/// The submission named twice, if any, with the two files that hold it.
fn duplicate<'a>(
    names: impl Iterator<Item = (&'a str, &'a str)>,
    lang: Lang,
) -> Result<(), String> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (sub, file) in names {
        if let Some(other) = seen.insert(sub, file) {
            return Err(tr!(
                "submission `{sub}` is in both {other} and {file}: the parts overlap; pass each shard once",
                "제출물 `{sub}`이(가) {other}과(와) {file} 둘 다에 있습니다. 겹치니 샤드마다 하나씩만 주십시오"
            )
            .get(lang)
            .to_string());
        }
    }
    Ok(())
}

/// The rows of JSON parts, sorted by submission; a CSV part is an error (it has no reports).
fn join_json(parts: Vec<Part>, lang: Lang) -> Result<Vec<Graded<Report>>, String> {
    let mut rows: Vec<(String, Graded<Report>)> = Vec::new();
    for p in parts {
        match p.body {
            Body::Json(graded) => rows.extend(graded.into_iter().map(|g| (p.name.clone(), g))),
            Body::Csv(_) => {
                let an = &p.name;
                return Err(tr!(
                    "{an} is CSV, which holds no reports: a JSON gradebook or a class report (--report) can only be made from JSON parts (grade with --format json), or write CSV (--output grades.csv) without --report",
                    "{an}은(는) CSV라 보고서가 없습니다. JSON 성적표와 반 보고서(--report)는 JSON 성적표로만 만들 수 있습니다 (--format json으로 채점하거나, --report 없이 --output grades.csv로 CSV를 쓰십시오)"
                )
                .get(lang)
                .to_string());
            }
        }
    }
    duplicate(
        rows.iter()
            .map(|(f, g)| (g.submission.as_str(), f.as_str())),
        lang,
    )?;
    let mut graded: Vec<Graded<Report>> = rows.into_iter().map(|(_, g)| g).collect();
    graded.sort_by(|a, b| a.submission.cmp(&b.submission));
    Ok(graded)
}

fn join_csv(parts: Vec<Part>, meta: &Meta, lang: Lang) -> Result<(String, usize), String> {
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for p in parts {
        let cells = match p.body {
            Body::Csv(rows) => rows,
            Body::Json(graded) => {
                // Through the CSV writer, then read back: one way to make a row.
                let text = gradebook::render_csv(meta, &graded);
                let records = csvfile::parse(&text).expect("our own CSV parses");
                records.into_iter().skip(1).map(|r| r.fields).collect()
            }
        };
        rows.extend(cells.into_iter().map(|r| (p.name.clone(), r)));
    }
    duplicate(rows.iter().map(|(f, r)| (csv_key(&r[0]), f.as_str())), lang)?;
    rows.sort_by(|(_, a), (_, b)| csv_key(&a[0]).cmp(csv_key(&b[0])));
    // The merged book is the whole class: its own trailer, not the parts'.
    let mut out = gradebook::render_csv(meta, &[]);
    let count = rows.len();
    // The shard cell: the last of the trailer, before the roster's columns.
    let shard = rows.first().map_or(0, |(_, r)| {
        r.len().saturating_sub(Person::COLUMNS.len() + 1)
    });
    for (_, mut row) in rows {
        if let Some(cell) = row.get_mut(shard) {
            cell.clear();
        }
        csv::push_record(&mut out, row.iter().map(|c| csv::quote(c)));
    }
    Ok((out, count))
}
