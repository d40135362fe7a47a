//! A roster (`course grade --roster roster.csv`): one student per row with the git URL of
//! their repository and, optionally, the branch, tag or commit to grade (a deadline tag).
//!
//! ```csv
//! student,repo,ref
//! kim-minji,https://github.com/class/hw1-kim-minji.git,deadline
//! lee,git@github.com:class/hw1-lee.git,
//! ```
//!
//! Columns are found by their header (any order, any case, spaces, `_` and `-` alike, so
//! `SIS User ID` is `sis_user_id`). Optional columns say who the student is
//! ([`Person`]: `name`, `id`, `sis_user_id`, `sis_login_id`, `section`, `email`); they go
//! into the gradebooks, the class report and the LMS exports. Other columns are ignored.
//! Each row becomes a [`Submission`] named by its student whose
//! source is the repository, cloned into its own folder under the clones folder when it is
//! opened (so a shard clones only its share). A roster that cannot be read is an error
//! naming the file and the line; a repository that cannot be cloned is that student's error
//! row.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::submission::{Person, Source, Submission};
use crate::csvfile;
use crate::i18n::Tr;
use crate::tr;

/// The largest roster read (a class of 10,000 is well under 2 MiB).
const MAX_ROSTER: u64 = 16 << 20;

/// Why a roster cannot be used: the text, which names the file and the line.
#[derive(Clone, Debug)]
pub struct RosterError(pub Tr);

/// The submissions of the roster at `path`, cloned under `clones`.
pub fn read(path: &Path, clones: &Path) -> Result<Vec<Submission>, RosterError> {
    // Absolute, as a batch folder's entries are: an interpreter inside a clone is started
    // from the clone's own folder, where a relative `./course-clones/...` finds nothing.
    let clones = std::path::absolute(clones).unwrap_or_else(|_| clones.to_path_buf());
    let clones = clones.as_path();
    let shown = path.display().to_string();
    let text = crate::fs::read_text(path, MAX_ROSTER).map_err(|e| {
        RosterError(tr!(
            "{shown}: cannot read the roster ({e})",
            "{shown}: 명단을 읽을 수 없습니다 ({e})"
        ))
    })?;
    parse(&text, clones).map_err(|(line, why)| {
        RosterError(tr!("{shown}:{line}: {why}", "{shown}:{line}: {why}"; why = why))
    })
}

