//! Gold-standard readers: PubTator (BC5CDR, BioRED, and the NCBI-disease corpus, which ships in the
//! same layout), BioC XML and BioC JSON. Each turns bytes into [`Gold`] documents whose passages keep
//! their text and whose mentions are byte spans into one passage, checked against the text.
//!
//! Gold offsets are document-level character offsets (PubTator: into `title + " " + abstract`;
//! BioC: passages carry their own document-level offset). They are mapped here to a passage index and
//! a byte range into that passage, the form the pipeline's spans take. A mention whose offsets fall
//! outside every passage, or whose text differs from the passage text at those offsets, keeps its
//! identifiers (for the normalisation score) but gets no span ([`GoldMention::span`] is `None`): it
//! is counted in [`Gold::bad_offsets`] and left out of the mention scores rather than trusted.
//!
//! Conventions: BioC annotations with `CompositeRole = IndividualMention` (BC5CDR's parts of a
//! composite mention, absent from the PubTator files) are skipped; annotations with several
//! locations (discontinuous) keep their identifiers but no span.

use crate::error::{Error, Result};
use crate::model::{SectionKind, Span};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The gold file formats `mechkg eval` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoldFormat {
    /// PubTator text: `PMID|t|title`, `PMID|a|abstract`, mention and relation lines (also the
    /// NCBI-disease corpus files).
    PubTator,
    BiocXml,
    BiocJson,
}

impl GoldFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            GoldFormat::PubTator => "pubtator",
            GoldFormat::BiocXml => "bioc-xml",
            GoldFormat::BiocJson => "bioc-json",
        }
    }

    /// Chooses the format from the first non-blank byte: `<` is BioC XML, `{` or `[` BioC JSON,
    /// anything else PubTator.
    pub fn detect(bytes: &[u8]) -> GoldFormat {
        let first = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(bytes)
            .iter()
            .find(|b| !b.is_ascii_whitespace());
        match first {
            Some(b'<') => GoldFormat::BiocXml,
            Some(b'{') | Some(b'[') => GoldFormat::BiocJson,
            _ => GoldFormat::PubTator,
        }
    }
}

/// One passage of a gold document: its role, its document-level character offset, its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub kind: SectionKind,
    pub offset: usize,
    pub text: String,
}

/// An annotated entity mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldMention {
    /// `(passage index, byte range into the passage text)`; `None` when the gold offsets do not
    /// match the text (or the mention is discontinuous).
    pub span: Option<(usize, Span)>,
    /// Document-level character offsets as written in the file.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The corpus's type name (`Chemical`, `DiseaseOrPhenotypicFeature`, `SpecificDisease`...).
    pub corpus_type: String,
    /// The identifier field as written (`D006854`, `D001|D002`, `-1`, `6528`, `OMIM:123+D004`).
    pub ids: String,
    /// Where it was read (line number in the file; 0 when the format has none), for messages.
    pub line: usize,
    /// Several locations (BioC): no span is given or checked.
    pub discontinuous: bool,
}

/// An annotated relation between two concepts of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldRelation {
    /// `CID`, `Positive_Correlation`, `Association`...
    pub kind: String,
    pub a: String,
    pub b: String,
    /// The corpus types of the arguments when the file names them (BC5CDR BioC: Chemical, Disease).
    pub a_type: Option<String>,
    pub b_type: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldDoc {
    /// The document id (a PMID in every corpus read here).
    pub id: String,
    pub passages: Vec<Passage>,
    pub mentions: Vec<GoldMention>,
    pub relations: Vec<GoldRelation>,
}

/// A gold file: its documents and what did not check out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gold {
    pub source: String,
    pub format: GoldFormat,
    pub docs: Vec<GoldDoc>,
    /// Mentions whose offsets do not match the text: `file:line: doc start-end "gold" != "text"`.
    pub bad_offsets: Vec<String>,
    /// A last document the file ends inside (a truncated copy), left out: `file:line: ...`.
    pub truncated: Option<String>,
}

