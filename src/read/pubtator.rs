//! PubTator text: documents separated by blank lines, each a `PMID|t|title` line, a
//! `PMID|a|abstract` line, then tab-separated annotation and relation lines, which are not read
//! (mechkg tags the text itself). The document id is `pmid:PMID`. Read line by line from any
//! [`BufRead`]; a document with a line of no known kind, or whose lines name different PMIDs, is
//! reported and skipped.

use super::{keep, ReadOptions, Record, RecordError, SkipKind};
use crate::model::{DocIds, Document, Section, SectionKind};
use std::io::BufRead;

type Item = Result<Record, RecordError>;

/// Whether a line is a PubTator title or abstract line (`123|t|...`, `123|a|...`).
pub fn is_pubtator_line(line: &str) -> bool {
    split_text_line(line).is_some()
}

/// `(pmid, 't' or 'a', text)` of a title or abstract line.
fn split_text_line(line: &str) -> Option<(&str, char, &str)> {
    let (pmid, rest) = line.split_once('|')?;
    if pmid.is_empty() || !pmid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (kind, text) = rest.split_once('|')?;
    match kind {
        "t" => Some((pmid, 't', text)),
        "a" => Some((pmid, 'a', text)),
        _ => None,
    }
}

/// The documents of one PubTator input.
pub struct PubtatorRecords {
    name: String,
    reader: Box<dyn BufRead + Send>,
    opts: ReadOptions,
    record: usize,
    /// The line number of the last line read, for messages.
    line: usize,
    done: bool,
}

impl PubtatorRecords {
    pub fn new(name: &str, reader: Box<dyn BufRead + Send>, opts: ReadOptions) -> Self {
        PubtatorRecords {
            name: name.to_string(),
            reader,
            opts,
            record: 0,
            line: 0,
            done: false,
        }
    }

    /// The next line without its end, `None` at the end of the input.
    fn next_line(&mut self) -> Result<Option<String>, String> {
        let mut bytes = Vec::new();
        match self.reader.read_until(b'\n', &mut bytes) {
            Ok(0) => Ok(None),
            Ok(_) => {
                self.line += 1;
                while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    bytes.pop();
                }
                String::from_utf8(bytes)
                    .map(Some)
                    .map_err(|e| format!("line {}: invalid UTF-8: {e}", self.line))
            }
            Err(e) => {
                self.done = true;
                Err(format!(
                    "could not read on (truncated or corrupt gzip?): {e}"
                ))
            }
        }
    }

    /// The lines of the next block (up to a blank line), or `None` at the end.
    fn block(&mut self) -> Option<(usize, Vec<String>, Option<String>)> {
        let mut lines = Vec::new();
        let mut start = 0;
        let mut fault = None;
        loop {
            match self.next_line() {
                Ok(None) => break,
                Ok(Some(l)) if l.trim().is_empty() => {
                    if lines.is_empty() && fault.is_none() {
                        continue;
                    }
                    break;
                }
                Ok(Some(l)) => {
                    if lines.is_empty() {
                        start = self.line;
                    }
                    lines.push(l)
                }
                Err(e) => {
                    fault.get_or_insert(e);
                    if self.done {
                        break;
                    }
                }
            }
        }
        if lines.is_empty() && fault.is_none() {
            self.done = true;
            return None;
        }
        Some((start, lines, fault))
    }

    fn document(
        &self,
        start: usize,
        lines: &[String],
    ) -> Result<Document, (Option<String>, String)> {
        let mut pmid: Option<&str> = None;
        let mut sections = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let id = if let Some((p, kind, text)) = split_text_line(line) {
                let kind = if kind == 't' {
                    SectionKind::Title
                } else {
                    SectionKind::Abstract
                };
                sections.push(Section {
                    kind,
                    label: None,
                    text: text.trim().to_string(),
                });
                p
            } else if let Some((p, _)) = line.split_once('\t') {
                p
            } else {
                let pmid = pmid.map(String::from);
                return Err((
                    pmid,
                    format!(
                        "line {}: not a title, abstract, annotation or relation line",
                        start + i
                    ),
                ));
            };
            match pmid {
                None => pmid = Some(id),
                Some(p) if p != id => {
                    return Err((
                        Some(p.to_string()),
                        format!("line {}: PMID {id} inside document {p}", start + i),
                    ))
                }
                Some(_) => {}
            }
        }
        let pmid = pmid.unwrap_or_default().to_string();
        if pmid.is_empty() || !pmid.bytes().all(|b| b.is_ascii_digit()) {
            return Err((None, "no PMID|t| or PMID|a| line".into()));
        }
        Ok(Document {
            id: format!("pmid:{pmid}"),
            ids: DocIds {
                pmid: Some(pmid),
                ..DocIds::default()
            },
            source: self.name.clone(),
            sections,
        })
    }
}

