//! Species-aware gene grounding: which species' gene a gene name denotes in a document. "Stat3" in a
//! study of mice is the mouse gene (NCBI Gene 20848), not the human STAT3 (HGNC:11364) that the
//! dictionary names; gene corpora ground it so (BioRED), and a knowledge graph that merged the two
//! would give a mouse experiment's finding to the human gene.
//!
//! The vocabulary carries the orthologs as concepts of their own (`{ortholog}` and `{taxon}` in
//! `vocab/FORMAT.md`: the mouse Stat3 row names the human gene it is the ortholog of, and its
//! taxon), whose names are never tagged; the organisms as `biolink:OrganismTaxon` concepts ("mice",
//! "murine", "patients", "human"), which the tagger finds like any name. After tagging, each
//! unambiguous mention of a gene that has orthologs is grounded on the species the document speaks
//! of, decided in this order (from the BioRED training split, where each step is right for 77 to
//! 97 % of the gene mentions it decides):
//!
//! 1. an organism named right before the gene, at most one word between them ("mouse Stat3",
//!    "human recombinant IL-6");
//! 2. the document's one organism, when it names only one ("mice" throughout a mouse study);
//! 3. the organisms of the gene's sentence, when they are all one;
//! 4. the organism the document names most often, the human on a tie.
//!
//! A document that names no organism, or only the human, keeps the dictionary's (human) genes; so does
//! a gene without an ortholog in the species chosen (the rat, for which no source here gives NCBI
//! Gene ids). Grounding replaces the mention's concept and nothing else: spans, text and source stay.

use crate::model::{Mention, Span};
use crate::vocab::Vocabulary;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The human, whose genes the dictionary names.
pub const HUMAN: &str = "NCBITaxon:9606";
/// The category of organism concepts, and the prefix of their CURIEs (`vocab/FORMAT.md`).
pub const TAXON_CATEGORY: &str = "biolink:OrganismTaxon";
const TAXON_PREFIX: &str = "NCBITaxon:";

/// What grounding needs of a vocabulary: its organisms and each gene's orthologs.
#[derive(Clone, Debug, Default)]
pub struct Species {
    /// Organism concepts (their CURIEs are taxa).
    taxa: HashSet<String>,
    /// Gene concept → its orthologs, by taxon.
    orthologs: HashMap<String, BTreeMap<String, String>>,
}

/// An organism named in a section: its span and taxon.
struct Named<'a> {
    span: Span,
    taxon: &'a str,
}

impl Species {
    pub fn new(vocab: &Vocabulary) -> Species {
        let mut s = Species::default();
        for c in vocab.concepts() {
            if c.category == TAXON_CATEGORY && c.id.starts_with(TAXON_PREFIX) {
                s.taxa.insert(c.id.clone());
            }
            for gene in &c.ortholog_of {
                for taxon in &c.taxon {
                    // The first ortholog of a taxon stays (one gene may have several in a species;
                    // the vocabulary lists the closest first).
                    s.orthologs
                        .entry(gene.clone())
                        .or_default()
                        .entry(taxon.clone())
                        .or_insert_with(|| c.id.clone());
                }
            }
        }
        s
    }

    /// Whether a mention names an organism. Every mention of every document passes here: the
    /// prefix is tested before the set.
    pub fn is_organism(&self, m: &Mention) -> bool {
        !m.is_ambiguous()
            && m.concepts[0].starts_with(TAXON_PREFIX)
            && self.taxa.contains(&m.concepts[0])
    }

    /// Grounds the gene mentions of one document, its sections' texts and mentions given in order.
    pub fn ground(&self, texts: &[&str], mentions: &mut [Vec<Mention>]) {
        if self.orthologs.is_empty() {
            return;
        }
        let named: Vec<Vec<Named>> = mentions
            .iter()
            .map(|ms| {
                ms.iter()
                    .filter(|m| self.is_organism(m))
                    .map(|m| Named {
                        span: m.span.clone(),
                        taxon: m.concepts[0].as_str(),
                    })
                    .collect()
            })
            .collect();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for n in named.iter().flatten() {
            *counts.entry(n.taxon).or_default() += 1;
        }
        if counts.keys().all(|t| *t == HUMAN) {
            return;
        }
        // The most frequent organism; the human wins a tie, then the smaller CURIE.
        let majority = counts
            .iter()
            .max_by_key(|(t, n)| (**n, **t == HUMAN, std::cmp::Reverse(**t)))
            .map(|(t, _)| *t)
            .unwrap_or(HUMAN);
        let only = (counts.len() == 1).then_some(majority);
        let mut chosen: Vec<Vec<(usize, String)>> = Vec::new();
        for ((text, ms), named) in texts.iter().zip(mentions.iter()).zip(&named) {
            let mut sentences: Option<Vec<Span>> = None;
            let mut here = Vec::new();
            for (i, m) in ms.iter().enumerate() {
                if m.is_ambiguous() {
                    continue;
                }
                let Some(by_taxon) = self.orthologs.get(&m.concepts[0]) else {
                    continue;
                };
                let taxon = right_before(text, named, &m.span)
                    .or(only)
                    .or_else(|| {
                        let sentences =
                            sentences.get_or_insert_with(|| crate::split::sentences(text));
                        in_sentence(sentences, named, &m.span)
                    })
                    .unwrap_or(majority);
                if let Some(ortholog) = by_taxon.get(taxon) {
                    here.push((i, ortholog.clone()));
                }
            }
            chosen.push(here);
        }
        for (ms, here) in mentions.iter_mut().zip(chosen) {
            for (i, ortholog) in here {
                ms[i].concepts = vec![ortholog];
            }
        }
    }
}

