//! The content model: a course is data (a manifest, Markdown lessons, YAML exercises), loaded
//! from the copy embedded in the binary or from a folder given with `--course DIR`.
//!
//! Layout of a course folder:
//!
//! ```text
//! course.yaml                      id, title, default_lang, languages, lessons, exercises
//! lessons/<lang>/<lesson-id>.md    one file per lesson and language; its first `# ` heading is the title
//! exercises/<id>/exercise.yaml     title, lesson, points, prompt, hints, checks
//! exercises/<id>/fixtures/{pass,fail}/<name>/   sample workspaces for `course validate`
//! ```

pub mod embedded;
pub mod examples;
#[cfg(test)]
mod proptests;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::checks::Check;
use crate::exit::{said, usage_tr};
use crate::i18n::{Lang, Localized, Tr};
use crate::tr;

/// Where a course came from; used to name files in messages.
#[derive(Clone, Debug)]
pub enum Origin {
    Embedded,
    Dir(PathBuf),
}

/// Every file of a course, by relative path with `/` separators.
#[derive(Clone, Debug)]
pub struct CourseFiles {
    pub origin: Origin,
    pub files: BTreeMap<String, Vec<u8>>,
}

impl CourseFiles {
    /// A fingerprint of every file (names and contents): the course version a gradebook
    /// records, so that `course gradebook merge` refuses parts graded against different
    /// exercises. 16 hex digits, the same on every machine (`crate::hash`).
    pub fn fingerprint(&self) -> String {
        let mut h = crate::hash::Stable::default();
        for (name, bytes) in &self.files {
            h.field(name.as_bytes());
            h.field(bytes);
        }
        format!("{:016x}", h.finish())
    }

    /// How to name `rel` in a message: a real path for a folder, `<embedded>/...` otherwise.
    pub fn display(&self, rel: &str) -> String {
        match &self.origin {
            Origin::Embedded => format!("<embedded course>/{rel}"),
            Origin::Dir(dir) => dir.join(rel).display().to_string(),
        }
    }

    pub fn get(&self, rel: &str) -> Option<&[u8]> {
        self.files.get(rel).map(Vec::as_slice)
    }

    pub fn text(&self, rel: &str) -> Result<Option<String>> {
        match self.get(rel) {
            None => Ok(None),
            Some(bytes) => {
                let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
                    let (file, at) = (self.display(rel), e.utf8_error().valid_up_to());
                    usage_tr(tr!(
                        "{file}: not valid UTF-8 (byte {at}); save the file as UTF-8",
                        "{file}: 올바른 UTF-8이 아닙니다 ({at}번째 바이트). 파일을 UTF-8로 저장하십시오"
                    ))
                })?;
                // A BOM would otherwise end up in the first heading or YAML key.
                Ok(Some(
                    text.strip_prefix('\u{feff}').unwrap_or(&text).to_string(),
                ))
            }
        }
    }

    /// Files under `prefix/` (relative paths, still including the prefix).
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a String, &'a Vec<u8>)> {
        let prefix = format!("{}/", prefix.trim_end_matches('/'));
        self.files
            .iter()
            .filter(move |(path, _)| path.starts_with(&prefix))
    }

    /// Read a course folder from disk. `.git` folders are skipped; other hidden files
    /// (a fixture's `.gitignore`) are part of the course.
    pub fn from_dir(dir: &Path) -> Result<CourseFiles> {
        if !dir.join("course.yaml").is_file() {
            let d = dir.display();
            return Err(usage_tr(tr!(
                "{d}: no course.yaml here; --course must name a course folder (one holding course.yaml, lessons/ and exercises/)",
                "{d}: course.yaml이 없습니다. --course에는 코스 폴더(course.yaml, lessons/, exercises/가 있는 폴더)를 주십시오"
            )));
        }
        let mut files = BTreeMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(current) = stack.pop() {
            let entries = std::fs::read_dir(&current).with_context(|| {
                let d = current.display();
                said(tr!(
                    "cannot read course folder {d}",
                    "코스 폴더 {d}을(를) 읽을 수 없습니다"
                ))
            })?;
            for entry in entries {
                let entry = entry?;
                let name = entry.file_name();
                if name == ".git" {
                    continue;
                }
                let path = entry.path();
                let kind = entry.file_type()?;
                if kind.is_dir() {
                    stack.push(path);
                } else if kind.is_file() {
                    let rel = path
                        .strip_prefix(dir)
                        .expect("walk stays under its root")
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                        .join("/");
                    let bytes = std::fs::read(&path).with_context(|| {
                        let p = path.display();
                        said(tr!("cannot read {p}", "{p}을(를) 읽을 수 없습니다"))
                    })?;
                    files.insert(rel, bytes);
                }
            }
        }
        Ok(CourseFiles {
            origin: Origin::Dir(dir.to_path_buf()),
            files,
        })
    }
}

