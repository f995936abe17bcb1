//! The scorer: TP/FP/FN counts with precision, recall and F1, and the one-to-one matching of gold
//! items against predicted ones within a document and a type. Pure data in, counts out.
//!
//! Every level is a maximum bipartite matching (each gold item matches at most one prediction and
//! the other way round), so a prediction overlapping two gold mentions is one TP and one FN, and two
//! concepts matching one gold identifier are one TP and one FP.

use crate::model::Span;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Counts {
        Counts { tp, fp, fn_ }
    }

    /// TP / (TP + FP); 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// TP / (TP + FN); 0 when the gold is empty.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// A mention: a byte span into one passage of one document, with its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanItem {
    pub doc: String,
    pub ty: String,
    pub passage: usize,
    pub span: Span,
}

/// A concept of a document, as the set of identifiers it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdItem {
    pub doc: String,
    pub ty: String,
    pub ids: BTreeSet<String>,
}

/// An unordered pair of concepts of a document, with a relation type (or [`ANY`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairItem {
    pub doc: String,
    pub ty: String,
    pub a: BTreeSet<String>,
    pub b: BTreeSet<String>,
}

/// The type of an untyped relation pair.
pub const ANY: &str = "*";

/// The result of one level: counts per type, and which gold items were missed and which predictions
/// were spurious (indices into the inputs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub by_type: BTreeMap<String, Counts>,
    pub missed: Vec<usize>,
    pub spurious: Vec<usize>,
}

impl Outcome {
    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        for v in self.by_type.values() {
            c.add(*v);
        }
        c
    }
}

/// An item scored within its document and type.
pub trait Keyed {
    /// (document, type)
    fn key(&self) -> (&str, &str);
}

macro_rules! keyed {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn key(&self) -> (&str, &str) {
                (&self.doc, &self.ty)
            }
        }
    )*};
}
keyed!(SpanItem, IdItem, PairItem);

/// Matches `gold` against `pred` one-to-one within each (document, type), where `ok` allows a pair.
pub fn score<G: Keyed, P: Keyed>(gold: &[G], pred: &[P], ok: impl Fn(&G, &P) -> bool) -> Outcome {
    // (document, type) → (gold indices, predicted indices)
    type Groups<'a> = BTreeMap<(&'a str, &'a str), (Vec<usize>, Vec<usize>)>;
    let mut groups: Groups = BTreeMap::new();
    for (i, g) in gold.iter().enumerate() {
        groups.entry(g.key()).or_default().0.push(i);
    }
    for (i, p) in pred.iter().enumerate() {
        groups.entry(p.key()).or_default().1.push(i);
    }
    let mut out = Outcome::default();
    for ((_, ty), (gs, ps)) in groups {
        let matched = max_matching(gs.len(), ps.len(), |g, p| ok(&gold[gs[g]], &pred[ps[p]]));
        let mut used = vec![false; ps.len()];
        let mut c = Counts::default();
        for (g, m) in matched.iter().enumerate() {
            match m {
                Some(p) => {
                    used[*p] = true;
                    c.tp += 1;
                }
                None => {
                    c.fn_ += 1;
                    out.missed.push(gs[g]);
                }
            }
        }
        for (p, u) in used.iter().enumerate() {
            if !u {
                c.fp += 1;
                out.spurious.push(ps[p]);
            }
        }
        out.by_type.entry(ty.to_string()).or_default().add(c);
    }
    out.missed.sort_unstable();
    out.spurious.sort_unstable();
    out
}

