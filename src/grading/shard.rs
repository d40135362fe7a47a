//! `--shard I/N`: one of N deterministic shares of a batch, so that N machines (a CI matrix,
//! a Slurm array, a Kubernetes Indexed Job) grade a class together and
//! `course gradebook merge` joins their gradebooks.
//!
//! A submission belongs to shard `stable64(name) % N + 1`: it depends on the submission's name
//! only, never on its position, so adding or removing a student moves no one else. The hash
//! is `crate::hash` (fixed across machines and versions), not Rust's seeded one.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::submission::Submission;
use crate::hash::stable64;

/// Shard `index` of `count`, 1-based (`2/3`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

/// The most shards a class may be cut into (more would be empty machines).
pub const MAX_SHARDS: u32 = 10_000;

impl Shard {
    /// Does the submission `name` belong to this shard?
    pub fn contains(&self, name: &str) -> bool {
        Shard::of(name, self.count) == self.index
    }

    /// The shard (1-based) that `name` falls in when the class is cut into `count`.
    pub fn of(name: &str, count: u32) -> u32 {
        (stable64(name.as_bytes()) % u64::from(count.max(1))) as u32 + 1
    }
}

impl Shard {
    /// The submissions of this shard, in their order.
    pub fn select(&self, mut subs: Vec<Submission>) -> Vec<Submission> {
        subs.retain(|s| self.contains(&s.name));
        subs
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    /// `I/N` with 1 <= I <= N <= [`MAX_SHARDS`]; the error says what was expected.
    fn from_str(s: &str) -> Result<Shard, String> {
        let expected = || {
            format!(
                "`{s}` is not a shard: write I/N with 1 <= I <= N <= {MAX_SHARDS} (e.g. 2/4; an engine's 0-based index k is shard k+1)"
            )
        };
        let (i, n) = s.trim().split_once('/').ok_or_else(expected)?;
        let index: u32 = i.trim().parse().map_err(|_| expected())?;
        let count: u32 = n.trim().parse().map_err(|_| expected())?;
        if index == 0 || count == 0 || index > count || count > MAX_SHARDS {
            return Err(expected());
        }
        Ok(Shard { index, count })
    }
}

impl Serialize for Shard {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Shard {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shard, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_i_of_n_and_refuses_the_rest() {
        assert_eq!("2/3".parse(), Ok(Shard { index: 2, count: 3 }));
        assert_eq!(" 1 / 1 ".parse(), Ok(Shard { index: 1, count: 1 }));
        for bad in [
            "0/3", "4/3", "1/0", "3", "a/b", "-1/2", "1/2/3", "", "1/10001",
        ] {
            let err = bad.parse::<Shard>().unwrap_err();
            assert!(err.contains("write I/N"), "{bad}: {err}");
        }
    }

    #[test]
    fn every_name_is_in_exactly_one_shard() {
        let names: Vec<String> = (0..500).map(|i| format!("student-{i:03}")).collect();
        for count in 1..=7 {
            let mut sizes = vec![0; count as usize];
            for name in &names {
                let owners: Vec<u32> = (1..=count)
                    .filter(|&index| Shard { index, count }.contains(name))
                    .collect();
                assert_eq!(owners.len(), 1, "{name} in {owners:?} of {count}");
                sizes[owners[0] as usize - 1] += 1;
            }
            // Roughly even: no shard gets less than half its fair share of 500.
            let fair = 500 / count as usize;
            assert!(sizes.iter().all(|&s| s * 2 >= fair), "{count}: {sizes:?}");
        }
    }

    #[test]
    fn adding_students_moves_no_one() {
        let sub = |name: String| Submission::folder(name.clone(), name);
        let class: Vec<Submission> = (0..100).map(|i| sub(format!("s{i:02}"))).collect();
        let mut bigger = class.clone();
        bigger.insert(0, sub("aaron".to_string()));
        bigger.push(sub("zoe".to_string()));
        for index in 1..=5 {
            let shard = Shard { index, count: 5 };
            let names = |subs: &[Submission]| -> Vec<String> {
                shard
                    .select(subs.to_vec())
                    .into_iter()
                    .map(|s| s.name)
                    .collect()
            };
            let mut grown = names(&bigger);
            grown.retain(|n| n != "aaron" && n != "zoe");
            assert_eq!(grown, names(&class), "shard {shard}");
        }
    }

    #[test]
    fn shards_are_the_same_on_every_machine_and_version() {
        // Fixed values: a change here moves students between machines mid-semester.
        let got: Vec<u32> = ["alice", "bob", "carol", "김민준", ""]
            .iter()
            .map(|n| Shard::of(n, 7))
            .collect();
        // Checked against an independent implementation (Python) of the same hash.
        assert_eq!(got, [1, 3, 7, 2, 6]);
    }
}
