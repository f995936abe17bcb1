//! The dictionary tagger: finds the vocabulary's names in text with Aho-Corasick automata
//! (leftmost-longest, anchored at word starts, checked for a word end), over normalised text whose
//! spans map back to the original bytes.
//!
//! Two automata serve the two kinds of names: ordinary names are matched case-insensitively over a
//! lower-cased text; symbols and abbreviations (`SON`, `HIP`, `OXT`) are matched in their exact case,
//! so that "son" and "hip" stay English. Plural and singular variants are added to the patterns when
//! they are built, not tried at match time. A name shared by several concepts yields one mention
//! listing them all: ambiguity is reported, never resolved by a silent pick. The one precedence is
//! that a concept's own spelling of a name wins over a plural or singular generated for another.
//! One-word disease names also match their adjective ("hypertensive", "psychotic"), generated the same
//! way as the plurals.
//!
//! Abbreviations defined in a document (`major depressive disorder (MDD)`) become synonyms of the long
//! form's concept for that document; see [`abbrev`].
//!
//! A chemical named inside a longer name of something else ("dopamine" in "dopamine receptor",
//! "creatine" in "creatine kinase", "serotonin" in "serotonin reuptake inhibitor") is a mention of its
//! own, marked `nested`: the text does name the chemical, as chemical corpora annotate it (BC5CDR), but
//! the longer name is what the sentence is about, so relation extraction reads only the outer one.
//!
//! A coordination that shares its head ("breast and ovarian cancer", "Duchenne and Becker muscular
//! dystrophy", "hepatic, renal and cardiac failure") names one disease per modifier: each modifier
//! before the last conjunct becomes a mention, marked `coordinated`, of the disease its modifier and
//! the shared head name ("breast cancer"), when the vocabulary has that name. See [`Tagger::coordinated`].
//!
//! A salt written as its drug and a counter-ion ("fluoxetine hydrochloride", "diclofenac sodium") is one
//! mention of the drug covering both words, not the drug and a chloride or sodium: see
//! [`Tagger::salts`].
//!
//! Sequence variants ("R215W", "c.643C>T", "rs53576") are found by their notation, not by the
//! dictionary, after it: see [`variant`]. They are mentions of source `pattern` whose concepts are
//! minted from the notation (`tmVar:p|SUB|R|215|W`, `DBSNP:rs53576`), and they take the place of the
//! names inside them ("Ser" and "Cys" in "Ser326Cys").
//!
//! A gene name in a study of mice is the mouse gene, where the vocabulary has the human gene's mouse
//! ortholog: see [`species`], which grounds the gene mentions of a document after tagging.
//!
//! An amino acid or nucleobase named as a residue of a sequence is no mention (`residue`): in a
//! sentence that describes a change of sequence ("the substitution of arginine by tryptophan at
//! codon 198"), at a position or as residues ("phosphorylation at serine 473", "glycine-594",
//! "cytosine insertion", "glutamine repeats"), or as what a kinase phosphorylates ("serine/threonine
//! kinases"). It names a part of a variant or a protein, not a chemical taking part in anything.

pub mod abbrev;
pub mod species;
pub mod variant;

use crate::model::{Document, Mention, MentionSource, Span};
use crate::normalize::{fold_case, is_word_char, Normalized};
use crate::vocab::{ArgType, Vocabulary};
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use rayon::prelude::*;
use regex::Regex;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

/// One dictionary and, for each of its patterns, the concepts (indices into the vocabulary) it names.
///
/// Every search is anchored at a word start, so a match always begins with the byte at that start:
/// the patterns are split by their first byte into shards, each its own automaton, and a search
/// consults only the shard of the byte under it. The shards are built in parallel, which is what
/// brings the start-up with a full dictionary (700,000 patterns) under its target; searching one
/// small shard instead of one large automaton costs nothing.
struct Automaton {
    shards: Vec<Shard>,
    /// For each first byte, its shard, or `NO_SHARD`.
    shard_of: [u16; 256],
    names: Vec<String>,
    targets: Vec<Vec<u32>>,
    lowercase: bool,
}

/// The automaton of a contiguous range of the sorted patterns; its pattern `i` is `base + i`.
struct Shard {
    ac: AhoCorasick,
    base: usize,
}

const NO_SHARD: u16 = u16::MAX;
/// Below this many patterns one automaton is built; above, about this many per shard.
const SHARD_SIZE: usize = 40_000;

impl Automaton {
    /// `patterns` are sorted and distinct.
    fn build(patterns: Vec<(String, Vec<u32>)>, lowercase: bool) -> Automaton {
        Automaton::build_sharded(patterns, lowercase, SHARD_SIZE)
    }

