//! The study's drug: adverse events an abstract reports without naming the drug again.
//!
//! A clinical abstract names its drug in the title ("The use and toxicity of didanosine") and then
//! reports what the drug did in sentences that no longer name it: "The most common adverse events
//! were nausea, hiccups and headache", "Grade 3 or 4 granulocytopenia was seen in 59% of patients".
//! The sentence rules read one sentence at a time and find no subject there. This reading resolves
//! the missing subject to the study's drug: when the title names exactly one chemical (a drug, not a
//! pharmacological class; two or more are comparators or co-medications, and which one caused the
//! event is not said), each disease or phenotype of a sentence of another section that has an
//! adverse-event cue (`adverse_cues` of the rules' lexicon) and names no chemical of its own becomes
//! `causes` from that drug, with the rule id [`RULE`]. A disease named by the cue words themselves
//! ("auditory toxicity", "adverse drug reaction") is the report's heading, not an event; the study's
//! indication (a disease the title names, or one a rule says a drug treats: "flunisolide in asthma")
//! is no event of its drug, and neither is a disease in a sentence that says it went away
//! ("improvement occurred in 45 of 47 patients"); a pair a rule already relates in the document is
//! left to the rule; a negation cue in the sentence ("no serious adverse events occurred") marks it
//! negated, a hedge hedged.
//!
//! The drug is not named in the sentence: the relation's subject span is the empty span at the start
//! of the cue, and its trigger the cue word. Measured on BC5CDR's training split (README, "Relation
//! rules"), the added pairs are right about half the time, most of the others being events the corpus
//! relates to no drug ("Grade 3-4 adverse effects included myelosuppression, fatigue ..."); it is on by
//! default because it is a reading of what the sentence states, not a co-occurrence.

use crate::extract::rules::Lexicon;
use crate::extract::{has_word, layer_argument, lower_words};
use crate::model::{Document, Mention, Predicate, Relation, SectionKind, SectionResult};
use crate::vocab::{ArgType, Vocabulary};
use std::collections::{BTreeSet, HashSet};

/// The rule id of a relation this reading adds.
pub const RULE: &str = "adverse-event-of-title-drug";

fn is_disease(t: ArgType) -> bool {
    matches!(t, ArgType::Disease | ArgType::Phenotype)
}

