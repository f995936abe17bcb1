//! Every IRI and prefix mechkg writes, in one place (like `oxrdf::vocab`). Concept namespaces follow
//! the Biolink Model prefix map (`../shared/data/schema/biolink/biolink-model-prefix-map.json`):
//! OBO PURLs for the OBO ontologies, `id.nlm.nih.gov` for MeSH, identifiers.org for HGNC and NCBI Gene.

/// CURIE prefixes that a vocabulary may use, with the IRI namespace each expands to.
pub const KNOWN_PREFIXES: &[(&str, &str)] = &[
    ("MESH", "http://id.nlm.nih.gov/mesh/"),
    ("HGNC", "http://identifiers.org/hgnc/"),
    ("CHEBI", "http://purl.obolibrary.org/obo/CHEBI_"),
    ("CL", "http://purl.obolibrary.org/obo/CL_"),
    ("UBERON", "http://purl.obolibrary.org/obo/UBERON_"),
    ("GO", "http://purl.obolibrary.org/obo/GO_"),
    ("DOID", "http://purl.obolibrary.org/obo/DOID_"),
    ("MONDO", "http://purl.obolibrary.org/obo/MONDO_"),
    ("NCBIGene", "http://identifiers.org/ncbigene/"),
    ("UniProtKB", "http://purl.uniprot.org/uniprot/"),
    ("FPLX", "http://identifiers.org/fplx/"),
    ("OMIM", "http://purl.obolibrary.org/obo/OMIM_"),
    ("NCBITaxon", "http://purl.obolibrary.org/obo/NCBITaxon_"),
    ("MKG", "https://w3id.org/mechkg/concept/"),
    // Sequence variants the text names (`tag::variant`): dbSNP as the Biolink prefix map expands
    // it; a change without a dbSNP id by tmVar's normal form, in mechkg's namespace.
    ("DBSNP", "http://identifiers.org/dbsnp/"),
    ("tmVar", "https://w3id.org/mechkg/variant/"),
];

/// mechkg's and the W3C's prefixes, written with the concept prefixes at the head of Turtle and
/// TriG exports and offered to SPARQL queries (see [`export_prefixes`]).
const TERM_PREFIXES: &[(&str, &str)] = &[
    ("mkg", MKG),
    ("doc", DOC),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("skos", SKOS),
    ("xsd", XSD),
    ("dcterms", DCTERMS),
    ("biolink", BIOLINK),
    ("RO", RO),
];

/// Every prefix mechkg declares: its own and the W3C's, then the concept prefixes.
pub fn export_prefixes() -> impl Iterator<Item = (&'static str, &'static str)> {
    TERM_PREFIXES.iter().chain(KNOWN_PREFIXES).copied()
}

/// mechkg's own vocabulary: predicates, classes and evidence properties.
pub const MKG: &str = "https://w3id.org/mechkg/vocab#";
/// Documents and their evidence nodes: `doc/{id}` and `doc/{id}/ev/{key}`.
pub const DOC: &str = "https://w3id.org/mechkg/doc/";
/// Named graph holding the descriptions of concepts (labels, synonyms, categories).
pub const CONCEPTS_GRAPH: &str = "https://w3id.org/mechkg/graph/concepts";
/// Named graph holding the descriptions of mechkg's predicates and their mappings.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/mechkg/graph/ontology";

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const BIOLINK: &str = "https://w3id.org/biolink/vocab/";
pub const RO: &str = "http://purl.obolibrary.org/obo/RO_";
pub const DOI_BASE: &str = "https://doi.org/";
pub const PUBMED_BASE: &str = "https://pubmed.ncbi.nlm.nih.gov/";
pub const PMC_BASE: &str = "https://www.ncbi.nlm.nih.gov/pmc/articles/";

/// Local names of mechkg's own terms (appended to [`MKG`]).
pub mod term {
    pub const EVIDENCE: &str = "Evidence";
    pub const DOCUMENT: &str = "Document";
    pub const PREDICATE: &str = "Predicate";
    pub const SUBJECT: &str = "subject";
    pub const PREDICATE_PROP: &str = "predicate";
    pub const OBJECT: &str = "object";
    pub const IN_DOCUMENT: &str = "document";
    pub const SECTION: &str = "section";
    pub const FIGURE: &str = "figure";
    pub const SENTENCE: &str = "sentence";
    pub const SUBJECT_SPAN: &str = "subjectSpan";
    pub const OBJECT_SPAN: &str = "objectSpan";
    pub const TRIGGER_SPAN: &str = "triggerSpan";
    pub const TRIGGER: &str = "trigger";
    pub const RULE: &str = "rule";
    pub const NEGATED: &str = "negated";
    pub const HEDGED: &str = "hedged";
    pub const POLARITY: &str = "polarity";
    pub const MENTIONS: &str = "mentions";
    pub const SOURCE: &str = "source";
}