    fn build_sharded(
        patterns: Vec<(String, Vec<u32>)>,
        lowercase: bool,
        shard_size: usize,
    ) -> Automaton {
        let (names, targets): (Vec<String>, Vec<Vec<u32>>) = patterns.into_iter().unzip();
        // Sorted names put each first byte's patterns in one run; runs are grouped into ranges of
        // about SHARD_SIZE patterns, never splitting a run.
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let mut shard_of = [NO_SHARD; 256];
        let mut start = 0;
        for i in 0..names.len() {
            let first = names[i].as_bytes()[0];
            let run_ends = names.get(i + 1).is_none_or(|n| n.as_bytes()[0] != first);
            shard_of[first as usize] = ranges.len() as u16;
            if run_ends && (i + 1 - start >= shard_size || i + 1 == names.len()) {
                ranges.push((start, i + 1));
                start = i + 1;
            }
        }
        let shard = |&(lo, hi): &(usize, usize)| Shard {
            ac: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&names[lo..hi])
                .expect("the vocabulary's names fit an automaton"),
            base: lo,
        };
        // A small dictionary (and a document's own abbreviations) is one automaton, built here.
        let shards = if ranges.len() > 1 {
            ranges.par_iter().map(shard).collect()
        } else {
            ranges.iter().map(shard).collect()
        };
        Automaton {
            shards,
            shard_of,
            names,
            targets,
            lowercase,
        }
    }

    /// The longest pattern starting exactly at `at` and ending by `limit`: (end, pattern index).
    fn find_at(&self, hay: &str, at: usize, limit: usize) -> Option<(usize, usize)> {
        let shard = self.shard_of[hay.as_bytes()[at] as usize];
        let shard = self.shards.get(shard as usize)?;
        let input = Input::new(hay).span(at..limit).anchored(Anchored::Yes);
        shard
            .ac
            .find(input)
            .map(|m| (m.end(), shard.base + m.pattern().as_usize()))
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
            // The longest pattern may end inside a word ("hepatitis d" in "hepatitis due"); then
            // the longest one that ends at a word end is the match ("hepatitis").
            let mut limit = hay.len();
            while let Some((end, pattern)) = a.find_at(hay, i, limit) {
                let end_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
                let last_ok = text[..end].chars().next_back().is_some_and(|c| c != ' ');
                if end_ok && last_ok {
                    if best.is_none_or(|(e, _, _)| end > e) {
                        best = Some((end, ai, pattern));
                    }
                    break;
                }
                limit = end - 1;
                while !text.is_char_boundary(limit) {
                    limit -= 1;
                }
                if limit <= i {
                    break;
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

/// Nouns of pharmacological roles whose modifier names the target: the last word of a role's name
/// ("cyclooxygenase 2 inhibitor", "orexin receptor antagonists"). The relation rules of frame
/// `role` read the same nouns.
pub(crate) const ROLE_NOUNS: &[&str] = &[
    "inhibitor",
    "inhibitors",
    "antagonist",
    "antagonists",
    "blocker",
    "blockers",
    "agonist",
    "agonists",
    "activator",
    "activators",
];

/// The last word of a name, as written.
fn last_word_of(text: &str) -> &str {
    text.rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// The last word of a name, lower-cased (a key of the rules' form index).
pub fn last_word(text: &str) -> String {
    last_word_of(text).to_lowercase()
}

/// Whether a name ends with a role noun. The tagger asks this of every mention it looks inside,
/// so nothing is allocated.
pub fn is_role_name(text: &str) -> bool {
    let last = last_word_of(text);
    ROLE_NOUNS.iter().any(|n| last.eq_ignore_ascii_case(n))
}

/// A compiled tagger for one vocabulary.
pub struct Tagger {
    ci: Automaton,
    cs: Automaton,
    ids: Vec<String>,
    /// The chemical entities proper (not pharmacological roles): the names that may be nested.
    chemical: HashSet<String>,
    /// Diseases and phenotypes: the mentions whose head a coordination may share.
    disease: HashSet<String>,
    /// Genes, proteins and their families: the targets nested in a role's name ("COX" in "COX
    /// inhibitor").
    gene: HashSet<String>,
    /// Number of distinct patterns, for reports.
    pub pattern_count: usize,
    /// The organisms and orthologs that ground gene mentions ([`species`]).
    species: species::Species,
}

/// Adjectives that name a disease where its noun does ("hypertensive patients", "psychotic symptoms",
/// "nephrotoxic effects"): suffix of a one-word disease name and the adjective's suffix.
const DISEASE_ADJECTIVES: &[(&str, &str)] = &[
    ("osis", "otic"),
    ("emia", "emic"),
    ("phrenia", "phrenic"),
    ("tonia", "tonic"),
    ("kinesia", "kinetic"),
    ("pathy", "pathic"),
    ("tension", "tensive"),
    ("toxicity", "toxic"),
    ("plegia", "plegic"),
    ("trophy", "trophic"),
    ("epsy", "eptic"),
];

/// The adjective of a one-word, case-insensitive disease name, if its suffix has one and a stem is
/// left (`toxicity` alone gives nothing; `nephrotoxicity` gives `nephrotoxic`).
fn disease_adjective(name: &str) -> Option<String> {
    if !name.chars().all(char::is_alphabetic) {
        return None;
    }
    let lower = name.to_lowercase();
    DISEASE_ADJECTIVES.iter().find_map(|(noun, adj)| {
        let stem = lower.strip_suffix(noun)?;
        (stem.chars().count() >= 3).then(|| format!("{stem}{adj}"))
    })
}

/// The spellings of a name that match it: the name, and its plural or singular. (Public so that
/// checks of the vocabulary relate names to tags exactly as the tagger does.)
pub fn variants(name: &str, case_sensitive: bool) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let last = name.chars().next_back();
    if !last.is_some_and(char::is_alphabetic) || name.chars().count() < 3 && !case_sensitive {
        return out;
    }
    // A one-letter last word is a code, never a noun in the plural: "agent I" does not make
    // "agent is", nor "type I" "type is", nor "hepatitis B" "hepatitis bs".
    if name
        .rsplit_once([' ', '-'])
        .is_some_and(|(_, w)| w.chars().count() == 1)
    {
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
        Tagger::with_shard_size(vocab, SHARD_SIZE)
    }

    fn with_shard_size(vocab: &Vocabulary, shard_size: usize) -> Tagger {
        // (case-sensitive, normalised spelling, generated?, concept) for every spelling of every name,
        // computed in parallel and sorted, so that each spelling's concepts come in vocabulary order.
        let mut entries: Vec<(bool, String, bool, u32)> = vocab
            .concepts()
            .par_iter()
            .enumerate()
            .flat_map_iter(|(idx, concept)| {
                let disease = concept.arg_type() == ArgType::Disease;
                // An ortholog's names are the spellings of the gene it is the ortholog of: mentions
                // reach it through species grounding, never by name.
                let names = if concept.ortholog_of.is_empty() {
                    &concept.names[..]
                } else {
                    &[]
                };
                names.iter().flat_map(move |name| {
                    let mut spellings = variants(&name.text, name.case_sensitive);
                    if disease && !name.case_sensitive {
                        spellings.extend(disease_adjective(&name.text));
                    }
                    spellings.into_iter().enumerate().map(move |(i, v)| {
                        let key = Normalized::name(&v, !name.case_sensitive);
                        (name.case_sensitive, key, i > 0, idx as u32)
                    })
                })
            })
            .filter(|(_, key, _, _)| !key.is_empty())
            .collect();
        // Sorted by spelling, a spelling's own names before generated inflections.
        entries.par_sort_unstable();
        entries.dedup();
        // Per spelling: its concepts, and whether they are its own spellings (not inflections).
        let mut ci: Vec<(String, Vec<u32>)> = Vec::new();
        let mut cs: Vec<(String, Vec<u32>)> = Vec::new();
        let (mut ci_own, mut cs_own): (Vec<bool>, Vec<bool>) = (Vec::new(), Vec::new());
        for (case_sensitive, key, inflected, idx) in entries {
            let (table, own) = if case_sensitive {
                (&mut cs, &mut cs_own)
            } else {
                (&mut ci, &mut ci_own)
            };
            match table.last_mut() {
                Some((last, targets)) if *last == key => {
                    // A concept's own spelling wins over another's generated plural or singular
                    // ("benzofurans", a class, against the plural of "benzofuran").
                    let has_own = own.last().copied().unwrap_or(false);
                    if !(targets.contains(&idx) || inflected && has_own) {
                        targets.push(idx);
                    }
                }
                _ => {
                    own.push(!inflected);
                    table.push((key, vec![idx]));
                }
            }
        }
        // A case-sensitive name that is also a case-insensitive one of another concept is ambiguous
        // in its exact spelling: the cs automaton lists both.
        let pattern_count = ci.len() + cs.len();
        for ((key, targets), &own) in cs.iter_mut().zip(&cs_own) {
            let lower = key.to_lowercase();
            if let Ok(i) = ci.binary_search_by(|(k, _)| k.as_str().cmp(&lower)) {
                // Own spellings win over inflections here too; two of a kind are ambiguous.
                if own && !ci_own[i] {
                    continue;
                }
                if !own && ci_own[i] {
                    targets.clear();
                }
                for &t in &ci[i].1 {
                    if !targets.contains(&t) {
                        targets.push(t);
                    }
                }
            }
        }
        // Each pattern's concepts in identifier order, as mentions list them.
        let ids: Vec<String> = vocab.concepts().iter().map(|c| c.id.clone()).collect();
        for (_, targets) in ci.iter_mut().chain(cs.iter_mut()) {
            targets.sort_by(|&a, &b| ids[a as usize].cmp(&ids[b as usize]));
        }
        let ci = Automaton::build_sharded(ci, true, shard_size);
        let cs = Automaton::build_sharded(cs, false, shard_size);
        let chemical = vocab
            .concepts()
            .iter()
            .filter(|c| c.arg_type() == ArgType::Chemical && !c.is_chemical_role())
            .map(|c| c.id.clone())
            .collect();
        let disease = vocab
            .concepts()
            .iter()
            .filter(|c| matches!(c.arg_type(), ArgType::Disease | ArgType::Phenotype))
            .map(|c| c.id.clone())
            .collect();
        let gene = vocab
            .concepts()
            .iter()
            .filter(|c| c.arg_type() == ArgType::Gene)
            .map(|c| c.id.clone())
            .collect();
        Tagger {
            ci,
            cs,
            ids,
            chemical,
            disease,
            gene,
            pattern_count,
            species: species::Species::new(vocab),
        }
    }

    /// The organisms and orthologs that ground gene mentions.
    pub fn species(&self) -> &species::Species {
        &self.species
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

    /// Chemicals named inside the mentions of other things (see the module doc), with spans in
    /// `text`, in text order. The scan takes the longest name at each word start, so the inner names
    /// are found by scanning each prefix of the outer name that ends at a word end; of the chemical
    /// names found, the longest ones are kept.
    fn nested(&self, mentions: &[Mention]) -> Vec<Mention> {
        let chemical = |id: &String| self.chemical.contains(id.as_str());
        let gene = |id: &String| self.gene.contains(id.as_str());
        let mut out = Vec::new();
        for m in mentions {
            if m.source != MentionSource::Vocab
                || m.concepts.iter().any(chemical)
                || !m.text.contains(|c: char| !is_word_char(c))
            {
                continue;
            }
            // A role's name also names its target: "COX" in "COX inhibitor", "orexin receptor" in
            // "orexin receptor antagonists".
            let role = is_role_name(&m.text);
            let words_end = m.text.char_indices().filter_map(|(i, c)| {
                let next = m.text[i + c.len_utf8()..].chars().next();
                (is_word_char(c) && next.is_some_and(|n| !is_word_char(n)))
                    .then_some(i + c.len_utf8())
            });
            let mut inner: Vec<Mention> = Vec::new();
            for end in words_end {
                for found in self.tag(&m.text[..end], &[]) {
                    let kind_ok = found.concepts.iter().all(chemical)
                        || (role && found.concepts.iter().all(gene));
                    if kind_ok && !inner.iter().any(|i| i.span == found.span) {
                        inner.push(found);
                    }
                }
            }
            // The longest of each kind: a role's target does not hide the chemical inside it
            // ("angiotensin II" in "angiotensin II type 1 receptor blocker").
            let is_chemical = |x: &Mention| x.concepts.iter().all(chemical);
            let keep: Vec<&Mention> = inner
                .iter()
                .filter(|a| {
                    !inner.iter().any(|b| {
                        b.span.len() > a.span.len()
                            && b.span.start <= a.span.start
                            && a.span.end <= b.span.end
                            && is_chemical(a) == is_chemical(b)
                    })
                })
                .collect();
            for found in keep {
                out.push(Mention {
                    text: found.text.clone(),
                    span: m.span.start + found.span.start..m.span.start + found.span.end,
                    concepts: found.concepts.clone(),
                    source: MentionSource::Nested,
                });
            }
        }
        out
    }

    /// Diseases named by a modifier that shares the head of a following disease mention ("breast" in
    /// "breast and ovarian cancer"); a mention of the modifier alone (the organ "breast") has the
    /// same span and gives way to it. Each modifier of a list ("hepatic, renal and cardiac failure") is
    /// joined with each tail of the mention after its first word, longest first, and the first
    /// joined name the vocabulary has as a whole, other than the mention's own concept, is taken.
    /// A modifier that is a disease by itself ("anxiety and panic disorder") stays what it is, and
    /// one that overlaps another mention is left alone.
    fn coordinated(&self, text: &str, mentions: &[Mention]) -> Vec<Mention> {
        static LIST: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"((?:\b[A-Za-z][\w'-]+,\s+){0,5}\b[A-Za-z][\w'-]+),?\s+(?:and|or|and/or)\s+$",
            )
            .expect("coordination pattern")
        });
        static WORD: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"[A-Za-z][\w'-]+").expect("word pattern"));
        let disease = |id: &String| self.disease.contains(id.as_str());
        let mut out = Vec::new();
        for m in mentions {
            if m.source != MentionSource::Vocab
                || m.is_ambiguous()
                || !m.concepts.iter().all(disease)
                || !m.text.contains(' ')
            {
                continue;
            }
            let mut from = m.span.start.saturating_sub(120);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let Some(list) = LIST
                .captures(&text[from..m.span.start])
                .and_then(|c| c.get(1))
            else {
                continue;
            };
            let tails: Vec<&str> = m
                .text
                .match_indices(' ')
                .map(|(i, _)| m.text[i + 1..].trim_start())
                .filter(|t| !t.is_empty())
                .collect();
            for word in WORD.find_iter(list.as_str()) {
                let span = from + list.start() + word.start()..from + list.start() + word.end();
                if word.as_str().len() < 3 {
                    continue;
                }
                let blocked = mentions.iter().any(|o| {
                    o.span.start < span.end
                        && span.start < o.span.end
                        && (o.span != span || o.concepts.iter().any(disease))
                });
                if blocked {
                    continue;
                }
                let found = tails.iter().find_map(|tail| {
                    let name = format!("{} {tail}", word.as_str());
                    let hits = self.tag(&name, &[]);
                    match hits.as_slice() {
                        [h] if h.span == (0..name.len())
                            && h.concepts.iter().all(disease)
                            && h.concepts != m.concepts =>
                        {
                            Some(h.concepts.clone())
                        }
                        _ => None,
                    }
                });
                if let Some(concepts) = found {
                    out.push(Mention {
                        text: word.as_str().to_string(),
                        span,
                        concepts,
                        source: MentionSource::Coordinated,
                    });
                }
            }
        }
        out
    }

    /// Mentions in one text, stepping over the `skip` ranges.
    pub fn tag(&self, text: &str, skip: &[Span]) -> Vec<Mention> {
        let mut mentions = self.scan_mentions(text, skip);
        self.salts(text, &mut mentions);
        mentions
    }

    /// A salt written as its drug and counter-ion ("fluoxetine hydrochloride", "diclofenac sodium",
    /// "Suxamethonium chloride") is one mention of the drug, whose span takes in the counter-ion: the
    /// text names the drug in a salt form, not chloride or sodium as chemicals of their own, and the
    /// chemical corpora annotate it so (the whole span, the drug's identifier). A salt the vocabulary
    /// names as a whole ("calcium chloride", "cyproterone acetate") is already one longer match; a
    /// counter-ion after another ion, or before a word that makes it the head of something else
    /// ("insulin sodium retention", "dihydropyridine calcium antagonists"), is left alone. A following
    /// "salt" belongs to the salt ("fluorescein sodium salt").
    fn salts(&self, text: &str, mentions: &mut Vec<Mention>) {
        // Counter-ions and the cations of salts; the same words make the two patterns.
        const IONS: &str = r"(?:di)?hydrochloride|hcl|(?:hydro)?bromide|chloride|iodide|(?:bi)?sulfate
            |(?:bi)?sulphate|maleate|fumarate|(?:bi)?tartrate|mesylate|mesilate|besylate|tosylate
            |citrate|acetate|succinate|(?:di)?propionate|valerate|decanoate|gluconate|hyclate
            |(?:di)?sodium|potassium|calcium|magnesium";
        static AFTER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"(?ix)^[\ ](?:{IONS})(?:[\ ]salts?)?\b")).expect("salt pattern")
        });
        static ION: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&format!(r"(?ix)^(?:{IONS})$")).expect("ion pattern"));
        static HEAD: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?ix)^[-\s]+(?:channels?|pumps?|atpases?|currents?|transport\w*|exchanger\w*|levels?
                  |concentrations?|ions?|influx|efflux|intake|excretion|retention|balance|homeostasis
                  |load\w*|supplement\w*|content|uptake|signal\w*|entry|release|binding
                  |sensitiv\w*|sensing|dependent|depletion|deficiency|free|rich
                  |antagonists?|agonists?|blockers?|blockade|inhibitors?|ionophores?|chelat\w*)\b",
            )
            .expect("salt head pattern")
        });
        let chemical = |id: &String| self.chemical.contains(id.as_str());
        let mut i = 0;
        while i < mentions.len() {
            let m = &mentions[i];
            // The cheap test first: almost no mention is followed by a counter-ion.
            let end = AFTER
                .find(&text[m.span.end..])
                .map(|found| m.span.end + found.end())
                .filter(|&end| {
                    !m.concepts.is_empty()
                        && m.concepts.iter().all(chemical)
                        && !ION.is_match(&m.text)
                        && !HEAD.is_match(&text[end..])
                });
            if let Some(end) = end {
                let (start, after) = (m.span.start, m.span.end);
                // The counter-ion's own mention, if the vocabulary has it, comes after `i`.
                mentions.retain(|o| !(o.span.start >= after && o.span.end <= end));
                let m = &mut mentions[i];
                m.span.end = end;
                m.text = text[start..end].to_string();
            }
            i += 1;
        }
    }

    /// The dictionary's matches in one text, before salts are joined.
    fn scan_mentions(&self, text: &str, skip: &[Span]) -> Vec<Mention> {
        // Case-sensitive first: it wins a tie.
        scan(text, skip, &[&self.cs, &self.ci])
            .into_iter()
            .map(|(span, ai, pattern)| {
                let automaton = if ai == 0 { &self.cs } else { &self.ci };
                let concepts: Vec<String> = automaton.targets[pattern]
                    .iter()
                    .map(|&i| self.ids[i as usize].clone())
                    .collect();
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
            let mut patterns: BTreeMap<String, Vec<u32>> = BTreeMap::new();
            for (i, short) in local.keys().enumerate() {
                let key = Normalized::name(short, false);
                if !key.is_empty() {
                    patterns.entry(key).or_default().push(i as u32);
                }
            }
            let automaton = Automaton::build(patterns.into_iter().collect(), false);
            let concepts: Vec<&String> = local.values().collect();
            for ((section, defs), mentions) in
                doc.sections.iter().zip(&defs).zip(per_section.iter_mut())
            {
                let skip: Vec<Span> = defs.iter().map(|d| d.paren_span.clone()).collect();
                for (span, _, pattern) in scan(&section.text, &skip, &[&automaton]) {
                    let concept = concepts[automaton.targets[pattern][0] as usize];
                    merge_local(mentions, span, concept, &section.text);
                }
            }
        }
        for (section, mentions) in doc.sections.iter().zip(per_section.iter_mut()) {
            let coordinated = self.coordinated(&section.text, mentions);
            if !coordinated.is_empty() {
                mentions.retain(|m| !coordinated.iter().any(|c| c.span == m.span));
                mentions.extend(coordinated);
                mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
            }
            let nested = self.nested(mentions);
            if !nested.is_empty() {
                mentions.extend(nested);
                // Text order; an outer mention before the ones nested in it.
                mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
            }
            // After nesting, which finds "tyrosine" in "tyrosine kinase". The pipeline splits
            // sentences after tagging; only a section that names a residue (a few in a hundred
            // abstracts) is split here as well.
            if mentions.iter().any(|m| is_residue(&m.text)) {
                let sentences = crate::split::sentences(&section.text);
                mentions.retain(|m| !residue(&section.text, &sentences, m));
            }
        }
        let texts: Vec<&str> = doc.sections.iter().map(|s| s.text.as_str()).collect();
        for ((section, mentions), found) in doc
            .sections
            .iter()
            .zip(per_section.iter_mut())
            .zip(variant::find_in_document(&texts))
        {
            add_variants(&section.text, mentions, found);
        }
        self.species.ground(&texts, &mut per_section);
        per_section
    }
}

