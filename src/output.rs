//! Tabular and JSON Lines renderings of tagging and extraction results. One row type per kind of
//! result feeds both renderings, so TSV and JSONL always carry the same facts. TSV cells never hold
//! a tab or a newline (they are replaced by spaces); spans are byte offsets into the section text.

use crate::error::Result;
use crate::model::{AnnotatedDocument, Mention, MentionSource, Relation, Section, SectionResult};
use crate::vocab::Vocabulary;
use serde::Serialize;
use serde_json::json;
use std::borrow::Cow;
use std::io::Write;

pub const RELATION_COLUMNS: &[&str] = &[
    "doc_id",
    "section",
    "sentence",
    "subject_id",
    "subject_label",
    "predicate",
    "object_id",
    "object_label",
    "polarity",
    "negated",
    "hedged",
    "rule",
    "subject_span",
    "object_span",
    "text",
];

pub const MENTION_COLUMNS: &[&str] = &[
    "doc_id",
    "section",
    "sentence",
    "span",
    "text",
    "concept_ids",
    "labels",
    "ambiguous",
    "source",
];

fn cell(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn label<'a>(vocab: &'a Vocabulary, id: &str) -> Cow<'a, str> {
    match vocab.concept(id) {
        Some(Cow::Borrowed(c)) => Cow::Borrowed(c.label.as_str()),
        Some(Cow::Owned(c)) => Cow::Owned(c.label),
        None => Cow::Borrowed(""),
    }
}

/// The section column: its kind, and its label after a colon (`figure_legend:Fig. 1`).
fn section_name(s: &Section) -> String {
    match &s.label {
        Some(l) => format!("{}:{l}", s.kind),
        None => s.kind.to_string(),
    }
}

/// What is written of one relation mention.
#[derive(Serialize)]
struct RelationRow<'a> {
    doc_id: &'a str,
    section: &'static str,
    section_label: Option<&'a str>,
    section_index: usize,
    sentence: usize,
    subject_id: &'a str,
    subject_label: Cow<'a, str>,
    predicate: &'static str,
    object_id: &'a str,
    object_label: Cow<'a, str>,
    polarity: &'static str,
    negated: bool,
    hedged: bool,
    rule: &'a str,
    subject_span: [usize; 2],
    object_span: [usize; 2],
    trigger_span: [usize; 2],
    text: &'a str,
}

fn relation_rows<'a>(
    doc: &'a AnnotatedDocument,
    vocab: &'a Vocabulary,
) -> impl Iterator<Item = (RelationRow<'a>, &'a Section)> {
    doc.doc
        .sections
        .iter()
        .zip(&doc.sections)
        .enumerate()
        .flat_map(move |(i, (section, result))| {
            result
                .relations
                .iter()
                .map(move |(si, r): &(usize, Relation)| {
                    let row = RelationRow {
                        doc_id: &doc.doc.id,
                        section: section.kind.as_str(),
                        section_label: section.label.as_deref(),
                        section_index: i,
                        sentence: *si,
                        subject_id: &r.subject,
                        subject_label: label(vocab, &r.subject),
                        predicate: r.predicate.as_str(),
                        object_id: &r.object,
                        object_label: label(vocab, &r.object),
                        polarity: r.predicate.polarity().symbol(),
                        negated: r.negated,
                        hedged: r.hedged,
                        rule: &r.rule,
                        subject_span: [r.subject_span.start, r.subject_span.end],
                        object_span: [r.object_span.start, r.object_span.end],
                        trigger_span: [r.trigger_span.start, r.trigger_span.end],
                        text: &section.text[result.sentences[*si].span.clone()],
                    };
                    (row, section)
                })
        })
}

pub fn write_header(columns: &[&str], out: &mut impl Write) -> Result<()> {
    writeln!(out, "{}", columns.join("\t"))?;
    Ok(())
}

