//! An interrupted build: killed midway, the store holds every document either whole or not at all,
//! and building again completes it. Batches are small so that the build commits many transactions;
//! the kill lands at a fraction of the time a whole build takes on this machine.

mod common;

use assert_cmd::cargo::CommandCargoExt;
use std::collections::BTreeMap;
use std::process::Command;
use std::time::{Duration, Instant};
use tempfile::TempDir;

const DOCS: usize = 600;

/// A MEDLINE file of `n` citations that each state a few relations.
fn medline(n: usize) -> String {
    let mut s = String::from("<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n");
    for i in 0..n {
        s.push_str(&format!(
            "<PubmedArticle><MedlineCitation><PMID>{}</PMID><Article><ArticleTitle>Cohort {i}</ArticleTitle>\
             <Abstract><AbstractText>Cortisol activates microglia and astrocytes in cohort {i}. \
             Oxytocin suppresses the immune response.</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>\n",
            7_000_000 + i
        ));
    }
    s.push_str("</PubmedArticleSet>\n");
    s
}

fn mechkg() -> Command {
    Command::cargo_bin("mechkg").unwrap()
}

fn build(input: &std::path::Path, store: &std::path::Path) -> Command {
    let mut c = mechkg();
    c.arg("build").arg(input).arg("--store").arg(store).args([
        "--batch-size",
        "25",
        "--threads",
        "1",
        "--quiet",
    ]);
    c
}

/// The N-Quads lines of each document graph of a store.
fn documents(store: &std::path::Path) -> BTreeMap<String, Vec<String>> {
    let out = mechkg()
        .args(["export", "--format", "nquads", "--store"])
        .arg(store)
        .output()
        .unwrap();
    let mut docs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in common::stdout_ok(out, "mechkg export").lines() {
        let graph = line
            .rsplit_once(" <")
            .map(|(_, g)| g.trim_end_matches(" .").to_string())
            .unwrap();
        if graph.starts_with("https://w3id.org/mechkg/doc/") {
            docs.entry(graph).or_default().push(line.to_string());
        }
    }
    docs
}

#[test]
fn a_killed_build_leaves_whole_documents_and_a_rerun_completes_it() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("citations.xml");
    std::fs::write(&input, medline(DOCS)).unwrap();
    let reference_store = dir.path().join("reference");
    let t0 = Instant::now();
    assert!(build(&input, &reference_store).status().unwrap().success());
    let whole = t0.elapsed();
    let reference = documents(&reference_store);
    assert_eq!(reference.len(), DOCS);

    let mut partial = None;
    for (attempt, fraction) in [0.5, 0.3, 0.7, 0.4, 0.6].into_iter().enumerate() {
        let store = dir.path().join(format!("killed-{attempt}"));
        let mut child = build(&input, &store).spawn().unwrap();
        std::thread::sleep(Duration::from_secs_f64(whole.as_secs_f64() * fraction));
        child.kill().unwrap();
        child.wait().unwrap();
        if !store.join("CURRENT").exists() {
            continue;
        }
        let got = documents(&store);
        for (graph, lines) in &got {
            assert_eq!(
                Some(lines),
                reference.get(graph),
                "{graph} is not whole after the kill"
            );
        }
        // Building again completes the store.
        assert!(build(&input, &store).status().unwrap().success());
        assert_eq!(documents(&store), reference, "a rerun completes the store");
        if !got.is_empty() && got.len() < DOCS {
            partial = Some(got.len());
            break;
        }
    }
    let n = partial.expect("no kill landed while the build was writing");
    eprintln!("killed with {n} of {DOCS} documents in the store; all whole");
}
