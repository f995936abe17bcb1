//! What several test files share: the seed review's acceptance (every `must` row of the expected
//! mechanisms found, at least three quarters of the `should` rows, no `must_not` row), used by
//! `tests/seed.rs` and `tests/full_dictionary.rs`; and the rule for tests that read data which is not
//! in the repository (the shared corpora, the full dictionary); and the check on a finished command.
#![allow(dead_code)]

use mechkg::model::AnnotatedDocument;
use mechkg::read::{self, InputFormat, ReadOptions};
use mechkg::Pipeline;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Whether a test's outside data is there. Without it the test says it skipped, unless
/// `MECHKG_REQUIRE_SHARED` is set (`.ci/run` sets it where the shared data is): then it fails.
pub fn require(found: bool, what: &str) -> bool {
    if !found {
        assert!(
            std::env::var_os("MECHKG_REQUIRE_SHARED").is_none(),
            "MECHKG_REQUIRE_SHARED is set but the {what} is missing"
        );
        eprintln!("skipped: no {what}");
    }
    found
}

/// `REL` under the shared data beside the clone (`../shared/data/REL`; this machine's
/// `/work/shared/data/REL` for a clone elsewhere), if it is there; see [`require`].
pub fn shared(rel: &str) -> Option<PathBuf> {
    let found = ["../shared/data", "/work/shared/data"]
        .iter()
        .map(|root| Path::new(root).join(rel))
        .find(|p| p.exists());
    require(found.is_some(), &format!("shared data {rel}")).then(|| found.unwrap())
}

pub struct Expected {
    pub level: String,
    pub subjects: Vec<String>,
    pub predicates: Vec<String>,
    pub objects: Vec<String>,
    pub sentence: String,
}

pub fn expected() -> Vec<Expected> {
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
pub fn triples(a: &AnnotatedDocument) -> BTreeSet<(String, String, String)> {
    a.sections
        .iter()
        .flat_map(|s| &s.relations)
        .filter(|(_, r)| !r.negated)
        .map(|(_, r)| (r.subject.clone(), r.predicate.to_string(), r.object.clone()))
        .collect()
}

pub fn check(pipeline: &Pipeline, path: &str, format: InputFormat) {
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

/// The standard output of a finished command that had to succeed; on failure, its stderr.
pub fn stdout_ok(out: std::process::Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
