//! `mechkg eval` at the command line: known scores on the hand-made gold files of `fixtures/eval/`
//! (the same documents in PubTator, BioC XML and BioC JSON), the error file, and exit code 2 with a
//! one-line message for bad gold input. One optional test reads the shared corpora and says why it
//! skips when they are absent.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const FORMATS: [&str; 3] = ["pubtator", "bioc.xml", "bioc.json"];

fn mechkg() -> Command {
    Command::cargo_bin("mechkg").unwrap()
}

fn eval_json(path: &str) -> Value {
    let out = mechkg()
        .args(["eval", path, "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_str(&common::stdout_ok(out, path)).unwrap()
}

/// (tp, fp, fn) of a level, overall or for one type.
fn counts(v: &Value, level: &str, ty: Option<&str>) -> (u64, u64, u64) {
    let l = &v["levels"][level];
    let c = match ty {
        None => &l["overall"],
        Some(t) => &l["by_type"][t],
    };
    let n = |k: &str| {
        c[k].as_u64()
            .unwrap_or_else(|| panic!("{level} {ty:?} {k}: {c}"))
    };
    (n("tp"), n("fp"), n("fn"))
}

const CHEM: Option<&str> = Some("biolink:ChemicalEntity");
const DIS: Option<&str> = Some("biolink:DiseaseOrPhenotypicFeature");

#[test]
fn perfect_prediction_scores_one_in_every_format() {
    for f in FORMATS {
        let v = eval_json(&format!("fixtures/eval/perfect.{f}"));
        assert_eq!(v["documents"], 1, "{f}");
        assert_eq!(v["relation_scheme"], "biored", "{f}");
        for (level, want) in [
            ("mentions_strict", (4, 0, 0)),
            ("mentions_overlap", (4, 0, 0)),
            ("normalisation", (4, 0, 0)),
            ("relations", (2, 0, 0)),
            ("relations_typed", (2, 0, 0)),
        ] {
            assert_eq!(counts(&v, level, None), want, "{f} {level}");
            assert_eq!(v["levels"][level]["overall"]["f1"], 1.0, "{f} {level}");
        }
        assert_eq!(
            counts(&v, "relations_typed", Some("Negative_Correlation")),
            (1, 0, 0)
        );
    }
}

/// `cases`: doc 10 nothing predicted (2 misses); doc 11 one miss (aspirin, which the shipped vocabulary lacks) and one false positive
/// (stress); doc 12 a multi-ID entry (`D003863|D003866`: two concepts of the document, as composite
/// mentions are; Depression finds the first, the second is a miss) and a `-1` entry
/// (seizures: a span miss, no normalisation entry); doc 13 a relation found as
/// Positive_Correlation, and a Bind of the same pair missed; doc 14 a negated relation (no
/// prediction).
#[test]
fn known_counts_in_every_format() {
    for f in FORMATS {
        let v = eval_json(&format!("fixtures/eval/cases.{f}"));
        assert_eq!(v["documents"], 5, "{f}");
        assert_eq!(v["bad_offsets"], 0, "{f}");
        for (level, ty, want) in [
            ("mentions_strict", None, (7, 1, 4)),
            ("mentions_strict", CHEM, (3, 0, 2)),
            ("mentions_strict", DIS, (4, 1, 2)),
            ("mentions_overlap", None, (7, 1, 4)),
            ("normalisation", None, (7, 1, 4)),
            ("normalisation", CHEM, (3, 0, 2)),
            ("normalisation", DIS, (4, 1, 2)),
            ("relations", None, (1, 0, 0)),
            ("relations_typed", None, (1, 0, 1)),
            ("relations_typed", Some("Positive_Correlation"), (1, 0, 0)),
            ("relations_typed", Some("Bind"), (0, 0, 1)),
        ] {
            assert_eq!(counts(&v, level, ty), want, "{f} {level} {ty:?}");
        }
        let strict = &v["levels"]["mentions_strict"]["overall"];
        assert_eq!(strict["precision"], 0.875, "{f}");
        assert_eq!(strict["recall"], 0.6364, "{f}");
    }
}

#[test]
fn table_is_the_default_and_errors_go_to_a_file() {
    let dir = TempDir::new().unwrap();
    let errors = dir.path().join("errors.tsv");
    mechkg()
        .args(["eval", "fixtures/eval/cases.pubtator", "--errors"])
        .arg(&errors)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "level             type                                tp  fp  fn  precision  recall     f1",
        ))
        .stdout(predicate::str::is_match(r"mentions_strict +all +7 +1 +4 +0\.875 +0\.636 +0\.737").unwrap());
    let text = std::fs::read_to_string(&errors).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0],
        ["level", "kind", "doc", "type", "where", "text", "sentence", "source"]
    );
    assert!(rows.iter().all(|r| r.len() == 8), "{text}");
    assert_eq!(rows.len(), 1 + 5 + 5 + 5 + 1, "{text}");
    assert!(rows.contains(&vec![
        "mentions_strict",
        "FP",
        "11",
        "biolink:DiseaseOrPhenotypicFeature",
        "22-28",
        "stress",
        "Oxytocin, aspirin and stress were studied.",
        "MESH:D013315 Stress, Psychological (vocab)",
    ]));
    assert!(rows.iter().any(|r| r[0] == "relations_typed"
        && r[1] == "FN"
        && r[3] == "Bind"
        && r[4] == "MESH:D006854 MESH:D001007"));
}

