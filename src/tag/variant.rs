//! Sequence variants written in the text ("R215W", "p.Gly102Arg", "c.643C>T", "657del5",
//! "rs121913343"): found by patterns, not by the dictionary, since no vocabulary can list them.
//!
//! Each variant is normalised to the identifier the gold corpora and PubTator use: a dbSNP id when
//! the text writes one (`DBSNP:rs121913343`), else tmVar's normal form of the sequence change
//! (`tmVar:p|SUB|R|215|W`, `tmVar:c|SUB|C|643|T`, `tmVar:c|DEL|657|5`, `tmVar:p|FS|S|119||`),
//! fields as tmVar writes them (Wei et al., Bioinformatics 2013 and 2018): sequence type (`p`
//! protein, `c` coding DNA, `g` genomic), change type, then wild type, position and mutant for a
//! substitution, position and sequence for the others.
//!
//! A normal form names a change, not a gene: "R215W" in two documents about two genes is one
//! concept here, as it is in tmVar's output before gene normalisation; the document's evidence says
//! which gene it was about. Mapping a change to dbSNP needs dbSNP itself, which mechkg does not
//! carry, so "M404V" stays `tmVar:p|SUB|M|404|V` where a corpus may have grounded it on its rs id.
//!
//! The patterns are the standard notations (HGVS and its common shorthand). One-letter shorthand
//! without `p.` ("R215W") is shared by cell lines and strains ("T47D", "L5178Y", "C57L"): it stands
//! only in a document that speaks of variants next to it ([`find_in_document`]). Left out on
//! purpose: such shorthand below position 10 ("E2F", "D2R", "G6P" are names), and the prose forms
//! ("a glycine to arginine substitution at codon 86").

use crate::model::Span;
use crate::vocab::{Concept, Name};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// The category of every variant concept.
pub const CATEGORY: &str = "biolink:SequenceVariant";
/// The CURIE prefix of a dbSNP reference SNP.
pub const DBSNP: &str = "DBSNP";
/// The CURIE prefix of tmVar's normal form of a sequence change.
pub const TMVAR: &str = "tmVar";

/// The three-letter codes of the twenty amino acids of the genetic code, with their one-letter codes.
const AMINO_ACIDS: &[(&str, char)] = &[
    ("Ala", 'A'),
    ("Arg", 'R'),
    ("Asn", 'N'),
    ("Asp", 'D'),
    ("Cys", 'C'),
    ("Gln", 'Q'),
    ("Glu", 'E'),
    ("Gly", 'G'),
    ("His", 'H'),
    ("Ile", 'I'),
    ("Leu", 'L'),
    ("Lys", 'K'),
    ("Met", 'M'),
    ("Phe", 'F'),
    ("Pro", 'P'),
    ("Ser", 'S'),
    ("Thr", 'T'),
    ("Trp", 'W'),
    ("Tyr", 'Y'),
    ("Val", 'V'),
];

/// Other residues a protein change may name: selenocysteine, and the words for a stop.
const OTHER_RESIDUES: &[(&str, char)] = &[("Sec", 'U'), ("Ter", 'X'), ("Stop", 'X'), ("stop", 'X')];

/// Whether `s` is the three-letter code of one of the twenty amino acids of the genetic code, in
/// any case ("Ser", "ser"): not selenocysteine, not a stop.
pub fn is_amino_acid_code(s: &str) -> bool {
    AMINO_ACIDS.iter().any(|(t, _)| t.eq_ignore_ascii_case(s))
}

/// One amino acid as written: a three-letter code or a one-letter code.
fn residue(s: &str) -> Option<char> {
    match s {
        "*" => Some('X'),
        _ if s.len() == 1 => s.chars().next(),
        _ => AMINO_ACIDS
            .iter()
            .chain(OTHER_RESIDUES)
            .find(|(t, _)| *t == s)
            .map(|&(_, c)| c),
    }
}

/// A position: a number, signed ("-1607", "+8365"), past an intron boundary ("1092+1", "463-6",
/// "IVS3+1") or in the 3' UTR ("*12").
const POS: &str = r"(?:IVS\d+\s?[+-]\s?\d+|[-+*]?\d+(?:\s?[+-]\d+)?)";

struct Pattern {
    kind: Kind,
    re: Regex,
}