/// Reads a gold file whose bytes are given; `name` is used in messages.
pub fn read(name: &str, bytes: &[u8], format: GoldFormat) -> Result<Gold> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        gold_err(name, line, "invalid UTF-8")
    })?;
    let mut truncated = None;
    let mut docs = match format {
        GoldFormat::PubTator => pubtator(name, text)?,
        GoldFormat::BiocXml => {
            let (docs, cut) = bioc_xml(name, text)?;
            truncated = cut;
            docs
        }
        GoldFormat::BiocJson => bioc_json(name, text)?,
    };
    if docs.is_empty() {
        return Err(gold_err(name, 1, "no documents found"));
    }
    let mut bad_offsets = Vec::new();
    for doc in &mut docs {
        for m in &mut doc.mentions {
            if m.span.is_some() || m.discontinuous {
                continue;
            }
            // Spans are set here for every continuous mention: see `locate`.
            match locate(&doc.passages, m.start, m.end) {
                Some((p, span)) if doc.passages[p].text[span.clone()] == m.text => {
                    m.span = Some((p, span))
                }
                found => {
                    let at = found.map_or_else(
                        || "outside the text".to_string(),
                        |(p, span)| format!("{:?}", &doc.passages[p].text[span]),
                    );
                    let place = if m.line > 0 {
                        format!("{name}:{}", m.line)
                    } else {
                        name.to_string()
                    };
                    bad_offsets.push(format!(
                        "{place}: document {} offsets {}-{}: gold text {:?}, text at offsets {at}",
                        doc.id, m.start, m.end, m.text
                    ));
                }
            }
        }
    }
    Ok(Gold {
        source: name.to_string(),
        format,
        docs,
        bad_offsets,
        truncated,
    })
}

fn gold_err(name: &str, line: usize, msg: impl Into<String>) -> Error {
    Error::Gold {
        path: name.to_string(),
        line,
        msg: msg.into(),
    }
}

/// Maps document-level character offsets to a passage and a byte range into its text.
pub fn locate(passages: &[Passage], start: usize, end: usize) -> Option<(usize, Span)> {
    if end < start {
        return None;
    }
    passages.iter().enumerate().find_map(|(i, p)| {
        let local_start = start.checked_sub(p.offset)?;
        let local_end = end - p.offset;
        let s = char_to_byte(&p.text, local_start)?;
        let e = char_to_byte(&p.text, local_end)?;
        Some((i, s..e))
    })
}

fn char_to_byte(text: &str, chars: usize) -> Option<usize> {
    if text.is_ascii() {
        return (chars <= text.len()).then_some(chars);
    }
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .nth(chars)
}