/// A loaded course.
#[derive(Clone, Debug)]
pub struct Course {
    pub id: String,
    pub title: Localized,
    pub default_lang: Lang,
    /// Languages the course claims to have complete; the others fall back silently in validation.
    pub languages: Vec<Lang>,
    pub lessons: Vec<Lesson>,
    pub exercises: Vec<Exercise>,
    pub files: CourseFiles,
    /// Limits of the sandbox workspace programs run in (`sandbox:` in course.yaml).
    pub sandbox: crate::sandbox::Limits,
}

#[derive(Clone, Debug)]
pub struct Lesson {
    pub id: String,
    /// From each language's first `# ` heading.
    pub title: Localized,
    /// Markdown source per language.
    pub body: Localized,
}

impl Lesson {
    pub fn path(&self, lang: Lang) -> String {
        format!("lessons/{}/{}.md", lang.code(), self.id)
    }
}

#[derive(Clone, Debug)]
pub struct Exercise {
    pub id: String,
    pub title: Localized,
    /// The lesson that teaches what this exercise practises.
    pub lesson: String,
    pub points: u32,
    pub prompt: Localized,
    pub hints: Vec<Localized>,
    pub checks: Vec<Check>,
}

impl Exercise {
    pub fn path(&self) -> String {
        format!("exercises/{}/exercise.yaml", self.id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    id: String,
    title: Localized,
    default_lang: Lang,
    #[serde(default)]
    languages: Vec<Lang>,
    lessons: Vec<String>,
    exercises: Vec<String>,
    #[serde(default)]
    sandbox: crate::sandbox::Limits,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExerciseFile {
    title: Localized,
    lesson: String,
    #[serde(default = "default_points")]
    points: u32,
    prompt: Localized,
    #[serde(default)]
    hints: Vec<Localized>,
    #[serde(default)]
    checks: Vec<Check>,
}

fn default_points() -> u32 {
    10
}

/// Parse a YAML course file into `T`, turning errors into `file:line:column: what` messages.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(files: &CourseFiles, rel: &str) -> Result<T> {
    let text = files.text(rel)?.ok_or_else(|| {
        let file = files.display(rel);
        usage_tr(tr!("{file}: file is missing", "{file}: 파일이 없습니다"))
    })?;
    crate::yaml::parse_str(&text, &files.display(rel))
}

/// Only what [`default_lang`] reads of `course.yaml`.
#[derive(Deserialize)]
struct LangOnly {
    default_lang: Lang,
}

/// The `default_lang` of the course in `dir` (the built-in course when `None`), read from
/// `course.yaml` alone: cheap enough for every run's `--help` and usage errors, which follow
/// the same language rule as the rest (issue 9). `None` when it cannot be read.
pub fn default_lang(dir: Option<&Path>) -> Option<Lang> {
    let text = match dir {
        Some(dir) => crate::fs::read_text(&dir.join("course.yaml"), crate::fs::SMALL).ok()?,
        None => embedded::manifest().to_string(),
    };
    serde_yaml::from_str::<LangOnly>(&text)
        .ok()
        .map(|m| m.default_lang)
}

impl Course {
    /// The course compiled into the binary.
    pub fn embedded() -> Result<Course> {
        Course::from_files(embedded::files())
    }

    pub fn from_dir(dir: &Path) -> Result<Course> {
        Course::from_files(CourseFiles::from_dir(dir)?)
    }

    pub fn from_files(files: CourseFiles) -> Result<Course> {
        let manifest: Manifest = parse_yaml(&files, "course.yaml")?;
        if manifest.lessons.is_empty() {
            let file = files.display("course.yaml");
            return Err(usage_tr(tr!(
                "{file}: `lessons:` is empty; a course needs at least one lesson (lessons/<lang>/<id>.md)",
                "{file}: `lessons:`가 비어 있습니다. 코스에는 레슨이 하나 이상 있어야 합니다 (lessons/<lang>/<id>.md)"
            )));
        }
        let mut seen = HashSet::new();
        let mut lessons = Vec::new();
        for id in &manifest.lessons {
            listed_once(&mut seen, id, tr!("lesson", "레슨"), &files)?;
            let mut lesson = Lesson {
                id: id.clone(),
                title: Localized::default(),
                body: Localized::default(),
            };
            for lang in Lang::ALL {
                let rel = lesson.path(lang);
                if let Some(text) = files.text(&rel)? {
                    *lesson.title.slot_mut(lang) =
                        Some(lesson_title(&text).unwrap_or(id).to_string());
                    *lesson.body.slot_mut(lang) = Some(text);
                }
            }
            if lesson.body.is_empty() {
                let file = files.display("course.yaml");
                let (ko, en) = (
                    files.display(&lesson.path(Lang::Ko)),
                    files.display(&lesson.path(Lang::En)),
                );
                return Err(usage_tr(tr!(
                    "{file}: lesson `{id}` has no file; create {ko} or {en}",
                    "{file}: 레슨 `{id}`의 파일이 없습니다. {ko}이나 {en}을(를) 만드십시오"
                )));
            }
            lessons.push(lesson);
        }
        let mut exercises = Vec::new();
        let mut seen = HashSet::new();
        for id in &manifest.exercises {
            listed_once(&mut seen, id, tr!("exercise", "연습 문제"), &files)?;
            let rel = format!("exercises/{id}/exercise.yaml");
            if files.get(&rel).is_none() {
                let (file, want) = (files.display("course.yaml"), files.display(&rel));
                return Err(usage_tr(tr!(
                    "{file}: exercise `{id}` has no file; create {want}",
                    "{file}: 연습 문제 `{id}`의 파일이 없습니다. {want}을(를) 만드십시오"
                )));
            }
            let file: ExerciseFile = parse_yaml(&files, &rel)?;
            if !manifest.lessons.contains(&file.lesson) {
                let (shown, lesson) = (files.display(&rel), &file.lesson);
                let ids = manifest.lessons.join(", ");
                return Err(usage_tr(tr!(
                    "{shown}: `lesson: {lesson}` is not a lesson of this course; use one of: {ids}",
                    "{shown}: `lesson: {lesson}`은(는) 코스에 없는 레슨입니다. 다음 중 하나를 쓰십시오: {ids}"
                )));
            }
            for (i, check) in file.checks.iter().enumerate() {
                if let Some(path) = check.path_leaving_workspace() {
                    let (shown, kind) = (files.display(&rel), check.kind());
                    return Err(usage_tr(tr!(
                        "{shown}: checks[{i}] ({kind}): `{path}` leads out of the workspace; paths in checks are relative to the workspace and stay inside it (no leading `/`, no `..`)",
                        "{shown}: checks[{i}] ({kind}): `{path}`은(는) 작업 폴더 밖을 가리킵니다. 검사의 경로는 작업 폴더 기준이며 그 안에 있어야 합니다 (`/`로 시작하거나 `..`를 쓰지 마십시오)"
                    )));
                }
            }
            exercises.push(Exercise {
                id: id.clone(),
                title: file.title,
                lesson: file.lesson,
                points: file.points,
                prompt: file.prompt,
                hints: file.hints,
                checks: file.checks,
            });
        }
        Ok(Course {
            id: manifest.id,
            title: manifest.title,
            default_lang: manifest.default_lang,
            languages: manifest.languages,
            lessons,
            exercises,
            files,
            sandbox: manifest.sandbox,
        })
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// The first exercise that checks the Python environment: where a learner makes one.
    pub fn env_exercise(&self) -> Option<&str> {
        self.exercises
            .iter()
            .find(|e| e.checks.iter().any(|c| c.kind() == "python-env"))
            .map(|e| e.id.as_str())
    }

    pub fn lesson_index(&self, id: &str) -> Option<usize> {
        self.lessons.iter().position(|l| l.id == id)
    }
}

/// The text of the first level-one ATX heading (`# Title`), after any front matter.
/// An error unless `id` is new to `seen` (ids of one `what`, lesson or exercise, in
/// `course.yaml` are unique: they name files and progress).
fn listed_once(seen: &mut HashSet<String>, id: &str, what: Tr, files: &CourseFiles) -> Result<()> {
    if !seen.insert(id.to_string()) {
        let file = Tr::same(files.display("course.yaml"));
        return Err(usage_tr(tr!(
            "{file}: {what} id `{id}` is listed twice; {what} ids must be unique",
            "{file}: {what} id `{id}`이(가) 두 번 나옵니다. {what} id는 서로 달라야 합니다";
            file = file,
            what = what
        )));
    }
    Ok(())
}

pub fn lesson_title(markdown: &str) -> Option<&str> {
    let mut in_fence = false;
    for line in markdown.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
        } else if !in_fence {
            if let Some(title) = t.strip_prefix("# ") {
                return Some(title.trim());
            }
        }
    }
    None
}
