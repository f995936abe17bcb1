//! BioC, as XML (`collection`/`document`/`passage`, streamed one document at a time) and as JSON (a
//! collection object, a document object, an array of either, or one per line as PubTator3 writes
//! them). A passage's `type` infon gives its section: `title` and `front` the title, `abstract` the
//! abstract, `fig` and `fig_caption` a figure legend (labelled with the `label` infon, else the
//! "Figure N" the text begins with, else the `id` infon), `ref` and `table` are not read, and every
//! other passage is body text. Headings (`title_1`, `abstract_title_1`, ...) are not sections but
//! label the passages that follow them. An untyped passage is the abstract, except that the first of
//! several untyped passages is the title (a PubTator export: BioRED's BioC JSON). Passage text is
//! kept as written, so that a span plus the
//! passage's `offset` is the BioC offset again. The document id is `pmid:ID` when the
//! `article-id_pmid` infon or the id is numeric, `pmc:PMCn` for a PMC id, else `bioc:ID`.

use super::xml::{attr, XmlStream};
use super::{keep, year_of, ReadOptions, Record, RecordError, SkipKind};
use crate::model::{DocIds, Document, Section, SectionKind};
use quick_xml::events::BytesStart;
use regex::Regex;
use serde_json::Value;
use std::cell::Cell;
use std::collections::VecDeque;
use std::io::BufRead;
use std::sync::LazyLock;

type Item = Result<Record, RecordError>;

static FIGURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:(fig\.?|figure)\s*(\d+[A-Za-z]?))\b").unwrap());

/// One passage: its infons and its text (the sentences' texts when it has none of its own).
#[derive(Debug, Default)]
struct Passage {
    infons: Vec<(String, String)>,
    text: String,
}

impl Passage {
    fn infon(&self, key: &str) -> Option<&str> {
        infon(&self.infons, key)
    }
}

fn infon<'a>(infons: &'a [(String, String)], key: &str) -> Option<&'a str> {
    infons
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.trim().is_empty())
}

/// A document from its BioC id, document infons and passages; `None` when it has no id at all.
fn document(
    source: &str,
    id: &str,
    infons: &[(String, String)],
    passages: &[Passage],
) -> Option<Document> {
    let id = id.trim();
    let all_infons = || infons.iter().chain(passages.iter().flat_map(|p| &p.infons));
    let find = |key: &str| {
        all_infons()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
    };
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut ids = DocIds {
        pmid: find("article-id_pmid").filter(|p| numeric(p)),
        pmcid: find("article-id_pmc").map(|p| {
            if p.starts_with("PMC") {
                p
            } else {
                format!("PMC{p}")
            }
        }),
        doi: find("article-id_doi"),
        year: find("year").and_then(|y| year_of(&y)),
    };
    let doc_id = if let Some(p) = &ids.pmid {
        format!("pmid:{p}")
    } else if numeric(id) {
        ids.pmid = Some(id.to_string());
        format!("pmid:{id}")
    } else if id.starts_with("PMC") && numeric(&id[3..]) {
        ids.pmcid.get_or_insert_with(|| id.to_string());
        format!("pmc:{id}")
    } else if !id.is_empty() {
        format!("bioc:{id}")
    } else {
        return None;
    };
    let mut sections = Vec::new();
    let (mut abstract_label, mut body_label) = (None, None);
    let typed = |p: &Passage| {
        p.infon("type")
            .or_else(|| p.infon("section_type"))
            .is_some()
    };
    let any_typed = passages.iter().any(typed);
    for (i, p) in passages.iter().enumerate() {
        // A passage without a type (DrugProt's, which holds title and abstract) is read as the
        // abstract: a plain paragraph of body text would be left out by the default sections.
        let untyped = if untyped_is_title(i, passages.len(), any_typed) {
            "title"
        } else {
            "abstract"
        };
        let kind = p
            .infon("type")
            .or_else(|| p.infon("section_type"))
            .unwrap_or(untyped)
            .to_lowercase();
        let text = p.text.trim_end().to_string();
        let heading = Some(super::collapse(&text)).filter(|t| !t.is_empty());
        let (kind, label) = match kind.as_str() {
            "title" | "front" => (SectionKind::Title, None),
            "abstract" => (SectionKind::Abstract, abstract_label.clone()),
            "fig" | "fig_caption" | "fig_title_caption" => {
                let label = p
                    .infon("label")
                    .map(String::from)
                    .or_else(|| {
                        FIGURE
                            .find(text.trim_start())
                            .map(|m| m.as_str().to_string())
                    })
                    .or_else(|| p.infon("id").map(String::from));
                (SectionKind::FigureLegend, label)
            }
            "ref" | "table" => continue,
            k if k.starts_with("abstract_title") => {
                abstract_label = heading;
                continue;
            }
            k if k.starts_with("title_") => {
                body_label = heading;
                continue;
            }
            _ => (SectionKind::Body, body_label.clone()),
        };
        sections.push(Section { kind, label, text });
    }
    Some(Document {
        id: doc_id,
        ids,
        source: source.to_string(),
        sections,
    })
}

