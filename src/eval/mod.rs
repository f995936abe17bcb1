//! Evaluation against annotated corpora (`mechkg eval`): read a gold file ([`gold`]), run the
//! pipeline on the gold documents' own text, and score what it finds ([`score`]) at five levels:
//!
//! 1. `mentions_strict`: exact span and type;
//! 2. `mentions_overlap`: overlapping span, same type;
//! 3. `normalisation`: the set of (document, concept) pairs, compared through the vocabulary's
//!    cross-references (see [`types`] for the identifier conventions: composite entries, `-1`, prefixes);
//! 4. `relations`: unordered (document, concept, concept) pairs, whatever their type;
//! 5. `relations_typed`: the same with the corpus relation type, through the predicate mapping of
//!    [`types::Scheme`].
//!
//! Conventions, beyond those of [`types`]:
//! - only the entity types the gold annotates are scored: a prediction of another type (a cell in
//!   BC5CDR) is neither right nor wrong;
//! - an ambiguous mention (several concepts) is a mention of each of its concepts' types in the span
//!   scores, and no concept in the normalisation score (extraction does not use it either);
//! - gold mentions whose offsets do not match their text keep their identifiers but are left out of
//!   the span scores ([`gold::Gold::bad_offsets`]);
//! - relations are predictions unless negated; hedged relations count; a relation of a concept with
//!   itself is not a pair;
//! - a corpus's own annotation conventions ([`Scheme`]): against BioRED, which marks the longer of
//!   two nested names only, a chemical nested in a name of a type it scores is not scored, and a
//!   chemical that is a gene product is scored as a gene ([`types::scored_type`]).
//!
//! No I/O here: the report is written to any `Write`.

pub mod gold;
pub mod score;
pub mod types;

use crate::error::Result;
use crate::model::{AnnotatedDocument, DocIds, Document, MentionSource, Predicate, Section};
use crate::pipeline::Pipeline;
use gold::{Gold, GoldDoc};
use score::{Counts, IdItem, Outcome, PairItem, SpanItem, ANY};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use types::Scheme;

/// The scores of one level, overall and per type.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Level {
    pub name: &'static str,
    pub overall: Counts,
    pub by_type: BTreeMap<String, Counts>,
}

/// One false positive or false negative, for `--errors`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorRow {
    pub level: &'static str,
    /// `FP` or `FN`.
    pub kind: &'static str,
    pub doc: String,
    pub ty: String,
    /// `start-end` (document-level character offsets) for mentions; identifiers otherwise.
    pub at: String,
    pub text: String,
    pub sentence: String,
    /// What fired: the concept and its label for a mention, the rule for a relation.
    pub source: String,
}

/// The outcome of an evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub gold: String,
    pub format: &'static str,
    pub documents: usize,
    /// The relation scheme chosen from the gold's relation types.
    pub scheme: &'static str,
    /// Entity types the gold annotates (the scope of the scores).
    pub types: Vec<String>,
    pub levels: Vec<Level>,
    pub bad_offsets: usize,
    pub errors: Vec<ErrorRow>,
}

/// Details of an item for the error file: text, sentence, source.
#[derive(Clone, Debug, Default)]
struct Info {
    at: String,
    text: String,
    sentence: String,
    source: String,
}

/// Everything collected from the gold and the predictions, level by level.
#[derive(Default)]
struct Items {
    gold_spans: Vec<(SpanItem, Info)>,
    pred_spans: Vec<(SpanItem, Info)>,
    gold_ids: Vec<(IdItem, Info)>,
    pred_ids: Vec<(IdItem, Info)>,
    gold_pairs: Vec<(PairItem, Info)>,
    pred_pairs: Vec<(PairItem, Info)>,
}

/// The mechkg document for a gold document: one section per non-empty passage. Returns the passage
/// index of each section.
pub fn document(source: &str, g: &GoldDoc) -> (Document, Vec<usize>) {
    let mut sections = Vec::new();
    let mut passage_of = Vec::new();
    for (i, p) in g.passages.iter().enumerate() {
        if p.text.trim().is_empty() {
            continue;
        }
        sections.push(Section {
            kind: p.kind,
            label: None,
            text: p.text.clone(),
        });
        passage_of.push(i);
    }
    let doc = Document {
        id: format!("pmid:{}", g.id),
        ids: DocIds {
            pmid: Some(g.id.clone()),
            ..DocIds::default()
        },
        source: source.to_string(),
        sections,
    };
    (doc, passage_of)
}