#[derive(Clone, Copy)]
enum Kind {
    Rs,
    /// A protein change, one- or three-letter codes: substitution or frameshift.
    Protein,
    /// A DNA substitution with `>` or `/`.
    DnaSub,
    /// A deletion, insertion, duplication or deletion-insertion.
    Indel,
}

/// Whether any pattern matches at all.
static ANY: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSet::new(PATTERNS.iter().map(|p| p.re.as_str())).expect("variant patterns")
});

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let three = AMINO_ACIDS
        .iter()
        .chain(OTHER_RESIDUES)
        .map(|(t, _)| *t)
        .collect::<Vec<_>>()
        .join("|");
    let one = "[ACDEFGHIKLMNPQRSTVWY]";
    // ASCII classes and word boundaries: the notations are ASCII, and a Unicode word boundary
    // keeps the regex engine off its fast automaton on non-ASCII text.
    let p = |kind, re: &str| Pattern {
        kind,
        re: Regex::new(&format!("(?-u){re}")).expect("variant pattern"),
    };
    vec![
        p(Kind::Rs, r"\brs\d{3,}\b"),
        // Arg158Pro, "Arg158 Pro", p.(Gly102Arg), p.Ser119fsX: three-letter codes, spaces allowed.
        p(
            Kind::Protein,
            &format!(
                r"\b(p\.\s?\(?)?({three})\s?(\d{{1,5}})(?:({three})?(fs)(?:X|\*|Ter)?(\d+)?|\s?({three}|X|\*))"
            ),
        ),
        // p.R215W, R215W, P686fs, p.G204VfsX28: one-letter codes, written solid.
        p(
            Kind::Protein,
            &format!(
                r"\b(p\.\s?\(?)?({one})(\d{{1,5}})(?:({one})?(fs)(?:X|\*|Ter)?(\d+)?|({one}|X|\*))"
            ),
        ),
        // c.643C>T, g.3395C>T, 1284A>C, IVS3+1G>A, c.1092 +1G>A, "+8365 C/T".
        p(
            Kind::DnaSub,
            &format!(r"(?:\b([cgmrn])\.\s?)?({POS})\s?([ACGTU])\s?(?:>|/)\s?([ACGTU])"),
        ),
        // 657del5, 3472delC, c.609+28_610-16del, 457_458insG, 118-119insA, 899dupC, c.1181_1186+20del26.
        p(
            Kind::Indel,
            &format!(
                r"(?:\b([cgmrn])\.\s?)?({POS}(?:[_-]{POS})?)\s?(delins|del|ins|dup)([ACGTU]+|\d+)?"
            ),
        ),
    ]
});

/// A variant's notation found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    pub curie: String,
    /// Written in one-letter shorthand without "p." ("R215W"), which cell lines and strains share
    /// ("T47D", "L5178Y", "C57L"): it stands only where the text speaks of variants
    /// ([`find_in_document`]).
    pub needs_cue: bool,
}

/// Words that say a sentence speaks of sequence variants.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:mutat\w*|mutant\w*|variant\w*|variation\w*|polymorphi\w*|substitut\w*|snps?|alleles?|allelic|genotyp\w*|carriers?|missense|nonsense|frameshift|heterozyg\w*|homozyg\w*|hemizyg\w*|residues?|codons?|amino acids?|exons?|introns?|haplotyp\w*|replac\w*|knock-?in|germline|somatic|pathogenic)\b",
    )
    .expect("cue pattern")
});

