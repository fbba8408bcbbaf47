//! Display order of a question's options (choice), items (placement) or sides
//! (compare), derived from a per-attempt seed so a run is reproducible.
//!
//! The order only changes what is *shown*: answers are always stored in
//! authored indices (see [`crate::quiz::answer`]). A question with
//! `pin_order`, a verdict question, or no seed gets the identity order.

use crate::content::model::{Question, QuestionKind};

/// A permutation: `display[i]` is the authored index shown at position `i`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    display: Vec<usize>,
}

impl Order {
    pub fn identity(len: usize) -> Self {
        Order {
            display: (0..len).collect(),
        }
    }

    /// The order for `question` in an attempt run with `seed`. Each question
    /// gets its own stream (the seed mixed with the question id), so two
    /// questions with the same number of options are not shuffled alike.
    pub fn for_question(question: &Question, seed: Option<u64>) -> Self {
        let len = shuffled_len(&question.kind);
        match seed {
            Some(seed) if !question.pin_order && len > 1 => {
                let mut rng = fastrand::Rng::with_seed(mix(seed, &question.id));
                let mut display: Vec<usize> = (0..len).collect();
                rng.shuffle(&mut display);
                Order { display }
            }
            _ => Order::identity(len),
        }
    }

    pub fn len(&self) -> usize {
        self.display.len()
    }

    pub fn is_empty(&self) -> bool {
        self.display.is_empty()
    }

    /// The authored index shown at display position `pos`.
    pub fn authored(&self, pos: usize) -> Option<usize> {
        self.display.get(pos).copied()
    }

    /// The display position of authored index `idx`.
    pub fn position(&self, idx: usize) -> Option<usize> {
        self.display.iter().position(|&a| a == idx)
    }

    /// Authored indices in display order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.display.iter().copied()
    }

    pub fn is_identity(&self) -> bool {
        self.display.iter().enumerate().all(|(i, &a)| i == a)
    }
}

/// How many things a question shows in a shuffleable order.
fn shuffled_len(kind: &QuestionKind) -> usize {
    match kind {
        QuestionKind::Choice(c) => c.options.len(),
        QuestionKind::Placement(p) => p.items.len(),
        // Authors conventionally put the failing pattern left: swapping the
        // sides stops "always right" from being a winning strategy.
        QuestionKind::Compare(_) => 2,
        QuestionKind::Verdict(_) => 0,
    }
}

/// FNV-1a over the question id, folded into the run seed.
fn mix(seed: u64, id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    seed ^ h
}

/// A fresh seed for the next attempt run derived from the last one, so a
/// retry shows a new order while the session stays free of randomness.
pub fn next_seed(seed: Option<u64>) -> Option<u64> {
    seed.map(|s| {
        s.wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::ChoiceQuestion;
    use crate::quiz::testdata;

    fn choice(id: &str, n: usize, pin: bool) -> Question {
        let mut q = testdata::question(
            id,
            QuestionKind::Choice(ChoiceQuestion {
                options: (0..n).map(|i| format!("o{i}")).collect(),
                answer: vec![0],
                multi: false,
                feedback: vec![],
            }),
        );
        q.pin_order = pin;
        q
    }

    #[test]
    fn no_seed_or_pinned_is_identity() {
        assert!(Order::for_question(&choice("a", 6, false), None).is_identity());
        assert!(Order::for_question(&choice("a", 6, true), Some(7)).is_identity());
    }

    #[test]
    fn same_seed_same_order_and_a_permutation() {
        let q = choice("a", 8, false);
        let a = Order::for_question(&q, Some(42));
        assert_eq!(a, Order::for_question(&q, Some(42)));
        let mut seen: Vec<usize> = a.iter().collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..8).collect::<Vec<_>>());
        for pos in 0..8 {
            let idx = a.authored(pos).unwrap();
            assert_eq!(a.position(idx), Some(pos));
        }
        assert_eq!(a.authored(8), None);
    }

    #[test]
    fn some_seed_actually_shuffles() {
        let q = choice("a", 8, false);
        assert!((0..20).any(|s| !Order::for_question(&q, Some(s)).is_identity()));
    }

    #[test]
    fn questions_get_different_streams() {
        let differ = (0..20).any(|s| {
            Order::for_question(&choice("a", 8, false), Some(s))
                != Order::for_question(&choice("b", 8, false), Some(s))
        });
        assert!(differ);
    }

    #[test]
    fn next_seed_changes_and_keeps_none() {
        assert_eq!(next_seed(None), None);
        assert_ne!(next_seed(Some(1)), Some(1));
    }
}