/// The PubTator layout. The NCBI-disease files use it too, with a leading blank line, a space before
/// some identifiers, `OMIM:` prefixes and `+` joining the concepts of a composite mention.
fn pubtator(name: &str, text: &str) -> Result<Vec<GoldDoc>> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut open = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            open = false;
            continue;
        }
        let err = |msg: String| gold_err(name, n, msg);
        if let Some((pmid, rest)) = line.split_once('|').filter(|(p, _)| !p.contains('\t')) {
            let (kind, body) = rest.split_once('|').ok_or_else(|| {
                err(format!(
                    "expected PMID|t|title or PMID|a|abstract, found {:?}",
                    short(line)
                ))
            })?;
            let pmid = pmid.trim();
            if pmid.is_empty() {
                return Err(err("empty document id".into()));
            }
            if !open || docs.last().is_some_and(|d| d.id != pmid) {
                docs.push(GoldDoc {
                    id: pmid.to_string(),
                    ..GoldDoc::default()
                });
                open = true;
            }
            let doc = docs.last_mut().unwrap();
            let offset = doc
                .passages
                .last()
                .map_or(0, |p| p.offset + p.text.chars().count() + 1);
            let kind = match kind {
                "t" => SectionKind::Title,
                "a" => SectionKind::Abstract,
                other => return Err(err(format!("unknown passage kind {other:?} (known: t, a)"))),
            };
            doc.passages.push(Passage {
                kind,
                offset,
                text: body.to_string(),
            });
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let Some(doc) = docs.last_mut().filter(|_| open) else {
            return Err(err(format!(
                "annotation line before any PMID|t| line: {:?}",
                short(line)
            )));
        };
        if cols[0].trim() != doc.id {
            return Err(err(format!(
                "annotation of document {:?} inside document {:?}",
                cols[0], doc.id
            )));
        }
        let numeric = |s: &str| s.parse::<usize>().ok();
        match cols.len() {
            cols_n if cols_n >= 5 && numeric(cols[1]).is_some() && numeric(cols[2]).is_some() => {
                let (start, end) = (numeric(cols[1]).unwrap(), numeric(cols[2]).unwrap());
                if end < start {
                    return Err(err(format!("mention end {end} is before its start {start}")));
                }
                doc.mentions.push(GoldMention {
                    span: None,
                    start,
                    end,
                    text: cols[3].to_string(),
                    corpus_type: cols[4].trim().to_string(),
                    ids: cols.get(5).map_or("", |s| s.trim()).to_string(),
                    line: n,
                    discontinuous: false,
                });
            }
            cols_n if cols_n >= 4 && numeric(cols[1]).is_none() && !cols[1].trim().is_empty() => {
                doc.relations.push(GoldRelation {
                    kind: cols[1].trim().to_string(),
                    a: cols[2].trim().to_string(),
                    b: cols[3].trim().to_string(),
                    a_type: None,
                    b_type: None,
                });
            }
            _ => {
                return Err(err(format!(
                    "expected a mention (PMID, start, end, text, type, ids) or a relation (PMID, type, id, id), found {:?}",
                    short(line)
                )))
            }
        }
    }
    Ok(docs)
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// The passage role of a BioC passage `type` infon; an untyped passage is read as the abstract, as
/// the input reader reads it (DrugProt's one passage holds title and abstract), but see
/// [`untyped_title`].
fn passage_kind(infon: Option<&str>) -> SectionKind {
    match infon.map(str::to_lowercase).as_deref() {
        Some("title") | Some("front") => SectionKind::Title,
        Some("abstract") | Some("abstract_title_1") | None => SectionKind::Abstract,
        Some("fig_caption") | Some("fig") => SectionKind::FigureLegend,
        Some(_) => SectionKind::Body,
    }
}

/// The first of several passages none of which is typed is the title, as the input reader reads it
/// ([`crate::read::bioc::untyped_is_title`]): BioRED's BioC JSON, whose PubTator file says so.
/// Without this the title-anchored co-mention layer found no title in it.
fn untyped_title(doc: &mut GoldDoc, typed: bool) {
    if crate::read::bioc::untyped_is_title(0, doc.passages.len(), typed) {
        doc.passages[0].kind = SectionKind::Title;
    }
}

/// The identifier infon of a BioC annotation: `identifier`, else a database key (`MESH`,
/// `NCBI Gene`...), never `type` or `CompositeRole`.
fn annotation_ids(infons: &BTreeMap<String, String>) -> String {
    if let Some(v) = infons
        .get("identifier")
        .or_else(|| infons.get("Identifier"))
    {
        return v.trim().to_string();
    }
    infons
        .iter()
        .find(|(k, _)| !matches!(k.as_str(), "type" | "CompositeRole" | "Type"))
        .map_or(String::new(), |(_, v)| v.trim().to_string())
}

/// A BioC annotation or relation as read, before it is turned into gold data.
#[derive(Debug, Default)]
struct RawAnnotation {
    id: String,
    infons: BTreeMap<String, String>,
    locations: Vec<(usize, usize)>,
    text: String,
    line: usize,
}