/// Adds the sequence variants of a section's text ([`variant::find_in_document`]) to its mentions.
/// A variant takes the place of the names inside it ("Ser" and "Cys" in "Ser326Cys"); one that a
/// longer name overlaps gives way to it.
fn add_variants(text: &str, mentions: &mut Vec<Mention>, found: Vec<(Span, String)>) {
    if found.is_empty() {
        return;
    }
    let inside = |m: &Mention, span: &Span| m.span.start >= span.start && m.span.end <= span.end;
    mentions.retain(|m| !found.iter().any(|(span, _)| inside(m, span)));
    for (span, curie) in found {
        if mentions
            .iter()
            .any(|m| m.span.start < span.end && span.start < m.span.end)
        {
            continue;
        }
        mentions.push(Mention {
            text: text[span.clone()].to_string(),
            span,
            concepts: vec![curie],
            source: MentionSource::Pattern,
        });
    }
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// The twenty amino acids of the genetic code by name (their three-letter codes are
/// [`variant::is_amino_acid_code`]'s): residues of a protein.
const AMINO_ACIDS: &[&str] = &[
    "alanine",
    "arginine",
    "asparagine",
    "aspartate",
    "aspartic acid",
    "cysteine",
    "glutamate",
    "glutamic acid",
    "glutamine",
    "glycine",
    "histidine",
    "isoleucine",
    "leucine",
    "lysine",
    "methionine",
    "phenylalanine",
    "proline",
    "serine",
    "threonine",
    "tryptophan",
    "tyrosine",
    "valine",
];

/// Words of a sentence that describes a change of sequence.
const SEQUENCE_CHANGE: &[&str] = &[
    "substitution",
    "substitutions",
    "substituted",
    "replaced",
    "replacement",
    "replacing",
    "codon",
    "missense",
];

/// The nucleobases: residues of a nucleic acid ("a cytosine insertion").
const NUCLEOBASES: &[&str] = &["adenine", "guanine", "cytosine", "thymine", "uracil"];

/// Called on every mention: compares without allocating.
fn is_residue(text: &str) -> bool {
    AMINO_ACIDS
        .iter()
        .chain(NUCLEOBASES)
        .any(|a| a.eq_ignore_ascii_case(text))
        || variant::is_amino_acid_code(text)
}

/// What follows a residue's name when the text names a residue of a sequence: a position
/// ("serine 473", "glycine-594-valine"; group `unit` holds what follows the number, which must not
/// make it a dose: "glycine 2 mM"), "residues", "repeats", "insertion", "deletion", or a kinase it
/// names the substrate of ("serine/threonine kinases", "tyrosine protein kinase").
static RESIDUE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            [-\s]?\d+\b\s*(?P<unit>[^\s,;.)\]]*)
          | \s+(?:residues?|repeats?|insertions?|deletions?)\b
          | (?:\s*[/-]\s*[a-z]+)?\s+(?:protein\s+)?kinases?\b
        )",
    )
    .expect("residue context")
});