/// Where the roster's columns are.
struct Columns {
    student: usize,
    repo: usize,
    reference: Option<usize>,
    /// The [`Person`] columns present: (column name, index).
    person: Vec<(&'static str, usize)>,
    count: usize,
}

/// A header as compared: lower case, without spaces, `_` and `-` (`SIS User ID`).
fn normalized(header: &str) -> String {
    header
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn columns(header: &[String]) -> Result<Columns, Tr> {
    let names: Vec<String> = header.iter().map(|h| normalized(h)).collect();
    let find = |name: &str| names.iter().position(|h| *h == normalized(name));
    match (find("student"), find("repo")) {
        (Some(student), Some(repo)) => Ok(Columns {
            student,
            repo,
            reference: find("ref"),
            person: Person::COLUMNS
                .iter()
                .filter_map(|c| find(c).map(|i| (*c, i)))
                .collect(),
            count: header.len(),
        }),
        _ => {
            let found = header.join(",");
            Err(tr!(
                "the header must name the columns `student` and `repo` (and optionally `ref`); it is `{found}`",
                "머리글 줄에 `student`와 `repo` 열이 있어야 합니다 (`ref`는 선택). 지금은 `{found}`입니다"
            ))
        }
    }
}

/// The roster's rows as submissions, or the line and reason of the first problem.
pub fn parse(text: &str, clones: &Path) -> Result<Vec<Submission>, (u32, Tr)> {
    let records = csvfile::parse(text).map_err(|e| (e.line(), e.reason()))?;
    let Some((header, rows)) = records.split_first() else {
        return Err((
            1,
            tr!(
                "the roster is empty; it needs a header `student,repo` and one row per student",
                "명단이 비어 있습니다. `student,repo` 머리글 줄과 학생마다 한 줄이 필요합니다"
            ),
        ));
    };
    let cols = columns(&header.fields).map_err(|why| (header.line, why))?;
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut subs = Vec::new();
    for row in rows {
        let line = row.line;
        let n = row.fields.len();
        let expected = cols.count;
        if n > expected {
            return Err((
                line,
                tr!(
                    "{n} fields, but the header has {expected}; quote a field that holds a comma",
                    "칸이 {n}개인데 머리글은 {expected}개입니다. 쉼표가 든 칸은 따옴표로 감싸십시오"
                ),
            ));
        }
        let cell = |i: usize| row.fields.get(i).map(|f| f.trim()).unwrap_or("");
        let (student, repo) = (cell(cols.student), cell(cols.repo));
        if student.is_empty() || repo.is_empty() {
            let column = if student.is_empty() {
                "student"
            } else {
                "repo"
            };
            return Err((
                line,
                tr!(
                    "the `{column}` cell is empty; every row needs a student and a repository URL",
                    "`{column}` 칸이 비어 있습니다. 줄마다 학생과 저장소 URL이 있어야 합니다"
                ),
            ));
        }
        if let Some(first) = seen.insert(student.to_string(), line) {
            return Err((
                line,
                tr!(
                    "the student `{student}` is listed twice (also on line {first}); each student has one row",
                    "학생 `{student}`이(가) 두 번 나옵니다 ({first}번 줄에도). 학생마다 한 줄입니다"
                ),
            ));
        }
        let reference = cols
            .reference
            .map(cell)
            .filter(|r| !r.is_empty())
            .map(String::from);
        let mut person = Person::default();
        for (column, i) in &cols.person {
            let value = cell(*i);
            if let Some(field) = person.field_mut(column) {
                *field = (!value.is_empty()).then(|| value.to_string());
            }
        }
        subs.push(Submission {
            name: student.to_string(),
            source: Source::Repo {
                url: repo.to_string(),
                reference,
                clone: clones.join(folder_name(student)),
            },
            person,
        });
    }
    // Sorted like a batch folder's, so a merged sharded gradebook equals the unsharded one.
    subs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(subs)
}

/// The clone folder's name for a student: the name itself when it is a plain file name
/// (letters of any script, digits, `-`, `_`, `.`), else those characters with `_` for the
/// rest and a hash of the name, so that no two students share a folder and no name (`..`,
/// `a/b`) leads out of the clones folder.
pub fn folder_name(student: &str) -> String {
    let plain: String = student
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    if !plain.is_empty() && plain == student && !student.starts_with('.') {
        return plain;
    }
    format!(
        "{}-{:08x}",
        plain.trim_start_matches('.'),
        fnv1a(student) as u32
    )
}

/// FNV-1a: a hash that is the same on every run and machine (folder names must be).
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The default clones folder: `course-clones` beside the roster.
pub fn default_clones(roster: &Path) -> PathBuf {
    roster
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("course-clones")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn err(text: &str) -> (u32, String) {
        let (line, why) = parse(text, Path::new("c")).unwrap_err();
        (line, why.get(Lang::En).to_string())
    }

    #[test]
    fn rows_become_submissions_with_their_ref() {
        let subs = parse(
            "\u{feff}Name,Repo,Student,ref\r\nLee,/r/lee,lee\nKim,file:///r/kim, kim ,v1\n",
            Path::new("/c"),
        )
        .unwrap();
        assert_eq!(subs.len(), 2);
        assert_eq!(subs[0].name, "kim");
        assert_eq!(
            subs[0].source,
            Source::Repo {
                url: "file:///r/kim".into(),
                reference: Some("v1".into()),
                clone: PathBuf::from("/c/kim"),
            }
        );
        assert!(matches!(
            &subs[1].source,
            Source::Repo {
                reference: None,
                ..
            }
        ));
    }

    #[test]
    fn who_the_student_is_comes_from_the_optional_columns() {
        let subs = parse(
            "student,repo,Name,SIS User ID,sis_login_id,Section,E-mail,email,id\n\
             kim,/r/kim,김민지,2026001,kim.minji,A,x,kim@u.example,17\n\
             lee,/r/lee,,,,,,,\n",
            Path::new("/c"),
        )
        .unwrap();
        assert_eq!(
            subs[0].person,
            Person {
                name: Some("김민지".into()),
                id: Some("17".into()),
                sis_user_id: Some("2026001".into()),
                sis_login_id: Some("kim.minji".into()),
                section: Some("A".into()),
                email: Some("x".into()),
            }
        );
        assert!(subs[1].person.is_empty());
        assert_eq!(subs[0].person.shown("kim"), "김민지 (kim)");
        assert_eq!(subs[1].person.shown("lee"), "lee");
    }

    #[test]
    fn bad_rosters_name_the_line() {
        assert_eq!(err("").0, 1);
        assert!(err("name,url\n").1.contains("`student` and `repo`"));
        assert_eq!(err("student,repo\na,b\nc,d,e\n").0, 3);
        assert_eq!(err("student,repo\na,b\n\n,d\n").0, 4);
        let (line, why) = err("student,repo\na,b\na,c\n");
        assert_eq!(line, 3);
        assert!(why.contains("line 2"), "{why}");
        assert_eq!(err("student,repo\n\"a,b\n").0, 2);
    }

    #[test]
    fn folder_names_stay_inside_and_apart() {
        assert_eq!(folder_name("kim-minji"), "kim-minji");
        assert_eq!(folder_name("김민지"), "김민지");
        for hostile in ["..", "../x", "a/b", ".git", "", "a b"] {
            let f = folder_name(hostile);
            assert!(!f.contains('/') && f != ".." && !f.starts_with('.'), "{f}");
            assert!(!f.is_empty());
        }
        assert_ne!(folder_name("a b"), folder_name("a_b"));
        assert_ne!(folder_name("a/b"), folder_name("a?b"));
    }
}
