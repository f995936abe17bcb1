//! The dictionary tagger: finds the vocabulary's names in text with Aho-Corasick automata
//! (leftmost-longest, anchored at word starts, checked for a word end), over normalised text whose
//! spans map back to the original bytes.
//!
//! Two automata serve the two kinds of names: ordinary names are matched case-insensitively over a
//! lower-cased text; symbols and abbreviations (`SON`, `HIP`, `OXT`) are matched in their exact case,
//! so that "son" and "hip" stay English. Plural and singular variants are added to the patterns when
//! they are built, not tried at match time. A name shared by several concepts yields one mention
//! listing them all: ambiguity is reported, never resolved by a silent pick.
//!
//! Abbreviations defined in a document (`major depressive disorder (MDD)`) become synonyms of the long
//! form's concept for that document; see [`abbrev`].

pub mod abbrev;

use crate::model::{Document, Mention, MentionSource, Span};
use crate::normalize::{fold_case, is_word_char, Normalized};
use crate::vocab::Vocabulary;
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use std::collections::BTreeMap;

/// One automaton and, for each of its patterns, the concepts (indices into the vocabulary) it names.
struct Automaton {
    ac: AhoCorasick,
    names: Vec<String>,
    targets: Vec<Vec<u32>>,
    lowercase: bool,
}

impl Automaton {
    fn build(patterns: BTreeMap<String, Vec<u32>>, lowercase: bool) -> Automaton {
        let (names, targets): (Vec<String>, Vec<Vec<u32>>) = patterns.into_iter().unzip();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&names)
            .expect("the vocabulary's names fit an automaton");
        Automaton {
            ac,
            names,
            targets,
            lowercase,
        }
    }
}

/// The longest word-bounded match of any of the automata at each word start, left to right and
/// without overlaps: (original span, automaton index, pattern index). One normalised copy of the
/// text serves every automaton: case-insensitive ones read its case-folded twin, whose byte offsets
/// are the same. On a tie the first automaton wins.
fn scan(original: &str, skip: &[Span], automata: &[&Automaton]) -> Vec<(Span, usize, usize)> {
    let norm = Normalized::new(original, false, skip);
    let text = norm.text.as_str();
    let lower = if automata.iter().any(|a| a.lowercase) {
        fold_case(text)
    } else {
        String::new()
    };
    let mut out = Vec::new();
    let mut prev_word = false;
    let mut next_free = 0;
    for (i, c) in text.char_indices() {
        let word = is_word_char(c);
        let starts_word = word && !prev_word;
        prev_word = word;
        if !starts_word || i < next_free {
            continue;
        }
        let mut best: Option<(usize, usize, usize)> = None;
        for (ai, a) in automata.iter().enumerate() {
            let hay = if a.lowercase { lower.as_str() } else { text };
            let input = Input::new(hay).span(i..hay.len()).anchored(Anchored::Yes);
            if let Some(m) = a.ac.find(input) {
                let end_ok = text[m.end()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c));
                let last_ok = text[..m.end()]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c != ' ');
                if end_ok && last_ok && best.is_none_or(|(e, _, _)| m.end() > e) {
                    best = Some((m.end(), ai, m.pattern().as_usize()));
                }
            }
        }
        if let Some((end, ai, pattern)) = best {
            out.push((norm.original_span(i..end), ai, pattern));
            next_free = end;
        }
    }
    out
}

/// A compiled tagger for one vocabulary.
pub struct Tagger {
    ci: Automaton,
    cs: Automaton,
    ids: Vec<String>,
    /// Number of distinct patterns, for reports.
    pub pattern_count: usize,
}