/// Whether the word after a number makes it an amount: a unit of concentration, mass, volume or
/// time, a percentage, a factor. Read generously (any word starting as a unit does): a residue
/// missed is a chemical mention kept, the conservative error.
fn amount_unit(word: &str) -> bool {
    word.starts_with([
        '%', 'm', 'M', 'µ', 'μ', 'u', 'n', 'p', 'g', 'k', 'l', 'L', 'h', 'd', 'w', 's', 'x', 'f',
        't',
    ])
}

/// Whether a mention is an amino acid or nucleobase named as a residue of a sequence (see the
/// module doc): followed by a position or a word of [`RESIDUE_AFTER`], or in a sentence that holds
/// a word of [`SEQUENCE_CHANGE`].
fn residue(text: &str, sentences: &[Span], m: &Mention) -> bool {
    if !is_residue(&m.text) {
        return false;
    }
    if let Some(c) = RESIDUE_AFTER.captures(&text[m.span.end..]) {
        if !c.name("unit").is_some_and(|u| amount_unit(u.as_str())) {
            return true;
        }
    }
    let Some(s) = sentences
        .iter()
        .find(|s| s.start <= m.span.start && m.span.end <= s.end)
    else {
        return false;
    };
    text[s.clone()]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| SEQUENCE_CHANGE.iter().any(|c| c.eq_ignore_ascii_case(w)))
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

    const VOCAB: &str = "\
MESH:D010121\toxytocin\tbiolink:ChemicalEntity\tOXT{abbr}\t
UBERON:0001929\tsupraoptic nucleus\tbiolink:GrossAnatomicalStructure\tSON{abbr}\t
UBERON:0000120\tblood brain barrier\tbiolink:GrossAnatomicalStructure\tBBB{abbr}\t
MESH:D003865\tDepressive Disorder, Major\tbiolink:Disease\tmajor depressive disorder\t
MESH:D010913\tPituitary-Adrenal System\tbiolink:AnatomicalEntity\thypothalamic-pituitary-adrenal axis|HPA axis\t
CL:0000127\tastrocyte\tbiolink:Cell\tastroglia\t
MESH:D001253\tAstrocytes\tbiolink:Cell\tastroglia\t
HGNC:11892\tTNF\tbiolink:Gene\ttumor necrosis factor|TNF-alpha\t
MESH:D016207\tCytokines\tbiolink:ChemicalEntity\t\t
MESH:D013315\tStress, Psychological\tbiolink:Behavior\tstress\t
MESH:D006505\tHepatitis\tbiolink:Disease\t\t
MESH:D003699\tHepatitis D\tbiolink:Disease\t\t
";

    fn tagger() -> Tagger {
        tagger_of(VOCAB)
    }

    /// A tagger for the concept rows `rows` (vocabulary body lines, without the header).
    fn tagger_of(rows: &str) -> Tagger {
        Tagger::new(&Vocabulary::of_rows(rows).unwrap())
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
                "a longer name ending inside a word gives way",
                "hepatitis due to stress",
                &["hepatitis=MESH:D006505", "stress=MESH:D013315"],
            ),
            (
                "the longer name at a word end",
                "hepatitis D is rare",
                &["hepatitis D=MESH:D003699"],
            ),
            (
                "greek",
                "TNF-α and TNF-alpha",
                &["TNF-α=HGNC:11892", "TNF-alpha=HGNC:11892"],
            ),
            (
                "ambiguous",
                "astroglia",
                &["astroglia=CL:0000127|MESH:D001253"],
            ),
            (
                "own spelling wins over an inflection",
                "an astrocyte, astrocytes",
                &["astrocyte=CL:0000127", "astrocytes=MESH:D001253"],
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
    fn disease_adjectives() {
        let t = tagger_of(
            "MESH:D006973\tHypertension\tbiolink:Disease\t\t
MESH:D011605\tpsychosis\tbiolink:Disease\t\t
MESH:D007674\tnephrotoxicity\tbiolink:Disease\t\t
MESH:D064420\ttoxicity\tbiolink:Disease\t\t
GO:0006915\tapoptosis\tbiolink:BiologicalProcess\t\t
",
        );
        let cases: &[(&str, &[&str])] = &[
            ("hypertensive rats", &["hypertensive=MESH:D006973"]),
            ("psychotic symptoms", &["psychotic=MESH:D011605"]),
            ("nephrotoxic effects", &["nephrotoxic=MESH:D007674"]),
            // No stem is left of "toxicity"; a process's adjective is not its name.
            ("toxic and apoptotic cells", &[]),
        ];
        for (text, expected) in cases {
            check(&t, text, expected);
        }
    }

    /// A name ending in a one-letter code takes no plural: MeSH's supplementary record "agent I" does
    /// not name "agent is", nor "penicillin N" "penicillin ns"; a noun still takes its plural.
    #[test]
    fn one_letter_codes_take_no_plural() {
        let t = tagger_of(
            "MESH:C036350\tagent I\tbiolink:ChemicalEntity\t\t
MESH:C006414\tpenicillin N\tbiolink:ChemicalEntity\t\t
MESH:D003699\tHepatitis D\tbiolink:Disease\t\t
MESH:D010406\tpenicillin\tbiolink:ChemicalEntity\t\t
",
        );
        let cases: &[(&str, &[&str])] = &[
            ("the agent is given", &[]),
            ("agent I was given", &["agent I=MESH:C036350"]),
            (
                "penicillin N and penicillins",
                &["penicillin N=MESH:C006414", "penicillins=MESH:D010406"],
            ),
            ("hepatitis ds", &[]),
        ];
        for (text, expected) in cases {
            check(&t, text, expected);
        }
        assert_eq!(variants("agent I", false), ["agent I"]);
        assert_eq!(variants("HLA-B", true), ["HLA-B"]);
        assert_eq!(variants("OXTR", true), ["OXTR", "OXTRs"]);
    }

    /// Shards change how the automata are built, never what they find: the shipped vocabulary split
    /// into one shard per first byte tags the seed review exactly as one automaton does.
    #[test]
    fn shards_find_what_one_automaton_finds() {
        let v = Vocabulary::embedded().unwrap();
        let one = Tagger::with_shard_size(&v, usize::MAX);
        let many = Tagger::with_shard_size(&v, 1);
        assert_eq!(one.ci.shards.len(), 1);
        assert!(many.ci.shards.len() > 20, "{}", many.ci.shards.len());
        let seed = include_str!("../../fixtures/seed/jiang2023.txt");
        let show = |t: &Tagger| -> Vec<(Span, Vec<String>)> {
            t.tag(seed, &[])
                .into_iter()
                .map(|m| (m.span, m.concepts))
                .collect()
        };
        let found = show(&one);
        assert!(found.len() > 50, "{}", found.len());
        assert_eq!(found, show(&many));
    }

    #[test]
    fn salts_are_their_drug() {
        let t = tagger_of(
            "MESH:D005473\tFluoxetine\tbiolink:ChemicalEntity\t\t
MESH:D004008\tDiclofenac\tbiolink:ChemicalEntity\t\t
MESH:D019793\tFluorescein\tbiolink:ChemicalEntity\t\t
MESH:D007328\tInsulin\tbiolink:ChemicalEntity\t\t
MESH:D002712\tChlorides\tbiolink:ChemicalEntity\tchloride\t
MESH:D012964\tSodium\tbiolink:ChemicalEntity\t\t
MESH:D002118\tCalcium\tbiolink:ChemicalEntity\t\t
MESH:D002122\tCalcium Chloride\tbiolink:ChemicalEntity\t\t
",
        );
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "counter-ion the vocabulary does not name",
                "fluoxetine hydrochloride (20 mg) was given",
                &["fluoxetine hydrochloride=MESH:D005473"],
            ),
            (
                "counter-ion the vocabulary names",
                "Fluoxetine chloride.",
                &["Fluoxetine chloride=MESH:D005473"],
            ),
            (
                "cation after the drug",
                "Diclofenac sodium tablets",
                &["Diclofenac sodium=MESH:D004008"],
            ),
            (
                "the word salt is part of the salt",
                "fluorescein sodium salt was injected",
                &["fluorescein sodium salt=MESH:D019793"],
            ),
            (
                "a salt the vocabulary names whole",
                "calcium chloride was infused",
                &["calcium chloride=MESH:D002122"],
            ),
            (
                "an ion before a counter-ion is no drug",
                "sodium chloride",
                &["sodium=MESH:D012964", "chloride=MESH:D002712"],
            ),
            (
                "the ion heads a longer noun",
                "insulin sodium retention",
                &["insulin=MESH:D007328", "sodium=MESH:D012964"],
            ),
            (
                "a list is no salt",
                "fluoxetine, chloride and sodium",
                &[
                    "fluoxetine=MESH:D005473",
                    "chloride=MESH:D002712",
                    "sodium=MESH:D012964",
                ],
            ),
            (
                "the ion heads a drug class",
                "insulin calcium antagonists",
                &["insulin=MESH:D007328", "calcium=MESH:D002118"],
            ),
            (
                "a word that only begins like a counter-ion",
                "insulin sodiumlike",
                &["insulin=MESH:D007328"],
            ),
        ];
        for (_name, text, expected) in cases {
            check(&t, text, expected);
        }
    }

    #[test]
    fn nested_chemicals() {
        let t = tagger_of(
            "MESH:D004298\tdopamine\tbiolink:ChemicalEntity\t\t
HGNC:3023\tdopamine receptor D1\tbiolink:Gene\tdopamine D1 receptor\t
MESH:D018491\tdopamine agonist\tbiolink:ChemicalRole\t\t
MESH:D012701\tserotonin\tbiolink:ChemicalEntity\t\t
MESH:D017367\tselective serotonin reuptake inhibitor\tbiolink:ChemicalRole\t\t
MESH:D012964\tsodium\tbiolink:ChemicalEntity\t\t
MESH:D009599\tsodium nitroprusside\tbiolink:ChemicalEntity\t\t
",
        );
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "in a gene name",
                "the dopamine D1 receptor binds",
                &[
                    "dopamine D1 receptor=HGNC:3023 vocab",
                    "dopamine=MESH:D004298 nested",
                ],
            ),
            (
                "in a role",
                "dopamine agonists help",
                &[
                    "dopamine agonists=MESH:D018491 vocab",
                    "dopamine=MESH:D004298 nested",
                ],
            ),
            (
                "in the middle",
                "selective serotonin reuptake inhibitors and dopamine",
                &[
                    "selective serotonin reuptake inhibitors=MESH:D017367 vocab",
                    "serotonin=MESH:D012701 nested",
                    "dopamine=MESH:D004298 vocab",
                ],
            ),
            (
                "not in a chemical",
                "sodium nitroprusside",
                &["sodium nitroprusside=MESH:D009599 vocab"],
            ),
        ];
        check_documents(&t, cases);
    }

    /// Each case: name, text of a one-section document, and its mentions as `text=IDs source`.
    fn check_documents(t: &Tagger, cases: &[(&str, &str, &[&str])]) {
        for (name, text, expected) in cases {
            let got: Vec<String> = t.tag_document(&Document::of_abstract(text))[0]
                .iter()
                .map(|m| {
                    assert_eq!(&text[m.span.clone()], m.text);
                    format!("{}={} {}", m.text, m.concepts.join("|"), m.source.as_str())
                })
                .collect();
            assert_eq!(&got, expected, "{name}");
        }
    }

    #[test]
    fn residues_of_sequences() {
        let t = tagger_of(
            "MESH:D001120\targinine\tbiolink:ChemicalEntity\tArg\t
MESH:D014364\ttryptophan\tbiolink:ChemicalEntity\tTrp\t
MESH:D012694\tserine\tbiolink:ChemicalEntity\t\t
MESH:D013912\tthreonine\tbiolink:ChemicalEntity\t\t
MESH:D005998\tglycine\tbiolink:ChemicalEntity\t\t
MESH:D003596\tcytosine\tbiolink:ChemicalEntity\t\t
MESH:D014443\ttyrosine\tbiolink:ChemicalEntity\t\t
MESH:D011505\tProtein-Tyrosine Kinases\tbiolink:ProteinFamily\tTyrosine Kinase\t
",
        );
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "a position",
                "Knockdown reduced Akt phosphorylation at serine 473.",
                &[],
            ),
            (
                "a hyphenated position",
                "Three mutations were glycine-594-valine and others.",
                &[],
            ),
            (
                "a dose is no position",
                "Rats received glycine 2 mmol/kg and serine 10 mg.",
                &["glycine=MESH:D005998 vocab", "serine=MESH:D012694 vocab"],
            ),
            (
                "a kinase's substrate",
                "PAKs are serine/threonine kinases; LKB1 is a serine/threonine protein kinase.",
                &[],
            ),
            (
                "a nucleobase inserted",
                "A heterozygous cytosine insertion in exon 10 was found.",
                &[],
            ),
            (
                "nested in a kinase's name",
                "Tyrosine kinase inhibitors were given.",
                &["Tyrosine kinase=MESH:D011505 vocab"],
            ),
            (
                "a nucleobase as a chemical",
                "Cytosine was measured in urine.",
                &["Cytosine=MESH:D003596 vocab"],
            ),
            (
                "a substitution",
                "The substitution of arginine by tryptophan at codon 198 was found.",
                &[],
            ),
            (
                "three-letter codes",
                "Arg was replaced by Trp. Arginine was given.",
                &["Arginine=MESH:D001120 vocab"],
            ),
            (
                "a supplement",
                "Oral arginine lowered blood pressure.",
                &["arginine=MESH:D001120 vocab"],
            ),
        ];
        check_documents(&t, cases);
    }

    #[test]
    fn coordinated_diseases() {
        let t = tagger_of(
            "MESH:D001943\tbreast cancer\tbiolink:Disease\t\t
MESH:D010051\tovarian cancer\tbiolink:Disease\t\t
UBERON:0000310\tbreast\tbiolink:GrossAnatomicalStructure\t\t
MESH:D020388\tDuchenne muscular dystrophy\tbiolink:Disease\t\t
DOID:9883\tBecker muscular dystrophy\tbiolink:Disease\t\t
MESH:D017093\tliver failure\tbiolink:Disease\thepatic failure\t
MESH:D051437\trenal failure\tbiolink:Disease\t\t
MESH:D006333\theart failure\tbiolink:Disease\tcardiac failure\t
MESH:D001007\tanxiety\tbiolink:Behavior\t\t
MESH:D001008\tanxiety disorder\tbiolink:Disease\t\t
MESH:D016584\tpanic disorder\tbiolink:Disease\t\t
MESH:D002945\tcisplatin\tbiolink:ChemicalEntity\t\t
",
        );
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "a modifier that names an organ",
                "breast and ovarian cancer",
                &[
                    "breast=MESH:D001943 coordinated",
                    "ovarian cancer=MESH:D010051 vocab",
                ],
            ),
            (
                "a two-word head",
                "Duchenne or Becker muscular dystrophy",
                &[
                    "Duchenne=MESH:D020388 coordinated",
                    "Becker muscular dystrophy=DOID:9883 vocab",
                ],
            ),
            (
                "a list, each through its own synonym",
                "hepatic, renal and cardiac failure",
                &[
                    "hepatic=MESH:D017093 coordinated",
                    "renal=MESH:D051437 coordinated",
                    "cardiac failure=MESH:D006333 vocab",
                ],
            ),
            (
                "a modifier that is a disease by itself stays one",
                "anxiety and panic disorder",
                &[
                    "anxiety=MESH:D001007 vocab",
                    "panic disorder=MESH:D016584 vocab",
                ],
            ),
            (
                "no such name",
                "cisplatin and renal failure",
                &[
                    "cisplatin=MESH:D002945 vocab",
                    "renal failure=MESH:D051437 vocab",
                ],
            ),
            (
                "no conjunction",
                "the breast, ovarian cancer",
                &[
                    "breast=UBERON:0000310 vocab",
                    "ovarian cancer=MESH:D010051 vocab",
                ],
            ),
        ];
        check_documents(&t, cases);
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