/// Adds the adverse events of the title's drug to the section results (see the module doc).
pub fn add_adverse_events(
    doc: &Document,
    results: &mut [SectionResult],
    vocab: &Vocabulary,
    lexicon: &Lexicon,
) {
    // The title's one chemical, and its diseases: a study's indication is no adverse event of
    // its drug. Most documents stop here.
    let mut drugs: BTreeSet<&str> = BTreeSet::new();
    let mut indications: HashSet<&str> = HashSet::new();
    let titles = doc.sections.iter().zip(results.iter());
    for (_, result) in titles.filter(|(s, _)| s.kind == SectionKind::Title) {
        for (c, t) in result
            .mentions
            .iter()
            .filter_map(|m| layer_argument(m, vocab))
        {
            if t == ArgType::Chemical {
                drugs.insert(c);
            } else if is_disease(t) {
                indications.insert(c);
            }
        }
    }
    let [drug] = drugs.into_iter().collect::<Vec<_>>()[..] else {
        return;
    };
    // What the reading may not add: the concepts a rule relates to the drug (either way round),
    // the diseases a rule says a drug treats, and the title's diseases. Owned, since the results
    // are written below.
    let mut skip: HashSet<String> = indications.into_iter().map(str::to_string).collect();
    for (_, r) in results.iter().flat_map(|r| &r.relations) {
        if r.subject == drug || r.predicate == Predicate::Treats {
            skip.insert(r.object.clone());
        }
        if r.object == drug {
            skip.insert(r.subject.clone());
        }
    }
    let drug = drug.to_string();

    for (section, result) in doc.sections.iter().zip(results.iter_mut()) {
        if section.kind == SectionKind::Title {
            continue;
        }
        let mut added = Vec::new();
        for (si, sentence) in result.sentences.iter().enumerate() {
            // The mentions first, which most sentences fail on, then the words.
            let args: Vec<(&Mention, &str, ArgType)> = result
                .mentions_in(&sentence.span)
                .filter_map(|m| layer_argument(m, vocab).map(|(c, t)| (m, c, t)))
                .collect();
            if !args.iter().any(|&(_, _, t)| is_disease(t))
                || args.iter().any(|&(_, _, t)| t == ArgType::Chemical)
            {
                continue;
            }
            let text = &section.text[sentence.span.clone()];
            let Some((at, _)) = lower_words(text).find(|(_, w)| lexicon.adverse_cues.contains(w))
            else {
                continue;
            };
            // "Improvement occurred in 45 of 47 patients": a disease that went away.
            if has_word(text, &lexicon.resolutions) {
                continue;
            }
            let cue = sentence.span.start + at.start..sentence.span.start + at.end;
            let negated = has_word(text, &lexicon.negations);
            let hedged = has_word(text, &lexicon.hedges);
            let mut seen = HashSet::new();
            for (m, c, t) in args {
                if !is_disease(t)
                    || names_cue(&section.text[m.span.clone()], lexicon)
                    || skip.contains(c)
                    || !seen.insert(c)
                {
                    continue;
                }
                added.push((
                    si,
                    Relation {
                        subject: drug.clone(),
                        predicate: Predicate::Causes,
                        object: c.to_string(),
                        subject_span: cue.start..cue.start,
                        object_span: m.span.clone(),
                        trigger_span: cue.clone(),
                        rule: RULE.to_string(),
                        negated,
                        hedged,
                    },
                ));
            }
        }
        if !added.is_empty() {
            result.relations.extend(added);
            // Stable: each sentence's rule relations first, in their order, then these.
            result.relations.sort_by_key(|(s, _)| *s);
        }
    }
}