/// The spellings of a name that match it: the name, and its plural or singular.
fn variants(name: &str, case_sensitive: bool) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let last = name.chars().next_back();
    if !last.is_some_and(char::is_alphabetic) || name.chars().count() < 3 && !case_sensitive {
        return out;
    }
    if case_sensitive {
        // Symbols take a plain `s` ("OXTRs"), never lose one.
        out.push(format!("{name}s"));
        return out;
    }
    let lower_last_word = name.rsplit(' ').next().unwrap_or(name);
    if let Some(stem) = name.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    } else if let Some(singular) = name.strip_suffix('s') {
        let keep = ["ss", "us", "is", "ous", "sis"]
            .iter()
            .any(|e| lower_last_word.ends_with(e));
        if !keep && lower_last_word.len() > 4 {
            out.push(singular.to_string());
        } else if lower_last_word.ends_with("ss") {
            out.push(format!("{name}es"));
        }
    } else if let Some(stem) = name
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        out.push(format!("{stem}ies"));
    } else if name.ends_with(['x', 'z']) || name.ends_with("ch") || name.ends_with("sh") {
        out.push(format!("{name}es"));
    } else {
        out.push(format!("{name}s"));
    }
    out
}

impl Tagger {
    pub fn new(vocab: &Vocabulary) -> Tagger {
        let mut ci: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut cs: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (idx, concept) in vocab.concepts().iter().enumerate() {
            for name in &concept.names {
                let table = if name.case_sensitive {
                    &mut cs
                } else {
                    &mut ci
                };
                for v in variants(&name.text, name.case_sensitive) {
                    let key = Normalized::name(&v, !name.case_sensitive);
                    if key.is_empty() {
                        continue;
                    }
                    let t = table.entry(key).or_default();
                    if !t.contains(&(idx as u32)) {
                        t.push(idx as u32);
                    }
                }
            }
        }
        // A case-sensitive name that is also a case-insensitive one of another concept is ambiguous
        // in its exact spelling: the cs automaton lists both.
        let pattern_count = ci.len() + cs.len();
        for (key, targets) in cs.iter_mut() {
            if let Some(more) = ci.get(&key.to_lowercase()) {
                for &t in more {
                    if !targets.contains(&t) {
                        targets.push(t);
                    }
                }
            }
        }
        Tagger {
            ci: Automaton::build(ci, true),
            cs: Automaton::build(cs, false),
            ids: vocab.concepts().iter().map(|c| c.id.clone()).collect(),
            pattern_count,
        }
    }

    /// The patterns of the two automata: (case-insensitive, case-sensitive), normalised as the
    /// tagger matches them. For benchmarks that compare the tagger with a raw scan.
    pub fn patterns(&self) -> (&[String], &[String]) {
        (&self.ci.names, &self.cs.names)
    }

