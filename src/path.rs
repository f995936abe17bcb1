//! Mechanism chains: every simple path of direct relations from one concept to another, up to a
//! number of hops, each hop with its predicate, polarity and one evidence sentence, and the sign of
//! the whole chain (the product of the hops' signs; unsigned or neutral hops make it `0`).

use crate::error::Result;
use crate::model::{Polarity, Predicate};
use crate::query::{self, Answer};
use crate::store::Store;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    pub subject: String,
    pub predicate: Predicate,
    pub object: String,
    pub mentions: usize,
    /// One sentence stating it (the first in sort order, so the choice is stable).
    pub example: String,
    pub document: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chain {
    pub hops: Vec<Hop>,
    pub sign: Polarity,
}

const EDGES: &str = "PREFIX mkg: <https://w3id.org/mechkg/vocab#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?s ?p ?o (COUNT(DISTINCT ?ev) AS ?n) (MIN(?sent) AS ?example) (MIN(?id) AS ?doc)
WHERE {
  ?s ?p ?o . ?p a mkg:Predicate .
  ?ev mkg:subject ?s ; mkg:predicate ?p ; mkg:object ?o ; mkg:negated false ; mkg:sentence ?sent ;
      mkg:document ?d . ?d dcterms:identifier ?id .
}
GROUP BY ?s ?p ?o";

/// Chains from `from` to `to` (CURIEs), shortest first, at most `max_hops` hops and `limit` chains.
pub fn chains(
    store: &Store,
    from: &str,
    to: &str,
    max_hops: usize,
    limit: usize,
) -> Result<Vec<Chain>> {
    let Answer::Table { rows, .. } = query::run(store, EDGES, &[])? else {
        return Ok(Vec::new());
    };
    let mut out_edges: BTreeMap<String, Vec<Hop>> = BTreeMap::new();
    for r in rows {
        let t = |i: usize| r[i].as_ref().map(query::display_term).unwrap_or_default();
        let Some(predicate) = Predicate::parse(t(1).trim_start_matches("mkg:")) else {
            continue;
        };
        let hop = Hop {
            subject: t(0),
            predicate,
            object: t(2),
            mentions: t(3).parse().unwrap_or(0),
            example: t(4),
            document: t(5),
        };
        out_edges.entry(hop.subject.clone()).or_default().push(hop);
    }
    for hops in out_edges.values_mut() {
        hops.sort_by(|a, b| (a.predicate, &a.object).cmp(&(b.predicate, &b.object)));
    }
    let mut found = Vec::new();
    let mut stack: Vec<Hop> = Vec::new();
    let mut visited = vec![from.to_string()];
    walk(
        &out_edges,
        from,
        to,
        max_hops,
        &mut stack,
        &mut visited,
        &mut found,
    );
    found.sort_by(|a: &Vec<Hop>, b: &Vec<Hop>| {
        a.len().cmp(&b.len()).then_with(|| {
            let key = |c: &Vec<Hop>| {
                c.iter()
                    .map(|h| format!("{} {}", h.predicate, h.object))
                    .collect::<Vec<_>>()
            };
            key(a).cmp(&key(b))
        })
    });
    found.truncate(limit);
    Ok(found
        .into_iter()
        .map(|hops| {
            let sign = hops
                .iter()
                .skip(1)
                .fold(sign_of(hops[0].predicate), |acc, h| {
                    acc.compose(sign_of(h.predicate))
                });
            Chain { hops, sign }
        })
        .collect())
}

fn sign_of(p: Predicate) -> Polarity {
    match p.polarity() {
        Polarity::None => Polarity::Neutral,
        other => other,
    }
}

fn walk(
    edges: &BTreeMap<String, Vec<Hop>>,
    at: &str,
    to: &str,
    max_hops: usize,
    stack: &mut Vec<Hop>,
    visited: &mut Vec<String>,
    found: &mut Vec<Vec<Hop>>,
) {
    if stack.len() == max_hops {
        return;
    }
    for hop in edges.get(at).into_iter().flatten() {
        if hop.object == to {
            let mut chain = stack.clone();
            chain.push(hop.clone());
            found.push(chain);
        } else if !visited.contains(&hop.object) {
            visited.push(hop.object.clone());
            stack.push(hop.clone());
            walk(edges, &hop.object, to, max_hops, stack, visited, found);
            stack.pop();
            visited.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_signs() {
        use Predicate::*;
        let cases = [
            (vec![Activates, Releases], Polarity::Positive),
            (vec![Activates, Inhibits], Polarity::Negative),
            (vec![Inhibits, Decreases], Polarity::Positive),
            (vec![Activates, Regulates], Polarity::Neutral),
            (vec![Crosses], Polarity::Neutral),
        ];
        for (preds, want) in cases {
            let sign = preds
                .iter()
                .skip(1)
                .fold(sign_of(preds[0]), |acc, p| acc.compose(sign_of(*p)));
            assert_eq!(sign, want, "{preds:?}");
        }
    }
}
