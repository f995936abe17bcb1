//! Concept look-up from the command line: by CURIE (the concept's own or a cross-reference), or by
//! any name, matched exactly as the tagger matches text (same case rules, dashes, plurals); close
//! suggestions when nothing matches.

use crate::error::Result;
use crate::ns;
use crate::query::{self, Answer};
use crate::rdf::concept_iri;
use crate::store::Store;
use crate::tag::{variant, Tagger};
use crate::vocab::{Concept, Vocabulary};
use oxigraph::model::Term;
use std::borrow::Cow;

/// Concepts that `term` names: an id, a cross-reference, a name covering the whole term, or a
/// sequence variant's notation ("R215W", "c.643C>T", "rs53576").
pub fn find<'a>(vocab: &'a Vocabulary, tagger: &Tagger, term: &str) -> Vec<Cow<'a, Concept>> {
    let term = term.trim();
    if let Some(c) = vocab.concept(term) {
        return vec![c];
    }
    let by_xref: Vec<Cow<Concept>> = vocab.by_xref(term).map(Cow::Borrowed).collect();
    if !by_xref.is_empty() {
        return by_xref;
    }
    if let Some(curie) = ns::compact_iri(term.trim_start_matches('<').trim_end_matches('>')) {
        if let Some(c) = vocab.concept(&curie) {
            return vec![c];
        }
    }
    let mentions = tagger.tag(term, &[]);
    match mentions.as_slice() {
        [m] if m.span == (0..term.len()) => m
            .concepts
            .iter()
            .filter_map(|id| vocab.concept(id))
            .collect(),
        _ => match variant::find(term).as_slice() {
            [f] if f.span == (0..term.len()) => variant::concept(&f.curie)
                .map(Cow::Owned)
                .into_iter()
                .collect(),
            _ => Vec::new(),
        },
    }
}

/// Names close to `term` (containing it, or within a small edit distance), best first.
pub fn suggest<'a>(vocab: &'a Vocabulary, term: &str, limit: usize) -> Vec<(&'a Concept, &'a str)> {
    let t = term.to_lowercase();
    let mut scored: Vec<(usize, &Concept, &str)> = Vec::new();
    for c in vocab.concepts() {
        let mut best: Option<(usize, &str)> = None;
        for n in &c.names {
            let name = n.text.to_lowercase();
            let score = if name.contains(&t) || (t.len() > 3 && t.contains(&name) && name.len() > 3)
            {
                name.len().abs_diff(t.len())
            } else {
                let d = edit_distance(&name, &t);
                if d > 2 || d * 3 > t.len() {
                    continue;
                }
                d * 10
            };
            if best.is_none_or(|(s, _)| score < s) {
                best = Some((score, &n.text));
            }
        }
        if let Some((s, n)) = best {
            scored.push((s, c, n));
        }
    }
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, c, n)| (c, n))
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A relation of a concept in the store, summarised over its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationSummary {
    /// `out` when the concept is the subject, `in` when it is the object.
    pub direction: &'static str,
    pub predicate: String,
    pub other: String,
    pub other_label: String,
    pub mentions: usize,
    pub negated: usize,
    pub example: String,
}

const RELATIONS: &str = "PREFIX mkg: <https://w3id.org/mechkg/vocab#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?c ?dir ?p ?other (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?ev) AS ?n) (SUM(IF(?neg, 1, 0)) AS ?negated) (MIN(?s) AS ?example)
WHERE {
  { ?ev mkg:subject ?c ; mkg:object ?other . BIND(\"out\" AS ?dir) }
  UNION
  { ?ev mkg:object ?c ; mkg:subject ?other . BIND(\"in\" AS ?dir) }
  ?ev mkg:predicate ?p ; mkg:sentence ?s ; mkg:negated ?neg .
  OPTIONAL { ?other rdfs:label ?l }
}
GROUP BY ?c ?dir ?p ?other
ORDER BY DESC(?dir) ?p ?other";

/// The relations in and out of a concept, with evidence counts and one example sentence each.
pub fn relations(store: &Store, curie: &str) -> Result<Vec<RelationSummary>> {
    let params = [("c".to_string(), Term::from(concept_iri(curie)))];
    let Answer::Table { rows, .. } = query::run(store, RELATIONS, &params)? else {
        return Ok(Vec::new());
    };
    let text = |t: &Option<Term>| t.as_ref().map(query::display_term).unwrap_or_default();
    Ok(rows
        .iter()
        .map(|r| RelationSummary {
            direction: if text(&r[1]) == "out" { "out" } else { "in" },
            predicate: text(&r[2]).trim_start_matches("mkg:").to_string(),
            other: text(&r[3]),
            other_label: text(&r[4]),
            mentions: text(&r[5]).parse().unwrap_or(0),
            negated: text(&r[6]).parse().unwrap_or(0),
            example: text(&r[7]),
        })
        .collect())
}
