//! SPARQL over the store: named queries shipped in `queries/`, parameters bound as RDF terms (never
//! pasted into the query text), the W3C results formats and a plain table. The default graph of a
//! query is the union of all graphs, so that a query sees every document at once.

use crate::error::{Error, Result};
use crate::ns;
use crate::store::Store;
use oxigraph::model::{Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use std::io::Write;

/// The named queries, compiled in so that they work from any directory.
pub const NAMED: &[(&str, &str)] = &[
    ("downstream", include_str!("../queries/downstream.rq")),
    ("upstream", include_str!("../queries/upstream.rq")),
    ("chains-2", include_str!("../queries/chains-2.rq")),
    ("chains-3", include_str!("../queries/chains-3.rq")),
    ("evidence", include_str!("../queries/evidence.rq")),
    (
        "relations-by-document",
        include_str!("../queries/relations-by-document.rq"),
    ),
    (
        "concepts-by-category",
        include_str!("../queries/concepts-by-category.rq"),
    ),
    ("variants", include_str!("../queries/variants.rq")),
];

/// The parameters a named query declares in its header (`# param: name — description`).
pub fn declared_params(query: &str) -> Vec<String> {
    query
        .lines()
        .filter_map(|l| l.trim().strip_prefix("# param:"))
        .filter_map(|l| l.split_whitespace().next())
        .map(|n| n.trim_start_matches('?').to_string())
        .collect()
}

/// A finished result: a table of bindings, a boolean, or triples.
#[derive(Debug)]
pub enum Answer {
    Table {
        vars: Vec<Variable>,
        rows: Vec<Vec<Option<Term>>>,
    },
    Boolean(bool),
    Graph(Vec<Triple>),
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Table { rows, .. } => rows.is_empty(),
            Answer::Boolean(b) => !b,
            Answer::Graph(t) => t.is_empty(),
        }
    }
}

/// Runs a query with bound parameters over the union of the store's graphs.
pub fn run(store: &Store, query: &str, params: &[(String, Term)]) -> Result<Answer> {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, iri) in ns::export_prefixes() {
        evaluator = evaluator
            .with_prefix(prefix, iri)
            .map_err(|e| Error::Query(e.to_string()))?;
    }
    let mut prepared = evaluator
        .parse_query(query)
        .map_err(|e| Error::Query(format!("SPARQL syntax error: {e}")))?;
    prepared.dataset_mut().set_default_graph_as_union();
    for (name, value) in params {
        let var = Variable::new(name)
            .map_err(|e| Error::Query(format!("bad parameter name {name:?}: {e}")))?;
        prepared = prepared.substitute_variable(var, value.clone());
    }
    let results = prepared
        .on_store(&store.inner)
        .execute()
        .map_err(|e| Error::Query(e.to_string()))?;
    Ok(match results {
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s.map_err(|e| Error::Query(e.to_string()))?;
                rows.push(vars.iter().map(|v| s.get(v).cloned()).collect());
            }
            Answer::Table { vars, rows }
        }
        QueryResults::Boolean(b) => Answer::Boolean(b),
        QueryResults::Graph(triples) => {
            let mut out = triples
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| Error::Query(e.to_string()))?;
            out.sort_by_cached_key(|t| t.to_string());
            Answer::Graph(out)
        }
    })
}

/// Output formats of `mechkg query`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

/// A term as a person reads it: CURIEs for known namespaces, bare literal values.
pub fn display_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => compact(n.as_str()),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// An IRI as a CURIE when its namespace is known.
pub fn compact(iri: &str) -> String {
    if let Some(c) = ns::compact_iri(iri) {
        return c;
    }
    ns::export_prefixes()
        .filter(|(_, base)| iri.starts_with(base))
        .max_by_key(|(_, base)| base.len())
        .map_or_else(
            || format!("<{iri}>"),
            |(p, base)| format!("{p}:{}", &iri[base.len()..]),
        )
}

pub fn write(answer: &Answer, format: ResultsFormat, out: &mut impl Write) -> Result<()> {
    match (answer, format) {
        (Answer::Graph(triples), _) => {
            let mut s = oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::Turtle);
            for (p, i) in ns::export_prefixes() {
                s = s
                    .with_prefix(p, i)
                    .map_err(|e| Error::Query(e.to_string()))?;
            }
            let mut w = s.for_writer(out);
            for t in triples {
                w.serialize_triple(t)?;
            }
            w.finish()?;
        }
        (Answer::Table { vars, rows }, ResultsFormat::Table) => {
            let header: Vec<String> = vars.iter().map(|v| v.as_str().to_string()).collect();
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|t| t.as_ref().map(display_term).unwrap_or_default())
                        .collect()
                })
                .collect();
            let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
            for row in &cells {
                for (w, c) in widths.iter_mut().zip(row) {
                    *w = (*w).max(c.chars().count()).min(80);
                }
            }
            let line = |row: &[String]| -> String {
                row.iter()
                    .zip(&widths)
                    .map(|(c, w)| format!("{c:<w$}"))
                    .collect::<Vec<_>>()
                    .join("  ")
                    .trim_end()
                    .to_string()
            };
            writeln!(out, "{}", line(&header))?;
            for row in &cells {
                writeln!(out, "{}", line(row))?;
            }
        }
        (Answer::Boolean(b), ResultsFormat::Table) => writeln!(out, "{b}")?,
        (answer, format) => {
            let f = match format {
                ResultsFormat::Csv => QueryResultsFormat::Csv,
                ResultsFormat::Tsv => QueryResultsFormat::Tsv,
                ResultsFormat::Json => QueryResultsFormat::Json,
                _ => QueryResultsFormat::Xml,
            };
            let ser = QueryResultsSerializer::from_format(f);
            match answer {
                Answer::Boolean(b) => {
                    ser.serialize_boolean_to_writer(out, *b)?;
                }
                Answer::Table { vars, rows } => {
                    let mut w = ser.serialize_solutions_to_writer(out, vars.clone())?;
                    for row in rows {
                        w.serialize(
                            vars.iter()
                                .zip(row)
                                .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref()))),
                        )?;
                    }
                    w.finish()?;
                }
                Answer::Graph(_) => unreachable!(),
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_query_parses_and_declares_its_params() {
        for (name, text) in NAMED {
            let store = Store::memory().unwrap();
            let params: Vec<(String, Term)> = declared_params(text)
                .into_iter()
                .map(|p| {
                    (
                        p,
                        Term::from(oxigraph::model::NamedNode::new_unchecked(
                            "http://example.org/x",
                        )),
                    )
                })
                .collect();
            let answer = run(&store, text, &params).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(answer.is_empty(), "{name} on an empty store");
            assert!(text.starts_with('#'), "{name} has a header comment");
        }
    }
}