impl Iterator for PubtatorRecords {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        let (start, lines, fault) = self.block()?;
        self.record += 1;
        let pmid = lines
            .first()
            .and_then(|l| l.split(['|', '\t']).next())
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .map(String::from);
        if let Some(msg) = fault {
            let kind = if self.done {
                SkipKind::Truncated
            } else {
                SkipKind::Malformed
            };
            return Some(Err(
                RecordError::new(&self.name, self.record, pmid, kind).msg(msg)
            ));
        }
        Some(match self.document(start, &lines) {
            Ok(doc) => keep(doc, &self.opts, self.record),
            Err((p, msg)) => {
                Err(
                    RecordError::new(&self.name, self.record, p.or(pmid), SkipKind::Malformed)
                        .msg(msg),
                )
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn check(input: &str, want: &[&str]) {
        let got: Vec<String> = PubtatorRecords::new(
            "t.pubtator",
            Box::new(Cursor::new(input.as_bytes().to_vec())),
            ReadOptions::default(),
        )
        .map(|r| match r {
            Ok(Record::Doc(d)) => {
                let secs: Vec<String> = d
                    .sections
                    .iter()
                    .map(|s| format!("{}={}", s.kind, s.text))
                    .collect();
                format!("{} {}", d.id, secs.join(" | "))
            }
            Ok(Record::Delete(id)) => format!("delete {id}"),
            Err(e) => format!("error {e}"),
        })
        .collect();
        assert_eq!(got, want, "{input}");
    }

    #[test]
    fn documents() {
        check(
            "1|t|Stress activates microglia.\n1|a|Cortisol rises.\n1\t0\t6\tStress\tDisease\tMESH:D013315\n1\tCID\tMESH:1\tMESH:2\n\n\n2|t|Second.\r\n",
            &[
                "pmid:1 title=Stress activates microglia. | abstract=Cortisol rises.",
                "pmid:2 title=Second.",
            ],
        );
        check("", &[]);
        check("\n\n", &[]);
        check(
            "1|t|One.\n\n2|t|Two.\nno kind here\n\n3|t|Three.\n3|a|\n",
            &[
                "pmid:1 title=One.",
                "error t.pubtator: record 2 (PMID 2): line 4: not a title, abstract, annotation or relation line",
                "pmid:3 title=Three.",
            ],
        );
        check(
            "1|t|One.\n2|a|Two.\n",
            &["error t.pubtator: record 1 (PMID 1): line 2: PMID 2 inside document 1"],
        );
        check(
            "1|t|\n1|a|\n",
            &["error t.pubtator: record 1 (PMID 1): no text in the selected sections"],
        );
    }

    #[test]
    fn bad_utf8_skips_one_document() {
        let mut input = b"1|t|One.\n\n2|t|T\xffwo.\n\n3|t|Three.\n".to_vec();
        input.push(b'\n');
        let got: Vec<_> =
            PubtatorRecords::new("t", Box::new(Cursor::new(input)), ReadOptions::default())
                .collect();
        assert_eq!(got.len(), 3);
        assert!(got[0].is_ok() && got[2].is_ok());
        let Err(e) = &got[1] else { panic!() };
        assert!(e.msg.contains("line 3: invalid UTF-8"), "{e}");
        assert!(e.resumable);
    }
}
