//! The shipped vocabulary: it loads, it is large enough, it holds the seed's identifiers with names the
//! seed uses, and no name of it is ambiguous.

use mechkg::tag::Tagger;
use mechkg::vocab::Vocabulary;

#[test]
fn shipped_vocabulary_loads_and_covers_the_domain() {
    let v = Vocabulary::embedded().unwrap();
    assert!(v.concepts().len() >= 300, "{} concepts", v.concepts().len());
    for prefix in ["MESH:", "HGNC:", "CL:", "UBERON:", "GO:"] {
        assert!(
            v.concepts().iter().any(|c| c.id.starts_with(prefix)),
            "no {prefix} concept"
        );
    }
}

#[test]
fn every_slot_of_the_expected_seed_rows_has_a_concept() {
    let v = Vocabulary::embedded().unwrap();
    let text = std::fs::read_to_string("fixtures/seed/expected-mechanisms.tsv").unwrap();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("level"))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        for slot in [cols[1], cols[3]] {
            assert!(
                slot.split('|').any(|id| v.get(id).is_some()),
                "none of {slot} is in the vocabulary ({line})"
            );
        }
    }
}

#[test]
fn no_shipped_name_is_ambiguous() {
    let v = Vocabulary::embedded().unwrap();
    let t = Tagger::new(&v);
    let ambiguous = t.ambiguous_names();
    assert!(
        ambiguous.is_empty(),
        "{} ambiguous names: {:?}",
        ambiguous.len(),
        &ambiguous[..ambiguous.len().min(20)]
    );
}

#[test]
fn the_tagger_finds_the_seed_names() {
    let v = Vocabulary::embedded().unwrap();
    let t = Tagger::new(&v);
    let cases = [
        (
            "Hypothalamus neurons",
            &["UBERON:0001898", "CL:0000540"][..],
        ),
        ("OXT targets OXTR", &["MESH:D010121", "HGNC:8529"]),
        (
            "the damaged BBB into CNS",
            &["UBERON:0000120", "UBERON:0001017"],
        ),
        (
            "central microglia and astrocyte",
            &["CL:0000129", "CL:0000127"],
        ),
        ("his son hid", &[]),
        // The singular mass noun is ethanol (curated).
        ("alcohol intake", &["MESH:D000431"]),
        (
            "Stress will activate OXT neurons in PVN and SON",
            &[
                "MESH:D013315",
                "MESH:D010121",
                "CL:0000540",
                "UBERON:0001930",
                "UBERON:0001929",
            ],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<String> = t
            .tag(text, &[])
            .into_iter()
            .flat_map(|m| m.concepts)
            .collect();
        assert_eq!(got, want, "{text}");
    }
}
