//! PubMed/MEDLINE XML (`PubmedArticleSet`, as in the annual baseline and the daily update files),
//! streamed one record at a time from any [`BufRead`], never the whole file in memory. Per
//! `PubmedArticle` (or `PubmedBookArticle`): the PMID (document id `pmid:NNN`), the `ArticleTitle`
//! as the title section, each `AbstractText` of the `Abstract` as an abstract section labelled with
//! its `Label` attribute (`OtherAbstract` is not read), the DOI and PMC id of `ArticleIdList`, and
//! the year of `PubDate` (`Year`, else the first year of `MedlineDate`). Inline markup (`<i>`,
//! `<sup>`, `<b>`, `<sub>`, `<u>`, MathML) is flattened to its text and white space is folded.
//! Each PMID of a `DeleteCitation` gives a [`Record::Delete`].
//!
//! A malformed record (a closing tag that does not match, a bad entity, bad UTF-8) is reported with
//! its number and PMID and skipped up to the next record; an input that ends inside a record (a
//! truncated gzip) is reported and ends the stream, after the records read before it.

use super::xml::{attr, Fault, XmlStream};
use super::{keep, year_of, ReadOptions, Record, RecordError, SkipKind};
use crate::model::{DocIds, Document, Section, SectionKind};
use quick_xml::events::BytesStart;
use std::collections::VecDeque;
use std::io::BufRead;

type Item = Result<Record, RecordError>;

const RECORDS: &[&[u8]] = &[b"PubmedArticle", b"PubmedBookArticle", b"DeleteCitation"];

/// The records of one PubMed XML input.
pub struct PubmedRecords {
    name: String,
    xml: XmlStream,
    opts: ReadOptions,
    /// Records begun so far: the number of the current one.
    record: usize,
    pending: VecDeque<Item>,
}

impl PubmedRecords {
    pub fn new(name: &str, reader: Box<dyn BufRead + Send>, opts: ReadOptions) -> Self {
        PubmedRecords {
            name: name.to_string(),
            xml: XmlStream::new(reader, RECORDS, true),
            opts,
            record: 0,
            pending: VecDeque::new(),
        }
    }

    /// Queues a record's error, then skips to the next record or ends the stream.
    fn fail(&mut self, pmid: Option<String>, (kind, msg): Fault) {
        let err = RecordError::new(&self.name, self.record, pmid, kind).msg(msg);
        if err.resumable {
            self.xml.recover();
        } else {
            self.xml.done = true;
        }
        self.pending.push_back(Err(err));
    }

    fn read_record(&mut self, name: &[u8]) {
        self.record += 1;
        if name == b"DeleteCitation" {
            let mut pmids = Vec::new();
            let read = self.xml.read_element(
                name,
                &mut |_, e| (e.local_name().as_ref() == b"PMID").then_some(()),
                &mut |(), text| pmids.push(text),
            );
            match read {
                Ok(()) => self.pending.extend(
                    pmids
                        .into_iter()
                        .map(|p| Ok(Record::Delete(format!("pmid:{p}")))),
                ),
                Err(f) => self.fail(pmids.first().cloned(), f),
            }
            return;
        }
        let mut article = Article::default();
        let read = self
            .xml
            .read_element(name, &mut Capture::of, &mut |c, text| article.take(c, text));
        match read {
            Ok(()) => {
                let item = match article.into_document(&self.name) {
                    Some(doc) => keep(doc, &self.opts, self.record),
                    None => {
                        Err(
                            RecordError::new(&self.name, self.record, None, SkipKind::Malformed)
                                .msg("no PMID"),
                        )
                    }
                };
                self.pending.push_back(item);
            }
            Err(f) => self.fail(article.pmid, f),
        }
    }
}

impl Iterator for PubmedRecords {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(x) = self.pending.pop_front() {
                return Some(x);
            }
            match self.xml.next_record()? {
                Ok(name) => self.read_record(&name),
                Err(f) => {
                    self.record += 1;
                    self.fail(None, f);
                }
            }
        }
    }
}