    /// Names (as normalised patterns) that belong to several concepts, with those concepts.
    pub fn ambiguous_names(&self) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        for a in [&self.ci, &self.cs] {
            for (name, targets) in a.names.iter().zip(&a.targets) {
                if targets.len() > 1 {
                    let mut ids: Vec<String> = targets
                        .iter()
                        .map(|&i| self.ids[i as usize].clone())
                        .collect();
                    ids.sort();
                    out.push((name.clone(), ids));
                }
            }
        }
        out
    }

    /// Mentions in one text, stepping over the `skip` ranges.
    pub fn tag(&self, text: &str, skip: &[Span]) -> Vec<Mention> {
        // Case-sensitive first: it wins a tie.
        scan(text, skip, &[&self.cs, &self.ci])
            .into_iter()
            .map(|(span, ai, pattern)| {
                let automaton = if ai == 0 { &self.cs } else { &self.ci };
                let mut concepts: Vec<String> = automaton.targets[pattern]
                    .iter()
                    .map(|&i| self.ids[i as usize].clone())
                    .collect();
                concepts.sort();
                Mention {
                    text: text[span.clone()].to_string(),
                    span,
                    concepts,
                    source: MentionSource::Vocab,
                }
            })
            .collect()
    }

    /// Mentions in every section of a document, with the document's own abbreviations.
    pub fn tag_document(&self, doc: &Document) -> Vec<Vec<Mention>> {
        let defs: Vec<Vec<abbrev::Definition>> = doc
            .sections
            .iter()
            .map(|s| abbrev::definitions(&s.text))
            .collect();
        let mut per_section: Vec<Vec<Mention>> = doc
            .sections
            .iter()
            .zip(&defs)
            .map(|(s, d)| {
                let skip: Vec<Span> = d.iter().map(|d| d.paren_span.clone()).collect();
                self.tag(&s.text, &skip)
            })
            .collect();
        // Local names: the short form (and the short form followed by the rest of a name that ran
        // across the parenthesis, "HPA axis") denote the long form's concept in this document.
        let mut local: BTreeMap<String, String> = BTreeMap::new();
        for ((section, defs), mentions) in doc.sections.iter().zip(&defs).zip(&per_section) {
            for d in defs {
                for m in mentions.iter().filter(|m| !m.is_ambiguous()) {
                    let long_len = d.long_span.len();
                    if m.span.end == d.long_span.end
                        && m.span.start >= d.long_span.start
                        && m.span.len() * 10 >= long_len * 6
                    {
                        local.insert(d.short.clone(), m.concepts[0].clone());
                    } else if m.span.start <= d.long_span.start
                        && m.span.start + long_len * 6 / 10 <= d.long_span.end
                        && m.span.end > d.paren_span.end
                    {
                        let tail = &section.text[d.paren_span.end..m.span.end];
                        local.insert(format!("{}{}", d.short, tail), m.concepts[0].clone());
                    }
                }
            }
        }
        if !local.is_empty() {
            let names: Vec<String> = local.keys().map(|k| Normalized::name(k, false)).collect();
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&names)
                .expect("local abbreviations fit an automaton");
            let automaton = Automaton {
                ac,
                names: names.clone(),
                targets: (0..names.len() as u32).map(|i| vec![i]).collect(),
                lowercase: false,
            };
            let concepts: Vec<&String> = local.values().collect();
            for ((section, defs), mentions) in
                doc.sections.iter().zip(&defs).zip(per_section.iter_mut())
            {
                let skip: Vec<Span> = defs.iter().map(|d| d.paren_span.clone()).collect();
                for (span, _, pattern) in scan(&section.text, &skip, &[&automaton]) {
                    merge_local(mentions, span, concepts[pattern], &section.text);
                }
            }
        }
        per_section
    }
}

