//! The command line at its boundary: exit codes (0 found, 1 nothing, 2 error), stdout holding only
//! data, one-line errors naming the file and line, and a store left untouched by a failed build.

mod common;

use assert_cmd::Command;
use oxigraph::io::{RdfFormat, RdfParser};
use predicates::prelude::*;
use std::path::Path;
use tempfile::TempDir;

const SEED: &str = "fixtures/seed/jiang2023.txt";
const SEED_JATS: &str = "fixtures/seed/jiang2023.xml";

fn mechkg() -> Command {
    Command::cargo_bin("mechkg").unwrap()
}

fn built_store() -> TempDir {
    let dir = TempDir::new().unwrap();
    mechkg()
        .args(["build", SEED, "--store"])
        .arg(dir.path().join("store"))
        .assert()
        .success()
        .stderr(predicate::str::contains("built 1 document(s)"));
    dir
}

fn store_arg(dir: &TempDir) -> String {
    dir.path().join("store").display().to_string()
}

fn stdout_of(args: &[&str]) -> String {
    common::stdout_ok(mechkg().args(args).output().unwrap(), &format!("{args:?}"))
}

/// Sorted, de-duplicated N-Triples/N-Quads lines of a parsed RDF text: the canonical form compared.
fn canonical(text: &str, format: RdfFormat) -> Vec<String> {
    let mut lines: Vec<String> = RdfParser::from_format(format)
        .for_reader(text.as_bytes())
        .map(|q| {
            let q = q.expect("the export parses");
            if format.supports_datasets() {
                q.to_string()
            } else {
                oxigraph::model::Triple::from(q).to_string()
            }
        })
        .collect();
    lines.sort();
    lines.dedup();
    lines
}

/// Asserts two canonical graphs are equal, showing the lines only one side has.
fn assert_same_graph(expected: &[String], actual: &[String]) {
    if expected != actual {
        let only_e: Vec<&String> = expected
            .iter()
            .filter(|l| !actual.contains(l))
            .take(20)
            .collect();
        let only_a: Vec<&String> = actual
            .iter()
            .filter(|l| !expected.contains(l))
            .take(20)
            .collect();
        panic!("graphs differ\n- only expected: {only_e:#?}\n+ only actual: {only_a:#?}");
    }
}

#[test]
fn extract_tsv_has_the_documented_columns() {
    let out = stdout_of(&["extract", "--format", "tsv", SEED]);
    let header = out.lines().next().unwrap();
    assert_eq!(
        header,
        "doc_id\tsection\tsentence\tsubject_id\tsubject_label\tpredicate\tobject_id\tobject_label\tpolarity\tnegated\thedged\trule\tsubject_span\tobject_span\ttext"
    );
    let text = std::fs::read_to_string(SEED).unwrap();
    let row = out
        .lines()
        .find(|l| l.contains("\tCL:0000129\t") && l.contains("\treleases\t"))
        .expect("microglia release cytokines");
    let cols: Vec<&str> = row.split('\t').collect();
    assert_eq!(cols.len(), 15);
    assert_eq!(cols[0], "file:jiang2023");
    assert_eq!(cols[1], "figure_legend:Fig. 1");
    assert_eq!(cols[8], "+");
    assert_eq!(cols[10], "true", "hedged by 'would'");
    // Spans are byte offsets into the section text (the legend after its label).
    let legend = text
        .lines()
        .find(|l| l.starts_with("Fig. 1."))
        .unwrap()
        .trim_start_matches("Fig. 1.")
        .trim_start();
    let (a, b) = cols[12].split_once('-').unwrap();
    assert_eq!(
        &legend[a.parse::<usize>().unwrap()..b.parse::<usize>().unwrap()],
        "microglia"
    );
}