/// Whether passage `index` of a document's `count`, none typed unless `any_typed`, is the title:
/// several passages none of which has a type are a PubTator export (BioRED's BioC JSON), title then
/// abstract; one alone holds both (DrugProt). The gold reader (`eval::gold`) reads them alike.
pub fn untyped_is_title(index: usize, count: usize, any_typed: bool) -> bool {
    index == 0 && count > 1 && !any_typed
}

fn finish(
    source: &str,
    record: usize,
    id: &str,
    infons: &[(String, String)],
    passages: &[Passage],
    opts: &ReadOptions,
) -> Item {
    match document(source, id, infons, passages) {
        Some(doc) => keep(doc, opts, record),
        None => Err(RecordError::new(source, record, None, SkipKind::Malformed)
            .msg("a document without an <id>")),
    }
}

/// What the XML reader keeps of a `<document>`.
enum Capture {
    Id,
    DocInfon(String),
    PassageInfon(usize, String),
    PassageText(usize),
}

/// The documents of one BioC XML input.
pub struct BiocXmlRecords {
    name: String,
    xml: XmlStream,
    opts: ReadOptions,
    record: usize,
}

impl BiocXmlRecords {
    pub fn new(name: &str, reader: Box<dyn BufRead + Send>, opts: ReadOptions) -> Self {
        BiocXmlRecords {
            name: name.to_string(),
            xml: XmlStream::new(reader, &[b"document"], false),
            opts,
            record: 0,
        }
    }

    fn read_document(&mut self) -> Item {
        let mut id = String::new();
        let mut infons = Vec::new();
        let mut passages: Vec<Passage> = Vec::new();
        // The number of passages begun so far; a passage's parts carry its index.
        let begun = Cell::new(0usize);
        let mut select = |stack: &[Vec<u8>], e: &BytesStart| -> Option<Capture> {
            let parent = stack.last().map_or(&b""[..], |p| p.as_slice());
            let in_passage = stack.len() >= 2 && stack[stack.len() - 2] == b"passage";
            let passage = begun.get().checked_sub(1);
            match (e.local_name().as_ref(), parent) {
                (b"passage", b"document") => {
                    begun.set(begun.get() + 1);
                    None
                }
                (b"id", b"document") => Some(Capture::Id),
                (b"infon", b"document") => Some(Capture::DocInfon(attr(e, "key")?)),
                (b"infon", b"passage") => Some(Capture::PassageInfon(passage?, attr(e, "key")?)),
                (b"text", b"passage") => Some(Capture::PassageText(passage?)),
                (b"text", b"sentence") if in_passage => Some(Capture::PassageText(passage?)),
                _ => None,
            }
        };
        let mut take = |c: Capture, text: String| match c {
            Capture::Id => id = text,
            Capture::DocInfon(k) => infons.push((k, text)),
            Capture::PassageInfon(i, k) => passage_at(&mut passages, i).infons.push((k, text)),
            Capture::PassageText(i) => {
                let p = passage_at(&mut passages, i);
                if !p.text.is_empty() {
                    p.text.push(' ');
                }
                p.text.push_str(&text);
            }
        };
        let read = self.xml.read_element(b"document", &mut select, &mut take);
        let pmid =
            Some(id.clone()).filter(|i| !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit()));
        match read {
            Ok(()) => finish(&self.name, self.record, &id, &infons, &passages, &self.opts),
            Err((kind, msg)) => {
                let err = RecordError::new(&self.name, self.record, pmid, kind).msg(msg);
                if err.resumable {
                    self.xml.recover();
                } else {
                    self.xml.done = true;
                }
                Err(err)
            }
        }
    }
}

fn passage_at(passages: &mut Vec<Passage>, i: usize) -> &mut Passage {
    while passages.len() <= i {
        passages.push(Passage::default());
    }
    &mut passages[i]
}