/// Adds a document-local abbreviation mention: it replaces a dictionary mention of the same or a
/// shorter span it covers, and yields to a longer one.
fn merge_local(mentions: &mut Vec<Mention>, span: Span, concept: &str, text: &str) {
    let overlapping: Vec<usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.start < span.end && span.start < m.span.end)
        .map(|(i, _)| i)
        .collect();
    if overlapping.iter().any(|&i| {
        mentions[i].span.len() > span.len()
            || !(span.start <= mentions[i].span.start && mentions[i].span.end <= span.end)
    }) {
        return;
    }
    for &i in overlapping.iter().rev() {
        mentions.remove(i);
    }
    let at = mentions.partition_point(|m| m.span.start < span.start);
    mentions.insert(
        at,
        Mention {
            text: text[span.clone()].to_string(),
            span,
            concepts: vec![concept.to_string()],
            source: MentionSource::Abbrev,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocIds, Section, SectionKind};

    const VOCAB: &str = "#mechkg-vocab\t1\ncurie\tlabel\tcategory\tsynonyms\txrefs
MESH:D010121\toxytocin\tbiolink:ChemicalEntity\tOXT{abbr}\t
UBERON:0001929\tsupraoptic nucleus\tbiolink:GrossAnatomicalStructure\tSON{abbr}\t
UBERON:0000120\tblood brain barrier\tbiolink:GrossAnatomicalStructure\tBBB{abbr}\t
MESH:D003865\tDepressive Disorder, Major\tbiolink:Disease\tmajor depressive disorder\t
MESH:D010913\tPituitary-Adrenal System\tbiolink:AnatomicalEntity\thypothalamic-pituitary-adrenal axis|HPA axis\t
CL:0000127\tastrocyte\tbiolink:Cell\t\t
MESH:D001253\tAstrocytes\tbiolink:Cell\t\t
HGNC:11892\tTNF\tbiolink:Gene\ttumor necrosis factor|TNF-alpha\t
MESH:D016207\tCytokines\tbiolink:ChemicalEntity\t\t
MESH:D013315\tStress, Psychological\tbiolink:Behavior\tstress\t
";

    fn tagger() -> Tagger {
        let mut v = Vocabulary::default();
        v.add_tsv("test.tsv", VOCAB).unwrap();
        Tagger::new(&v)
    }

    /// Each case: text, and the mentions expected as `text=ID` (ambiguous ones as `text=ID|ID`).
    fn check(tagger: &Tagger, text: &str, expected: &[&str]) {
        let got: Vec<String> = tagger
            .tag(text, &[])
            .into_iter()
            .map(|m| {
                assert_eq!(&text[m.span.clone()], m.text);
                format!("{}={}", m.text, m.concepts.join("|"))
            })
            .collect();
        assert_eq!(got, expected, "tagging {text:?}");
    }

    #[test]
    fn tagger_table() {
        let t = tagger();
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "exact",
                "oxytocin and OXT",
                &["oxytocin=MESH:D010121", "OXT=MESH:D010121"],
            ),
            (
                "case-insensitive",
                "Oxytocin rises",
                &["Oxytocin=MESH:D010121"],
            ),
            ("symbols keep their case", "his son, her hip, the oxt", &[]),
            (
                "symbol",
                "neurons in PVN and SON fire",
                &["SON=UBERON:0001929"],
            ),
            (
                "dash variants",
                "the blood–brain barrier and blood-brain barrier and blood brain barrier",
                &[
                    "blood–brain barrier=UBERON:0000120",
                    "blood-brain barrier=UBERON:0000120",
                    "blood brain barrier=UBERON:0000120",
                ],
            ),
            (
                "plural",
                "cytokine and cytokines",
                &["cytokine=MESH:D016207", "cytokines=MESH:D016207"],
            ),
            ("word boundary", "stressful days, oxytocinergic cells", &[]),
            ("longest wins", "the HPA axis", &["HPA axis=MESH:D010913"]),
            (
                "greek",
                "TNF-α and TNF-alpha",
                &["TNF-α=HGNC:11892", "TNF-alpha=HGNC:11892"],
            ),
            (
                "ambiguous",
                "astrocytes",
                &["astrocytes=CL:0000127|MESH:D001253"],
            ),
            ("apostrophe", "oxytocin's role", &["oxytocin=MESH:D010121"]),
        ];
        for (name, text, expected) in cases {
            let got: Vec<String> = t
                .tag(text, &[])
                .into_iter()
                .map(|m| format!("{}={}", m.text, m.concepts.join("|")))
                .collect();
            assert_eq!(&got, expected, "case {name}");
        }
        check(&t, "Stress.", &["Stress=MESH:D013315"]);
    }

    #[test]
    fn document_abbreviations() {
        let t = tagger();
        let doc = Document {
            id: "t".into(),
            ids: DocIds::default(),
            source: "-".into(),
            sections: vec![
                Section { kind: SectionKind::Abstract, label: None, text: "Major depressive disorder (MDD) is common. Oxytocin acts on the hypothalamic-pituitary-adrenal (HPA) axis.".into() },
                Section { kind: SectionKind::FigureLegend, label: Some("Fig. 1".into()), text: "MDD and the HPA axis; not mdd.".into() },
            ],
        };
        let tagged = t.tag_document(&doc);
        let show = |i: usize| -> Vec<String> {
            tagged[i]
                .iter()
                .map(|m| {
                    format!(
                        "{}={}",
                        &doc.sections[i].text[m.span.clone()],
                        m.concepts.join("|")
                    )
                })
                .collect()
        };
        assert_eq!(
            show(0),
            [
                "Major depressive disorder=MESH:D003865",
                "Oxytocin=MESH:D010121",
                "hypothalamic-pituitary-adrenal (HPA) axis=MESH:D010913",
            ]
        );
        assert_eq!(show(1), ["MDD=MESH:D003865", "HPA axis=MESH:D010913"]);
    }
}
