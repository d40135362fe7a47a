//! Languages, text in both languages, and the fallback rule.
//!
//! Content files hold [`Localized`] text where either language may be missing; code that
//! speaks to the learner builds [`Tr`] values that always carry both, via [`tr!`].

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

/// A message from the program itself: always in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tr {
    pub en: String,
    pub ko: String,
}

impl Tr {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }

    /// The same text in both languages (a path, a command, a version).
    pub fn same(s: impl Into<String>) -> Tr {
        let s = s.into();
        Tr {
            en: s.clone(),
            ko: s,
        }
    }
}

/// `tr!("English {x}", "한국어 {x}")` builds a [`Tr`]; both strings take `format!` arguments
/// from the surrounding scope.
#[macro_export]
macro_rules! tr {
    ($en:literal, $ko:literal $(,)?) => {
        $crate::i18n::Tr {
            en: format!($en),
            ko: format!($ko),
        }
    };
}
