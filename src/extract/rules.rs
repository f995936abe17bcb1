//! The relation rule file (`vocab/rules.toml`, documented in `vocab/RULES.md`): word lists that the
//! engine consults, and one entry per rule with its trigger forms, syntactic frame, predicate,
//! argument order and types, and the example sentences that `tests/rules.rs` runs.

use crate::error::{Error, Result};
use crate::model::Predicate;
use crate::vocab::ArgType;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

pub const DEFAULT_RULES: &str = include_str!("../../vocab/rules.toml");
pub const RULES_VERSION: u32 = 1;

/// How a rule finds its arguments around its trigger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    /// A verb: `X activates Y`, `Y is activated by X`, `Y activated by X`, `X, activating Y`.
    Verb,
    /// A verb whose form fixes the direction, never read as passive: `X is linked to Y`, `X acts on Y`.
    Fixed,
    /// A nominalisation: `activation of Y by X`, `the Y release from X`.
    Noun,
    /// A hyphenated participle: `X-induced Y`.
    Induced,
    /// `between X and Y`: every pair of the arguments.
    Between,
    /// A preposition joining two adjacent arguments: `neurons in the PVN`.
    Prep,
    /// The onset of a disease in a case report: the disease the verb's subject developed (or that
    /// developed), and the drug the clause says was taken (`after the infusion of X`, `during X
    /// therapy`, `while receiving X`): `he developed Y after X`, `Y developed during X treatment`.
    Onset,
    /// A noun naming what an agent does to a target: `X, a selective inhibitor of Y`, `the Y
    /// inhibitor X`, `X (a Y agonist)`, `X is an activator of Y`.
    Role,
    /// A drug's side effects and the list that names them: `side effects of X include Y and Z`,
    /// `the adverse events after X were Y`, `X side effects such as Y`.
    Effects,
    /// A drug given for a disease: `X therapy for Y`, `treatment of Y with X`, `X is used for the
    /// treatment of Y`, `Y patients treated with X`, `treated with X for Y`.
    Therapy,
    /// A gene's variant and the disease its clause names: `mutations in X were found in patients
    /// with Y`, `X Ser326Cys polymorphism and risk of Y`, `Y is caused by mutations of the X gene`.
    Variant,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// The grammatical subject (or agent) is the relation's subject.
    #[default]
    Forward,
    /// The grammatical subject is the relation's object: `X results from Y` is `Y causes X`.
    Reverse,
}

/// Who performs an infinitive or purpose clause that follows the trigger (`to release Z`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Control {
    /// `X activates Y to release Z`: Y releases Z.
    Object,
    /// `X acts on Y to promote Z`: X promotes Z.
    #[default]
    Subject,
    /// This trigger does not govern a following clause (modifiers such as `expressed in`).
    None,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    /// Expected relations as `subject text | predicate | object text`, optionally followed by
    /// `| negated` and/or `| hedged`. Empty means: no relation.
    #[serde(default)]
    pub expect: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    predicate: String,
    frame: Frame,
    forms: Vec<String>,
    #[serde(default)]
    order: Order,
    #[serde(default)]
    control: Control,
    /// Prepositions that introduce the agent (`by` for passives and nominalisations).
    #[serde(default)]
    agent: Vec<String>,
    #[serde(default)]
    subject_types: Vec<String>,
    #[serde(default)]
    object_types: Vec<String>,
    /// A different predicate for objects of a given type: `{ disease = "causes" }`.
    #[serde(default)]
    by_object: BTreeMap<String, String>,
    /// The forms are noun phrases ("complication of"): a determiner before one is expected.
    #[serde(default)]
    noun_phrase: bool,
    #[serde(default)]
    examples: Vec<Example>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    skip: Vec<String>,
    raising: Vec<String>,
    hedges: Vec<String>,
    negations: Vec<String>,
    clause_breaks: Vec<String>,
    determiners: Vec<String>,
    coordinators: Vec<String>,
    stop_prepositions: Vec<String>,
    reversers: Vec<String>,
    exposures: Vec<String>,
    /// Optional, so that rule files written before it was added still load.
    #[serde(default)]
    resolutions: Vec<String>,
    /// Optional, as `resolutions`.
    #[serde(default)]
    excesses: Vec<String>,
    /// Optional, as `resolutions`.
    #[serde(default)]
    carriers: Vec<String>,
    /// Optional, as `resolutions`.
    #[serde(default)]
    losses: Vec<String>,
    /// Optional, as `resolutions`.
    #[serde(default)]
    changes: Vec<String>,
    /// Optional, as `resolutions`.
    #[serde(default)]
    object_verbs: Vec<String>,
    /// Optional, as `resolutions`.
    #[serde(default)]
    adverse_cues: Vec<String>,
    /// Optional, as `resolutions`.
    #[serde(default)]
    adverse_class: Vec<String>,
    anaphors: Vec<String>,
    anaphor_heads: Vec<String>,
    flips: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: u32,
    lexicon: RawLexicon,
    rule: Vec<RawRule>,
}

