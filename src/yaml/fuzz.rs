//! Test-only: the "real text with random edits" strategy every parser's property tests use
//! (requirements lines, YAML, `.gitignore`), in one place.

use proptest::prelude::*;

/// One of `seeds` with up to `max_edits` random edits drawn from `alphabet`: insert, delete,
/// replace a character, or duplicate the next `span` characters.
pub(crate) fn mutated(
    seeds: &'static [&'static str],
    alphabet: &'static [char],
    max_edits: usize,
    span: usize,
) -> impl Strategy<Value = String> {
    (
        prop::sample::select(seeds),
        prop::collection::vec(
            (
                0usize..4,
                any::<prop::sample::Index>(),
                prop::sample::select(alphabet),
            ),
            0..max_edits,
        ),
    )
        .prop_map(move |(seed, edits)| {
            let mut cs: Vec<char> = seed.chars().collect();
            for (op, at, c) in edits {
                let i = at.index(cs.len() + 1);
                match op {
                    0 => cs.insert(i, c),
                    1 if i < cs.len() => {
                        cs.remove(i);
                    }
                    2 if i < cs.len() => cs[i] = c,
                    _ => {
                        let copy: Vec<char> =
                            cs[i.min(cs.len())..].iter().take(span).copied().collect();
                        cs.splice(i..i, copy);
                    }
                }
            }
            cs.into_iter().collect()
        })
}