#[derive(Debug, Default)]
struct RawRelation {
    infons: BTreeMap<String, String>,
    nodes: Vec<(String, String)>,
    line: usize,
}

/// Adds an annotation as a mention; returns (annotation id, identifiers, type) for relation nodes.
fn finish_annotation(doc: &mut GoldDoc, a: RawAnnotation) -> Option<(String, (String, String))> {
    if a.infons.get("CompositeRole").map(String::as_str) == Some("IndividualMention") {
        return None;
    }
    let ids = annotation_ids(&a.infons);
    let corpus_type = a.infons.get("type").cloned().unwrap_or_default();
    let reference = (a.id.clone(), (ids.clone(), corpus_type.clone()));
    let (start, end, continuous) = match a.locations.as_slice() {
        [(off, len)] => (*off, off + len, true),
        [] => return Some(reference),
        many => (
            many.iter().map(|l| l.0).min().unwrap(),
            many.iter().map(|l| l.0 + l.1).max().unwrap(),
            false,
        ),
    };
    doc.mentions.push(GoldMention {
        span: None,
        start,
        end,
        text: a.text,
        corpus_type,
        ids,
        line: a.line,
        discontinuous: !continuous,
    });
    Some(reference)
}

fn finish_relation(
    name: &str,
    doc: &mut GoldDoc,
    r: RawRelation,
    refs: &BTreeMap<String, (String, String)>,
) -> Result<()> {
    let kind = r
        .infons
        .get("type")
        .or_else(|| r.infons.get("relation"))
        .or_else(|| r.infons.get("Type"))
        .cloned()
        .ok_or_else(|| gold_err(name, r.line, "relation without a type or relation infon"))?;
    let mut args: Vec<(String, Option<String>)> = Vec::new();
    if let (Some(a), Some(b)) = (r.infons.get("entity1"), r.infons.get("entity2")) {
        args.push((a.clone(), None));
        args.push((b.clone(), None));
    } else if !r.nodes.is_empty() {
        for (refid, _role) in &r.nodes {
            let (id, ty) = refs.get(refid).ok_or_else(|| {
                gold_err(
                    name,
                    r.line,
                    format!("relation node refers to unknown annotation {refid:?}"),
                )
            })?;
            args.push((id.clone(), Some(ty.clone()).filter(|t| !t.is_empty())));
        }
    } else {
        for (k, v) in &r.infons {
            if !matches!(k.as_str(), "type" | "relation" | "Type" | "novel") {
                args.push((v.clone(), Some(k.clone())));
            }
        }
    }
    match <[_; 2]>::try_from(args) {
        Ok([(a, a_type), (b, b_type)]) => {
            doc.relations.push(GoldRelation {
                kind,
                a,
                b,
                a_type,
                b_type,
            });
            Ok(())
        }
        Err(args) => Err(gold_err(
            name,
            r.line,
            format!(
                "relation {kind:?} has {} arguments, expected 2 (entity1/entity2 infons, two nodes, or two typed infons)",
                args.len()
            ),
        )),
    }
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key.as_bytes())
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// BioC XML, read as a stream: `collection/document/{id, passage, relation}`,
/// `passage/{infon, offset, text, annotation}`, `annotation/{infon, location, text}`,
/// `relation/{infon, node}` (annotations and relations may sit in a passage's `sentence`s, as in
/// DrugProt). A file that ends inside a document after complete ones (a truncated copy) gives the
/// complete documents and a message naming the cut one; any other malformed XML is an error.
fn bioc_xml(name: &str, xml: &str) -> Result<(Vec<GoldDoc>, Option<String>)> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    // Line numbers by counting newlines since the last position asked (positions only grow).
    let counted = std::cell::Cell::new((0usize, 1usize));
    let line_at = |pos: usize| {
        let (from, line) = counted.get();
        let pos = pos.min(xml.len());
        if pos < from {
            return xml.as_bytes()[..pos]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
        }
        let line = line
            + xml.as_bytes()[from..pos]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
        counted.set((pos, line));
        line
    };
    let mut docs = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut doc: Option<GoldDoc> = None;
    // Whether a passage of the current document has a `type` infon (`untyped_title`).
    let mut typed = false;
    let mut refs: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut pending: Vec<RawRelation> = Vec::new();
    let mut passage: Option<(BTreeMap<String, String>, Option<usize>, String)> = None;
    let mut annotation: Option<RawAnnotation> = None;
    let mut relation: Option<RawRelation> = None;
    let mut infon_key: Option<String> = None;
    let mut text = String::new();
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| gold_err(name, line_at(pos), format!("malformed XML: {e}")))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let tag = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
            match tag.as_str() {
                "document" => {
                    doc = Some(GoldDoc::default());
                    typed = false;
                    refs.clear();
                    pending.clear();
                }
                "passage" => passage = Some((BTreeMap::new(), None, String::new())),
                "annotation" => {
                    annotation = Some(RawAnnotation {
                        id: attr(&e, "id").unwrap_or_default(),
                        line: line_at(pos),
                        ..RawAnnotation::default()
                    })
                }
                "relation" => {
                    relation = Some(RawRelation {
                        line: line_at(pos),
                        ..RawRelation::default()
                    })
                }
                "infon" => infon_key = attr(&e, "key"),
                "location" => {
                    let num = |k: &str| -> Result<usize> {
                        attr(&e, k)
                            .and_then(|v| v.trim().parse().ok())
                            .ok_or_else(|| {
                                gold_err(
                                    name,
                                    line_at(pos),
                                    format!("<location> needs a numeric {k}"),
                                )
                            })
                    };
                    if let Some(a) = annotation.as_mut() {
                        a.locations.push((num("offset")?, num("length")?));
                    }
                }
                "node" => {
                    if let Some(r) = relation.as_mut() {
                        r.nodes.push((
                            attr(&e, "refid").unwrap_or_default(),
                            attr(&e, "role").unwrap_or_default(),
                        ));
                    }
                }
                _ => {}
            }
            text.clear();
            if !empty {
                path.push(tag);
            }
            continue;
        }
        match event {
            Event::Text(t) => {
                let s = t
                    .unescape()
                    .map_err(|e| gold_err(name, line_at(pos), format!("malformed XML: {e}")))?;
                text.push_str(&s);
            }
            Event::CData(t) => text.push_str(&String::from_utf8_lossy(&t)),
            Event::End(_) => {
                let tag = path.pop().unwrap_or_default();
                let parent = path.last().map(String::as_str).unwrap_or("");
                let value = std::mem::take(&mut text);
                match (tag.as_str(), parent) {
                    ("id", "document") => {
                        if let Some(d) = doc.as_mut() {
                            d.id = value.trim().to_string();
                        }
                    }
                    ("infon", _) => {
                        let key = infon_key.take().unwrap_or_default();
                        let target = match parent {
                            "annotation" => annotation.as_mut().map(|a| &mut a.infons),
                            "relation" => relation.as_mut().map(|r| &mut r.infons),
                            "passage" => passage.as_mut().map(|p| &mut p.0),
                            _ => None,
                        };
                        if let Some(t) = target {
                            t.insert(key, value.trim().to_string());
                        }
                    }
                    ("offset", "passage") => {
                        let off = value.trim().parse().map_err(|_| {
                            gold_err(name, line_at(pos), format!("bad passage offset {value:?}"))
                        })?;
                        if let Some(p) = passage.as_mut() {
                            p.1 = Some(off);
                        }
                    }
                    ("text", "passage") => {
                        if let Some(p) = passage.as_mut() {
                            p.2 = value;
                        }
                    }
                    ("text", "annotation") => {
                        if let Some(a) = annotation.as_mut() {
                            a.text = value;
                        }
                    }
                    ("annotation", _) => {
                        if let (Some(a), Some(d)) = (annotation.take(), doc.as_mut()) {
                            if let Some((id, r)) = finish_annotation(d, a) {
                                refs.insert(id, r);
                            }
                        }
                    }
                    ("relation", _) => {
                        if let Some(r) = relation.take() {
                            pending.push(r);
                        }
                    }
                    ("passage", _) => {
                        if let (Some((infons, offset, ptext)), Some(d)) =
                            (passage.take(), doc.as_mut())
                        {
                            let offset = offset.ok_or_else(|| {
                                gold_err(name, line_at(pos), "passage without an <offset>")
                            })?;
                            typed |= infons.contains_key("type");
                            let kind = passage_kind(infons.get("type").map(String::as_str));
                            d.passages.push(Passage {
                                kind,
                                offset,
                                text: ptext,
                            });
                        }
                    }
                    ("document", _) => {
                        if let Some(mut d) = doc.take() {
                            if d.id.is_empty() {
                                return Err(gold_err(
                                    name,
                                    line_at(pos),
                                    "document without an <id>",
                                ));
                            }
                            for r in pending.drain(..) {
                                finish_relation(name, &mut d, r, &refs)?;
                            }
                            untyped_title(&mut d, typed);
                            docs.push(d);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = path.last() {
        let line = line_at(xml.len());
        if let (Some(cut), false) = (doc.as_ref(), docs.is_empty()) {
            let id = if cut.id.is_empty() { "?" } else { &cut.id };
            let msg = format!(
                "{name}:{line}: the file ends inside <{open}> of document {id} (truncated?); it is left out and the {} complete documents before it are scored",
                docs.len()
            );
            return Ok((docs, Some(msg)));
        }
        return Err(gold_err(
            name,
            line,
            format!("malformed XML: <{open}> is not closed at the end of the file"),
        ));
    }
    Ok((docs, None))
}

#[derive(Deserialize)]
struct JsonCollection {
    #[serde(default)]
    documents: Vec<JsonDocument>,
}

#[derive(Deserialize)]
struct JsonDocument {
    id: serde_json::Value,
    #[serde(default)]
    passages: Vec<JsonPassage>,
    #[serde(default)]
    relations: Vec<JsonRelation>,
}

#[derive(Deserialize)]
struct JsonPassage {
    #[serde(default)]
    infons: BTreeMap<String, serde_json::Value>,
    offset: usize,
    #[serde(default)]
    text: String,
    #[serde(default)]
    annotations: Vec<JsonAnnotation>,
}

#[derive(Deserialize)]
struct JsonAnnotation {
    #[serde(default)]
    id: String,
    #[serde(default)]
    infons: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    locations: Vec<JsonLocation>,
}

#[derive(Deserialize)]
struct JsonLocation {
    offset: usize,
    length: usize,
}

#[derive(Deserialize)]
struct JsonRelation {
    #[serde(default)]
    infons: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    nodes: Vec<JsonNode>,
}

#[derive(Deserialize)]
struct JsonNode {
    refid: String,
    #[serde(default)]
    role: String,
}

fn json_str(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn json_infons(m: &BTreeMap<String, serde_json::Value>) -> BTreeMap<String, String> {
    m.iter().map(|(k, v)| (k.clone(), json_str(v))).collect()
}

/// BioC JSON (a collection object, or a bare list of documents). Line numbers in its messages are
/// those of the JSON parser; annotations carry no line of their own.
fn bioc_json(name: &str, text: &str) -> Result<Vec<GoldDoc>> {
    let parse_err = |e: serde_json::Error| gold_err(name, e.line(), format!("bad BioC JSON: {e}"));
    let collection: JsonCollection = if text.trim_start().starts_with('[') {
        JsonCollection {
            documents: serde_json::from_str(text).map_err(parse_err)?,
        }
    } else {
        serde_json::from_str(text).map_err(parse_err)?
    };
    let mut docs = Vec::new();
    for (di, jd) in collection.documents.into_iter().enumerate() {
        let id = json_str(&jd.id);
        if id.trim().is_empty() {
            return Err(gold_err(name, 1, format!("document {} has no id", di + 1)));
        }
        let mut doc = GoldDoc {
            id: id.trim().to_string(),
            ..GoldDoc::default()
        };
        let mut refs = BTreeMap::new();
        let mut typed = false;
        for jp in jd.passages {
            let infons = json_infons(&jp.infons);
            typed |= infons.contains_key("type");
            let kind = passage_kind(infons.get("type").map(String::as_str));
            doc.passages.push(Passage {
                kind,
                offset: jp.offset,
                text: jp.text,
            });
            for ja in jp.annotations {
                let raw = RawAnnotation {
                    id: ja.id,
                    infons: json_infons(&ja.infons),
                    locations: ja.locations.iter().map(|l| (l.offset, l.length)).collect(),
                    text: ja.text,
                    line: 0,
                };
                if let Some((id, r)) = finish_annotation(&mut doc, raw) {
                    refs.insert(id, r);
                }
            }
        }
        untyped_title(&mut doc, typed);
        for jr in jd.relations {
            let raw = RawRelation {
                infons: json_infons(&jr.infons),
                nodes: jr.nodes.into_iter().map(|n| (n.refid, n.role)).collect(),
                line: 1,
            };
            finish_relation(name, &mut doc, raw, &refs)?;
        }
        docs.push(doc);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBTATOR: &str = "1|t|Cortisol activates microglia.\n1|a|Oxytocin treats depression.\n\
1\t0\t8\tCortisol\tChemical\tD006854\n1\t30\t38\tOxytocin\tChemical\tD010121\n\
1\t46\t56\tdepression\tDisease\tD003863|D003866\n1\t9\t12\tbad\tDisease\t-1\n1\tCID\tD010121\tD003863\n";

    #[test]
    fn pubtator_offsets_map_to_passages() {
        let g = read("g.txt", PUBTATOR.as_bytes(), GoldFormat::PubTator).unwrap();
        let d = &g.docs[0];
        assert_eq!(d.passages[1].offset, 30);
        let spans: Vec<_> = d.mentions.iter().map(|m| m.span.clone()).collect();
        assert_eq!(
            spans,
            [Some((0, 0..8)), Some((1, 0..8)), Some((1, 16..26)), None]
        );
        assert_eq!(g.bad_offsets.len(), 1);
        assert!(
            g.bad_offsets[0].starts_with("g.txt:6: document 1 offsets 9-12"),
            "{:?}",
            g.bad_offsets
        );
        assert_eq!(d.relations[0].kind, "CID");
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        for (text, want) in [
            ("1|t|A.\n1\t0\tx\n", "g.txt:2: expected a mention"),
            (
                "1\t0\t1\tA\tChemical\tD1\n",
                "g.txt:1: annotation line before",
            ),
            (
                "1|t|A.\n2\t0\t1\tA\tChemical\tD1\n",
                "g.txt:2: annotation of document",
            ),
            ("1|x|A.\n", "g.txt:1: unknown passage kind"),
            (
                "1|t|A.\n1\t5\t1\tA\tChemical\tD1\n",
                "g.txt:2: mention end 1",
            ),
        ] {
            let e = read("g.txt", text.as_bytes(), GoldFormat::PubTator)
                .unwrap_err()
                .to_string();
            assert!(e.starts_with(want), "{text:?}: {e}");
        }
        let e = read("g.xml", b"<collection><document>", GoldFormat::BiocXml)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("g.xml:1: malformed XML"), "{e}");
        let e = read("g.json", b"{\"documents\": [\n{]}", GoldFormat::BiocJson)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("g.json:2: bad BioC JSON"), "{e}");
    }

    #[test]
    fn untyped_passages_of_a_pubtator_export_are_title_then_abstract() {
        let kinds = |text: &str, format| -> Vec<SectionKind> {
            read("g", text.as_bytes(), format).unwrap().docs[0]
                .passages
                .iter()
                .map(|p| p.kind)
                .collect()
        };
        // BioRED's BioC JSON: two passages, no type infon.
        let json = r#"{"documents": [{"id": "1", "passages": [
            {"offset": 0, "text": "A title.", "annotations": []},
            {"offset": 9, "text": "An abstract.", "annotations": []}], "relations": []}]}"#;
        assert_eq!(
            kinds(json, GoldFormat::BiocJson),
            [SectionKind::Title, SectionKind::Abstract]
        );
        // DrugProt's one untyped passage holds title and abstract; a typed file keeps its types.
        let one = r#"{"documents": [{"id": "1", "passages": [
            {"offset": 0, "text": "A title. An abstract.", "annotations": []}], "relations": []}]}"#;
        assert_eq!(kinds(one, GoldFormat::BiocJson), [SectionKind::Abstract]);
        let xml = r#"<collection><document><id>1</id>