/// The variants of a document's texts (its sections), as (span, CURIE) per text. A shorthand that
/// needs a cue ([`Found::needs_cue`]) stands where its sentence has one ("the R215W mutation",
/// "carriers of R215W"), and wherever the document writes it again once it stood: "D374Y
/// segregated with hypercholesterolemia" after a title that calls D374Y a mutation.
///
/// A change the text pairs with a dbSNP id in parentheses ("C677T (rs1801133)", "rs1695
/// (Ile105Val)", "c.471C>T (p.Ser157Ser, rs35435463)") is that SNP throughout the document: the
/// text says they are one variant, as tmVar groups them.
pub fn find_in_document(texts: &[&str]) -> Vec<Vec<(Span, String)>> {
    let found: Vec<Vec<Found>> = texts.iter().map(|t| find(t)).collect();
    // Runs of variants set beside each other in parentheses; a run with one dbSNP id names it.
    let mut snp_of: BTreeMap<&str, &str> = BTreeMap::new();
    for (text, found) in texts.iter().zip(&found) {
        let mut run: Vec<&Found> = Vec::new();
        for f in found {
            let joined = run
                .last()
                .is_some_and(|last| paired(&text[last.span.end..f.span.start]));
            if !joined {
                name_run(text, &run, &mut snp_of);
                run.clear();
            }
            run.push(f);
        }
        name_run(text, &run, &mut snp_of);
    }
    let mut confirmed: BTreeSet<&str> = BTreeSet::new();
    for (text, found) in texts.iter().zip(&found) {
        if !found.iter().any(|f| f.needs_cue) {
            continue;
        }
        // The pipeline splits sentences after tagging; the few texts with shorthand are split
        // here as well, as the residue check does (`tag::Tagger::tag_document`).
        let sentences = crate::split::sentences(text);
        for f in found.iter().filter(|f| f.needs_cue) {
            let sentence = sentences
                .iter()
                .find(|s| s.start <= f.span.start && f.span.start < s.end)
                .map_or(*text, |s| &text[s.clone()]);
            if CUE.is_match(sentence) {
                confirmed.insert(&text[f.span.clone()]);
            }
        }
    }
    texts
        .iter()
        .zip(&found)
        .map(|(text, found)| {
            found
                .iter()
                .filter(|f| !f.needs_cue || confirmed.contains(&text[f.span.clone()]))
                .map(|f| {
                    let written = &text[f.span.clone()];
                    let curie = snp_of.get(written).map_or(f.curie.as_str(), |s| s);
                    (f.span.clone(), curie.to_string())
                })
                .collect()
        })
        .collect()
}

/// The dbSNP id of a run of paired variants, for each change in it, when the run holds one id.
fn name_run<'a>(text: &'a str, run: &[&'a Found], snp_of: &mut BTreeMap<&'a str, &'a str>) {
    let mut snps = run.iter().filter(|f| f.curie.starts_with(DBSNP));
    let (Some(snp), None) = (snps.next(), snps.next()) else {
        return;
    };
    for f in run.iter().filter(|f| !f.curie.starts_with(DBSNP)) {
        snp_of
            .entry(&text[f.span.clone()])
            .or_insert(snp.curie.as_str());
    }
}

/// Whether the text between two variants sets the second beside the first in parentheses: "(",
/// or a comma inside them ("c.471C>T (p.Ser157Ser, rs35435463)"), maybe after the variant's kind
/// ("C677T polymorphism (rs1801133)").
fn paired(between: &str) -> bool {
    let t = between.trim();
    let t = t
        .strip_suffix('(')
        .or_else(|| t.strip_suffix(',').filter(|_| !between.contains(')')))
        .map(str::trim_end);
    t.is_some_and(|rest| {
        rest.split_whitespace().all(|w| {
            matches!(
                w,
                "polymorphism" | "variant" | "SNP" | "genotype" | "allele"
            )
        }) && rest.split_whitespace().count() <= 1
    })
}