fn write(dir: &TempDir, name: &str, text: &str) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn cdr_relations_are_chemical_induced_diseases() {
    let dir = TempDir::new().unwrap();
    let gold = write(
        &dir,
        "cdr.txt",
        "5|t|Cortisol causes anxiety.\n5|a|Oxytocin treats depression.\n\
5\t0\t8\tCortisol\tChemical\tD006854\n5\t16\t23\tanxiety\tDisease\tD001007\n\
5\t25\t33\tOxytocin\tChemical\tD010121\n5\t41\t51\tdepression\tDisease\tD003863\n\
5\tCID\tD006854\tD001007\n",
    );
    let v = eval_json(&gold);
    assert_eq!(v["relation_scheme"], "bc5cdr");
    assert_eq!(counts(&v, "mentions_strict", None), (4, 0, 0));
    // The treats pair is a chemical-disease pair but not an induced disease.
    assert_eq!(counts(&v, "relations", None), (1, 1, 0));
    assert_eq!(counts(&v, "relations_typed", Some("CID")), (1, 0, 0));
}

#[test]
fn variants_are_scored_by_their_normal_form() {
    // BioRED grounds a variant on tmVar's normal form, or on dbSNP when tmVar mapped it there: the
    // first is found from the notation; the second only where the text writes the rs id.
    let dir = TempDir::new().unwrap();
    let text = "The R215W mutation was found in patients with depression. The c.643C>T change and \
rs53576 were not. Carriers of M404V had anxiety.";
    let at = |s: &str| text.find(s).unwrap();
    let mention = |s: &str, id: &str| {
        format!(
            "7\t{}\t{}\t{s}\tSequenceVariant\t{id}\n",
            at(s),
            at(s) + s.len()
        )
    };
    let gold = write(
        &dir,
        "variants.pubtator",
        &format!(
            "7|t|{text}\n7|a|\n{}{}{}{}7\t{}\t{}\tdepression\tDiseaseOrPhenotypicFeature\tD003863\n\
7\tAssociation\tp|SUB|R|215|W\tD003863\n",
            mention("R215W", "p|SUB|R|215|W"),
            mention("c.643C>T", "c|SUB|C|643|T"),
            mention("rs53576", "rs53576"),
            // tmVar maps this one to dbSNP through its gene, which the text does not give.
            mention("M404V", "rs771966860"),
            at("depression"),
            at("depression") + "depression".len(),
        ),
    );
    let v = eval_json(&gold);
    let var = Some("biolink:SequenceVariant");
    assert_eq!(counts(&v, "mentions_strict", var), (4, 0, 0));
    assert_eq!(counts(&v, "normalisation", var), (3, 1, 1));
    assert_eq!(counts(&v, "relations", None), (1, 0, 0));
}

