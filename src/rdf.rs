//! The RDF model: concepts, predicates, documents and evidence as quads, minted deterministically.
//!
//! * Each document's statements live in its own named graph (`doc/{id}`), so that building the
//!   document again replaces exactly them.
//! * A relation stated without negation gives one direct triple `subject predicate object`, so that
//!   SPARQL property paths walk mechanisms; every mention of a relation (negated ones too) gives one
//!   evidence node `doc/{id}/ev/{key}` with the sentence, spans, rule and flags.
//! * Concept descriptions (label, synonyms, category, cross-references) go to the `concepts` graph,
//!   predicate definitions and their Relation Ontology / Biolink mappings to the `ontology` graph.

use crate::model::{AnnotatedDocument, Predicate, SectionKind};
use crate::ns::{self, term, BIOLINK, DCTERMS, RDF, RDFS, RO, SKOS};
use crate::vocab::{Concept, Vocabulary};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::BTreeSet;

fn iri(s: impl Into<String>) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn mkg(local: &str) -> NamedNode {
    iri(ns::mkg(local))
}

/// The IRI of a concept CURIE (vocabulary CURIEs are checked when loaded).
pub fn concept_iri(curie: &str) -> NamedNode {
    iri(ns::expand_curie(curie).unwrap_or_else(|| format!("{}{curie}", ns::MKG)))
}

pub fn predicate_iri(p: Predicate) -> NamedNode {
    mkg(p.as_str())
}

pub fn doc_graph(doc_id: &str) -> NamedNode {
    iri(ns::doc_iri(doc_id))
}

/// Relation Ontology and Biolink counterparts of each predicate: (sub-property of, exact matches).
/// Every identifier is taken from the Biolink Model 4.4.6 YAML and predicate table.
pub fn mappings(p: Predicate) -> (&'static [&'static str], &'static [&'static str]) {
    use Predicate::*;
    match p {
        Activates => (&["biolink:regulates"], &["RO:0002213"]),
        Inhibits => (&["biolink:regulates"], &["RO:0002212"]),
        Increases => (&[], &["biolink:increases_amount_or_activity_of"]),
        Decreases => (&[], &["biolink:decreases_amount_or_activity_of"]),
        Regulates => (&[], &["biolink:regulates", "RO:0002211"]),
        Releases => (&["biolink:produces"], &[]),
        Crosses => (&["biolink:related_to"], &[]),
        Binds => (
            &["biolink:directly_physically_interacts_with"],
            &["biolink:binds"],
        ),
        ExpressedIn => (&[], &["biolink:expressed_in", "RO:0002206"]),
        LocatedIn => (&[], &["biolink:located_in", "RO:0001025"]),
        Causes => (&[], &["biolink:causes", "RO:0003303"]),
        Treats => (&[], &["biolink:treats"]),
        Disrupts => (&[], &["biolink:disrupts"]),
        AssociatedWith => (&[], &["biolink:associated_with"]),
        VariantOf => (
            &["biolink:related_to_at_instance_level"],
            &["biolink:is_sequence_variant_of"],
        ),
    }
}

fn expand_mapping(curie: &str) -> NamedNode {
    if let Some(local) = curie.strip_prefix("biolink:") {
        iri(format!("{BIOLINK}{local}"))
    } else if let Some(local) = curie.strip_prefix("RO:") {
        iri(format!("{RO}{local}"))
    } else {
        concept_iri(curie)
    }
}

fn quad(s: &NamedNode, p: NamedNode, o: impl Into<Term>, g: &NamedNode) -> Quad {
    Quad::new(
        NamedOrBlankNode::from(s.clone()),
        p,
        o,
        GraphName::from(g.clone()),
    )
}

/// The definitions of mechkg's predicates (the `ontology` graph).
pub fn ontology_quads() -> Vec<Quad> {
    let g = iri(ns::ONTOLOGY_GRAPH);
    let mut out = Vec::new();
    for p in Predicate::ALL {
        let s = predicate_iri(p);
        out.push(quad(
            &s,
            iri(format!("{RDF}type")),
            iri(format!("{RDF}Property")),
            &g,
        ));
        out.push(quad(
            &s,
            iri(format!("{RDF}type")),
            mkg(term::PREDICATE),
            &g,
        ));
        out.push(quad(
            &s,
            iri(format!("{RDFS}label")),
            Literal::new_simple_literal(p.as_str().replace('_', " ")),
            &g,
        ));
        out.push(quad(
            &s,
            mkg(term::POLARITY),
            Literal::new_simple_literal(p.polarity().symbol()),
            &g,
        ));
        let (sub, exact) = mappings(p);
        for m in sub {
            out.push(quad(
                &s,
                iri(format!("{RDFS}subPropertyOf")),
                expand_mapping(m),
                &g,
            ));
        }
        for m in exact {
            out.push(quad(
                &s,
                iri(format!("{SKOS}exactMatch")),
                expand_mapping(m),
                &g,
            ));
        }
    }
    out
}