/// One TSV row per relation mention, in the order of [`RELATION_COLUMNS`].
pub fn relations_tsv(
    doc: &AnnotatedDocument,
    vocab: &Vocabulary,
    out: &mut impl Write,
) -> Result<usize> {
    let mut n = 0;
    for (r, section) in relation_rows(doc, vocab) {
        let span = |s: [usize; 2]| format!("{}-{}", s[0], s[1]);
        let row = [
            r.doc_id.to_string(),
            section_name(section),
            r.sentence.to_string(),
            r.subject_id.to_string(),
            r.subject_label.to_string(),
            r.predicate.to_string(),
            r.object_id.to_string(),
            r.object_label.to_string(),
            r.polarity.to_string(),
            r.negated.to_string(),
            r.hedged.to_string(),
            r.rule.to_string(),
            span(r.subject_span),
            span(r.object_span),
            r.text.to_string(),
        ];
        let row: Vec<String> = row.iter().map(|c| cell(c)).collect();
        writeln!(out, "{}", row.join("\t"))?;
        n += 1;
    }
    Ok(n)
}

/// One JSON object per relation mention, with a `type` field.
pub fn relations_jsonl(
    doc: &AnnotatedDocument,
    vocab: &Vocabulary,
    out: &mut impl Write,
) -> Result<usize> {
    let mut n = 0;
    for (r, _) in relation_rows(doc, vocab) {
        let mut v = json!(r);
        v["type"] = json!("relation");
        writeln!(out, "{v}")?;
        n += 1;
    }
    Ok(n)
}

/// What is written of one concept mention.
#[derive(Serialize)]
struct MentionRow<'a> {
    doc_id: &'a str,
    section: &'static str,
    section_label: Option<&'a str>,
    section_index: usize,
    sentence: usize,
    span: [usize; 2],
    text: &'a str,
    concept_ids: &'a [String],
    labels: Vec<Cow<'a, str>>,
    ambiguous: bool,
    source: MentionSource,
}

fn sentence_of(result: &SectionResult, start: usize) -> usize {
    result
        .sentences
        .iter()
        .position(|s| s.span.start <= start && start < s.span.end)
        .unwrap_or(0)
}

fn mention_rows<'a>(
    doc: &'a AnnotatedDocument,
    vocab: &'a Vocabulary,
) -> impl Iterator<Item = (MentionRow<'a>, &'a Section)> {
    doc.doc
        .sections
        .iter()
        .zip(&doc.sections)
        .enumerate()
        .flat_map(move |(i, (section, result))| {
            result.mentions.iter().map(move |m: &Mention| {
                let row = MentionRow {
                    doc_id: &doc.doc.id,
                    section: section.kind.as_str(),
                    section_label: section.label.as_deref(),
                    section_index: i,
                    sentence: sentence_of(result, m.span.start),
                    span: [m.span.start, m.span.end],
                    text: &m.text,
                    concept_ids: &m.concepts,
                    labels: m.concepts.iter().map(|c| label(vocab, c)).collect(),
                    ambiguous: m.is_ambiguous(),
                    source: m.source,
                };
                (row, section)
            })
        })
}

pub fn mentions_tsv(
    doc: &AnnotatedDocument,
    vocab: &Vocabulary,
    out: &mut impl Write,
) -> Result<usize> {
    let mut n = 0;
    for (m, section) in mention_rows(doc, vocab) {
        let source = m.source.as_str();
        let row = [
            m.doc_id.to_string(),
            section_name(section),
            m.sentence.to_string(),
            format!("{}-{}", m.span[0], m.span[1]),
            cell(m.text),
            m.concept_ids.join("|"),
            m.labels.join("|"),
            m.ambiguous.to_string(),
            source.to_string(),
        ];
        writeln!(out, "{}", row.join("\t"))?;
        n += 1;
    }
    Ok(n)
}

pub fn mentions_jsonl(
    doc: &AnnotatedDocument,
    vocab: &Vocabulary,
    out: &mut impl Write,
) -> Result<usize> {
    let mut n = 0;
    for (m, _) in mention_rows(doc, vocab) {
        let mut v = json!(m);
        v["type"] = json!("mention");
        writeln!(out, "{v}")?;
        n += 1;
    }
    Ok(n)
}