/// An element whose text a record keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Capture {
    Pmid,
    Title,
    Abstract(Option<String>),
    Year,
    Doi,
    Pmc,
}

impl Capture {
    /// Selects the elements a record keeps, by their name and their parent's.
    fn of(stack: &[Vec<u8>], e: &BytesStart) -> Option<Capture> {
        let at = |back: usize| {
            stack
                .len()
                .checked_sub(back)
                .map_or(&b""[..], |i| stack[i].as_slice())
        };
        let (parent, grandparent) = (at(1), at(2));
        let attr = |key: &str| attr(e, key);
        match (e.local_name().as_ref(), parent) {
            (b"PMID", b"MedlineCitation" | b"BookDocument" | b"DeleteCitation") => {
                Some(Capture::Pmid)
            }
            (b"ArticleTitle", b"Article" | b"BookDocument") => Some(Capture::Title),
            (b"AbstractText", b"Abstract") => Some(Capture::Abstract(
                attr("Label").filter(|l| !l.trim().is_empty()),
            )),
            (b"Year" | b"MedlineDate", b"PubDate") => Some(Capture::Year),
            (b"ArticleId", b"ArticleIdList")
                if matches!(grandparent, b"PubmedData" | b"PubmedBookData") =>
            {
                match attr("IdType").as_deref() {
                    Some("doi") => Some(Capture::Doi),
                    Some("pmc") => Some(Capture::Pmc),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

/// What one `PubmedArticle` gave so far.
#[derive(Default)]
struct Article {
    pmid: Option<String>,
    title: Option<String>,
    abstracts: Vec<(Option<String>, String)>,
    year: Option<u16>,
    doi: Option<String>,
    pmc: Option<String>,
}

impl Article {
    fn take(&mut self, c: Capture, text: String) {
        match c {
            Capture::Pmid if self.pmid.is_none() => self.pmid = Some(text),
            Capture::Title if self.title.is_none() => self.title = Some(text),
            Capture::Abstract(label) => self.abstracts.push((label, text)),
            Capture::Year if self.year.is_none() => self.year = year_of(&text),
            Capture::Doi if self.doi.is_none() => self.doi = Some(text),
            Capture::Pmc if self.pmc.is_none() => self.pmc = Some(text),
            _ => {}
        }
    }

    fn into_document(self, source: &str) -> Option<Document> {
        let pmid = self.pmid.filter(|p| !p.is_empty())?;
        let mut sections = Vec::new();
        if let Some(t) = self.title {
            sections.push(Section {
                kind: SectionKind::Title,
                label: None,
                text: t,
            });
        }
        for (label, text) in self.abstracts {
            sections.push(Section {
                kind: SectionKind::Abstract,
                label,
                text,
            });
        }
        Some(Document {
            id: format!("pmid:{pmid}"),
            ids: DocIds {
                pmid: Some(pmid),
                pmcid: self.pmc,
                doi: self.doi,
                year: self.year,
            },
            source: source.to_string(),
            sections,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn read_all(xml: &str) -> Vec<Item> {
        PubmedRecords::new(
            "t.xml",
            Box::new(Cursor::new(xml.as_bytes().to_vec())),
            ReadOptions::default(),
        )
        .collect()
    }

    /// One line per item: `doc ID YEAR | kind[label]=text | ...`, `delete ID` or `error ...`.
    fn show(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Ok(Record::Doc(d)) => {
                    let mut s = format!("doc {} {:?}", d.id, d.ids.year);
                    for sec in &d.sections {
                        s.push_str(&format!(" | {}", sec.kind));
                        if let Some(l) = &sec.label {
                            s.push_str(&format!("[{l}]"));
                        }
                        s.push_str(&format!("={}", sec.text));
                    }
                    s
                }
                Ok(Record::Delete(id)) => format!("delete {id}"),
                Err(e) => format!("error {e} resumable={}", e.resumable),
            })
            .collect()
    }

    fn article(pmid: &str, inner: &str) -> String {
        format!(
            "<PubmedArticle><MedlineCitation><PMID Version=\"1\">{pmid}</PMID><Article>{inner}</Article>\
             <CommentsCorrectionsList><CommentsCorrections><PMID>999</PMID></CommentsCorrections></CommentsCorrectionsList>\
             </MedlineCitation></PubmedArticle>"
        )
    }

    fn check(input: &str, want: &[&str]) {
        let xml = format!("<?xml version=\"1.0\"?>\n<PubmedArticleSet>{input}</PubmedArticleSet>");
        assert_eq!(show(&read_all(&xml)), want, "{input}");
    }

    #[test]
    fn articles() {
        check(
            &article(
                "1",
                "<Journal><JournalIssue><PubDate><Year>1979</Year></PubDate></JournalIssue></Journal>\
                 <ArticleTitle>Oxytocin and <i>the</i>\n  brain.</ArticleTitle>\
                 <Abstract><AbstractText Label=\"BACKGROUND\" NlmCategory=\"BACKGROUND\">ACTH<sup>2</sup> &amp; cortisol.</AbstractText>\
                 <AbstractText Label=\"\">Second <b>part</b>.</AbstractText></Abstract>\
                 <OtherAbstract><AbstractText>Nicht dies.</AbstractText></OtherAbstract>",
            ),
            &["doc pmid:1 Some(1979) | title=Oxytocin and the brain. | abstract[BACKGROUND]=ACTH2 & cortisol. | abstract=Second part."],
        );
        check(
            &article(
                "2",
                "<Journal><JournalIssue><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue></Journal>\
                 <ArticleTitle>Only a title.</ArticleTitle>",
            ),
            &["doc pmid:2 Some(1998) | title=Only a title."],
        );
        check(
            "<DeleteCitation><PMID Version=\"1\">5</PMID><PMID Version=\"1\">6</PMID></DeleteCitation>",
            &["delete pmid:5", "delete pmid:6"],
        );
        check(
            &article("3", "<ArticleTitle></ArticleTitle>"),
            &["error t.xml: record 1 (PMID 3): no text in the selected sections resumable=true"],
        );
    }

    #[test]
    fn a_malformed_record_is_skipped() {
        let input = format!(
            "{}{}{}",
            article("1", "<ArticleTitle>Good one.</ArticleTitle>"),
            article("2", "<ArticleTitle>Broken <i>markup.</ArticleTitle>"),
            article("3", "<ArticleTitle>Good &amp; three.</ArticleTitle>"),
        );
        check(
            &input,
            &[
                "doc pmid:1 None | title=Good one.",
                "error t.xml: record 2 (PMID 2): malformed XML: </ArticleTitle> closes <i> resumable=true",
                "doc pmid:3 None | title=Good & three.",
            ],
        );
        let input = format!(
            "{}{}{}",
            article("1", "<ArticleTitle>Good one.</ArticleTitle>"),
            article("2", "<ArticleTitle>Bad &nosuch; entity.</ArticleTitle>"),
            article("3", "<ArticleTitle>Three.</ArticleTitle>"),
        );
        let got = show(&read_all(&format!(
            "<PubmedArticleSet>{input}</PubmedArticleSet>"
        )));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[1].starts_with("error t.xml: record 2 (PMID 2): bad text"),
            "{got:?}"
        );
        assert_eq!(got[2], "doc pmid:3 None | title=Three.");
    }

    #[test]
    fn an_input_that_ends_inside_a_record_stops() {
        let xml = format!(
            "<PubmedArticleSet>{}<PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>Cut",
            article("1", "<ArticleTitle>Good.</ArticleTitle>")
        );
        assert_eq!(
            show(&read_all(&xml)),
            [
                "doc pmid:1 None | title=Good.",
                "error t.xml: record 2 (PMID 2): the input ends inside <ArticleTitle> (truncated file?) resumable=false"
            ]
        );
    }
}
