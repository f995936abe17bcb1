//! Acceptance on the seed review: every `must` row of the expected mechanisms is found, at least three
//! quarters of the `should` rows, and no `must_not` row; from the plain text and from the JATS file.

use mechkg::model::AnnotatedDocument;
use mechkg::read::{self, InputFormat, ReadOptions};
use mechkg::Pipeline;
use std::collections::BTreeSet;

struct Expected {
    level: String,
    subjects: Vec<String>,
    predicates: Vec<String>,
    objects: Vec<String>,
    sentence: String,
}

fn expected() -> Vec<Expected> {
    let text = std::fs::read_to_string("fixtures/seed/expected-mechanisms.tsv").unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("level\t") && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let alts = |s: &str| s.split('|').map(String::from).collect::<Vec<_>>();
            Expected {
                level: c[0].into(),
                subjects: alts(c[1]),
                predicates: alts(c[2]),
                objects: alts(c[3]),
                sentence: c[4].into(),
            }
        })
        .collect()
}

/// (subject, predicate, object) of every relation that is not negated.
fn triples(a: &AnnotatedDocument) -> BTreeSet<(String, String, String)> {
    a.sections
        .iter()
        .flat_map(|s| &s.relations)
        .filter(|(_, r)| !r.negated)
        .map(|(_, r)| (r.subject.clone(), r.predicate.to_string(), r.object.clone()))
        .collect()
}

fn check(path: &str, format: InputFormat) {
    let pipeline = Pipeline::embedded().unwrap();
    let bytes = std::fs::read(path).unwrap();
    let doc = read::read(path, &bytes, format, &ReadOptions::default()).unwrap();
    let found = triples(&pipeline.annotate(doc));
    let mut report = Vec::new();
    let (mut should, mut should_found) = (0, 0);
    for e in expected() {
        let hit = found.iter().any(|(s, p, o)| {
            e.subjects.contains(s) && e.predicates.contains(p) && e.objects.contains(o)
        });
        match (e.level.as_str(), hit) {
            ("must", false) => report.push(format!(
                "missing must: {} {} {}  ({})",
                e.subjects.join("|"),
                e.predicates.join("|"),
                e.objects.join("|"),
                e.sentence
            )),
            ("must_not", true) => report.push(format!(
                "found must_not: {} {} {}",
                e.subjects.join("|"),
                e.predicates.join("|"),
                e.objects.join("|")
            )),
            ("should", h) => {
                should += 1;
                should_found += usize::from(h);
                if !h {
                    eprintln!(
                        "{path}: should row not found: {} {} {}",
                        e.subjects.join("|"),
                        e.predicates.join("|"),
                        e.objects.join("|")
                    );
                }
            }
            _ => {}
        }
    }
    if should_found * 4 < should * 3 {
        report.push(format!("only {should_found} of {should} should rows found"));
    }
    assert!(
        report.is_empty(),
        "{path}:\n{}\nfound:\n{found:#?}",
        report.join("\n")
    );
}

#[test]
fn seed_plain_text_meets_acceptance() {
    check("fixtures/seed/jiang2023.txt", InputFormat::Text);
}

#[test]
fn seed_jats_meets_acceptance() {
    check("fixtures/seed/jiang2023.xml", InputFormat::Jats);
}

#[test]
fn seed_text_and_jats_state_the_same_mechanisms() {
    let pipeline = Pipeline::embedded().unwrap();
    let load = |path: &str, f| {
        let bytes = std::fs::read(path).unwrap();
        triples(&pipeline.annotate(read::read(path, &bytes, f, &ReadOptions::default()).unwrap()))
    };
    assert_eq!(
        load("fixtures/seed/jiang2023.txt", InputFormat::Text),
        load("fixtures/seed/jiang2023.xml", InputFormat::Jats)
    );
}