/// The organism named right before a gene: nothing but one word at most, spaces and hyphens between
/// ("mouse Stat3", "murine TNF", "human recombinant IL-6", "rat-Bdnf").
fn right_before<'a>(text: &str, named: &[Named<'a>], gene: &Span) -> Option<&'a str> {
    let n = named
        .iter()
        .rev()
        .find(|n| n.span.end <= gene.start && gene.start - n.span.end <= 40)?;
    let between = &text[n.span.end..gene.start];
    let words = between.split([' ', '-']).filter(|w| !w.is_empty()).count();
    let plain = between
        .chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
    (plain && words <= 1).then_some(n.taxon)
}

/// The organism of the gene's sentence, when the sentence names organisms of one taxon only.
fn in_sentence<'a>(sentences: &[Span], named: &[Named<'a>], gene: &Span) -> Option<&'a str> {
    let s = sentences
        .iter()
        .find(|s| s.start <= gene.start && gene.start < s.end)?;
    let mut taxa = named
        .iter()
        .filter(|n| s.start <= n.span.start && n.span.start < s.end)
        .map(|n| n.taxon);
    let first = taxa.next()?;
    taxa.all(|t| t == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use crate::model::Document;
    use crate::tag::Tagger;
    use crate::vocab::Vocabulary;

    const VOCAB: &str = "\
HGNC:11364\tSTAT3\tbiolink:Gene\tStat3{abbr}\tNCBIGene:6774
HGNC:6018\tIL6\tbiolink:Gene\tIL-6{abbr}|interleukin 6\tNCBIGene:3569
HGNC:1100\tBRCA1\tbiolink:Gene\t\tNCBIGene:672
NCBIGene:20848\tStat3\tbiolink:Gene\t\tHGNC:11364{ortholog}|NCBITaxon:10090{taxon}
NCBIGene:16193\tIl6\tbiolink:Gene\t\tHGNC:6018{ortholog}|NCBITaxon:10090{taxon}
NCBITaxon:9606\tHomo sapiens\tbiolink:OrganismTaxon\thuman|humans|patients|patient\t
NCBITaxon:10090\tMus musculus\tbiolink:OrganismTaxon\tmouse|mice|murine\t
NCBITaxon:10116\tRattus norvegicus\tbiolink:OrganismTaxon\trat|rats\t
";

    /// The gene mentions of an abstract, `text=CURIE`, after grounding.
    fn genes(tagger: &Tagger, text: &str) -> Vec<String> {
        tagger.tag_document(&Document::of_abstract(text))[0]
            .iter()
            .filter(|m| !m.concepts[0].starts_with("NCBITaxon:"))
            .map(|m| format!("{}={}", m.text, m.concepts.join("|")))
            .collect()
    }

    #[test]
    fn genes_are_grounded_on_the_species_studied() {
        let t = Tagger::new(&Vocabulary::of_rows(VOCAB).unwrap());
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "no organism: the human gene",
                "STAT3 binds IL-6.",
                &["STAT3=HGNC:11364", "IL-6=HGNC:6018"],
            ),
            (
                "only the human",
                "In patients, STAT3 was high.",
                &["STAT3=HGNC:11364"],
            ),
            (
                "a mouse study",
                "Stat3 was deleted in mice. IL-6 rose.",
                &["Stat3=NCBIGene:20848", "IL-6=NCBIGene:16193"],
            ),
            (
                "a gene without a mouse ortholog stays",
                "BRCA1 was deleted in mice.",
                &["BRCA1=HGNC:1100"],
            ),
            (
                "the organism right before the gene",
                "Unlike in mice, human recombinant IL-6 activated STAT3 in mice.",
                &["IL-6=HGNC:6018", "STAT3=NCBIGene:20848"],
            ),
            (
                "the sentence's one organism, else the majority",
                "STAT3 rose in patients. In mice, STAT3 fell. Mice and mice again. STAT3 is a factor.",
                &[
                    "STAT3=HGNC:11364",
                    "STAT3=NCBIGene:20848",
                    "STAT3=NCBIGene:20848",
                ],
            ),
            (
                "a tie goes to the human",
                "STAT3 in mice and patients.",
                &["STAT3=HGNC:11364"],
            ),
            (
                "a rat study: no rat orthologs here, the human gene",
                "Stat3 was deleted in rats.",
                &["Stat3=HGNC:11364"],
            ),
        ];
        for (what, text, expected) in cases {
            assert_eq!(genes(&t, text), *expected, "{what}");
        }
    }

    #[test]
    fn an_ortholog_is_never_tagged_by_its_own_names() {
        // The mouse row's label "Stat3" is the human gene's rodent-case name too: one mention of
        // the human gene, not an ambiguous one.
        let t = Tagger::new(&Vocabulary::of_rows(VOCAB).unwrap());
        assert_eq!(genes(&t, "Stat3 binds."), ["Stat3=HGNC:11364"]);
        assert_eq!(t.ambiguous_names(), Vec::<(String, Vec<String>)>::new());
    }
}