impl Iterator for BiocXmlRecords {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let start = self.xml.next_record()?;
        self.record += 1;
        Some(match start {
            Ok(_) => self.read_document(),
            Err((kind, msg)) => {
                self.xml.recover();
                Err(RecordError::new(&self.name, self.record, None, kind).msg(msg))
            }
        })
    }
}

/// The documents of one BioC JSON input.
pub struct BiocJsonRecords {
    name: String,
    values: serde_json::StreamDeserializer<
        'static,
        serde_json::de::IoRead<Box<dyn BufRead + Send>>,
        Value,
    >,
    opts: ReadOptions,
    record: usize,
    pending: VecDeque<Value>,
    done: bool,
}

impl BiocJsonRecords {
    pub fn new(name: &str, reader: Box<dyn BufRead + Send>, opts: ReadOptions) -> Self {
        BiocJsonRecords {
            name: name.to_string(),
            values: serde_json::Deserializer::from_reader(reader).into_iter(),
            opts,
            record: 0,
            pending: VecDeque::new(),
            done: false,
        }
    }

    /// Queues the documents of one top-level value.
    fn queue(&mut self, v: Value) {
        match v {
            Value::Array(items) => self.pending.extend(items),
            Value::Object(mut o) => {
                let list = ["documents", "PubTator3"]
                    .iter()
                    .find_map(|k| o.remove(*k).filter(Value::is_array));
                match list {
                    Some(Value::Array(docs)) => self.pending.extend(docs),
                    _ => self.pending.push_back(Value::Object(o)),
                }
            }
            other => self.pending.push_back(other),
        }
    }

    fn document(&self, v: &Value) -> Item {
        let err = |msg: &str| {
            Err(RecordError::new(&self.name, self.record, None, SkipKind::Malformed).msg(msg))
        };
        let Some(o) = v.as_object() else {
            return err("not a BioC document (a JSON object with \"passages\")");
        };
        let Some(list) = o.get("passages").and_then(Value::as_array) else {
            return err("not a BioC document: no \"passages\" array");
        };
        let id = match o.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        let infons = json_infons(o.get("infons"));
        let passages: Vec<Passage> = list
            .iter()
            .map(|p| {
                let mut text = p
                    .get("text")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                if text.is_empty() {
                    let sentences = p.get("sentences").and_then(Value::as_array);
                    let parts: Vec<&str> = sentences
                        .into_iter()
                        .flatten()
                        .filter_map(|s| s.get("text").and_then(Value::as_str))
                        .collect();
                    text = parts.join(" ");
                }
                Passage {
                    infons: json_infons(p.get("infons")),
                    text,
                }
            })
            .collect();
        finish(&self.name, self.record, &id, &infons, &passages, &self.opts)
    }
}

fn json_infons(v: Option<&Value>) -> Vec<(String, String)> {
    let Some(Value::Object(o)) = v else {
        return Vec::new();
    };
    o.iter()
        .filter_map(|(k, v)| match v {
            Value::String(s) => Some((k.clone(), s.clone())),
            Value::Number(n) => Some((k.clone(), n.to_string())),
            _ => None,
        })
        .collect()
}