#[test]
fn stdin_is_read_when_no_file_is_given() {
    mechkg()
        .args(["extract", "--format", "jsonl"])
        .write_stdin("Cortisol did not activate microglia.")
        .assert()
        .success()
        .stdout(
            predicate::str::contains(r#""predicate":"activates""#)
                .and(predicate::str::contains(r#""negated":true"#)),
        );
    mechkg()
        .args(["tag"])
        .write_stdin("The weather was fine.")
        .assert()
        .code(1)
        .stdout("doc_id\tsection\tsentence\tspan\ttext\tconcept_ids\tlabels\tambiguous\tsource\n");
}

#[test]
fn extract_is_deterministic() {
    let a = stdout_of(&["extract", "--format", "ntriples", SEED, SEED_JATS]);
    let b = stdout_of(&["extract", "--format", "ntriples", SEED, SEED_JATS]);
    assert_eq!(a, b);
    assert!(a.lines().count() > 300);
}

#[test]
fn build_then_path_lookup_query() {
    let dir = built_store();
    let store = store_arg(&dir);
    let path = stdout_of(&["path", "stress", "CRH", "--store", &store]);
    assert!(path.contains("Stress, Psychological --activates(+)--> neuron --releases(+)--> Corticotropin-Releasing Hormone"), "{path}");
    assert!(
        path.contains("Hypothalamus neurons will be activated by stressful stimuli"),
        "{path}"
    );
    let lookup = stdout_of(&["lookup", "OXT", "--store", &store]);
    assert!(lookup.starts_with("MESH:D010121\tOxytocin"), "{lookup}");
    assert!(
        lookup.contains("-> binds oxytocin receptor (HGNC:8529)"),
        "{lookup}"
    );
    assert!(
        lookup.contains("-> treats Depression (MESH:D003863)"),
        "{lookup}"
    );
    let q = stdout_of(&[
        "query",
        "downstream",
        "--param",
        "concept=ACTH",
        "--format",
        "tsv",
        "--store",
        &store,
    ]);
    assert!(
        q.contains("<http://purl.obolibrary.org/obo/UBERON_0002369>"),
        "{q}"
    );
    mechkg()
        .args([
            "query",
            "upstream",
            "--param",
            "concept=MESH:D000324",
            "--store",
            &store,
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("adenohypophysis"));
    mechkg()
        .args([
            "query",
            "ASK { ?s mkg:crosses UBERON:0000120 }",
            "--format",
            "json",
            "--store",
            &store,
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("true"));
    mechkg()
        .args([
            "query",
            "SELECT ?x WHERE { ?x mkg:treats CL:0000540 }",
            "--store",
            &store,
        ])
        .assert()
        .code(1);
}

#[test]
fn building_again_replaces_the_document() {
    let dir = built_store();
    let store = store_arg(&dir);
    let first = stdout_of(&["export", "--format", "nquads", "--store", &store]);
    mechkg()
        .args(["build", SEED, "--store", &store])
        .assert()
        .success();
    let second = stdout_of(&["export", "--format", "nquads", "--store", &store]);
    assert_eq!(first, second, "a rebuild changes nothing");
    let turtle = stdout_of(&["export", "--store", &store]);
    assert_eq!(
        turtle,
        stdout_of(&["export", "--store", &store]),
        "Turtle exports are byte-identical"
    );
}

#[test]
fn turtle_export_parses_back_to_the_same_graph() {
    let dir = built_store();
    let store = store_arg(&dir);
    let out = dir.path().join("graph.ttl");
    mechkg()
        .args(["export", "--store", &store, "-o"])
        .arg(&out)
        .assert()
        .success();
    let turtle = std::fs::read_to_string(&out).unwrap();
    assert!(
        turtle.contains("@prefix mkg: <https://w3id.org/mechkg/vocab#> ."),
        "{}",
        &turtle[..200]
    );
    let nquads = stdout_of(&["export", "--format", "nquads", "--store", &store]);
    let triples_of_quads: Vec<String> = {
        let mut t: Vec<String> = RdfParser::from_format(RdfFormat::NQuads)
            .for_reader(nquads.as_bytes())
            .map(|q| oxigraph::model::Triple::from(q.unwrap()).to_string())
            .collect();
        t.sort();
        t.dedup();
        t
    };
    assert_same_graph(&triples_of_quads, &canonical(&turtle, RdfFormat::Turtle));
    let trig = stdout_of(&["export", "--format", "trig", "--store", &store]);
    assert_same_graph(
        &canonical(&nquads, RdfFormat::NQuads),
        &canonical(&trig, RdfFormat::TriG),
    );
    let doc = stdout_of(&[
        "export",
        "--format",
        "nquads",
        "--doc",
        "file:jiang2023",
        "--store",
        &store,
    ]);
    assert!(doc
        .lines()
        .all(|l| l.ends_with("<https://w3id.org/mechkg/doc/file:jiang2023> .")));
}

fn quad_count(store: &str) -> usize {
    stdout_of(&["export", "--format", "nquads", "--store", store])
        .lines()
        .count()
}

#[test]
fn bad_input_fails_cleanly_and_leaves_the_store_untouched() {
    let dir = built_store();
    let store = store_arg(&dir);
    let before = quad_count(&store);
    let bad_utf8 = dir.path().join("bad.txt");
    std::fs::write(&bad_utf8, b"Cortisol activates\nmicroglia \xff\xfe.").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let bad_xml = dir.path().join("bad.xml");
    std::fs::write(&bad_xml, "<article>\n<front>\n</article>\n").unwrap();
    let cases: [(&Path, &str); 3] = [
        (&bad_utf8, "bad.txt: line 2, column 11: invalid UTF-8"),
        (&empty, "empty.txt: empty input"),
        (&bad_xml, "bad.xml: line 3: malformed XML"),
    ];
    for (file, msg) in cases {
        // The good seed first, then the bad file: nothing of either may land.
        mechkg()
            .args(["build", SEED_JATS])
            .arg(file)
            .args(["--store", &store])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::starts_with("mechkg: ").and(predicate::str::contains(msg)));
        assert_eq!(quad_count(&store), before, "{msg}");
    }
    mechkg()
        .args(["build", "no/such/file.txt", "--store", &store])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt: no such file"));
    assert_eq!(quad_count(&store), before);
}

#[test]
fn errors_are_one_line_with_exit_code_2() {
    let dir = TempDir::new().unwrap();
    let vocab = dir.path().join("v.tsv");
    std::fs::write(
        &vocab,
        "#mechkg-vocab\t1\ncurie\tlabel\tcategory\tsynonyms\txrefs\nMESH:D1\tX\tbiolink:Cell\n",
    )
    .unwrap();
    let rules = dir.path().join("r.toml");
    std::fs::write(&rules, "version = 1\n[lexicon]\nskip = [\n").unwrap();
    let nostore = dir.path().join("none").display().to_string();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "extract".into(),
                SEED.into(),
                "--vocab".into(),
                vocab.display().to_string(),
            ],
            "v.tsv:3: expected 5 tab-separated columns",
        ),
        (
            vec![
                "extract".into(),
                SEED.into(),
                "--vocab".into(),
                "missing.tsv".into(),
            ],
            "could not read vocabulary missing.tsv",
        ),
        (
            vec![
                "extract".into(),
                SEED.into(),
                "--rules".into(),
                rules.display().to_string(),
            ],
            "r.toml:",
        ),
        (
            vec![
                "extract".into(),
                SEED.into(),
                "--sections".into(),
                "appendix".into(),
            ],
            "unknown section \"appendix\"",
        ),
        (
            vec![
                "query".into(),
                "SELECT ?x WHERE {".into(),
                "--memory".into(),
            ],
            "SPARQL syntax error",
        ),
        (
            vec!["query".into(), "nosuchquery".into(), "--memory".into()],
            "unknown named query \"nosuchquery\"",
        ),
        (
            vec!["query".into(), "downstream".into(), "--memory".into()],
            "needs --param concept=VALUE",
        ),
        (
            vec![
                "query".into(),
                "downstream".into(),
                "--param".into(),
                "x=1".into(),
                "--memory".into(),
            ],
            "needs --param concept",
        ),
        (
            vec!["export".into(), "--store".into(), nostore.clone()],
            "no store here",
        ),
        (
            vec![
                "path".into(),
                "stress".into(),
                "zzzzqqq".into(),
                "--store".into(),
                nostore,
            ],
            "no concept named \"zzzzqqq\"",
        ),
    ];
    for (args, msg) in cases {
        let out = mechkg().args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with("mechkg: ") && err.contains(msg),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    mechkg()
        .args(["extract", "--input-format", "pdf", SEED])
        .assert()
        .code(2);
    mechkg()
        .args(["extract", "--format", "yaml", SEED])
        .assert()
        .code(2);
}

#[test]
fn a_store_held_by_another_process_is_reported() {
    let dir = built_store();
    let store = store_arg(&dir);
    let held = oxigraph::store::Store::open(&store).unwrap();
    mechkg()
        .args(["build", SEED, "--store", &store])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("in use by another process"));
    drop(held);
}

#[test]
fn lookup_by_name_symbol_and_curie() {
    let out = stdout_of(&["lookup", "cortisol", "--memory"]);
    assert!(out.starts_with("MESH:D006854\tHydrocortisone"), "{out}");
    assert!(stdout_of(&["lookup", "MESH:D006854", "--memory"]).starts_with("MESH:D006854\t"));
    assert!(
        stdout_of(&["lookup", "SON", "--memory"]).starts_with("UBERON:0001929\tsupraoptic nucleus")
    );
    assert!(
        stdout_of(&["lookup", "blood-brain barrier", "--memory"]).starts_with("UBERON:0000120\t")
    );
    mechkg()
        .args(["lookup", "son", "--memory"])
        .assert()
        .code(1)
        .stdout("");
    mechkg()
        .args(["lookup", "cortizol", "--memory"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean"));
}

/// A species' gene and its human gene, each looked up, name the other; a gene named in a mouse
/// study is tagged as the mouse gene, the organism as itself (`tag::species`).
#[test]
fn orthologs_in_lookup_and_tag() {
    let dir = TempDir::new().unwrap();
    let vocab = dir.path().join("v.tsv");
    std::fs::write(
        &vocab,
        "#mechkg-vocab\t1\ncurie\tlabel\tcategory\tsynonyms\txrefs\n\
         HGNC:11364\tSTAT3\tbiolink:Gene\tStat3{abbr}\tNCBIGene:6774\n\
         NCBIGene:20848\tStat3\tbiolink:Gene\t\tHGNC:11364{ortholog}|NCBITaxon:10090{taxon}\n\
         NCBITaxon:10090\tMus musculus\tbiolink:OrganismTaxon\tmice\t\n",
    )
    .unwrap();
    let v = vocab.display().to_string();
    let human = stdout_of(&["lookup", "STAT3", "--memory", "--vocab", &v]);
    assert!(
        human.contains("  orthologs: NCBIGene:20848 Stat3 (NCBITaxon:10090 Mus musculus)"),
        "{human}"
    );
    let mouse = stdout_of(&["lookup", "NCBIGene:20848", "--memory", "--vocab", &v]);
    assert!(
        mouse
            .contains("  ortholog of: HGNC:11364 STAT3 (the gene in NCBITaxon:10090 Mus musculus)"),
        "{mouse}"
    );
    let text = dir.path().join("a.txt");
    std::fs::write(&text, "Stat3 was deleted in mice.\n").unwrap();
    let tags = stdout_of(&["tag", "--vocab", &v, &text.display().to_string()]);
    let concepts: Vec<&str> = tags
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(5).unwrap())
        .collect();
    assert_eq!(concepts, ["NCBIGene:20848", "NCBITaxon:10090"], "{tags}");
}

#[test]
fn extracted_nquads_load_into_the_same_store_as_a_build() {
    let built = built_store();
    let dir = TempDir::new().unwrap();
    let nq = dir.path().join("seed.nq");
    std::fs::write(&nq, stdout_of(&["extract", "--format", "nquads", SEED])).unwrap();
    let store = dir.path().join("loaded").display().to_string();
    for round in ["first", "again"] {
        mechkg()
            .args(["load"])
            .arg(&nq)
            .args(["--store", &store])
            .assert()
            .success()
            .stderr(predicate::str::contains("loaded 1 document graph(s)"));
        assert_eq!(
            stdout_of(&["export", "--format", "nquads", "--store", &store]),
            stdout_of(&[
                "export",
                "--format",
                "nquads",
                "--store",
                &store_arg(&built)
            ]),
            "{round}: a load gives what a build gives, once"
        );
    }
    let bad = dir.path().join("bad.nq");
    std::fs::write(
        &bad,
        "<http://a> <http://b> <http://c> .\n<http://a> <http://b> \"x .\n",
    )
    .unwrap();
    let before = stdout_of(&["export", "--format", "nquads", "--store", &store]);
    mechkg()
        .args(["load"])
        .arg(&bad)
        .args(["--store", &store])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.nq: line 2"));
    assert_eq!(
        before,
        stdout_of(&["export", "--format", "nquads", "--store", &store])
    );
}

#[test]
fn co_mentions_are_opt_in_and_marked_by_their_rule() {
    let rule = "co-mention-with-title-concept";
    let plain = stdout_of(&["extract", "fixtures/seed/jiang2023.txt"]);
    assert!(!plain.contains(rule), "{plain}");
    let with = stdout_of(&["extract", "--co-mentions", "fixtures/seed/jiang2023.txt"]);
    let rows: Vec<Vec<&str>> = with
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .filter(|r: &Vec<&str>| r[11] == rule)
        .collect();
    // The seed's title names oxytocin and depression; sentences that name one beside another concept
    // named twice in the review give the layer's relations, all `associated_with`.
    assert!(!rows.is_empty(), "{with}");
    assert!(rows.iter().all(|r| r[5] == "associated_with"), "{with}");
    assert!(
        rows.iter()
            .any(|r| r[4] == "Oxytocin" && r[7] == "Depression"
                || r[4] == "Depression" && r[7] == "Oxytocin"),
        "{with}"
    );
    // The rules' own relations are the same with and without the layer.
    let stated: Vec<&str> = with.lines().filter(|l| !l.contains(rule)).collect();
    assert_eq!(stated, plain.lines().collect::<Vec<_>>());
}

/// A variant the text writes is a concept of the graph: an IRI that RDF accepts, a label and a
/// category, its relations, and a lookup by its notation.
#[test]
fn a_variant_is_a_concept_of_the_graph() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("variant.txt");
    std::fs::write(
        &input,
        "The R215W mutation of OXTR was found in patients with depression.\n",
    )
    .unwrap();
    let store = dir.path().join("store").display().to_string();
    mechkg()
        .arg("build")
        .arg(&input)
        .args(["--store", &store])
        .assert()
        .success();
    let out = stdout_of(&["lookup", "R215W", "--store", &store]);
    assert!(
        out.starts_with("tmVar:p|SUB|R|215|W\tp.R215W\n  category: biolink:SequenceVariant\n"),
        "{out}"
    );
    assert!(
        out.contains("-> associated_with Depression (MESH:D003863)"),
        "{out}"
    );
    let iri = "<https://w3id.org/mechkg/variant/p%7CSUB%7CR%7C215%7CW>";
    let nquads = stdout_of(&["export", "--format", "nquads", "--store", &store]);
    assert!(
        nquads.contains(&format!(
            "{iri} <http://www.w3.org/2000/01/rdf-schema#label> \"p.R215W\""
        )),
        "{nquads}"
    );
    let turtle = stdout_of(&["export", "--format", "turtle", "--store", &store]);
    let triples: Vec<String> = canonical(&turtle, RdfFormat::Turtle);
    assert!(triples.iter().any(|t| t.starts_with(iri)), "{turtle}");
    // The gene the phrase names, and what the variant relates to in that document.
    let variants = stdout_of(&[
        "query",
        "variants",
        "--param",
        "gene=OXTR",
        "--format",
        "tsv",
        "--store",
        &store,
    ]);
    assert!(
        variants.contains(&format!(
            "{iri}\t\"p.R215W\"\t<https://w3id.org/mechkg/vocab#associated_with>\t\
             <http://id.nlm.nih.gov/mesh/D003863>\t\"Depression\"\t1"
        )),
        "{variants}"
    );
}