/// A concept's description (the `concepts` graph).
pub fn concept_quads(c: &Concept, out: &mut Vec<Quad>) {
    let g = iri(ns::CONCEPTS_GRAPH);
    let s = concept_iri(&c.id);
    out.push(quad(
        &s,
        iri(format!("{RDFS}label")),
        Literal::new_simple_literal(&c.label),
        &g,
    ));
    out.push(quad(
        &s,
        iri(format!("{SKOS}notation")),
        Literal::new_simple_literal(&c.id),
        &g,
    ));
    let category = c.category.strip_prefix("biolink:").unwrap_or(&c.category);
    out.push(quad(
        &s,
        iri(format!("{BIOLINK}category")),
        iri(format!("{BIOLINK}{category}")),
        &g,
    ));
    for n in c.names.iter().filter(|n| n.text != c.label) {
        out.push(quad(
            &s,
            iri(format!("{SKOS}altLabel")),
            Literal::new_simple_literal(&n.text),
            &g,
        ));
    }
    for x in &c.xrefs {
        if let Some(x_iri) = ns::expand_curie(x) {
            out.push(quad(&s, iri(format!("{SKOS}exactMatch")), iri(x_iri), &g));
        }
    }
    for (set, predicate) in [
        (&c.broad, "broadMatch"),
        (&c.close, "closeMatch"),
        (&c.narrow, "narrowMatch"),
    ] {
        for x in set {
            if let Some(x_iri) = ns::expand_curie(x) {
                out.push(quad(&s, iri(format!("{SKOS}{predicate}")), iri(x_iri), &g));
            }
        }
    }
    // A species' gene (`tag::species`): the human gene it is the ortholog of, and its organism.
    for (set, predicate) in [(&c.ortholog_of, "orthologous_to"), (&c.taxon, "in_taxon")] {
        for x in set {
            if let Some(x_iri) = ns::expand_curie(x) {
                out.push(quad(
                    &s,
                    iri(format!("{BIOLINK}{predicate}")),
                    iri(x_iri),
                    &g,
                ));
            }
        }
    }
}

fn span(s: &std::ops::Range<usize>) -> Literal {
    Literal::new_simple_literal(format!("{}-{}", s.start, s.end))
}

/// A document's graph and the descriptions of the concepts it mentions, sorted and without repeats.
pub fn document_quads(doc: &AnnotatedDocument, vocab: &Vocabulary) -> Vec<Quad> {
    let d = &doc.doc;
    let g = doc_graph(&d.id);
    let mut out = Vec::new();
    out.push(quad(&g, iri(format!("{RDF}type")), mkg(term::DOCUMENT), &g));
    out.push(quad(
        &g,
        iri(format!("{DCTERMS}identifier")),
        Literal::new_simple_literal(&d.id),
        &g,
    ));
    if let Some(t) = d.sections.iter().find(|s| s.kind == SectionKind::Title) {
        out.push(quad(
            &g,
            iri(format!("{DCTERMS}title")),
            Literal::new_simple_literal(&t.text),
            &g,
        ));
    }
    let see_also = iri(format!("{RDFS}seeAlso"));
    if let Some(doi) = &d.ids.doi {
        out.push(quad(&g, see_also.clone(), iri(ns::doi_iri(doi)), &g));
    }
    if let Some(pmid) = &d.ids.pmid {
        out.push(quad(
            &g,
            see_also.clone(),
            iri(format!("{}{pmid}/", ns::PUBMED_BASE)),
            &g,
        ));
    }
    if let Some(pmc) = &d.ids.pmcid {
        out.push(quad(
            &g,
            see_also,
            iri(format!("{}{pmc}/", ns::PMC_BASE)),
            &g,
        ));
    }
    let mut concepts = BTreeSet::new();
    for (si, (section, result)) in d.sections.iter().zip(&doc.sections).enumerate() {
        for m in result.mentions.iter().filter(|m| !m.is_ambiguous()) {
            concepts.insert(m.concepts[0].clone());
        }
        for (sentence_idx, r) in &result.relations {
            let (s, o) = (concept_iri(&r.subject), concept_iri(&r.object));
            if !r.negated {
                out.push(quad(&s, predicate_iri(r.predicate), o.clone(), &g));
            }
            let ev = iri(format!(
                "{}/ev/{si}-{}-{}-{}",
                ns::doc_iri(&d.id),
                r.subject_span.start,
                r.object_span.start,
                r.predicate.as_str()
            ));
            let sentence = &section.text[result.sentences[*sentence_idx].span.clone()];
            out.push(quad(
                &ev,
                iri(format!("{RDF}type")),
                mkg(term::EVIDENCE),
                &g,
            ));
            out.push(quad(&ev, mkg(term::SUBJECT), s, &g));
            out.push(quad(
                &ev,
                mkg(term::PREDICATE_PROP),
                predicate_iri(r.predicate),
                &g,
            ));
            out.push(quad(&ev, mkg(term::OBJECT), o, &g));
            out.push(quad(&ev, mkg(term::IN_DOCUMENT), g.clone(), &g));
            out.push(quad(
                &ev,
                mkg(term::SECTION),
                Literal::new_simple_literal(section.kind.as_str()),
                &g,
            ));
            if let Some(label) = &section.label {
                out.push(quad(
                    &ev,
                    mkg(term::FIGURE),
                    Literal::new_simple_literal(label),
                    &g,
                ));
            }
            out.push(quad(
                &ev,
                mkg(term::SENTENCE),
                Literal::new_simple_literal(sentence),
                &g,
            ));
            out.push(quad(
                &ev,
                mkg(term::SUBJECT_SPAN),
                span(&r.subject_span),
                &g,
            ));
            out.push(quad(&ev, mkg(term::OBJECT_SPAN), span(&r.object_span), &g));
            out.push(quad(
                &ev,
                mkg(term::TRIGGER_SPAN),
                span(&r.trigger_span),
                &g,
            ));
            out.push(quad(
                &ev,
                mkg(term::TRIGGER),
                Literal::new_simple_literal(&section.text[r.trigger_span.clone()]),
                &g,
            ));
            out.push(quad(
                &ev,
                mkg(term::RULE),
                Literal::new_simple_literal(&r.rule),
                &g,
            ));
            out.push(quad(&ev, mkg(term::NEGATED), Literal::from(r.negated), &g));
            out.push(quad(&ev, mkg(term::HEDGED), Literal::from(r.hedged), &g));
        }
    }
    for c in &concepts {
        out.push(quad(&g, mkg(term::MENTIONS), concept_iri(c), &g));
        if let Some(concept) = vocab.concept(c) {
            concept_quads(&concept, &mut out);
        }
    }
    sort_quads(&mut out);
    out
}

