//! Languages, text in both languages, and the fallback rule.
//!
//! Content files hold [`Localized`] text where either language may be missing; code that
//! speaks to the learner builds [`Tr`] values that always carry both, via [`crate::tr!`].

pub mod glossary;
mod josa;

pub use josa::{final_sound, josa, particles, Final};
use serde::{Deserialize, Serialize};

/// A language the course speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ko,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ko, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ko" | "kr" | "korean" | "한국어" => Some(Lang::Ko),
            "en" | "english" => Some(Lang::En),
            // Locale-style values such as `ko_KR.UTF-8`.
            other if other.starts_with("ko") => Some(Lang::Ko),
            other if other.starts_with("en") => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Ko => Lang::En,
            Lang::En => Lang::Ko,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Course text in up to two languages. In YAML either a plain string (the same in every
/// language, e.g. a name) or a map `{ko: ..., en: ...}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Localized {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ko: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A hand-written visitor (not `untagged`) keeps serde_yaml's line numbers and field names.
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Localized;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or a map with `ko:` and/or `en:` texts")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Localized, E> {
                Ok(Localized::new(s, s))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Localized, A::Error> {
                #[derive(Deserialize)]
                #[serde(rename_all = "lowercase")]
                enum Key {
                    Ko,
                    En,
                }
                let mut out = Localized::default();
                while let Some(key) = map.next_key::<Key>()? {
                    let lang = match key {
                        Key::Ko => Lang::Ko,
                        Key::En => Lang::En,
                    };
                    *out.slot_mut(lang) = Some(map.next_value()?);
                }
                Ok(out)
            }
        }
        d.deserialize_any(V)
    }
}

impl Localized {
    pub fn new(ko: impl Into<String>, en: impl Into<String>) -> Self {
        Localized {
            ko: Some(ko.into()),
            en: Some(en.into()),
        }
    }

    pub fn only(lang: Lang, text: impl Into<String>) -> Self {
        let mut l = Localized::default();
        *l.slot_mut(lang) = Some(text.into());
        l
    }

    pub fn has(&self, lang: Lang) -> bool {
        self.slot(lang).is_some()
    }

    pub fn slot(&self, lang: Lang) -> Option<&String> {
        match lang {
            Lang::Ko => self.ko.as_ref(),
            Lang::En => self.en.as_ref(),
        }
    }

    pub fn slot_mut(&mut self, lang: Lang) -> &mut Option<String> {
        match lang {
            Lang::Ko => &mut self.ko,
            Lang::En => &mut self.en,
        }
    }

    /// The text in `lang`, else in the other language; `.1` is the language actually used.
    pub fn resolve(&self, lang: Lang) -> Option<(&str, Lang)> {
        self.slot(lang)
            .map(|s| (s.as_str(), lang))
            .or_else(|| self.slot(lang.other()).map(|s| (s.as_str(), lang.other())))
    }

    /// The text in `lang` or its fallback, or an empty string when neither exists.
    pub fn get(&self, lang: Lang) -> &str {
        self.resolve(lang).map_or("", |(s, _)| s)
    }

    pub fn is_empty(&self) -> bool {
        self.ko.is_none() && self.en.is_none()
    }
}

/// A message from the program itself: one text per language, always all of them (except
/// inside [`only_in`]).
///
/// Code outside this module never reaches into one language's text to build another
/// message: it formats with [`crate::tr!`] (a `Tr` can be an argument: `tr!("{a} x", "{a} y"; a =
/// other)`), and joins, appends, pluralizes and replaces with the methods below, which work
/// on every language at once. Adding a language is one [`Lang`] variant, one more string in
/// each `tr!`, and the arms in this module; no logic elsewhere changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tr([Option<String>; Lang::ALL.len()]);

impl Lang {
    fn index(self) -> usize {
        self as usize
    }

    /// Whether `n` things take the singular form in this language. Korean does not inflect
    /// nouns for number (`커밋 1개`, `커밋 2개`), so it always takes the other form.
    pub fn singular(self, n: usize) -> bool {
        match self {
            Lang::En => n == 1,
            Lang::Ko => false,
        }
    }
}

