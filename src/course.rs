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
use crate::exit::usage;
use crate::i18n::{Lang, Localized};

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
                    usage(format!(
                        "{}: not valid UTF-8 (byte {}); save the file as UTF-8",
                        self.display(rel),
                        e.utf8_error().valid_up_to()
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
            return Err(usage(format!(
                "{}: no course.yaml here; --course must name a course folder (one holding course.yaml, lessons/ and exercises/)",
                dir.display()
            )));
        }
        let mut files = BTreeMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(current) = stack.pop() {
            let entries = std::fs::read_dir(&current)
                .with_context(|| format!("cannot read course folder {}", current.display()))?;
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
                    let bytes = std::fs::read(&path)
                        .with_context(|| format!("cannot read {}", path.display()))?;
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
    let text = files
        .text(rel)?
        .ok_or_else(|| usage(format!("{}: file is missing", files.display(rel))))?;
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
            return Err(usage(format!(
                "{}: `lessons:` is empty; a course needs at least one lesson (lessons/<lang>/<id>.md)",
                files.display("course.yaml")
            )));
        }
        let mut seen = HashSet::new();
        let mut lessons = Vec::new();
        for id in &manifest.lessons {
            listed_once(&mut seen, id, "lesson", &files)?;
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
                return Err(usage(format!(
                    "{}: lesson `{id}` has no file; create {} or {}",
                    files.display("course.yaml"),
                    files.display(&lesson.path(Lang::Ko)),
                    files.display(&lesson.path(Lang::En)),
                )));
            }
            lessons.push(lesson);
        }
        let mut exercises = Vec::new();
        let mut seen = HashSet::new();
        for id in &manifest.exercises {
            listed_once(&mut seen, id, "exercise", &files)?;
            let rel = format!("exercises/{id}/exercise.yaml");
            if files.get(&rel).is_none() {
                return Err(usage(format!(
                    "{}: exercise `{id}` has no file; create {}",
                    files.display("course.yaml"),
                    files.display(&rel)
                )));
            }
            let file: ExerciseFile = parse_yaml(&files, &rel)?;
            if !manifest.lessons.contains(&file.lesson) {
                return Err(usage(format!(
                    "{}: `lesson: {}` is not a lesson of this course; use one of: {}",
                    files.display(&rel),
                    file.lesson,
                    manifest.lessons.join(", ")
                )));
            }
            for (i, check) in file.checks.iter().enumerate() {
                if let Some(path) = check.path_leaving_workspace() {
                    return Err(usage(format!(
                        "{}: checks[{i}] ({}): `{path}` leads out of the workspace; paths in checks are relative to the workspace and stay inside it (no leading `/`, no `..`)",
                        files.display(&rel),
                        check.kind()
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
fn listed_once(
    seen: &mut HashSet<String>,
    id: &str,
    what: &str,
    files: &CourseFiles,
) -> Result<()> {
    if !seen.insert(id.to_string()) {
        return Err(usage(format!(
            "{}: {what} id `{id}` is listed twice; {what} ids must be unique",
            files.display("course.yaml")
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