/// Runs the pipeline on every gold document and scores it.
pub fn evaluate(pipeline: &Pipeline, gold: &Gold) -> Result<Report> {
    let scope: BTreeSet<String> = gold
        .docs
        .iter()
        .flat_map(|d| &d.mentions)
        .map(|m| types::of_corpus_type(&m.corpus_type))
        .collect();
    let scheme = Scheme::of_gold(
        gold.docs
            .iter()
            .flat_map(|d| &d.relations)
            .map(|r| r.kind.as_str()),
    );
    let mut items = Items::default();
    for g in &gold.docs {
        let (doc, passage_of) = document(&gold.source, g);
        let annotated = pipeline.annotate(doc);
        collect_doc(
            pipeline,
            g,
            &annotated,
            &passage_of,
            &scope,
            scheme,
            &mut items,
        );
    }
    let spans_g: Vec<SpanItem> = items.gold_spans.iter().map(|x| x.0.clone()).collect();
    let spans_p: Vec<SpanItem> = items.pred_spans.iter().map(|x| x.0.clone()).collect();
    let ids_g: Vec<IdItem> = items.gold_ids.iter().map(|x| x.0.clone()).collect();
    let ids_p: Vec<IdItem> = items.pred_ids.iter().map(|x| x.0.clone()).collect();
    let span_refs = |v: &[(SpanItem, Info)]| -> Vec<Ref> {
        v.iter()
            .map(|(i, info)| (i.doc.clone(), i.ty.clone(), info.clone()))
            .collect()
    };
    let id_refs = |v: &[(IdItem, Info)]| -> Vec<Ref> {
        v.iter()
            .map(|(i, info)| (i.doc.clone(), i.ty.clone(), info.clone()))
            .collect()
    };
    let mut runs: Vec<(&'static str, Outcome, Vec<Ref>, Vec<Ref>)> = vec![
        (
            "mentions_strict",
            score::mentions_strict(&spans_g, &spans_p),
            span_refs(&items.gold_spans),
            span_refs(&items.pred_spans),
        ),
        (
            "mentions_overlap",
            score::mentions_overlap(&spans_g, &spans_p),
            span_refs(&items.gold_spans),
            span_refs(&items.pred_spans),
        ),
    ];
    if scheme.has_identifiers() {
        runs.push((
            "normalisation",
            score::concepts(&ids_g, &ids_p),
            id_refs(&items.gold_ids),
            id_refs(&items.pred_ids),
        ));
    }
    if scheme != Scheme::None {
        for (name, untyped) in [("relations", true), ("relations_typed", false)] {
            let pick = |v: &[(PairItem, Info)]| -> Vec<(PairItem, Info)> {
                v.iter()
                    .filter(|x| (x.0.ty == ANY) == untyped)
                    .cloned()
                    .collect()
            };
            let (g, p) = (pick(&items.gold_pairs), pick(&items.pred_pairs));
            let plain = |v: &[(PairItem, Info)]| v.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
            let refs = |v: &[(PairItem, Info)]| -> Vec<Ref> {
                v.iter()
                    .map(|(i, info)| (i.doc.clone(), i.ty.clone(), info.clone()))
                    .collect()
            };
            runs.push((
                name,
                score::pairs(&plain(&g), &plain(&p)),
                refs(&g),
                refs(&p),
            ));
        }
    }
    let mut levels = Vec::new();
    let mut errors = Vec::new();
    for (name, outcome, gold_refs, pred_refs) in runs {
        let mut by_type = outcome.by_type.clone();
        by_type.remove(ANY);
        levels.push(Level {
            name,
            overall: outcome.overall(),
            by_type,
        });
        for &i in &outcome.missed {
            errors.push(row(name, "FN", &gold_refs[i]));
        }
        for &i in &outcome.spurious {
            errors.push(row(name, "FP", &pred_refs[i]));
        }
    }
    Ok(Report {
        gold: gold.source.clone(),
        format: gold.format.as_str(),
        documents: gold.docs.len(),
        scheme: scheme.as_str(),
        types: scope.into_iter().collect(),
        levels,
        bad_offsets: gold.bad_offsets.len(),
        errors,
    })
}

/// An item's document, type and details.
type Ref = (String, String, Info);

fn row(level: &'static str, kind: &'static str, (doc, ty, info): &Ref) -> ErrorRow {
    ErrorRow {
        level,
        kind,
        doc: doc.clone(),
        ty: ty.clone(),
        at: info.at.clone(),
        text: info.text.clone(),
        sentence: info.sentence.clone(),
        source: info.source.clone(),
    }
}

/// Document-level character offsets of a byte span of a passage.
fn doc_offsets(g: &GoldDoc, passage: usize, span: &crate::model::Span) -> String {
    let p = &g.passages[passage];
    let s = p.offset + p.text[..span.start].chars().count();
    let e = s + p.text[span.clone()].chars().count();
    format!("{s}-{e}")
}