/// A mention named with the cue words ("auditory toxicity", "acute normal tissue toxicities"): the
/// report's heading, not one of its events.
fn names_cue(text: &str, lexicon: &Lexicon) -> bool {
    lower_words(text)
        .any(|(_, w)| lexicon.adverse_cues.contains(&w) || lexicon.adverse_class.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::extract::rules::RuleSet;
    use crate::model::Document;
    use crate::pipeline::Pipeline;
    use crate::vocab::Vocabulary;

    const VOCAB: &str = "\
MESH:D016049\tdidanosine\tbiolink:ChemicalEntity\t\t
MESH:D015215\tzidovudine\tbiolink:ChemicalEntity\tAZT\t
MESH:D008094\tlithium\tbiolink:ChemicalEntity\t\t
MESH:D000975\tantidepressant\tbiolink:ChemicalRole\t\t
MESH:D009325\tnausea\tbiolink:Disease\t\t
MESH:D006261\theadache\tbiolink:Disease\t\t
MESH:D003967\tdiarrhea\tbiolink:Disease\tdiarrhoea\t
MESH:D000163\tAIDS\tbiolink:Disease\t\t
MESH:D064420\tDrug-Related Side Effects and Adverse Reactions\tbiolink:Disease\ttoxicity|adverse drug reaction\t
MESH:D006311\tHearing Disorders\tbiolink:Disease\tauditory toxicity\t
";

    /// Each case: name, title (`None`: no title section), abstract, and the relations expected as
    /// `subject predicate object rule` (`negated` appended when negated), in order.
    fn check(cases: &[(&str, Option<&str>, &str, &[&str])]) {
        let vocab = Vocabulary::of_rows(VOCAB).unwrap();
        let p = Pipeline::new(vocab, RuleSet::embedded().unwrap());
        for (name, title, abstract_, expected) in cases {
            let doc = Document::of_title_and_abstract(*title, abstract_);
            let a = p.annotate(doc);
            assert_eq!(&a.relation_lines(), expected, "{name}");
            // The trigger is the cue word, and the subject's span is empty: the drug is not in
            // the sentence.
            for s in &a.sections {
                for (_, r) in s.relations.iter().filter(|(_, r)| r.rule == RULE) {
                    assert!(r.subject_span.is_empty(), "{name}");
                    assert_eq!(r.subject_span.start, r.trigger_span.start, "{name}");
                }
            }
        }
    }

    #[test]
    fn adverse_events_of_the_title_drug() {
        let title = Some("The use and toxicity of didanosine in AIDS");
        check(&[
            (
                "a sentence of events without a drug speaks of the title's",
                title,
                "The most common adverse events were nausea and headache.",
                &[
                    &format!("MESH:D016049 causes MESH:D009325 {RULE}"),
                    &format!("MESH:D016049 causes MESH:D006261 {RULE}"),
                ],
            ),
            (
                "grade and occurred are cues",
                title,
                "Grade 3 diarrhoea occurred in two patients.",
                &[&format!("MESH:D016049 causes MESH:D003967 {RULE}")],
            ),
            (
                "the study's indication, which the title names, is no event of its drug",
                title,
                "Grade 3 diarrhoea and AIDS-defining events occurred in two patients with AIDS.",
                &[&format!("MESH:D016049 causes MESH:D003967 {RULE}")],
            ),
            (
                "a disease a rule says a drug treats is an indication too",
                title,
                "Zidovudine relieved nausea. Adverse events included nausea and headache.",
                &[
                    "MESH:D015215 treats MESH:D009325 treat",
                    &format!("MESH:D016049 causes MESH:D006261 {RULE}"),
                ],
            ),
            (
                "a disease that went away is no event",
                title,
                "Improvement of headache occurred in most patients.",
                &[],
            ),
            (
                "no cue: nothing",
                title,
                "Patients had nausea at entry.",
                &[],
            ),
            (
                "a sentence naming another drug is that drug's (the rules read it)",
                title,
                "The most common adverse events of zidovudine were nausea and headache.",
                &[
                    "MESH:D015215 causes MESH:D009325 side-effect",
                    "MESH:D015215 causes MESH:D006261 side-effect",
                ],
            ),
            (
                "two drugs in the title: which one is not said",
                Some("Didanosine versus zidovudine in AIDS"),
                "The most common adverse events were nausea and headache.",
                &[],
            ),
            (
                "a class in the title is no drug",
                Some("Side effects of an antidepressant"),
                "The most common adverse event was nausea.",
                &[],
            ),
            (
                "no title: nothing",
                None,
                "The most common adverse events were nausea and headache.",
                &[],
            ),
            (
                "a negation in the sentence",
                title,
                "No adverse events such as nausea were seen.",
                &[&format!("MESH:D016049 causes MESH:D009325 {RULE} negated")],
            ),
            (
                "a disease named by the cue words is the heading, not an event",
                title,
                "Auditory toxicity was characterized by nausea.",
                &[&format!("MESH:D016049 causes MESH:D009325 {RULE}")],
            ),
            (
                "a pair a rule relates is left to the rule",
                title,
                "Didanosine induced nausea. The most common adverse events were nausea and headache.",
                &[
                    "MESH:D016049 causes MESH:D009325 cause",
                    &format!("MESH:D016049 causes MESH:D006261 {RULE}"),
                ],
            ),
        ]);
    }

    /// Not this reading's, but the word list it shares with the rules: the class of adverse effects
    /// is no relation's object.
    #[test]
    fn the_class_of_adverse_effects_is_no_outcome() {
        check(&[
            (
                "the class as the object of a rule",
                Some("Lithium in mania"),
                "Lithium-induced toxicity was reported.",
                &[],
            ),
            (
                "a named disease as the object of the same rule",
                Some("Lithium in mania"),
                "Lithium-induced nausea was reported.",
                &["MESH:D008094 causes MESH:D009325 induced"],
            ),
        ]);
    }
}
