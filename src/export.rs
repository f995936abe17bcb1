//! RDF serialisation in the canonical order: Turtle and TriG with mechkg's prefixes, N-Triples and
//! N-Quads. Turtle and N-Triples hold triples, so graph names are dropped and repeats merged.

use crate::error::Result;
use crate::ns;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Quad, Triple};
use std::io::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Turtle,
    NTriples,
    NQuads,
    TriG,
}

impl ExportFormat {
    fn rdf(self) -> RdfFormat {
        match self {
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::NTriples => RdfFormat::NTriples,
            ExportFormat::NQuads => RdfFormat::NQuads,
            ExportFormat::TriG => RdfFormat::TriG,
        }
    }

    pub fn has_graphs(self) -> bool {
        matches!(self, ExportFormat::NQuads | ExportFormat::TriG)
    }
}

/// Writes quads (already in canonical order) in `format`; returns the number of statements written.
pub fn write(quads: &[Quad], format: ExportFormat, out: impl Write) -> Result<usize> {
    let mut serializer = RdfSerializer::from_format(format.rdf());
    if matches!(format, ExportFormat::Turtle | ExportFormat::TriG) {
        for (prefix, iri) in ns::export_prefixes() {
            serializer = serializer
                .with_prefix(prefix, iri)
                .expect("the export prefixes are valid IRIs");
        }
    }
    let mut w = serializer.for_writer(out);
    let count = if format.has_graphs() {
        for q in quads {
            w.serialize_quad(q)?;
        }
        quads.len()
    } else {
        let mut triples: Vec<Triple> = quads.iter().map(|q| Triple::from(q.clone())).collect();
        triples.sort_by_cached_key(|t| t.to_string());
        triples.dedup();
        for t in &triples {
            w.serialize_triple(t)?;
        }
        triples.len()
    };
    w.finish()?;
    Ok(count)
}