fn sentence_at(a: &AnnotatedDocument, section: Option<usize>, start: usize) -> String {
    let Some(i) = section else {
        return String::new();
    };
    let text = &a.doc.sections[i].text;
    a.sections[i]
        .sentences
        .iter()
        .find(|s| s.span.start <= start && start < s.span.end.max(s.span.start + 1))
        .map_or(String::new(), |s| text[s.span.clone()].to_string())
}

/// The key of a gold argument named by its text (DrugProt's `identifier` is the mention, lower-cased).
fn name_key(text: &str) -> String {
    format!("name:{}", text.trim().to_lowercase())
}

fn ids_text(ids: &BTreeSet<String>) -> String {
    ids.iter().cloned().collect::<Vec<_>>().join("|")
}

#[allow(clippy::too_many_arguments)]
fn collect_doc(
    pipeline: &Pipeline,
    g: &GoldDoc,
    a: &AnnotatedDocument,
    passage_of: &[usize],
    scope: &BTreeSet<String>,
    scheme: Scheme,
    items: &mut Items,
) {
    let vocab = &pipeline.vocab;
    let doc = g.id.clone();
    let section_of = |passage: usize| passage_of.iter().position(|&p| p == passage);
    let type_of = |id: &str| {
        vocab
            .concept(id)
            .and_then(|c| types::scored_type(&c, scheme, scope))
    };

    // Gold mentions and concepts.
    let mut seen_ids: BTreeSet<(String, BTreeSet<String>)> = BTreeSet::new();
    let mut id_type: BTreeMap<String, String> = BTreeMap::new();
    for m in &g.mentions {
        let ty = types::of_corpus_type(&m.corpus_type);
        let sentence = m
            .span
            .as_ref()
            .map(|(p, s)| sentence_at(a, section_of(*p), s.start))
            .unwrap_or_default();
        if let Some((passage, span)) = &m.span {
            items.gold_spans.push((
                SpanItem {
                    doc: doc.clone(),
                    ty: ty.clone(),
                    passage: *passage,
                    span: span.clone(),
                },
                Info {
                    at: format!("{}-{}", m.start, m.end),
                    text: m.text.clone(),
                    sentence: sentence.clone(),
                    source: m.ids.clone(),
                },
            ));
        }
        for part in m.ids.split(['|', ',', ';', '+']) {
            id_type.entry(part.trim().to_string()).or_insert(ty.clone());
        }
        id_type
            .entry(m.ids.trim().to_string())
            .or_insert(ty.clone());
        // Each identifier of a composite entry ("breast and ovarian cancer", `D001943|D010051`) is a
        // concept of the document on its own, as the corpora and CDR's per-document measure count them.
        let ids = if scheme.has_identifiers() {
            types::gold_id_groups(&m.ids, &ty)
        } else {
            BTreeSet::new()
        };
        for id in ids {
            let ids = BTreeSet::from([id]);
            if !seen_ids.insert((ty.clone(), ids.clone())) {
                continue;
            }
            items.gold_ids.push((
                IdItem {
                    doc: doc.clone(),
                    ty: ty.clone(),
                    ids: ids.clone(),
                },
                Info {
                    at: ids_text(&ids),
                    text: m.text.clone(),
                    sentence: sentence.clone(),
                    source: String::new(),
                },
            ));
        }
    }

    // Gold relations: argument types from the file, else from the mentions, else the shape of the id.
    let mut seen_pairs: BTreeSet<(String, BTreeSet<BTreeSet<String>>)> = BTreeSet::new();
    for r in &g.relations {
        let group = |arg: &str, given: &Option<String>| {
            let ty = given
                .as_deref()
                .map(types::of_corpus_type)
                .or_else(|| id_type.get(arg.trim()).cloned())
                .or_else(|| {
                    arg.split(['|', ',', ';', '+'])
                        .find_map(|p| id_type.get(p.trim()).cloned())
                })
                .unwrap_or_else(|| types::DISEASE.to_string());
            if scheme.has_identifiers() {
                types::gold_id_groups(arg, &ty)
            } else {
                BTreeSet::from([name_key(arg)])
            }
        };
        let (ga, gb) = (group(&r.a, &r.a_type), group(&r.b, &r.b_type));
        if ga.is_empty() || gb.is_empty() {
            continue;
        }
        for ty in [ANY, scheme.gold_type(&r.kind)] {
            let key = (ty.to_string(), BTreeSet::from([ga.clone(), gb.clone()]));
            if seen_pairs.insert(key) {
                items.gold_pairs.push((
                    PairItem {
                        doc: doc.clone(),
                        ty: ty.to_string(),
                        a: ga.clone(),
                        b: gb.clone(),
                    },
                    Info {
                        at: format!("{} {}", ids_text(&ga), ids_text(&gb)),
                        text: format!("{} {} {}", r.a, r.kind, r.b),
                        ..Info::default()
                    },
                ));
            }
        }
    }

    // Predicted mentions and concepts.
    let mut seen_concepts: BTreeSet<String> = BTreeSet::new();
    for (si, result) in a.sections.iter().enumerate() {
        let passage = passage_of[si];
        for m in &result.mentions {
            // A corpus that annotates the longer name only (BioRED) has no mention for a chemical
            // nested in a name of a type it annotates ("insulin" in "insulin receptor"), nor for a
            // target nested in a drug class it annotates as a chemical ("ACE" in "ACE inhibitors"),
            // but does have one in a name it does not annotate ("glucose" in "glucose metabolism").
            let target = m.concepts.iter().any(|c| type_of(c) == Some(types::GENE));
            let annotated_outer = |c: &String| {
                type_of(c).is_some()
                    || (target && vocab.get(c).is_some_and(|c| c.is_chemical_role()))
            };
            if m.source == MentionSource::Nested
                && !scheme.annotates_nested_names()
                && result.mentions.iter().any(|o| {
                    o.source != MentionSource::Nested
                        && o.span.start <= m.span.start
                        && m.span.end <= o.span.end
                        && o.concepts.iter().any(annotated_outer)
                })
            {
                continue;
            }
            let tys: BTreeSet<&str> = m.concepts.iter().filter_map(|c| type_of(c)).collect();
            let sentence = sentence_at(a, Some(si), m.span.start);
            let labels: Vec<String> = m
                .concepts
                .iter()
                .map(|c| {
                    let label = vocab.concept(c).map_or(String::new(), |c| c.label.clone());
                    format!("{c} {label}")
                })
                .collect();
            let source = format!("{} ({})", labels.join("; "), m.source.as_str());
            for ty in &tys {
                items.pred_spans.push((
                    SpanItem {
                        doc: doc.clone(),
                        ty: ty.to_string(),
                        passage,
                        span: m.span.clone(),
                    },
                    Info {
                        at: doc_offsets(g, passage, &m.span),
                        text: m.text.clone(),
                        sentence: sentence.clone(),
                        source: source.clone(),
                    },
                ));
            }
            if m.is_ambiguous() {
                continue;
            }
            let c = &m.concepts[0];
            if !scheme.has_identifiers() {
                continue;
            }
            if let Some(ty) = type_of(c) {
                if seen_concepts.insert(c.clone()) {
                    let ids = types::concept_ids(vocab, c);
                    items.pred_ids.push((
                        IdItem {
                            doc: doc.clone(),
                            ty: ty.to_string(),
                            ids: ids.clone(),
                        },
                        Info {
                            at: ids_text(&ids),
                            text: m.text.clone(),
                            sentence: sentence.clone(),
                            source: source.clone(),
                        },
                    ));
                }
            }
        }
    }

    // Predicted relations.
    if scheme == Scheme::None {
        return;
    }
    let mut seen_rel: BTreeSet<(String, BTreeSet<String>)> = BTreeSet::new();
    // Without gold identifiers, an argument is the gold mention its span overlaps.
    let gold_name_at = |passage: usize, span: &crate::model::Span| -> Option<String> {
        g.mentions
            .iter()
            .find(|m| {
                m.span
                    .as_ref()
                    .is_some_and(|(p, s)| *p == passage && s.start < span.end && span.start < s.end)
            })
            .map(|m| name_key(&m.ids))
    };
    for (si, (section, result)) in a.doc.sections.iter().zip(&a.sections).enumerate() {
        for (sent, r) in &result.relations {
            // What a variant is a variant of is part of naming it (tmVar links a variant to its gene
            // to normalise it), not a relation the corpora annotate: BioRED relates a gene and a
            // variant once in 600 training pairs.
            if r.negated || r.subject == r.object || r.predicate == Predicate::VariantOf {
                continue;
            }
            let (Some(ts), Some(to)) = (type_of(&r.subject), type_of(&r.object)) else {
                continue;
            };
            if !scheme.admits_pair(ts, to) {
                continue;
            }
            let sentence = section.text[result.sentences[*sent].span.clone()].to_string();
            let argument = |curie: &str, span: &crate::model::Span| {
                if scheme.has_identifiers() {
                    return types::concept_ids(vocab, curie);
                }
                let key = gold_name_at(passage_of[si], span)
                    .unwrap_or_else(|| format!("unannotated:{curie}"));
                BTreeSet::from([key])
            };
            let (a_ids, b_ids) = (
                argument(&r.subject, &r.subject_span),
                argument(&r.object, &r.object_span),
            );
            let typed = scheme.relation_type(r.predicate, Some(ts), Some(to));
            for ty in [Some(ANY), typed].into_iter().flatten() {
                let key = (
                    ty.to_string(),
                    BTreeSet::from([r.subject.clone(), r.object.clone()]),
                );
                if !seen_rel.insert(key) {
                    continue;
                }
                items.pred_pairs.push((
                    PairItem {
                        doc: doc.clone(),
                        ty: ty.to_string(),
                        a: a_ids.clone(),
                        b: b_ids.clone(),
                    },
                    Info {
                        at: format!("{} {}", r.subject, r.object),
                        text: format!("{} {} {}", r.subject, r.predicate, r.object),
                        sentence: sentence.clone(),
                        source: format!("rule {}", r.rule),
                    },
                ));
            }
        }
    }
}