<passage><infon key="type">abstract</infon><offset>0</offset><text>A.</text></passage>
<passage><infon key="type">abstract</infon><offset>3</offset><text>B.</text></passage>
</document></collection>"#;
        assert_eq!(
            kinds(xml, GoldFormat::BiocXml),
            [SectionKind::Abstract, SectionKind::Abstract]
        );
        let untyped_xml = xml.replace(r#"<infon key="type">abstract</infon>"#, "");
        assert_eq!(
            kinds(&untyped_xml, GoldFormat::BiocXml),
            [SectionKind::Title, SectionKind::Abstract]
        );
    }

    #[test]
    fn detects_formats() {
        assert_eq!(GoldFormat::detect(b"  <?xml"), GoldFormat::BiocXml);
        assert_eq!(GoldFormat::detect(b"\n{\"a\""), GoldFormat::BiocJson);
        assert_eq!(GoldFormat::detect(b"\n123|t|x"), GoldFormat::PubTator);
    }

    #[test]
    fn char_offsets_become_byte_offsets() {
        let p = [Passage {
            kind: SectionKind::Title,
            offset: 0,
            text: "β-endorphin and IL-6".into(),
        }];
        assert_eq!(locate(&p, 16, 20), Some((0, 17..21)));
        assert_eq!(locate(&p, 16, 21), None);
    }

    #[test]
    fn bioc_xml_composites_and_nodes() {
        let xml = r#"<?xml version="1.0"?><collection><document><id>7</id>
<passage><infon key="type">title</infon><offset>0</offset><text>Lithium causes seizures &amp; tremor.</text>
<annotation id="A"><infon key="type">Chemical</infon><infon key="MESH">D008094</infon><location offset="0" length="7"/><text>Lithium</text></annotation>
<annotation id="B"><infon key="type">Disease</infon><infon key="CompositeRole">IndividualMention</infon><infon key="MESH">D1</infon><location offset="15" length="8"/><text>seizures</text></annotation>
<annotation id="C"><infon key="type">Disease</infon><infon key="MESH">D012640</infon><location offset="15" length="8"/><text>seizures</text></annotation>
</passage>
<relation id="R"><infon key="relation">CID</infon><node refid="A" role="Chemical"/><node refid="C" role="Disease"/></relation>
</document></collection>"#;
        let g = read("g.xml", xml.as_bytes(), GoldFormat::BiocXml).unwrap();
        let d = &g.docs[0];
        assert_eq!(d.passages[0].text, "Lithium causes seizures & tremor.");
        assert_eq!(d.mentions.len(), 2);
        assert_eq!(d.mentions[1].line, 5);
        assert_eq!(
            (d.relations[0].a.as_str(), d.relations[0].b.as_str()),
            ("D008094", "D012640")
        );
        assert!(g.bad_offsets.is_empty());
    }
}