thread_local! {
    /// The one language texts are built in on this thread, inside [`only_in`]; `None`: all.
    static ONLY: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Run `f` with every [`Tr`] made on this thread built in `lang` only, and give back its
/// result. A batch grade reports in one language, yet each message was formatted in both
/// (and the Korean text's particles resolved): about a tenth of the work of grading a
/// submission in English. Whatever `f` makes must be read in `lang` only: another language's
/// text is not there (reading it is a bug, caught in debug builds).
pub fn only_in<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    /// Puts the previous setting back, also when `f` panics.
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            ONLY.set(self.0);
        }
    }
    let _restore = Restore(ONLY.replace(Some(lang)));
    f()
}

impl Tr {
    /// The text in each language, made by `text(lang)` (only for the language of
    /// [`only_in`] inside it).
    pub fn from_fn(mut text: impl FnMut(Lang) -> String) -> Tr {
        let only = ONLY.get();
        Tr(Lang::ALL.map(|lang| only.is_none_or(|o| o == lang).then(|| text(lang))))
    }

    pub fn get(&self, lang: Lang) -> &str {
        let text = self.0[lang.index()].as_deref();
        debug_assert!(
            text.is_some(),
            "a text read in {lang}, built only in another language (i18n::only_in)"
        );
        text.unwrap_or_default()
    }

    /// The same text in every language (a path, a command, a version).
    pub fn same(s: impl Into<String>) -> Tr {
        let s = s.into();
        Tr::from_fn(|_| s.clone())
    }

    /// Course text (where a language may be missing) as a `Tr`, each language falling back as
    /// [`Localized::get`] does.
    pub fn from_localized(text: &Localized) -> Tr {
        Tr::from_fn(|lang| text.get(lang).to_string())
    }

    /// Each language's text transformed by `f(lang, text)`.
    pub fn map(&self, mut f: impl FnMut(Lang, &str) -> String) -> Tr {
        Tr(Lang::ALL.map(|lang| self.0[lang.index()].as_deref().map(|s| f(lang, s))))
    }

    /// `self`, then `sep` and `other`, in every language.
    pub fn append(&mut self, sep: &str, other: &Tr) {
        for lang in Lang::ALL {
            if let Some(s) = &mut self.0[lang.index()] {
                s.push_str(sep);
                s.push_str(other.get(lang));
            }
        }
    }

    /// The parts joined with `sep`, in every language.
    pub fn join<'a>(parts: impl IntoIterator<Item = &'a Tr>, sep: &str) -> Tr {
        let parts: Vec<&Tr> = parts.into_iter().collect();
        Tr::from_fn(|lang| {
            parts
                .iter()
                .map(|p| p.get(lang))
                .collect::<Vec<_>>()
                .join(sep)
        })
    }

    /// `one` or `other` for `n` things, by each language's rule (see [`Lang::singular`]):
    /// `Tr::plural(n, tr!("{n} commit", "커밋 {n}개"), tr!("{n} commits", "커밋 {n}개"))`.
    pub fn plural(n: usize, one: Tr, other: Tr) -> Tr {
        Tr::from_fn(|lang| {
            let pick = if lang.singular(n) { &one } else { &other };
            pick.get(lang).to_string()
        })
    }

    /// Does the text hold `s` (a command or a path, written the same in every language)?
    /// Asked of every language built, so the answer does not depend on which one is read.
    pub fn contains(&self, s: &str) -> bool {
        self.0.iter().flatten().any(|text| text.contains(s))
    }

    /// Every `from` replaced by `to`, in every language.
    pub fn replace(&mut self, from: &str, to: &str) {
        for s in self.0.iter_mut().flatten() {
            if s.contains(from) {
                *s = s.replace(from, to);
            }
        }
    }
}