/// Sorts quads by their N-Quads form and drops repeats: the canonical order of every export.
pub fn sort_quads(quads: &mut Vec<Quad>) {
    quads.sort_by_cached_key(|q| q.to_string());
    quads.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_references_keep_their_grade() {
        // Each grade of match has its SKOS property: the exact one only is an identifier of the
        // concept, the others say how far the other source's concept is from it.
        let v = Vocabulary::of_rows(
            "CHEBI:9139\tsildenafil\tbiolink:ChemicalEntity\t\t\
             MESH:D010879{broad}|MESH:D000068677{close}\n\
             FPLX:AKT\tAKT\tbiolink:GeneOrGeneProduct\t\tMESH:D051057|HGNC:391{narrow}\n",
        )
        .unwrap();
        let mut quads = Vec::new();
        for c in v.concepts() {
            concept_quads(c, &mut quads);
        }
        let mut got: Vec<(String, String)> = quads
            .iter()
            .filter_map(|q| {
                let p = q.predicate.as_str().strip_prefix(SKOS)?;
                p.ends_with("Match")
                    .then(|| (p.to_string(), q.object.to_string()))
            })
            .collect();
        got.sort();
        let want = [
            ("broadMatch", ns::expand_curie("MESH:D010879")),
            ("closeMatch", ns::expand_curie("MESH:D000068677")),
            ("exactMatch", ns::expand_curie("MESH:D051057")),
            ("narrowMatch", ns::expand_curie("HGNC:391")),
        ]
        .map(|(p, o)| (p.to_string(), format!("<{}>", o.unwrap())));
        assert_eq!(got, want);
    }

    #[test]
    fn a_species_gene_names_its_human_ortholog_and_its_organism() {
        let v = Vocabulary::of_rows(
            "NCBIGene:20848\tStat3\tbiolink:Gene\t\tHGNC:11364{ortholog}|NCBITaxon:10090{taxon}\n",
        )
        .unwrap();
        let mut quads = Vec::new();
        concept_quads(&v.concepts()[0], &mut quads);
        let got: Vec<String> = quads
            .iter()
            .filter(|q| q.predicate.as_str().starts_with(BIOLINK))
            .filter(|q| !q.predicate.as_str().ends_with("category"))
            .map(|q| format!("{} {}", q.predicate, q.object))
            .collect();
        assert_eq!(
            got,
            [
                "<https://w3id.org/biolink/vocab/orthologous_to> <http://identifiers.org/hgnc/11364>",
                "<https://w3id.org/biolink/vocab/in_taxon> <http://purl.obolibrary.org/obo/NCBITaxon_10090>",
            ]
        );
    }
}