impl Iterator for BiocJsonRecords {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(v) = self.pending.pop_front() {
                self.record += 1;
                return Some(self.document(&v));
            }
            if self.done {
                return None;
            }
            match self.values.next()? {
                Ok(v) => self.queue(v),
                Err(e) => {
                    self.done = true;
                    self.record += 1;
                    let kind = if e.is_io() || e.is_eof() {
                        SkipKind::Truncated
                    } else {
                        SkipKind::Malformed
                    };
                    let mut err = RecordError::new(&self.name, self.record, None, kind).msg(
                        format!("malformed JSON: {e}; the rest of the input is not read"),
                    );
                    err.resumable = false;
                    return Some(Err(err));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn show(items: Vec<Item>) -> Vec<String> {
        items
            .into_iter()
            .map(|r| match r {
                Ok(Record::Doc(d)) => {
                    let secs: Vec<String> = d
                        .sections
                        .iter()
                        .map(|s| match &s.label {
                            Some(l) => format!("{}[{l}]={}", s.kind, s.text),
                            None => format!("{}={}", s.kind, s.text),
                        })
                        .collect();
                    format!("{} {:?} {}", d.id, d.ids.year, secs.join(" | "))
                }
                Ok(Record::Delete(id)) => format!("delete {id}"),
                Err(e) => format!("error {e}"),
            })
            .collect()
    }

    fn opts() -> ReadOptions {
        ReadOptions {
            sections: SectionKind::ALL.to_vec(),
            doc_id: None,
        }
    }

    fn check_xml(documents: &str, want: &[&str]) {
        let xml =
            format!("<?xml version='1.0'?><collection><source>x</source>{documents}</collection>");
        let r = BiocXmlRecords::new("t.xml", Box::new(Cursor::new(xml.into_bytes())), opts());
        assert_eq!(show(r.collect()), want, "{documents}");
    }

    fn check_json(json: &str, want: &[&str]) {
        let r = BiocJsonRecords::new(
            "t.json",
            Box::new(Cursor::new(json.as_bytes().to_vec())),
            opts(),
        );
        assert_eq!(show(r.collect()), want, "{json}");
    }

    fn passage(ty: &str, text: &str) -> String {
        format!("<passage><infon key=\"type\">{ty}</infon><offset>0</offset><text>{text}</text><annotation id=\"1\"><text>not this</text></annotation></passage>")
    }

    #[test]
    fn xml_documents() {
        check_xml(
            &format!(
                "<document><id>123</id><infon key=\"year\">2020</infon>{}{}{}{}{}{}</document>",
                passage("front", "A  title."),
                passage("abstract_title_1", "Background"),
                passage("abstract", "Cortisol rises."),
                passage("fig_caption", "Figure 2. Microglia."),
                passage("title_1", "Results"),
                passage("paragraph", "Body text &amp; more."),
            ),
            &["pmid:123 Some(2020) title=A  title. | abstract[Background]=Cortisol rises. | figure_legend[Figure 2]=Figure 2. Microglia. | body[Results]=Body text & more."],
        );
        check_xml(
            &format!(
                "<document><id>PMC42</id>{}</document><document><id>abc</id>{}</document>",
                passage("title", "One."),
                "<passage><infon key=\"type\">fig</infon><infon key=\"id\">F1</infon><offset>5</offset><sentence><offset>5</offset><text>Part one.</text></sentence><sentence><text>Part two.</text></sentence></passage>",
            ),
            &[
                "pmc:PMC42 None title=One.",
                "bioc:abc None figure_legend[F1]=Part one. Part two.",
            ],
        );
        check_xml(
            &format!(
                "<document><id>1</id>{}</document><document><id>2</id><passage><text>bad <b>x</text></passage></document><document><id>3</id>{}</document>",
                passage("title", "One."),
                passage("title", "Three."),
            ),
            &[
                "pmid:1 None title=One.",
                "error t.xml: record 2 (PMID 2): malformed XML: </text> closes <b>",
                "pmid:3 None title=Three.",
            ],
        );
    }

    #[test]
    fn json_documents() {
        let doc = r#"{"id": "55", "infons": {}, "passages": [
            {"infons": {"type": "title"}, "offset": 0, "text": "T.", "annotations": []},
            {"infons": {"type": "abstract", "year": 1999}, "offset": 3, "text": "A."}]}"#;
        let want = "pmid:55 Some(1999) title=T. | abstract=A.";
        check_json(
            &format!("{{\"source\": \"x\", \"documents\": [{doc}]}}"),
            &[want],
        );
        check_json(&format!("[{doc}, {doc}]"), &[want, want]);
        check_json(
            &format!("{}\n{}\n", doc.replace('\n', " "), doc.replace('\n', " ")),
            &[want, want],
        );
        check_json(&format!("{{\"PubTator3\": [{doc}]}}"), &[want]);
        // A PubTator export types no passage: the first of several is the title; one alone
        // (DrugProt's title and abstract) is the abstract.
        check_json(
            r#"{"id": "56", "passages": [{"offset": 0, "text": "T."}, {"offset": 3, "text": "A."}]}"#,
            &["pmid:56 None title=T. | abstract=A."],
        );
        check_json(
            r#"{"id": "57", "passages": [{"offset": 0, "text": "T. A."}]}"#,
            &["pmid:57 None abstract=T. A."],
        );
        check_json(
            &format!("[{doc}, {{\"id\": 2}}, {doc}]"),
            &[
                want,
                "error t.json: record 2: not a BioC document: no \"passages\" array",
                want,
            ],
        );
        let got = show(
            BiocJsonRecords::new(
                "t.json",
                Box::new(Cursor::new(format!("{doc}\n{{\"id\": ").into_bytes())),
                opts(),
            )
            .collect(),
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[1].starts_with("error t.json: record 2: malformed JSON"),
            "{got:?}"
        );
    }
}
