//! Title-anchored co-mentions: an opt-in, document-level layer under the sentence rules.
//!
//! An abstract is about the concepts of its title, and a sentence of the abstract that names a title
//! concept beside another concept mostly states how the two relate, in wording no rule may read
//! ("X was associated with Y", "the role of X in Y", "X status and Y risk"). This layer pairs them:
//! within one sentence, every two concepts of the argument types (chemical, gene, disease,
//! phenotype or sequence variant; not a gene and a variant, which is a form of it), at least one of
//! which the title names and each named at least twice in the document, become `associated_with`,
//! with the rule id [`RULE`] so that a reader of the graph can tell them from stated relations. A pair that a rule
//! already relates in that sentence is left to the rule; a negation cue between the two marks it
//! negated; a hedging cue in the sentence marks it hedged.
//!
//! It is off by default (`--co-mentions`): it is a statistical shortcut, not a reading of the text.
//! Measured on BioRED's training split with the gold entities in place of mechkg's, it is right
//! 64 % of the time and finds 44 % of the related pairs; with mechkg's own entities the errors of
//! tagging add to its own (README, "Co-mentions"). On BC5CDR, whose relations are only
//! chemical-induced diseases, a co-mention is right a third of the time, and it never counts as a
//! CID prediction (its predicate is not `causes`). Documents without a title section get nothing
//! from it.

use crate::extract::rules::Lexicon;
use crate::extract::{has_word, layer_argument};
use crate::model::{Document, Mention, Predicate, Relation, SectionKind, SectionResult};
use crate::vocab::{ArgType, Vocabulary};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The rule id of a co-mention relation.
pub const RULE: &str = "co-mention-with-title-concept";

/// How often each of the two concepts must be named in the document: a concept named once is
/// rarely what the abstract relates (on BioRED's training split this raises precision from 0.38 to
/// 0.50 and lowers recall from 0.33 to 0.26).
const MIN_MENTIONS: usize = 2;

/// The concept of a mention that may take part: a layer's argument ([`layer_argument`]) of an
/// argument type.
fn argument<'a>(m: &'a Mention, vocab: &Vocabulary) -> Option<(&'a str, ArgType)> {
    layer_argument(m, vocab).filter(|(_, t)| {
        matches!(
            t,
            ArgType::Chemical
                | ArgType::Gene
                | ArgType::Disease
                | ArgType::Phenotype
                | ArgType::Variant
        )
    })
}