/// Every variant notation of a text, in text order, none overlapping (at one start the longer
/// wins, and the earlier pattern at a tie), before any cue is asked for.
pub fn find(text: &str) -> Vec<Found> {
    // Most texts name no variant: one pass of all the patterns together says so. A pass per
    // pattern made tagging with the shipped vocabulary 13 % slower, this one 4 % (README).
    if !ANY.is_match(text) {
        return Vec::new();
    }
    let mut found: Vec<(Span, String, bool)> = Vec::new();
    for pattern in PATTERNS.iter() {
        for caps in pattern.re.captures_iter(text) {
            let m = caps.get(0).expect("group 0");
            let (start, end) = (m.start(), m.end());
            // A variant is a token of its own: "KRAS-G12D" and "(R215W)" are, "T47D1" is not.
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_')
                || after.is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let g = |i: usize| caps.get(i).map_or("", |m| m.as_str());
            let needs_cue =
                matches!(pattern.kind, Kind::Protein) && g(1).is_empty() && g(2).len() == 1;
            let key = match pattern.kind {
                Kind::Rs => format!("{DBSNP}:{}", m.as_str()),
                Kind::Protein => {
                    let (Some(wild), pos) = (residue(g(2)), g(3)) else {
                        continue;
                    };
                    let prefixed = !g(1).is_empty();
                    if !g(5).is_empty() {
                        let to = residue(g(4)).map(String::from).unwrap_or_default();
                        format!("{TMVAR}:p|FS|{wild}|{pos}|{to}|{}", g(6))
                    } else {
                        let Some(to) = residue(g(7)) else { continue };
                        let one_letter = g(2).len() == 1;
                        // "E2F", "D2R", "C3H" are names; a low position needs "p.".
                        if one_letter && !prefixed && pos.len() < 2 {
                            continue;
                        }
                        // "C677T", "G1359A": nucleotides both sides read as a DNA change, as in
                        // most of the corpora's cases; three-letter codes are protein.
                        if one_letter && !prefixed && is_base(wild) && is_base(to) {
                            format!("{TMVAR}:c|SUB|{wild}|{pos}|{to}")
                        } else {
                            format!("{TMVAR}:p|SUB|{wild}|{pos}|{to}")
                        }
                    }
                }
                Kind::DnaSub => {
                    let seq = if g(1).is_empty() { "c" } else { g(1) };
                    // "IVS3 + 18C > T": positions lose their spaces, as tmVar writes them.
                    let pos: String = g(2).split_whitespace().collect();
                    // A bare number and a slash ("1858C/T") is an allele pair at best; "10 C/T"
                    // could be a ratio. Let a slash stand only after a signed or prefixed position.
                    if m.as_str().contains('/') && g(1).is_empty() && !pos.starts_with(['+', '-']) {
                        continue;
                    }
                    format!("{TMVAR}:{seq}|SUB|{}|{pos}|{}", g(3), g(4))
                }
                Kind::Indel => {
                    let seq = if g(1).is_empty() { "c" } else { g(1) };
                    let pos: String = g(2).split_whitespace().collect();
                    // A bare number before "del" needs what was deleted ("657del5", "3472delC"):
                    // "12del" alone is too little to go on.
                    if g(1).is_empty() && g(4).is_empty() && !pos.contains(['_', '+', '-']) {
                        continue;
                    }
                    let pos = range(&pos);
                    match g(3) {
                        "del" => format!("{TMVAR}:{seq}|DEL|{pos}|{}", g(4)),
                        "ins" => format!("{TMVAR}:{seq}|INS|{pos}|{}", g(4)),
                        "dup" => format!("{TMVAR}:{seq}|DUP|{pos}|{}|", g(4)),
                        _ => format!("{TMVAR}:{seq}|INDEL|{pos}|{}", g(4)),
                    }
                }
            };
            found.push((start..end, key, needs_cue));
        }
    }
    found.sort_by_key(|(span, _, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for (span, curie, needs_cue) in found {
        if out.last().is_none_or(|last| span.start >= last.span.end) {
            out.push(Found {
                span,
                curie,
                needs_cue,
            });
        }
    }
    out
}

fn is_base(c: char) -> bool {
    matches!(c, 'A' | 'C' | 'G' | 'T')
}

/// "118-119" as tmVar writes a range, "118_119"; a lone signed position keeps its sign.
fn range(pos: &str) -> String {
    let body = pos.trim_start_matches(['-', '+', '*']);
    let sign = &pos[..pos.len() - body.len()];
    match body.split_once('-') {
        // "1092-6" is a position in an intron, "118-119" a range: a range's end is not smaller.
        Some((a, b))
            if !a.contains('+')
                && a.parse::<u64>()
                    .ok()
                    .zip(b.parse::<u64>().ok())
                    .is_some_and(|(a, b)| b > a) =>
        {
            format!("{sign}{a}_{b}")
        }
        _ => pos.to_string(),
    }
}

/// The concept a variant CURIE stands for: its category and a readable label in HGVS's shorthand
/// ("p.R215W", "c.643C>T", "c.657del5"), the normal form itself where no shorthand fits.
pub fn concept(curie: &str) -> Option<Concept> {
    let (prefix, local) = curie.split_once(':')?;
    let label = match prefix {
        DBSNP => local.to_string(),
        TMVAR => hgvs(local).unwrap_or_else(|| local.to_string()),
        _ => return None,
    };
    Some(Concept {
        id: curie.to_string(),
        names: vec![Name {
            text: label.clone(),
            case_sensitive: true,
            abbreviation: false,
        }],
        label,
        category: CATEGORY.to_string(),
        xrefs: BTreeSet::new(),
        broad: BTreeSet::new(),
        close: BTreeSet::new(),
        narrow: BTreeSet::new(),
        ortholog_of: BTreeSet::new(),
        taxon: BTreeSet::new(),
    })
}

fn hgvs(normal: &str) -> Option<String> {
    let f: Vec<&str> = normal.split('|').collect();
    Some(match (f.first()?, f.get(1)?) {
        (seq, &"SUB") if f.len() == 5 && *seq == "p" => format!("p.{}{}{}", f[2], f[3], f[4]),
        (seq, &"SUB") if f.len() == 5 => format!("{seq}.{}{}>{}", f[3], f[2], f[4]),
        (seq, &"FS") if f.len() == 6 => {
            let tail = if f[5].is_empty() {
                String::new()
            } else {
                format!("X{}", f[5])
            };
            format!("{seq}.{}{}{}fs{tail}", f[2], f[3], f[4])
        }
        (seq, op) if f.len() >= 4 => {
            let op = match *op {
                "DEL" => "del",
                "INS" => "ins",
                "DUP" => "dup",
                "INDEL" => "delins",
                _ => return None,
            };
            format!("{seq}.{}{op}{}", f[2], f[3])
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: text, then the variants found as "text => CURIE".
    fn check(text: &str, expected: &[&str]) {
        let got: Vec<String> = find(text)
            .into_iter()
            .map(|f| format!("{} => {}", &text[f.span], f.curie))
            .collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn notations() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "one-letter",
                "the R215W mutation",
                &["R215W => tmVar:p|SUB|R|215|W"],
            ),
            (
                "p. prefix",
                "p.W492X and p.E300*",
                &[
                    "p.W492X => tmVar:p|SUB|W|492|X",
                    "p.E300* => tmVar:p|SUB|E|300|X",
                ],
            ),
            (
                "three-letter",
                "p.Gly102Arg or Arg158 Pro",
                &[
                    "p.Gly102Arg => tmVar:p|SUB|G|102|R",
                    "Arg158 Pro => tmVar:p|SUB|R|158|P",
                ],
            ),
            (
                "stop word",
                "p.Glu947Stop",
                &["p.Glu947Stop => tmVar:p|SUB|E|947|X"],
            ),
            (
                "frameshift",
                "P686fs, p.Ser119fsX and p.G204VfsX28",
                &[
                    "P686fs => tmVar:p|FS|P|686||",
                    "p.Ser119fsX => tmVar:p|FS|S|119||",
                    "p.G204VfsX28 => tmVar:p|FS|G|204|V|28",
                ],
            ),
            (
                "cDNA",
                "c.643C>T, g.3395C>T and 1284A>C",
                &[
                    "c.643C>T => tmVar:c|SUB|C|643|T",
                    "g.3395C>T => tmVar:g|SUB|C|3395|T",
                    "1284A>C => tmVar:c|SUB|A|1284|C",
                ],
            ),
            (
                "intron",
                "IVS3+1G>A and c.1092 +1G>A and c.463-6T>G",
                &[
                    "IVS3+1G>A => tmVar:c|SUB|G|IVS3+1|A",
                    "c.1092 +1G>A => tmVar:c|SUB|G|1092+1|A",
                    "c.463-6T>G => tmVar:c|SUB|T|463-6|G",
                ],
            ),
            (
                "nucleotides both sides",
                "the C677T polymorphism",
                &["C677T => tmVar:c|SUB|C|677|T"],
            ),
            (
                "signed allele pair",
                "the +8365 C/T SNP",
                &["+8365 C/T => tmVar:c|SUB|C|+8365|T"],
            ),
            (
                "deletions",
                "657del5, 3472delC and c.609+28_610-16del",
                &[
                    "657del5 => tmVar:c|DEL|657|5",
                    "3472delC => tmVar:c|DEL|3472|C",
                    "c.609+28_610-16del => tmVar:c|DEL|609+28_610-16|",
                ],
            ),
            (
                "insertions",
                "457_458insG and 118-119insA",
                &[
                    "457_458insG => tmVar:c|INS|457_458|G",
                    "118-119insA => tmVar:c|INS|118_119|A",
                ],
            ),
            ("duplication", "899dupC", &["899dupC => tmVar:c|DUP|899|C|"]),
            ("dbSNP", "rs53576 (A/G)", &["rs53576 => DBSNP:rs53576"]),
            (
                "in parentheses and after a gene",
                "KRAS-G12D (G12D)",
                &["G12D => tmVar:p|SUB|G|12|D", "G12D => tmVar:p|SUB|G|12|D"],
            ),
        ];
        for (name, text, expected) in cases {
            eprintln!("case {name}");
            check(text, expected);
        }
    }

    #[test]
    fn names_that_look_like_variants() {
        for text in [
            "E2F and D2R and C3H mice",
            "S 38C and C 600 E",
            "T47D1 cells",
            "S100B and P450 and CD34",
            "a 1:10 C/T ratio",
            "IL-6 levels",
            "rs1",
            "12del",
            "vs. 25%",
        ] {
            check(text, &[]);
        }
    }

    #[test]
    fn shorthand_needs_a_cue_in_the_document() {
        /// Name, the texts of a document, the variants found in each.
        type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a [&'a str]]);
        let cases: &[Case] = &[
            (
                "a cell line",
                &["T47D cells were treated with estradiol."],
                &[&[]],
            ),
            (
                "a mutation",
                &["The T47D mutation abolished binding."],
                &[&["T47D"]],
            ),
            (
                "written again after a cue",
                &[
                    "The D374Y mutation of PCSK9.",
                    "D374Y segregated with hypercholesterolemia.",
                ],
                &[&["D374Y"], &["D374Y"]],
            ),
            (
                "the standard notation needs none",
                &["p.R215W and Arg215Trp and c.643C>T were found."],
                &[&["p.R215W", "Arg215Trp", "c.643C>T"]],
            ),
        ];
        for (name, texts, expected) in cases {
            let got: Vec<Vec<&str>> = find_in_document(texts)
                .iter()
                .zip(texts.iter())
                .map(|(found, text)| found.iter().map(|(s, _)| &text[s.clone()]).collect())
                .collect();
            assert_eq!(&got, expected, "{name}");
        }
    }

    #[test]
    fn a_change_paired_with_a_snp_is_the_snp() {
        let texts = [
            "The C677T polymorphism (rs1801133) and rs1695 (Ile105Val) and c.471C>T (p.Ser157Ser, \
             rs35435463) were typed; A1298C and rs1801131 were not paired.",
            "Carriers of C677T and of A1298C.",
        ];
        let got: Vec<Vec<String>> = find_in_document(&texts)
            .iter()
            .zip(texts)
            .map(|(found, text)| {
                found
                    .iter()
                    .map(|(s, c)| format!("{} => {c}", &text[s.clone()]))
                    .collect()
            })
            .collect();
        assert_eq!(
            got,
            [
                vec![
                    "C677T => DBSNP:rs1801133",
                    "rs1801133 => DBSNP:rs1801133",
                    "rs1695 => DBSNP:rs1695",
                    "Ile105Val => DBSNP:rs1695",
                    "c.471C>T => DBSNP:rs35435463",
                    "p.Ser157Ser => DBSNP:rs35435463",
                    "rs35435463 => DBSNP:rs35435463",
                    "A1298C => tmVar:c|SUB|A|1298|C",
                    "rs1801131 => DBSNP:rs1801131",
                ],
                // The pairing holds for the whole document.
                vec!["C677T => DBSNP:rs1801133", "A1298C => tmVar:c|SUB|A|1298|C"],
            ]
        );
    }

    /// Spans fall on character boundaries whatever characters stand around a notation.
    #[test]
    fn spans_survive_wide_characters() {
        let base = "The R215W mutation, c.643C>T and rs53576 (p.Gly102Arg) in 657del5 carriers.";
        for wide in ["\u{2005}", "α", "→", "\u{00a0}"] {
            for at in (0..=base.len()).filter(|&i| base.is_char_boundary(i)) {
                let text = format!("{}{wide}{}", &base[..at], &base[at..]);
                for f in find(&text) {
                    assert!(
                        text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end),
                        "{text:?} {:?}",
                        f.span
                    );
                }
                let _ = find_in_document(&[&text]);
            }
        }
    }

    #[test]
    fn labels() {
        for (curie, label) in [
            ("tmVar:p|SUB|R|215|W", "p.R215W"),
            ("tmVar:c|SUB|C|643|T", "c.643C>T"),
            ("tmVar:c|DEL|657|5", "c.657del5"),
            ("tmVar:p|FS|G|204|V|28", "p.G204VfsX28"),
            ("DBSNP:rs53576", "rs53576"),
        ] {
            let c = concept(curie).unwrap();
            assert_eq!(c.label, label);
            assert_eq!(c.category, CATEGORY);
        }
        assert!(concept("MESH:D001").is_none());
    }
}