/// Maximum bipartite matching by augmenting paths: for each left item, its right partner.
fn max_matching(
    left: usize,
    right: usize,
    ok: impl Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
    let adj: Vec<Vec<usize>> = (0..left)
        .map(|l| (0..right).filter(|&r| ok(l, r)).collect())
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; right];
    fn augment(
        l: usize,
        adj: &[Vec<usize>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for &r in &adj[l] {
            if seen[r] {
                continue;
            }
            seen[r] = true;
            if owner[r].is_none_or(|o| augment(o, adj, seen, owner)) {
                owner[r] = Some(l);
                return true;
            }
        }
        false
    }
    for l in 0..left {
        let mut seen = vec![false; right];
        augment(l, &adj, &mut seen, &mut owner);
    }
    let mut out = vec![None; left];
    for (r, o) in owner.iter().enumerate() {
        if let Some(l) = o {
            out[*l] = Some(r);
        }
    }
    out
}

/// Mentions with the exact span and type.
pub fn mentions_strict(gold: &[SpanItem], pred: &[SpanItem]) -> Outcome {
    score(gold, pred, |g, p| {
        g.passage == p.passage && g.span == p.span
    })
}

/// Mentions that overlap and have the same type.
pub fn mentions_overlap(gold: &[SpanItem], pred: &[SpanItem]) -> Outcome {
    score(gold, pred, |g, p| {
        g.passage == p.passage && g.span.start < p.span.end && p.span.start < g.span.end
    })
}

/// Concepts of a document: a gold entry matches a prediction sharing any identifier.
pub fn concepts(gold: &[IdItem], pred: &[IdItem]) -> Outcome {
    score(gold, pred, |g, p| !g.ids.is_disjoint(&p.ids))
}