#[test]
fn organisms_and_the_genes_they_ground_are_scored() {
    // BioRED marks the organisms and grounds a gene on the species studied: the mouse Stat3 in a
    // study of mice, the human STAT3 in one of patients.
    let dir = TempDir::new().unwrap();
    let vocab = write(
        &dir,
        "v.tsv",
        "#mechkg-vocab\t1\ncurie\tlabel\tcategory\tsynonyms\txrefs\n\
         HGNC:11364\tSTAT3\tbiolink:Gene\tStat3{abbr}\tNCBIGene:6774\n\
         NCBIGene:20848\tStat3\tbiolink:Gene\t\tHGNC:11364{ortholog}|NCBITaxon:10090{taxon}\n\
         NCBITaxon:10090\tMus musculus\tbiolink:OrganismTaxon\tmice\t\n\
         NCBITaxon:9606\tHomo sapiens\tbiolink:OrganismTaxon\tpatients\t\n\
         HGNC:391\tAKT1\tbiolink:Gene\t\tNCBIGene:207\n\
         NCBIGene:11651\tAkt1\tbiolink:Gene\t\tHGNC:391{ortholog}|NCBITaxon:10090{taxon}\n\
         FPLX:AKT\tAKT\tbiolink:Gene\tAkt\tHGNC:391{narrow}\n",
    );
    let doc = |pmid: &str, text: &str, gene: &str, gene_id: &str, taxon: &str, taxon_id: &str| {
        let at = |s: &str| text.find(s).unwrap();
        format!(
            "{pmid}|t|{text}\n{pmid}|a|\n{pmid}\t{}\t{}\t{gene}\tGeneOrGeneProduct\t{gene_id}\n\
             {pmid}\t{}\t{}\t{taxon}\tOrganismTaxon\t{taxon_id}\n\n",
            at(gene),
            at(gene) + gene.len(),
            at(taxon),
            at(taxon) + taxon.len()
        )
    };
    let gold = write(
        &dir,
        "species.pubtator",
        &(doc(
            "1",
            "Stat3 was deleted in mice.",
            "Stat3",
            "20848",
            "mice",
            "10090",
        ) + &doc(
            "2",
            "STAT3 was high in patients.",
            "STAT3",
            "6774",
            "patients",
            "9606",
        ) + &doc(
            // A family names no species: its member's mouse ortholog counts in a study of mice.
            "3",
            "Akt was active in mice.",
            "Akt",
            "11651",
            "mice",
            "10090",
        )),
    );
    let out = mechkg()
        .args(["eval", &gold, "--format", "json", "--vocab", &vocab])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let taxon = Some("biolink:OrganismTaxon");
    assert_eq!(counts(&v, "mentions_strict", taxon), (3, 0, 0));
    assert_eq!(counts(&v, "normalisation", taxon), (3, 0, 0));
    assert_eq!(
        counts(&v, "normalisation", Some("biolink:GeneOrGeneProduct")),
        (3, 0, 0)
    );
}