/// Word lists of the engine (all lower case).
#[derive(Clone, Debug)]
pub struct Lexicon {
    pub skip: HashSet<String>,
    pub raising: HashSet<String>,
    pub hedges: HashSet<String>,
    pub negations: HashSet<String>,
    pub clause_breaks: HashSet<String>,
    pub determiners: HashSet<String>,
    pub coordinators: HashSet<String>,
    pub stop_prepositions: HashSet<String>,
    pub reversers: HashSet<String>,
    /// Nouns of taking a drug whose preposition leads to it: "therapy with X", "ingestion of X".
    pub exposures: HashSet<String>,
    /// Words saying a disease went away ("resolved", "recovery"): between a disease on the left and
    /// a reverse-order trigger they flip the predicate ("the angioedema resolved after steroids").
    pub resolutions: HashSet<String>,
    /// Heads naming too much of a drug ("toxicity", "overdose"): "desipramine toxicity" as the
    /// subject of a relation stands for the drug.
    pub excesses: HashSet<String>,
    /// Words for the molecule that carries a gene's expression ("mRNA", "transcript"): "PPARalpha
    /// mRNA" and "the mRNA levels of FAS" name the gene.
    pub carriers: HashSet<String>,
    /// Nouns of a subject's loss ("MGLL inhibition", "OXTR deficiency"): what the loss does, the
    /// subject does the other way.
    pub losses: HashSet<String>,
    /// Nouns of a change whose "in" leads to what changed ("the increase in IL-6"), where "in"
    /// would otherwise end the object's search.
    pub changes: HashSet<String>,
    /// Verbs whose object may open with a participle that qualifies it ("side effects included
    /// decreased appetite", "the patients showed reduced renal function"): after them an "-ed"
    /// trigger is an adjective, not the sentence's verb.
    pub object_verbs: HashSet<String>,
    /// Words of a sentence that reports adverse events ("the most common side effects were",
    /// "grade 3 neutropenia occurred"): without a drug of its own, it speaks of the study's drug
    /// ([`crate::extract::study_drug`]).
    pub adverse_cues: HashSet<String>,
    /// The words that name the class of adverse effects itself ("toxicity", "adverse drug
    /// reactions", "side effects"): a mention made of these only names no outcome, and is no
    /// relation's object.
    pub adverse_class: HashSet<String>,
    pub anaphors: HashSet<String>,
    pub anaphor_heads: HashSet<String>,
    pub flips: BTreeMap<Predicate, Predicate>,
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    pub predicate: Predicate,
    pub frame: Frame,
    /// Each form as its lower-case words.
    pub forms: Vec<Vec<String>>,
    pub order: Order,
    pub control: Control,
    pub agent: Vec<String>,
    pub subject_types: Vec<ArgType>,
    pub object_types: Vec<ArgType>,
    pub by_object: Vec<(ArgType, Predicate)>,
    /// The forms are noun phrases: read after a determiner too ("a complication of").
    pub noun_phrase: bool,
    pub examples: Vec<Example>,
}

impl Rule {
    /// The predicate for an object of type `t`.
    pub fn predicate_for(&self, t: ArgType) -> Predicate {
        self.by_object
            .iter()
            .find(|(k, _)| *k == t)
            .map_or(self.predicate, |(_, p)| *p)
    }
}

#[derive(Clone, Debug)]
pub struct RuleSet {
    pub lexicon: Lexicon,
    pub rules: Vec<Rule>,
}