fn fmt_ratio(x: f64) -> String {
    format!("{x:.3}")
}

/// The scores as an aligned text table.
pub fn write_table(report: &Report, out: &mut impl Write) -> Result<()> {
    writeln!(
        out,
        "gold: {} ({}, {} documents, relation scheme {}){}",
        report.gold,
        report.format,
        report.documents,
        report.scheme,
        if report.bad_offsets > 0 {
            format!(
                ", {} mention(s) with bad offsets left out of span scores",
                report.bad_offsets
            )
        } else {
            String::new()
        }
    )?;
    let mut rows: Vec<[String; 8]> = vec![[
        "level".into(),
        "type".into(),
        "tp".into(),
        "fp".into(),
        "fn".into(),
        "precision".into(),
        "recall".into(),
        "f1".into(),
    ]];
    let cells = |level: &str, ty: &str, c: &Counts| -> [String; 8] {
        [
            level.to_string(),
            ty.to_string(),
            c.tp.to_string(),
            c.fp.to_string(),
            c.fn_.to_string(),
            fmt_ratio(c.precision()),
            fmt_ratio(c.recall()),
            fmt_ratio(c.f1()),
        ]
    };
    for l in &report.levels {
        rows.push(cells(l.name, "all", &l.overall));
        for (ty, c) in &l.by_type {
            rows.push(cells("", ty, c));
        }
    }
    let mut widths = [0usize; 8];
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    for r in &rows {
        let mut line = String::new();
        for (i, (c, w)) in r.iter().zip(widths).enumerate() {
            if i < 2 {
                line.push_str(&format!("{c:<w$}  "));
            } else {
                line.push_str(&format!("{c:>w$}  "));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The scores as one JSON object.
pub fn write_json(report: &Report, out: &mut impl Write) -> Result<()> {
    let counts = |c: &Counts| {
        serde_json::json!({
            "tp": c.tp, "fp": c.fp, "fn": c.fn_,
            "precision": round(c.precision()), "recall": round(c.recall()), "f1": round(c.f1()),
        })
    };
    let mut levels = serde_json::Map::new();
    for l in &report.levels {
        let by_type: serde_json::Map<String, serde_json::Value> = l
            .by_type
            .iter()
            .map(|(t, c)| (t.clone(), counts(c)))
            .collect();
        levels.insert(
            l.name.to_string(),
            serde_json::json!({"overall": counts(&l.overall), "by_type": by_type}),
        );
    }
    let v = serde_json::json!({
        "gold": report.gold,
        "format": report.format,
        "documents": report.documents,
        "relation_scheme": report.scheme,
        "entity_types": report.types,
        "bad_offsets": report.bad_offsets,
        "levels": levels,
    });
    serde_json::to_writer_pretty(&mut *out, &v).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

fn round(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

pub const ERROR_COLUMNS: &[&str] = &[
    "level", "kind", "doc", "type", "where", "text", "sentence", "source",
];

/// Every false positive and false negative as TSV, with a header.
pub fn write_errors(report: &Report, out: &mut impl Write) -> Result<()> {
    writeln!(out, "{}", ERROR_COLUMNS.join("\t"))?;
    let cell = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    for e in &report.errors {
        writeln!(
            out,
            "{}",
            [
                e.level,
                e.kind,
                &e.doc,
                &e.ty,
                &e.at,
                &e.text,
                &e.sentence,
                &e.source
            ]
            .map(cell)
            .join("\t")
        )?;
    }
    Ok(())
}
