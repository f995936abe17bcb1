//! `mechkg vocab check`: the health report of a loaded vocabulary. It owns the counts (concepts per
//! prefix and category, names, tagger patterns, cross-references), the list of ambiguous names as the
//! tagger sees them ([`Tagger::ambiguous_names`]), and the summaries of the build reports that
//! `scripts/build_full_vocab.py` writes beside a generated dictionary (`merges.tsv`: kept, merged,
//! reason; `dropped.tsv`: curie, name, reason). No I/O: the caller reads the files and passes their
//! text; [`Report::write`] prints to any writer.
//!
//! The command exits 0 when no name is ambiguous and 1 when some are (2 on an error), so that CI can
//! hold the shipped vocabulary to "one name, one concept" while a large generated dictionary can be
//! inspected with the same command.

use crate::tag::Tagger;
use crate::vocab::Vocabulary;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Counts of one build report, by reason (the reason's text up to its first `:`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportSummary {
    /// The report's name as given (a path).
    pub name: String,
    pub rows: usize,
    pub by_reason: BTreeMap<String, usize>,
}

/// What `vocab check` found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub sources: Vec<String>,
    pub concepts: usize,
    pub names: usize,
    pub case_sensitive_names: usize,
    pub xrefs: usize,
    pub patterns: usize,
    pub by_prefix: BTreeMap<String, usize>,
    pub by_category: BTreeMap<String, usize>,
    /// Normalised name, and the concepts it names.
    pub ambiguous: Vec<(String, Vec<String>)>,
    pub reports: Vec<ReportSummary>,
}

/// Counts and ambiguous names of a vocabulary and its compiled tagger.
pub fn check(vocab: &Vocabulary, tagger: &Tagger) -> Report {
    let mut r = Report {
        sources: vocab.sources.clone(),
        concepts: vocab.concepts().len(),
        patterns: tagger.pattern_count,
        ambiguous: tagger.ambiguous_names(),
        ..Report::default()
    };
    for c in vocab.concepts() {
        let prefix = c.id.split(':').next().unwrap_or_default().to_string();
        *r.by_prefix.entry(prefix).or_default() += 1;
        *r.by_category.entry(c.category.clone()).or_default() += 1;
        r.names += c.names.len();
        r.case_sensitive_names += c.names.iter().filter(|n| n.case_sensitive).count();
        r.xrefs += c.xrefs.len();
    }
    r.ambiguous.sort();
    r
}

/// Summarises a build report (TSV with a header line): rows counted by the text of the column
/// `reason_column` (0-based) up to its first `:`. Rows too short for the column count as `(none)`.
pub fn summarize_report(name: &str, text: &str, reason_column: usize) -> ReportSummary {
    let mut s = ReportSummary {
        name: name.to_string(),
        ..ReportSummary::default()
    };
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        s.rows += 1;
        let reason = line
            .split('\t')
            .nth(reason_column)
            .map(|r| r.split(':').next().unwrap_or(r).trim())
            .filter(|r| !r.is_empty())
            .unwrap_or("(none)");
        *s.by_reason.entry(reason.to_string()).or_default() += 1;
    }
    s
}

impl Report {
    /// Prints the report: counts, then each ambiguous name (at most `limit`; `None` for all) with its
    /// concepts, then the build reports.
    pub fn write(&self, out: &mut impl Write, limit: Option<usize>) -> io::Result<()> {
        writeln!(out, "vocabulary: {}", self.sources.join(" + "))?;
        writeln!(
            out,
            "concepts: {} ({})",
            self.concepts,
            join_counts(&self.by_prefix)
        )?;
        writeln!(out, "categories: {}", join_counts(&self.by_category))?;
        writeln!(
            out,
            "names: {} ({} case-sensitive); tagger patterns: {}; xrefs: {}",
            self.names, self.case_sensitive_names, self.patterns, self.xrefs
        )?;
        writeln!(out, "ambiguous names: {}", self.ambiguous.len())?;
        let shown = limit.unwrap_or(usize::MAX);
        for (name, ids) in self.ambiguous.iter().take(shown) {
            writeln!(out, "  {name}\t{}", ids.join(" "))?;
        }
        if self.ambiguous.len() > shown {
            writeln!(out, "  ... {} more", self.ambiguous.len() - shown)?;
        }
        for rep in &self.reports {
            writeln!(out, "{}: {} rows", rep.name, rep.rows)?;
            let mut reasons: Vec<(&String, &usize)> = rep.by_reason.iter().collect();
            reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (reason, n) in reasons {
                writeln!(out, "  {n}\t{reason}")?;
            }
        }
        Ok(())
    }
}

fn join_counts(m: &BTreeMap<String, usize>) -> String {
    m.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const VOCAB: &str = "\
MESH:D001253\tAstrocytes\tbiolink:Cell\t\t
CL:0000127\tastrocyte\tbiolink:Cell\tSON{abbr}\tMESH:D000001
UBERON:0001929\tsupraoptic nucleus\tbiolink:GrossAnatomicalStructure\tSON{abbr}\t
";

    #[test]
    fn counts_and_ambiguous_names() {
        let v = Vocabulary::of_rows(VOCAB).unwrap();
        let t = Tagger::new(&v);
        let r = check(&v, &t);
        assert_eq!(r.concepts, 3);
        assert_eq!(r.names, 5);
        assert_eq!(r.case_sensitive_names, 2);
        assert_eq!(r.xrefs, 1);
        assert_eq!(r.by_prefix["MESH"], 1);
        let names: Vec<&str> = r.ambiguous.iter().map(|(n, _)| n.as_str()).collect();
        // "astrocyte" is one concept's own name and the other's singular: not ambiguous.
        assert_eq!(names, ["SON", "SONs"]);
        let son = r.ambiguous.iter().find(|(n, _)| n == "SON").unwrap();
        assert_eq!(son.1, ["CL:0000127", "UBERON:0001929"]);
    }

    #[test]
    fn report_summary_groups_reasons() {
        let text = "curie\tname\treason\nX:1\ta\tobsolete\nX:2\tb\tshared name: kept by Y:1\nX:3\tc\tshared name: kept by Y:2\nX:4\td\n";
        let s = summarize_report("dropped.tsv", text, 2);
        assert_eq!(s.rows, 4);
        assert_eq!(s.by_reason["shared name"], 2);
        assert_eq!(s.by_reason["obsolete"], 1);
        assert_eq!(s.by_reason["(none)"], 1);
    }
}
