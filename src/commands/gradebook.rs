//! `course gradebook merge PARTS... [--output FILE] [--format csv|json]`: join the gradebooks
//! of a sharded batch (`report::merge` does the work and the refusing).
//!
//! Needs no course and no workspace: it reads only the parts. Exit 0 merged, 2 when a part
//! cannot be read or the parts do not belong together (nothing is written then).

use anyhow::Result;

use crate::cli::{GlobalArgs, GradebookFormat, MergeArgs};
use crate::exit::{usage, Code};
use crate::fs::{read_text, write_atomic};
use crate::report::merge;
use crate::tr;

/// Largest part read: a gradebook of 10,000 JSON reports is a few tens of MiB.
const PART_MAX: u64 = 512 * 1024 * 1024;

pub fn merge(global: &GlobalArgs, args: &MergeArgs) -> Result<Code> {
    // The language rule of every command; no course is needed, but its default counts.
    let here = crate::fs::current_dir()?;
    let lang = crate::app::lang_outside_app(global, &here);
    let json = match args.format {
        Some(f) => f == GradebookFormat::Json,
        None => args.output.as_ref().is_some_and(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        }),
    };
    let mut parts = Vec::with_capacity(args.parts.len());
    for path in &args.parts {
        let name = path.display().to_string();
        let text = read_text(path, PART_MAX).map_err(|e| {
            usage(
                tr!(
                    "{name}: cannot read it ({e}); pass the gradebooks `course grade --batch --shard I/N` wrote",
                    "{name}: 읽을 수 없습니다 ({e}). `course grade --batch --shard I/N`이 쓴 성적표를 주십시오"
                )
                .get(lang),
            )
        })?;
        parts.push(merge::read_part(&name, &text, lang).map_err(usage)?);
    }
    let layouts = super::grade::report_layouts(&args.report, lang)?;
    let count = parts.len();
    let merged = merge::merge(parts, json, !layouts.is_empty(), lang).map_err(usage)?;
    match &args.output {
        Some(path) => write_atomic(path, merged.document.as_bytes())?,
        None => crate::terminal::print_out(&merged.document)?,
    }
    if let Some(graded) = &merged.graded {
        super::grade::write_reports(&global.term(), &merged.course, graded, &layouts, lang)?;
    }
    let (subs, shards) = (merged.submissions, merged.shards);
    let parts = crate::i18n::count(count, "part", "parts");
    let shard_n = crate::i18n::count(shards as usize, "shard", "shards");
    let sub_n = crate::i18n::count(subs, "submission", "submissions");
    global.term().note(
        tr!(
            "merged {parts} ({shard_n}): {sub_n}",
            "성적표 {count}개({shards}개 샤드)를 합쳤습니다: 제출물 {subs}개"
        )
        .get(lang),
    );
    Ok(Code::Ok)
}
