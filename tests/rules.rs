//! Every relation rule's own example sentences, run through the whole pipeline with the shipped
//! vocabulary: the relations found must be exactly those the example expects.

use mechkg::read::{self, InputFormat, ReadOptions};
use mechkg::Pipeline;
use std::collections::BTreeSet;

fn relations(pipeline: &Pipeline, text: &str) -> BTreeSet<String> {
    let doc = read::read(
        "-",
        text.as_bytes(),
        InputFormat::Text,
        &ReadOptions::default(),
    )
    .unwrap();
    let a = pipeline.annotate(doc);
    let mut out = BTreeSet::new();
    for (section, result) in a.doc.sections.iter().zip(&a.sections) {
        for (_, r) in &result.relations {
            let mut s = format!(
                "{} | {} | {}",
                &section.text[r.subject_span.clone()],
                r.predicate,
                &section.text[r.object_span.clone()]
            );
            if r.negated {
                s.push_str(" | negated");
            }
            if r.hedged {
                s.push_str(" | hedged");
            }
            out.insert(s);
        }
    }
    out
}

#[test]
fn every_rule_example_holds() {
    let pipeline = Pipeline::embedded().unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in &pipeline.extractor.rules().rules {
        assert!(!rule.examples.is_empty(), "rule {} has no example", rule.id);
        for ex in &rule.examples {
            count += 1;
            let got = relations(&pipeline, &ex.text);
            let want: BTreeSet<String> = ex.expect.iter().cloned().collect();
            if got != want {
                failures.push(format!(
                    "rule {}: {:?}\n  expected {want:?}\n  found    {got:?}",
                    rule.id, ex.text
                ));
            }
        }
    }
    assert!(count >= 40, "only {count} examples");
    assert!(
        failures.is_empty(),
        "{} of {count} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_sentence_without_two_concepts_gives_nothing() {
    let pipeline = Pipeline::embedded().unwrap();
    for text in [
        "Solid red arrows represent activation.",
        "It activates them.",
        "Cortisol activates.",
        "Oxytocin, an endogenous neuropeptide, has emerged as a promising candidate.",
    ] {
        assert_eq!(relations(&pipeline, text), BTreeSet::new(), "{text}");
    }
}
