//! Acceptance on the seed review: every `must` row of the expected mechanisms is found, at least three
//! quarters of the `should` rows, and no `must_not` row; from the plain text and from the JATS file.

mod common;

use common::{check, triples};
use mechkg::read::{self, InputFormat, ReadOptions};
use mechkg::Pipeline;

#[test]
fn seed_plain_text_meets_acceptance() {
    check(
        &Pipeline::embedded().unwrap(),
        "fixtures/seed/jiang2023.txt",
        InputFormat::Text,
    );
}

#[test]
fn seed_jats_meets_acceptance() {
    check(
        &Pipeline::embedded().unwrap(),
        "fixtures/seed/jiang2023.xml",
        InputFormat::Jats,
    );
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
