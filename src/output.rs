//! Tabular and JSON Lines renderings of tagging and extraction results. TSV cells never hold a tab or
//! a newline (they are replaced by spaces); spans are `start-end` byte offsets into the section text.

use crate::error::Result;
use crate::model::AnnotatedDocument;
use crate::vocab::Vocabulary;
use serde_json::json;
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

fn label<'a>(vocab: &'a Vocabulary, id: &str) -> &'a str {
    vocab.get(id).map_or("", |c| c.label.as_str())
}

/// The section column: its kind, and its label after a colon (`figure_legend:Fig. 1`).
fn section_name(doc: &AnnotatedDocument, i: usize) -> String {
    let s = &doc.doc.sections[i];
    match &s.label {
        Some(l) => format!("{}:{l}", s.kind),
        None => s.kind.to_string(),
    }
}

pub fn write_header(columns: &[&str], out: &mut impl Write) -> Result<()> {
    writeln!(out, "{}", columns.join("\t"))?;
    Ok(())
}

/// One TSV row per relation mention.
pub fn relations_tsv(
    doc: &AnnotatedDocument,
    vocab: &Vocabulary,
    out: &mut impl Write,
) -> Result<usize> {
    let mut n = 0;
    for (i, (section, result)) in doc.doc.sections.iter().zip(&doc.sections).enumerate() {
        for (si, r) in &result.relations {
            let sentence = &section.text[result.sentences[*si].span.clone()];
            let row = [
                doc.doc.id.clone(),
                section_name(doc, i),
                si.to_string(),
                r.subject.clone(),
                label(vocab, &r.subject).to_string(),
                r.predicate.to_string(),
                r.object.clone(),
                label(vocab, &r.object).to_string(),
                r.predicate.polarity().symbol().to_string(),
                r.negated.to_string(),
                r.hedged.to_string(),
                r.rule.clone(),
                format!("{}-{}", r.subject_span.start, r.subject_span.end),
                format!("{}-{}", r.object_span.start, r.object_span.end),
                sentence.to_string(),
            ];
            let row: Vec<String> = row.iter().map(|c| cell(c)).collect();
            writeln!(out, "{}", row.join("\t"))?;
            n += 1;
        }
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
    for (i, (section, result)) in doc.doc.sections.iter().zip(&doc.sections).enumerate() {
        for (si, r) in &result.relations {
            let v = json!({
                "type": "relation",
                "doc_id": doc.doc.id,
                "section": section.kind.as_str(),
                "section_label": section.label,
                "section_index": i,
                "sentence": si,
                "subject_id": r.subject,
                "subject_label": label(vocab, &r.subject),
                "predicate": r.predicate.as_str(),
                "object_id": r.object,
                "object_label": label(vocab, &r.object),
                "polarity": r.predicate.polarity().symbol(),
                "negated": r.negated,
                "hedged": r.hedged,
                "rule": r.rule,
                "subject_span": [r.subject_span.start, r.subject_span.end],
                "object_span": [r.object_span.start, r.object_span.end],
                "trigger_span": [r.trigger_span.start, r.trigger_span.end],
                "text": &section.text[result.sentences[*si].span.clone()],
            });
            writeln!(out, "{v}")?;
            n += 1;
        }
    }
    Ok(n)
}

fn sentence_of(result: &crate::model::SectionResult, start: usize) -> usize {
    result
        .sentences
        .iter()
        .position(|s| s.span.start <= start && start < s.span.end)
        .unwrap_or(0)
}

pub fn mentions_tsv(
    doc: &AnnotatedDocument,
    vocab: &Vocabulary,
    out: &mut impl Write,
) -> Result<usize> {
    let mut n = 0;
    for (i, result) in doc.sections.iter().enumerate() {
        for m in &result.mentions {
            let labels: Vec<&str> = m.concepts.iter().map(|c| label(vocab, c)).collect();
            let row = [
                doc.doc.id.clone(),
                section_name(doc, i),
                sentence_of(result, m.span.start).to_string(),
                format!("{}-{}", m.span.start, m.span.end),
                cell(&m.text),
                m.concepts.join("|"),
                labels.join("|"),
                m.is_ambiguous().to_string(),
                format!("{:?}", m.source).to_lowercase(),
            ];
            writeln!(out, "{}", row.join("\t"))?;
            n += 1;
        }
    }
    Ok(n)
}

pub fn mentions_jsonl(
    doc: &AnnotatedDocument,
    vocab: &Vocabulary,
    out: &mut impl Write,
) -> Result<usize> {
    let mut n = 0;
    for (i, result) in doc.sections.iter().enumerate() {
        let section = &doc.doc.sections[i];
        for m in &result.mentions {
            let labels: Vec<&str> = m.concepts.iter().map(|c| label(vocab, c)).collect();
            let v = json!({
                "type": "mention",
                "doc_id": doc.doc.id,
                "section": section.kind.as_str(),
                "section_label": section.label,
                "section_index": i,
                "sentence": sentence_of(result, m.span.start),
                "span": [m.span.start, m.span.end],
                "text": m.text,
                "concept_ids": m.concepts,
                "labels": labels,
                "ambiguous": m.is_ambiguous(),
                "source": m.source,
            });
            writeln!(out, "{v}")?;
            n += 1;
        }
    }
    Ok(n)
}