/// `1 commit`, `2 commits`: a count with the English noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `tr!("English {x}", "한국어 {x}")` builds a [`Tr`]; both strings take `format!` arguments
/// from the surrounding scope. The Korean text goes through [`particles`]: a particle marker
/// right after a value (`{name}을(를)`) becomes the form for that value, and a particle
/// written right after code or a Latin word is corrected (see `i18n/josa.rs`).
///
/// `tr!("{a} and more", "{a} 그리고"; a = other)` also takes [`Tr`] values by name: each
/// language's text gets that language's `a`.
///
/// Each language's text is formatted only when it is built: inside [`only_in`] the other
/// languages' strings are never formatted (nor their particles resolved).
#[macro_export]
macro_rules! tr {
    ($en:literal, $ko:literal $(,)?) => {
        $crate::i18n::Tr::from_fn(|lang| match lang {
            $crate::i18n::Lang::Ko => $crate::i18n::particles(&format!($ko)),
            $crate::i18n::Lang::En => format!($en),
        })
    };
    ($en:literal, $ko:literal; $($name:ident = $value:expr),+ $(,)?) => {{
        $(let $name: &$crate::i18n::Tr = &$value;)+
        $crate::i18n::Tr::from_fn(|lang| {
            $(let $name = $name.get(lang);)+
            match lang {
                $crate::i18n::Lang::Ko => $crate::i18n::particles(&format!($ko)),
                $crate::i18n::Lang::En => format!($en),
            }
        })
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_agree_in_number() {
        assert_eq!(count(0, "commit", "commits"), "0 commits");
        assert_eq!(count(1, "commit", "commits"), "1 commit");
        assert_eq!(count(2, "commit", "commits"), "2 commits");
    }

    #[test]
    fn texts_compose_in_every_language() {
        let path = Tr::same("req.txt");
        let t = tr!("{path} is missing", "{path}이(가) 없습니다"; path = path);
        assert_eq!(t.get(Lang::En), "req.txt is missing");
        assert_eq!(t.get(Lang::Ko), "req.txt가 없습니다");
        let mut joined = Tr::join([&t, &tr!("and more", "그 밖에도")], "; ");
        assert_eq!(joined.get(Lang::En), "req.txt is missing; and more");
        assert_eq!(joined.get(Lang::Ko), "req.txt가 없습니다; 그 밖에도");
        joined.append(" ", &Tr::same("(x)"));
        joined.replace("req.txt", "r.txt");
        assert_eq!(joined.get(Lang::En), "r.txt is missing; and more (x)");
        for (n, en) in [(1, "1 commit"), (2, "2 commits")] {
            let p = Tr::plural(
                n,
                tr!("{n} commit", "커밋 {n}개"),
                tr!("{n} commits", "커밋 {n}개"),
            );
            assert_eq!(p.get(Lang::En), en);
            assert_eq!(p.get(Lang::Ko), format!("커밋 {n}개"));
        }
        let l = Localized::only(Lang::En, "only English");
        assert_eq!(Tr::from_localized(&l).get(Lang::Ko), "only English");
        assert_eq!(
            t.map(|_, s| s.to_uppercase()).get(Lang::En),
            "REQ.TXT IS MISSING"
        );
    }

    #[test]
    fn only_in_builds_one_language_and_puts_the_setting_back() {
        let path = Tr::same("req.txt");
        let t = only_in(Lang::En, || {
            let t = tr!("{path} is missing", "{path}이(가) 없습니다"; path = path);
            let mut joined = Tr::join([&t, &tr!("and more", "그 밖에도")], "; ");
            joined.append(" ", &Tr::same("(x)"));
            joined
        });
        assert_eq!(t.get(Lang::En), "req.txt is missing; and more (x)");
        assert_eq!(t.0[Lang::Ko.index()], None, "Korean was not built");
        // Nested, and after a panic inside, the outer setting comes back.
        only_in(Lang::Ko, || {
            let inner = only_in(Lang::En, || tr!("a", "가"));
            assert_eq!(inner.0[Lang::Ko.index()], None);
            assert_eq!(tr!("b", "나").0[Lang::En.index()], None);
        });
        let panicked = std::panic::catch_unwind(|| only_in(Lang::Ko, || panic!("inside")));
        assert!(panicked.is_err());
        let both = tr!("{path} is missing", "{path}이(가) 없습니다"; path = path);
        assert_eq!(both.get(Lang::Ko), "req.txt가 없습니다");
        assert_eq!(both.get(Lang::En), "req.txt is missing");
    }
}