/// Adds the co-mention relations of a document to its section results (see the module doc), with
/// the negation and hedging cues of the rules' lexicon.
pub fn add_title_co_mentions(
    doc: &Document,
    results: &mut [SectionResult],
    vocab: &Vocabulary,
    lexicon: &Lexicon,
) {
    // One pass: the title's concepts, and how often the document names each concept.
    let mut title: BTreeSet<String> = BTreeSet::new();
    let mut count: HashMap<String, usize> = HashMap::new();
    for (section, result) in doc.sections.iter().zip(results.iter()) {
        for (c, _) in result.mentions.iter().filter_map(|m| argument(m, vocab)) {
            *count.entry(c.to_string()).or_default() += 1;
            if section.kind == SectionKind::Title {
                title.insert(c.to_string());
            }
        }
    }
    if title.is_empty() {
        return;
    }
    let named_enough = |c: &str| count.get(c).is_some_and(|&n| n >= MIN_MENTIONS);

    for (section, result) in doc.sections.iter().zip(results.iter_mut()) {
        let mut added = Vec::new();
        for (si, sentence) in result.sentences.iter().enumerate() {
            let args: Vec<(&Mention, &str, ArgType)> = result
                .mentions_in(&sentence.span)
                .filter_map(|m| {
                    argument(m, vocab)
                        .filter(|(c, _)| named_enough(c))
                        .map(|(c, t)| (m, c, t))
                })
                .collect();
            if args.len() < 2 {
                continue;
            }
            let related: HashSet<BTreeSet<&str>> = result
                .relations
                .iter()
                .filter(|(s, _)| *s == si)
                .map(|(_, r)| BTreeSet::from([r.subject.as_str(), r.object.as_str()]))
                .collect();
            let hedged = has_word(&section.text[sentence.span.clone()], &lexicon.hedges);
            let mut seen: HashSet<BTreeSet<&str>> = HashSet::new();
            for (i, (a, ca, ta)) in args.iter().enumerate() {
                for (b, cb, tb) in &args[i + 1..] {
                    let pair = BTreeSet::from([*ca, *cb]);
                    if ca == cb
                        || !ta.may_relate(*tb)
                        || !(title.contains(*ca) || title.contains(*cb))
                        || related.contains(&pair)
                        || !seen.insert(pair)
                    {
                        continue;
                    }
                    let between = a.span.end.min(b.span.start)..b.span.start.max(a.span.end);
                    added.push((
                        si,
                        Relation {
                            subject: ca.to_string(),
                            predicate: Predicate::AssociatedWith,
                            object: cb.to_string(),
                            subject_span: a.span.clone(),
                            object_span: b.span.clone(),
                            trigger_span: a.span.end..a.span.end,
                            rule: RULE.to_string(),
                            negated: has_word(&section.text[between], &lexicon.negations),
                            hedged,
                        },
                    ));
                }
            }
        }
        if !added.is_empty() {
            result.relations.extend(added);
            // Stable: each sentence's rule relations first, in their order, then its co-mentions.
            result.relations.sort_by_key(|(s, _)| *s);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::RuleSet;
    use crate::model::Document;
    use crate::pipeline::Pipeline;
    use crate::vocab::Vocabulary;

    const VOCAB: &str = "\
MESH:D016190\tcarboplatin\tbiolink:ChemicalEntity\t\t
MESH:D001241\taspirin\tbiolink:ChemicalEntity\t\t
HGNC:11998\tTP53\tbiolink:Gene\tp53\t
MESH:D007674\tkidney disease\tbiolink:Disease\tnephropathy\t
UBERON:0002113\tkidney\tbiolink:GrossAnatomicalStructure\t\t
";

    /// Each case: name, title (`None`: no title section), abstract, and the relations expected as
    /// `subject predicate object rule` (`negated` appended when negated), in order.
    fn check(cases: &[(&str, Option<&str>, &str, &[&str])]) {
        let vocab = Vocabulary::of_rows(VOCAB).unwrap();
        let p = Pipeline::new(vocab, RuleSet::embedded().unwrap()).with_co_mentions(true);
        for (name, title, abstract_, expected) in cases {
            let doc = Document::of_title_and_abstract(*title, abstract_);
            assert_eq!(&p.annotate(doc).relation_lines(), expected, "{name}");
        }
    }

    #[test]
    fn title_co_mentions() {
        const CO: &str = "co-mention-with-title-concept";
        let both = format!("HGNC:11998 associated_with MESH:D016190 {CO}");
        check(&[
            (
                "a title concept beside another, each named twice",
                Some("Carboplatin in ovarian tumours"),
                "We measured p53 after carboplatin. p53 levels fell.",
                &[both.as_str()],
            ),
            (
                "named once: nothing",
                Some("Carboplatin in ovarian tumours"),
                "We measured p53 after carboplatin.",
                &[],
            ),
            (
                "no title concept in the sentence: nothing",
                Some("Carboplatin in ovarian tumours"),
                "We gave carboplatin. We measured p53 and aspirin. p53 and aspirin again.",
                &[],
            ),
            (
                "no title: nothing",
                None,
                "We measured p53 after carboplatin. p53 and carboplatin.",
                &[],
            ),
            (
                "a negation between them",
                Some("Carboplatin in ovarian tumours"),
                "Carboplatin did not change p53. p53 was measured.",
                &["MESH:D016190 associated_with HGNC:11998 co-mention-with-title-concept negated"],
            ),
            (
                "a pair a rule relates is left to the rule; not anatomy",
                Some("Carboplatin toxicity"),
                "Carboplatin induces nephropathy in the kidney. Nephropathy was common.",
                &["MESH:D016190 causes MESH:D007674 cause"],
            ),
            (
                "a variant and a disease, but not the variant and its gene",
                Some("TP53 and R175H in nephropathy"),
                "R175H carriers had nephropathy; TP53 was sequenced.",
                &[
                    "HGNC:11998 associated_with MESH:D007674 co-mention-with-title-concept",
                    "tmVar:p|SUB|R|175|H associated_with MESH:D007674 co-mention-with-title-concept",
                    "tmVar:p|SUB|R|175|H associated_with MESH:D007674 co-mention-with-title-concept",
                    "MESH:D007674 associated_with HGNC:11998 co-mention-with-title-concept",
                ],
            ),
        ]);
    }
}