/// Relation pairs of a document, in either direction, with equal types.
pub fn pairs(gold: &[PairItem], pred: &[PairItem]) -> Outcome {
    score(gold, pred, |g, p| {
        let meets = |x: &BTreeSet<String>, y: &BTreeSet<String>| !x.is_disjoint(y);
        (meets(&g.a, &p.a) && meets(&g.b, &p.b)) || (meets(&g.a, &p.b) && meets(&g.b, &p.a))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(doc: &str, ty: &str, passage: usize, span: Span) -> SpanItem {
        SpanItem {
            doc: doc.into(),
            ty: ty.into(),
            passage,
            span,
        }
    }

    fn ids(doc: &str, ty: &str, list: &str) -> IdItem {
        IdItem {
            doc: doc.into(),
            ty: ty.into(),
            ids: list.split('|').map(String::from).collect(),
        }
    }

    fn pair(doc: &str, ty: &str, a: &str, b: &str) -> PairItem {
        let set = |s: &str| s.split('|').map(String::from).collect();
        PairItem {
            doc: doc.into(),
            ty: ty.into(),
            a: set(a),
            b: set(b),
        }
    }

    type Counted = (usize, usize, usize);

    /// Runs a scorer on gold and predictions and compares (tp, fp, fn) overall.
    fn check<T>(
        name: &str,
        f: fn(&[T], &[T]) -> Outcome,
        gold: &[T],
        pred: &[T],
        want: (usize, usize, usize),
    ) {
        let got = f(gold, pred).overall();
        assert_eq!(
            (got.tp, got.fp, got.fn_),
            want,
            "{name}: got {got:?}, want {want:?}"
        );
    }

    #[test]
    fn mention_levels() {
        let c = "chem";
        let d = "dis";
        type Case = (&'static str, Vec<SpanItem>, Vec<SpanItem>, Counted, Counted);
        let cases: Vec<Case> = vec![
            (
                "perfect",
                vec![m("1", c, 0, 0..8)],
                vec![m("1", c, 0, 0..8)],
                (1, 0, 0),
                (1, 0, 0),
            ),
            (
                "empty prediction",
                vec![m("1", c, 0, 0..8)],
                vec![],
                (0, 0, 1),
                (0, 0, 1),
            ),
            (
                "empty gold",
                vec![],
                vec![m("1", c, 0, 0..8)],
                (0, 1, 0),
                (0, 1, 0),
            ),
            (
                "wrong type",
                vec![m("1", c, 0, 0..8)],
                vec![m("1", d, 0, 0..8)],
                (0, 1, 1),
                (0, 1, 1),
            ),
            (
                "other passage",
                vec![m("1", c, 0, 0..8)],
                vec![m("1", c, 1, 0..8)],
                (0, 1, 1),
                (0, 1, 1),
            ),
            (
                "other doc",
                vec![m("1", c, 0, 0..8)],
                vec![m("2", c, 0, 0..8)],
                (0, 1, 1),
                (0, 1, 1),
            ),
            (
                "partial",
                vec![m("1", c, 0, 0..12)],
                vec![m("1", c, 0, 4..12)],
                (0, 1, 1),
                (1, 0, 0),
            ),
            (
                "touching is no overlap",
                vec![m("1", c, 0, 0..4)],
                vec![m("1", c, 0, 4..8)],
                (0, 1, 1),
                (0, 1, 1),
            ),
            (
                "one prediction over two gold",
                vec![m("1", c, 0, 0..4), m("1", c, 0, 5..9)],
                vec![m("1", c, 0, 0..9)],
                (0, 1, 2),
                (1, 0, 1),
            ),
            (
                "augmenting path",
                vec![m("1", c, 0, 0..4), m("1", c, 0, 5..9)],
                vec![m("1", c, 0, 3..6), m("1", c, 0, 0..2)],
                (0, 2, 2),
                (2, 0, 0),
            ),
        ];
        for (name, gold, pred, strict, overlap) in cases {
            check(name, mentions_strict, &gold, &pred, strict);
            check(name, mentions_overlap, &gold, &pred, overlap);
        }
    }

    #[test]
    fn concept_level() {
        let t = "chem";
        let cases = vec![
            (
                "match",
                vec![ids("1", t, "MESH:D1")],
                vec![ids("1", t, "MESH:D1|HGNC:5")],
                (1, 0, 0),
            ),
            (
                "any of several",
                vec![ids("1", t, "MESH:D1|MESH:D2")],
                vec![ids("1", t, "MESH:D2")],
                (1, 0, 0),
            ),
            (
                "miss",
                vec![ids("1", t, "MESH:D1")],
                vec![ids("1", t, "MESH:D3")],
                (0, 1, 1),
            ),
            (
                "two concepts, one id",
                vec![ids("1", t, "MESH:D1")],
                vec![ids("1", t, "MESH:D1"), ids("1", t, "MESH:D1|X:1")],
                (1, 1, 0),
            ),
            (
                "per document",
                vec![ids("1", t, "MESH:D1")],
                vec![ids("2", t, "MESH:D1")],
                (0, 1, 1),
            ),
        ];
        for (name, gold, pred, want) in cases {
            check(name, concepts, &gold, &pred, want);
        }
    }

    #[test]
    fn pair_level() {
        let cases = vec![
            (
                "same order",
                vec![pair("1", "CID", "A", "B")],
                vec![pair("1", "CID", "A", "B")],
                (1, 0, 0),
            ),
            (
                "reversed",
                vec![pair("1", "CID", "A", "B")],
                vec![pair("1", "CID", "B|X", "A")],
                (1, 0, 0),
            ),
            (
                "wrong type",
                vec![pair("1", "CID", "A", "B")],
                vec![pair("1", "Bind", "A", "B")],
                (0, 1, 1),
            ),
            (
                "half",
                vec![pair("1", "CID", "A", "B")],
                vec![pair("1", "CID", "A", "C")],
                (0, 1, 1),
            ),
            (
                "same argument twice",
                vec![pair("1", "CID", "A", "B")],
                vec![pair("1", "CID", "A", "A")],
                (0, 1, 1),
            ),
        ];
        for (name, gold, pred, want) in cases {
            check(name, pairs, &gold, &pred, want);
        }
    }

    #[test]
    fn ratios() {
        let c = Counts::new(1, 1, 2);
        assert_eq!(c.precision(), 0.5);
        assert!((c.recall() - 1.0 / 3.0).abs() < 1e-12);
        assert!((c.f1() - 0.4).abs() < 1e-12);
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