#[test]
fn bad_offsets_are_reported_and_not_trusted() {
    let dir = TempDir::new().unwrap();
    let gold = write(
        &dir,
        "off.txt",
        "7|t|Oxytocin treats depression.\n7|a|\n7\t1\t9\tOxytocin\tChemical\tD010121\n\
7\t16\t26\tdepression\tDisease\tD003863\n",
    );
    let out = mechkg()
        .args(["eval", &gold, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 gold mention(s) whose offsets do not match the text")
            && err.contains("off.txt:3: document 7 offsets 1-9"),
        "{err}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["bad_offsets"], 1);
    // The untrusted span is out of the span scores; its identifier still counts.
    assert_eq!(counts(&v, "mentions_strict", None), (1, 1, 0));
    assert_eq!(counts(&v, "normalisation", None), (2, 0, 0));
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let dir = TempDir::new().unwrap();
    let cases = [
        (
            write(&dir, "bad.txt", "1|t|A.\n1|a|B.\n1\t0\tone\n"),
            "bad.txt:3: expected a mention",
        ),
        (
            write(
                &dir,
                "bad.xml",
                "<collection><document><id>1</id>\n<passage>",
            ),
            "bad.xml:2: malformed XML",
        ),
        (
            write(&dir, "bad.json", "{\"documents\": [\n {\"id\": 1, }]}"),
            "bad.json:2: bad BioC JSON",
        ),
        (
            write(&dir, "empty.txt", "\n\n"),
            "empty.txt:1: no documents found",
        ),
        (
            "no/such/gold.txt".to_string(),
            "could not read no/such/gold.txt",
        ),
    ];
    for (path, want) in cases {
        let out = mechkg().args(["eval", &path]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{path}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("mechkg: "), "{path}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{path}: {err}");
        assert!(err.contains(want), "{path}: {err}");
        assert!(out.stdout.is_empty(), "{path}");
    }
}

/// The three BioRED development files hold the same annotations: their scores must agree, with the
/// title-anchored co-mentions too (the BioC JSON file marks no passage as the title).
#[test]
fn biored_formats_agree_on_the_shared_corpus() {
    let Some(dir) = common::shared("corpora/biored") else {
        return;
    };
    for extra in [None, Some("--co-mentions")] {
        let levels: Vec<Value> = ["Dev.PubTator", "Dev.BioC.XML", "Dev.BioC.JSON"]
            .iter()
            .map(|f| {
                let path = dir.join(f).display().to_string();
                let out = mechkg()
                    .args(["eval", &path, "--format", "json"])
                    .args(extra)
                    .output()
                    .unwrap();
                let v: Value = serde_json::from_str(&common::stdout_ok(out, &path)).unwrap();
                assert_eq!(v["documents"], 100, "{f}");
                assert_eq!(v["bad_offsets"], 0, "{f}");
                v["levels"].clone()
            })
            .collect();
        assert_eq!(levels[0], levels[1], "{extra:?}");
        assert_eq!(levels[0], levels[2], "{extra:?}");
    }
}

/// Corpus conventions (`fixtures/eval/conventions-*.pubtator`, shipped vocabulary). BioRED annotates
/// the longer name only and files gene products under genes: "Oxytocin receptor" is one gene
/// mention (the chemical nested in it is not scored) and "Oxytocin was infused" a gene mention
/// (its MeSH concept cites HGNC's OXT but not the NCBI Gene id the gold uses: one normalisation miss
/// and one false positive). BC5CDR annotates the nested chemical, and oxytocin as a chemical.
#[test]
fn corpus_conventions_for_nested_names_and_gene_products() {
    const GENE: Option<&str> = Some("biolink:GeneOrGeneProduct");
    let v = eval_json("fixtures/eval/conventions-biored.pubtator");
    assert_eq!(v["relation_scheme"], "biored");
    assert_eq!(counts(&v, "mentions_strict", None), (3, 0, 0));
    assert_eq!(counts(&v, "mentions_strict", GENE), (2, 0, 0));
    assert_eq!(counts(&v, "normalisation", CHEM), (1, 0, 0));
    assert_eq!(counts(&v, "normalisation", GENE), (1, 1, 1));
    let v = eval_json("fixtures/eval/conventions-cdr.pubtator");
    assert_eq!(v["relation_scheme"], "bc5cdr");
    assert_eq!(counts(&v, "mentions_strict", CHEM), (2, 0, 0));
    assert_eq!(counts(&v, "normalisation", None), (3, 0, 0));
}

#[test]
fn drugprot_without_identifiers_scores_spans_and_folds_agonists() {
    const GENE: Option<&str> = Some("biolink:GeneOrGeneProduct");
    let v = eval_json("fixtures/eval/chemical-gene.bioc.xml");
    assert_eq!(v["relation_scheme"], "drugprot");
    assert_eq!(counts(&v, "mentions_strict", CHEM), (3, 0, 1));
    // CRH is MeSH's hormone (a chemical citing HGNC): DrugProt files it under genes.
    assert_eq!(counts(&v, "mentions_strict", GENE), (3, 0, 1));
    // The identifier infon is the mention's text: no concept level.
    assert!(v["levels"]["normalisation"].is_null(), "{}", v["levels"]);
    // Arguments are the gold mentions their spans overlap; the substrate pair is not found.
    assert_eq!(counts(&v, "relations", None), (3, 0, 1));
    // The antagonist counts as an inhibitor, the activator matches; "binds" is a direct regulator,
    // where the gold says agonist.
    assert_eq!(counts(&v, "relations_typed", None), (2, 1, 2));
    assert_eq!(counts(&v, "relations_typed", Some("INHIBITOR")), (1, 0, 0));
    assert_eq!(counts(&v, "relations_typed", Some("ACTIVATOR")), (1, 0, 1));
    assert_eq!(
        counts(&v, "relations_typed", Some("DIRECT-REGULATOR")),
        (0, 1, 0)
    );
    // The untyped passage is read as the abstract by `extract` too.
    mechkg()
        .args([
            "extract",
            "fixtures/eval/chemical-gene.bioc.xml",
            "--format",
            "tsv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "pmid:9000001\tabstract\t0\tMESH:D006854",
        ))
        .stdout(predicate::str::contains("\tbinds\tHGNC:7978\t"));
}

#[test]
fn a_truncated_gold_file_scores_its_complete_documents_and_says_so() {
    let path = "fixtures/eval/chemical-gene-truncated.bioc.xml";
    let out = mechkg()
        .args(["eval", path, "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        stderr.contains(&format!(
            "mechkg: {path}:99: the file ends inside <text> of document 9000002 (truncated?)"
        )),
        "{stderr}"
    );
    let v: Value = serde_json::from_str(&common::stdout_ok(out, path)).unwrap();
    assert_eq!(v["documents"], 1);
    assert_eq!(counts(&v, "relations", None), (3, 0, 1));
}