/// A form's words as the extractor's items split a sentence: runs of letters and digits, and each
/// other character apart ("side-effects" is `side`, `-`, `effects`).
fn form_words(form: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in form.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn set(words: Vec<String>) -> HashSet<String> {
    words.into_iter().map(|w| w.to_lowercase()).collect()
}

impl RuleSet {
    pub fn embedded() -> Result<RuleSet> {
        RuleSet::parse("vocab/rules.toml", DEFAULT_RULES)
    }

    pub fn parse(path: &str, text: &str) -> Result<RuleSet> {
        let err = |msg: String| Error::Rules {
            path: path.to_string(),
            msg,
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            // toml reports a byte span; turn it into a line number for the message.
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
            let msg = e.message().to_string();
            match line {
                Some(l) => Error::Vocab {
                    path: path.to_string(),
                    line: l,
                    msg,
                },
                None => err(msg),
            }
        })?;
        if raw.version != RULES_VERSION {
            return Err(err(format!(
                "rule file version {} is not supported (expected {RULES_VERSION})",
                raw.version
            )));
        }
        let pred = |s: &str, id: &str| {
            Predicate::parse(s).ok_or_else(|| {
                let known: Vec<&str> = Predicate::ALL.iter().map(|p| p.as_str()).collect();
                err(format!(
                    "rule {id}: unknown predicate {s:?} (known: {})",
                    known.join(", ")
                ))
            })
        };
        let types = |list: &[String], id: &str| -> Result<Vec<ArgType>> {
            list.iter()
                .map(|t| {
                    ArgType::parse(t)
                        .ok_or_else(|| err(format!("rule {id}: unknown argument type {t:?}")))
                })
                .collect()
        };
        let mut flips = BTreeMap::new();
        for (a, b) in &raw.lexicon.flips {
            flips.insert(pred(a, "flips")?, pred(b, "flips")?);
        }
        let l = raw.lexicon;
        let lexicon = Lexicon {
            skip: set(l.skip),
            raising: set(l.raising),
            hedges: set(l.hedges),
            negations: set(l.negations),
            clause_breaks: set(l.clause_breaks),
            determiners: set(l.determiners),
            coordinators: set(l.coordinators),
            stop_prepositions: set(l.stop_prepositions),
            reversers: set(l.reversers),
            exposures: set(l.exposures),
            resolutions: set(l.resolutions),
            excesses: set(l.excesses),
            carriers: set(l.carriers),
            losses: set(l.losses),
            changes: set(l.changes),
            object_verbs: set(l.object_verbs),
            adverse_cues: set(l.adverse_cues),
            adverse_class: set(l.adverse_class),
            anaphors: set(l.anaphors),
            anaphor_heads: set(l.anaphor_heads),
            flips,
        };
        let mut ids = HashSet::new();
        let mut rules = Vec::new();
        for r in raw.rule {
            if !ids.insert(r.id.clone()) {
                return Err(err(format!("rule id {:?} is used twice", r.id)));
            }
            if r.forms.is_empty() {
                return Err(err(format!("rule {}: no forms", r.id)));
            }
            let forms: Vec<Vec<String>> = r.forms.iter().map(|f| form_words(f)).collect();
            // A gap joins two words; at either end it would match whatever stands there.
            if let Some(f) = forms.iter().find(|f| {
                f.first().is_none_or(|w| w == super::GAP)
                    || f.last().is_some_and(|w| w == super::GAP)
            }) {
                return Err(err(format!(
                    "rule {}: form {:?} is empty or starts or ends with the gap {:?}",
                    r.id,
                    f.join(" "),
                    super::GAP
                )));
            }
            let mut by_object = Vec::new();
            for (t, p) in &r.by_object {
                let t = ArgType::parse(t)
                    .ok_or_else(|| err(format!("rule {}: unknown argument type {t:?}", r.id)))?;
                by_object.push((t, pred(p, &r.id)?));
            }
            rules.push(Rule {
                predicate: pred(&r.predicate, &r.id)?,
                frame: r.frame,
                forms,
                order: r.order,
                control: r.control,
                agent: r.agent.iter().map(|a| a.to_lowercase()).collect(),
                subject_types: types(&r.subject_types, &r.id)?,
                object_types: types(&r.object_types, &r.id)?,
                by_object,
                noun_phrase: r.noun_phrase,
                examples: r.examples,
                id: r.id,
            });
        }
        Ok(RuleSet { lexicon, rules })
    }
}

#[cfg(test)]
mod tests {
    use super::{form_words, RuleSet, DEFAULT_RULES};

    /// A gap (`*`) joins two words of a form; a form that starts or ends with one is refused, with
    /// the rule named.
    #[test]
    fn a_gap_must_stand_inside_a_form() {
        let with_form = |form: &str| {
            DEFAULT_RULES.replacen(
                r#"forms = ["activation", "stimulation"]"#,
                &format!(r#"forms = ["activation", "{form}"]"#),
                1,
            )
        };
        for form in ["* role in", "plays *", "*"] {
            let err = RuleSet::parse("rules.toml", &with_form(form))
                .err()
                .unwrap_or_else(|| panic!("{form:?} was accepted"))
                .to_string();
            assert!(
                err.contains("rule activation") && err.contains("gap"),
                "{form:?}: {err}"
            );
        }
        assert!(RuleSet::parse("rules.toml", &with_form("plays * role in")).is_ok());
    }

    /// A form is split as the extractor splits a sentence, so "side-effects" matches the items
    /// `side`, `-`, `effects`.
    #[test]
    fn forms_split_like_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("activates", &["activates"]),
            ("Side Effects of", &["side", "effects", "of"]),
            ("side-effects", &["side", "-", "effects"]),
            ("  act   on ", &["act", "on"]),
            ("5-HT release", &["5", "-", "ht", "release"]),
        ];
        for (form, expected) in cases {
            assert_eq!(form_words(form), *expected, "{form:?}");
        }
    }
}
