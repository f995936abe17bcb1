//! Streaming XML for the record-stream readers (PubMed, BioC): finds the start of each record
//! element, reads one record up to its end tag handing the text of selected elements to the reader
//! (inline markup inside them flattened, white space folded if asked), checks end tags against the record's
//! own stack so that a mismatch is one record's fault, and after a fault skips to the next record.

use super::{collapse, SkipKind};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::BufRead;

/// A record's fault: its kind and message (the reader adds the record number and PMID).
pub(crate) type Fault = (SkipKind, String);

/// Chooses, from a start tag and the names of its ancestors, whether (and as what) to keep an
/// element's text.
pub(crate) type Select<'a, C> = dyn FnMut(&[Vec<u8>], &BytesStart) -> Option<C> + 'a;

pub(crate) struct XmlStream {
    reader: Reader<Box<dyn BufRead + Send>>,
    buf: Vec<u8>,
    /// The record elements of the format.
    records: &'static [&'static [u8]],
    /// A record start met while skipping a bad record: the next one to read.
    resume: Option<Vec<u8>>,
    /// Whether captured text has its white space folded (PubMed) or is kept as written (BioC,
    /// whose offsets count it).
    fold: bool,
    pub done: bool,
}

impl XmlStream {
    pub fn new(
        reader: Box<dyn BufRead + Send>,
        records: &'static [&'static [u8]],
        fold: bool,
    ) -> Self {
        let mut reader = Reader::from_reader(reader);
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = false;
        XmlStream {
            reader,
            buf: Vec::new(),
            records,
            resume: None,
            fold,
            done: false,
        }
    }

    /// The name of the next record element, `None` at the end, or a fault met outside a record.
    pub fn next_record(&mut self) -> Option<Result<Vec<u8>, Fault>> {
        if let Some(name) = self.resume.take() {
            return Some(Ok(name));
        }
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            match self.reader.read_event_into(&mut self.buf) {
                Ok(Event::Start(e)) if self.records.contains(&e.local_name().as_ref()) => {
                    return Some(Ok(e.local_name().as_ref().to_vec()))
                }
                Ok(Event::Eof) => self.done = true,
                Ok(_) => {}
                Err(e) => return Some(Err(fault(e))),
            }
        }
    }

    /// Skips to the start of the next record (read by the next [`next_record`](Self::next_record))
    /// or to the end.
    pub fn recover(&mut self) {
        while !self.done {
            self.buf.clear();
            let before = self.reader.buffer_position();
            match self.reader.read_event_into(&mut self.buf) {
                Ok(Event::Start(e)) if self.records.contains(&e.local_name().as_ref()) => {
                    self.resume = Some(e.local_name().as_ref().to_vec());
                    return;
                }
                Ok(Event::Eof) | Err(quick_xml::Error::Io(_)) => self.done = true,
                Err(_) if self.reader.buffer_position() == before => self.done = true,
                _ => {}
            }
        }
    }

    /// Reads the element whose start tag `name` was just read, up to its end tag. `select` is
    /// asked about each start tag inside it, with the names of its ancestors (the record element
    /// first); the text of a selected element goes to `take` at its end.
    pub fn read_element<C>(
        &mut self,
        name: &[u8],
        select: &mut Select<'_, C>,
        take: &mut dyn FnMut(C, String),
    ) -> Result<(), Fault> {
        let mut stack: Vec<Vec<u8>> = vec![name.to_vec()];
        // What is being captured, at which depth, and its text so far.
        let mut capture: Option<(C, usize, String)> = None;
        loop {
            self.buf.clear();
            match self.reader.read_event_into(&mut self.buf) {
                Ok(Event::Start(e)) => {
                    if capture.is_none() {
                        if let Some(c) = select(&stack, &e) {
                            capture = Some((c, stack.len() + 1, String::new()));
                        }
                    }
                    stack.push(e.local_name().as_ref().to_vec());
                }
                Ok(Event::Text(t)) => {
                    if let Some((_, _, text)) = &mut capture {
                        let s = t
                            .unescape()
                            .map_err(|e| (SkipKind::Malformed, format!("bad text: {e}")))?;
                        text.push_str(&s);
                    }
                }
                Ok(Event::CData(t)) => {
                    if let Some((_, _, text)) = &mut capture {
                        let s = std::str::from_utf8(&t)
                            .map_err(|e| (SkipKind::Malformed, format!("bad UTF-8: {e}")))?;
                        text.push_str(s);
                    }
                }
                Ok(Event::End(e)) => {
                    let local = e.local_name();
                    let open = stack.pop().unwrap_or_default();
                    if open != local.as_ref() {
                        return Err((
                            SkipKind::Malformed,
                            format!(
                                "malformed XML: </{}> closes <{}>",
                                String::from_utf8_lossy(local.as_ref()),
                                String::from_utf8_lossy(&open)
                            ),
                        ));
                    }
                    if capture
                        .as_ref()
                        .is_some_and(|(_, d, _)| *d == stack.len() + 1)
                    {
                        let (c, _, text) = capture.take().unwrap();
                        take(c, if self.fold { collapse(&text) } else { text });
                    }
                    if stack.is_empty() {
                        return Ok(());
                    }
                }
                Ok(Event::Eof) => {
                    self.done = true;
                    return Err((
                        SkipKind::Truncated,
                        format!(
                            "the input ends inside <{}> (truncated file?)",
                            String::from_utf8_lossy(stack.last().map_or(&b""[..], |s| s))
                        ),
                    ));
                }
                Ok(_) => {}
                Err(e) => return Err(fault(e)),
            }
        }
    }
}

/// The value of an attribute, unescaped.
pub(crate) fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.try_get_attribute(key)
        .ok()
        .flatten()
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn fault(e: quick_xml::Error) -> Fault {
    match e {
        quick_xml::Error::Io(io) => (
            SkipKind::Truncated,
            format!("could not read on (truncated or corrupt gzip?): {io}"),
        ),
        other => (SkipKind::Malformed, format!("malformed XML: {other}")),
    }
}
