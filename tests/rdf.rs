//! Golden RDF: each case's document graph in canonical form (sorted N-Quads) against
//! `fixtures/cases/NAME.nq`, with a diff on failure. `UPDATE_EXPECT=1 cargo test --test rdf` rewrites
//! the expected files after a deliberate change.

use mechkg::read::{self, InputFormat, ReadOptions};
use mechkg::{export, rdf, Pipeline};

fn check(name: &str, input: &str) {
    let pipeline = Pipeline::embedded().unwrap();
    let bytes = std::fs::read(input).unwrap();
    let doc = read::read(
        input,
        &bytes,
        InputFormat::detect(input, &bytes),
        &ReadOptions::default(),
    )
    .unwrap();
    let quads = rdf::document_quads(&pipeline.annotate(doc), &pipeline.vocab);
    let mut out = Vec::new();
    export::write(&quads, export::ExportFormat::NQuads, &mut out).unwrap();
    let actual = String::from_utf8(out).unwrap();
    let path = format!("fixtures/cases/{name}.nq");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let e: Vec<&str> = expected.lines().collect();
        let a: Vec<&str> = actual.lines().collect();
        let mut diff = String::new();
        for l in e.iter().filter(|l| !a.contains(l)).take(30) {
            diff.push_str(&format!("- {l}\n"));
        }
        for l in a.iter().filter(|l| !e.contains(l)).take(30) {
            diff.push_str(&format!("+ {l}\n"));
        }
        panic!("{path} differs (UPDATE_EXPECT=1 to accept):\n{diff}");
    }
}

#[test]
fn golden_mechanisms_case() {
    check("mechanisms", "fixtures/cases/mechanisms.txt");
}

#[test]
fn golden_seed_case() {
    check("seed", "fixtures/seed/jiang2023.txt");
}
