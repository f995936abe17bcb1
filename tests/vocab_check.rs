//! `mechkg vocab check` at the command line: counts, ambiguous names with their concepts, the build
//! reports found beside a generated dictionary, and the exit status (0 clean, 1 ambiguous names).

use assert_cmd::Command;
use predicates::prelude::*;

fn mechkg() -> Command {
    Command::cargo_bin("mechkg").unwrap()
}

#[test]
fn shipped_vocabulary_is_clean() {
    mechkg()
        .args(["vocab", "check"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("ambiguous names: 0"))
        .stdout(predicate::str::contains("concepts: "));
}

#[test]
fn built_fixture_dictionary_with_its_reports() {
    // fixtures/vocab/built: the output of scripts/build_full_vocab.py on the excerpts in
    // fixtures/vocab (see scripts/test_build_full_vocab.py), with its merges.tsv and dropped.tsv.
    mechkg()
        .args(["vocab", "check", "--vocab", "fixtures/vocab/built/full.tsv"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("concepts: 93 ("))
        .stdout(predicate::str::contains(
            "fixtures/vocab/built/merges.tsv: 20 rows",
        ))
        .stdout(predicate::str::contains(
            "fixtures/vocab/built/dropped.tsv: ",
        ))
        .stdout(predicate::str::contains("\tstop list\n"))
        .stdout(predicate::str::contains("\tsame label or exact synonym\n"));
}

#[test]
fn ambiguous_names_are_listed_and_exit_1() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("v.tsv");
    std::fs::write(
        &path,
        "#mechkg-vocab\t1\ncurie\tlabel\tcategory\tsynonyms\txrefs\n\
         CL:0000127\tastrocyte\tbiolink:Cell\tastroglia\t\n\
         MESH:D001253\tAstrocytes\tbiolink:Cell\tastroglia\t\n",
    )
    .unwrap();
    // "astroglia" (and its plural) names both; "astrocyte" is one's own name and only the other's
    // generated singular, so it goes to its own concept and is not listed.
    mechkg()
        .args(["vocab", "check", "--vocab"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("ambiguous names: 2"))
        .stdout(predicate::str::contains(
            "astroglia\tCL:0000127 MESH:D001253",
        ))
        .stdout(predicate::str::contains("astrocyte\t").not());
}