/// Expands a CURIE of a known prefix into its IRI. A local part with characters an IRI may not
/// hold (tmVar's `p|SUB|R|215|W`, `c|SUB|C|643|T`) is percent-encoded.
pub fn expand_curie(curie: &str) -> Option<String> {
    let (prefix, local) = curie.split_once(':')?;
    let (_, base) = KNOWN_PREFIXES.iter().find(|(p, _)| *p == prefix)?;
    Some(format!("{base}{}", encode_local(local)))
}

/// Compacts a concept IRI back into its CURIE.
pub fn compact_iri(iri: &str) -> Option<String> {
    KNOWN_PREFIXES
        .iter()
        .filter(|(_, base)| iri.starts_with(base))
        .max_by_key(|(_, base)| base.len())
        .map(|(p, base)| format!("{p}:{}", decode(&iri[base.len()..])))
}

/// Characters that a CURIE's local part may hold but an IRI may not (RFC 3987), encoded; every
/// other character is left as it is, so that ontology IRIs keep their usual form.
fn encode_local(local: &str) -> std::borrow::Cow<'_, str> {
    const UNSAFE: &[char] = &['|', '<', '>', '"', '{', '}', '\\', '^', '`', '%', ' '];
    percent_encode(local, |c| !UNSAFE.contains(&c))
}

/// Undoes percent-encoding (of ASCII characters, all that [`encode_local`] encodes).
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        match rest
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            Some(b) if b.is_ascii() => {
                out.push(b as char);
                rest = &rest[i + 3..];
            }
            _ => {
                out.push('%');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn mkg(local: &str) -> String {
    format!("{MKG}{local}")
}

/// The IRI of a document from its id, with characters outside the IRI-safe set percent-encoded.
pub fn doc_iri(doc_id: &str) -> String {
    format!("{DOC}{}", encode(doc_id))
}

/// The resolver IRI of a DOI.
pub fn doi_iri(doi: &str) -> String {
    format!("{DOI_BASE}{}", encode(doi))
}

/// Percent-encodes what may not stand in an IRI path.
fn encode(s: &str) -> String {
    percent_encode(s, |c| c.is_ascii_alphanumeric() || "-._~:/".contains(c)).into_owned()
}

/// `s` with every character that `keep` refuses written as `%XX`, one per byte of its UTF-8.
fn percent_encode(s: &str, keep: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if s.chars().all(&keep) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if keep(c) {
            out.push(c);
        } else {
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curie_round_trip() {
        for curie in [
            "MESH:D010121",
            "HGNC:8529",
            "CL:0000540",
            "UBERON:0000120",
            "GO:0006955",
            "MKG:hpa_axis",
            "DBSNP:rs53576",
            "tmVar:p|SUB|R|215|W",
            "tmVar:c|SUB|C|643|T",
        ] {
            let iri = expand_curie(curie).unwrap();
            assert_eq!(compact_iri(&iri).as_deref(), Some(curie), "{iri}");
        }
        assert_eq!(
            expand_curie("HGNC:8529").unwrap(),
            "http://identifiers.org/hgnc/8529"
        );
        assert_eq!(
            expand_curie("CL:0000540").unwrap(),
            "http://purl.obolibrary.org/obo/CL_0000540"
        );
        assert_eq!(expand_curie("FOO:1"), None);
        assert_eq!(
            expand_curie("tmVar:c|SUB|C|643|T").unwrap(),
            "https://w3id.org/mechkg/variant/c%7CSUB%7CC%7C643%7CT"
        );
    }

    #[test]
    fn doc_iris_are_safe() {
        assert_eq!(
            doc_iri("doi:10.1016/j.biopha.2023.114852"),
            "https://w3id.org/mechkg/doc/doi:10.1016/j.biopha.2023.114852"
        );
        assert_eq!(
            doc_iri("file:my notes<1>"),
            "https://w3id.org/mechkg/doc/file:my%20notes%3C1%3E"
        );
    }
}
