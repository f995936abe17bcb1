//! Readers: turn an input (plain text, PMC JATS, PubMed/MEDLINE XML, BioC XML or JSON, PubTator)
//! into [`Document`]s whose sections keep their role (`title`, `abstract`, `keywords`,
//! `figure_legend` with its label, `body`). A reader takes bytes (or a [`BufRead`]) and a name for
//! messages; it never opens files itself.
//!
//! Two entry points: [`read`] turns one single-document input into its [`Document`]; [`records`]
//! streams any input, gzipped or not, record by record as [`Record`]s (a document, or the deletion
//! of one), and reports a bad record as a [`RecordError`] that says whether reading can go on.

pub mod bioc;
pub mod jats;
pub mod pubmed;
pub mod pubtator;
pub mod text;
mod xml;

use crate::error::{Error, Result};
use crate::model::{Document, SectionKind};
use std::fmt;
use std::io::{BufRead, BufReader, Cursor, Read};

/// Input formats mechkg reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    Text,
    Jats,
    Pubmed,
    BiocXml,
    BiocJson,
    Pubtator,
}

impl InputFormat {
    /// Whether one input holds one document (text, JATS) rather than a stream of records.
    pub fn is_single_document(self) -> bool {
        matches!(self, InputFormat::Text | InputFormat::Jats)
    }

    /// Guesses the format from a file name (a `.gz` suffix is looked through), then from the first
    /// (decompressed) bytes: `.nxml` is JATS, `.json` BioC JSON, `.pubtator` PubTator, `.txt` text
    /// (or PubTator when its first line is `PMID|t|...`); anything else is sniffed for
    /// `<PubmedArticleSet`, `<collection`, `<article`, `{` or `[`, and a `PMID|t|` line.
    pub fn detect(name: &str, head: &[u8]) -> InputFormat {
        let lower = name.to_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        let sniffed = Self::sniff(head);
        if lower.ends_with(".nxml") {
            InputFormat::Jats
        } else if lower.ends_with(".json") {
            InputFormat::BiocJson
        } else if lower.ends_with(".pubtator") {
            InputFormat::Pubtator
        } else if lower.ends_with(".txt") {
            match sniffed {
                Some(InputFormat::Pubtator) => InputFormat::Pubtator,
                _ => InputFormat::Text,
            }
        } else if lower.ends_with(".xml") {
            match sniffed {
                Some(f @ (InputFormat::Pubmed | InputFormat::BiocXml)) => f,
                _ => InputFormat::Jats,
            }
        } else {
            sniffed.unwrap_or(InputFormat::Text)
        }
    }

    /// The format the first kilobytes show, if they show one.
    fn sniff(head: &[u8]) -> Option<InputFormat> {
        let start = String::from_utf8_lossy(&head[..head.len().min(2048)]);
        let start = start.trim_start_matches('\u{feff}').trim_start();
        if start.contains("<PubmedArticleSet") || start.contains("<PubmedArticle>") {
            Some(InputFormat::Pubmed)
        } else if start.contains("<collection>")
            || start.contains("<collection ")
            || start.contains("<!DOCTYPE collection")
        {
            Some(InputFormat::BiocXml)
        } else if start.starts_with("<?xml")
            || start.starts_with("<!DOCTYPE article")
            || start.starts_with("<article")
        {
            Some(InputFormat::Jats)
        } else if start.starts_with('{') || start.starts_with('[') {
            Some(InputFormat::BiocJson)
        } else if pubtator::is_pubtator_line(start.lines().next().unwrap_or("")) {
            Some(InputFormat::Pubtator)
        } else {
            None
        }
    }
}

/// Which sections to keep.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    pub sections: Vec<SectionKind>,
    /// Overrides the document id (plain text only).
    pub doc_id: Option<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            sections: vec![
                SectionKind::Title,
                SectionKind::Abstract,
                SectionKind::Keywords,
                SectionKind::FigureLegend,
            ],
            doc_id: None,
        }
    }
}

/// One unit of a stream of records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// A document to add (or to put in place of an older one with the same id).
    Doc(Document),
    /// A document id (`pmid:123`) whose document is withdrawn: MEDLINE's `DeleteCitation`.
    Delete(String),
}

/// Why a record was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipKind {
    /// The record is not well-formed (bad XML, a line of no known kind, bad UTF-8).
    Malformed,
    /// The input ends early (a truncated or corrupt gzip, an unclosed element, an I/O error).
    Truncated,
    /// The record was read but has no text in the selected sections.
    NoText,
}

impl SkipKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SkipKind::Malformed => "malformed",
            SkipKind::Truncated => "truncated input",
            SkipKind::NoText => "no text in the selected sections",
        }
    }
}

/// A record that could not be read: where it is, what was wrong, and whether reading goes on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct RecordError {
    /// The input's name (a path, or `-`).
    pub file: String,
    /// The 1-based number of the record in its input; `None` for a fault of the input as a whole
    /// (a text or JATS file that does not read), which is not a record that may be skipped.
    pub record: Option<usize>,
    pub pmid: Option<String>,
    pub kind: SkipKind,
    pub msg: String,
    /// Whether the records after this one are still read.
    pub resumable: bool,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if let Some(n) = self.record {
            write!(f, "record {n}")?;
            if let Some(p) = &self.pmid {
                write!(f, " (PMID {p})")?;
            }
            write!(f, ": ")?;
        }
        f.write_str(&self.msg)
    }
}

impl RecordError {
    pub(crate) fn new(file: &str, record: usize, pmid: Option<String>, kind: SkipKind) -> Self {
        RecordError {
            file: file.to_string(),
            record: Some(record),
            pmid,
            kind,
            msg: String::new(),
            resumable: kind != SkipKind::Truncated,
        }
    }

    pub(crate) fn msg(mut self, msg: impl Into<String>) -> Self {
        self.msg = msg.into();
        self
    }

    /// A fault of a whole single-document input (an [`Error::Input`] of [`read`]).
    fn whole(e: Error) -> Self {
        let (file, msg) = match e {
            Error::Input { path, msg } => (path, msg),
            other => (String::new(), other.to_string()),
        };
        RecordError {
            file,
            record: None,
            pmid: None,
            kind: SkipKind::Malformed,
            msg,
            resumable: false,
        }
    }
}

/// A stream of records from one input.
pub type Records = Box<dyn Iterator<Item = std::result::Result<Record, RecordError>> + Send>;

/// Reads an input record by record. The input may be gzipped (seen from its first two bytes);
/// `format` forces a format, else it is [detected](InputFormat::detect) from `name` and the first
/// kilobytes. Record-stream formats (PubMed, BioC, PubTator) are read as a stream, never whole;
/// text and JATS are one record each. A [`RecordError`] with `resumable` set is followed by the
/// next record; otherwise it is the last item.
pub fn records(
    name: &str,
    reader: Box<dyn BufRead + Send>,
    format: Option<InputFormat>,
    opts: &ReadOptions,
) -> Records {
    let fail = |msg: String| -> Records {
        Box::new(std::iter::once(Err(RecordError {
            file: name.to_string(),
            record: None,
            pmid: None,
            kind: SkipKind::Truncated,
            msg,
            resumable: false,
        })))
    };
    let (head, reader) = match peek(reader, 2) {
        Ok(x) => x,
        Err(e) => return fail(format!("could not read: {e}")),
    };
    let reader: Box<dyn BufRead + Send> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::read::MultiGzDecoder::new(reader),
        ))
    } else {
        reader
    };
    let (head, reader) = match peek(reader, 2048) {
        Ok(x) => x,
        Err(e) => return fail(format!("could not read (corrupt gzip?): {e}")),
    };
    let format = format.unwrap_or_else(|| InputFormat::detect(name, &head));
    let opts = opts.clone();
    match format {
        InputFormat::Pubmed => Box::new(pubmed::PubmedRecords::new(name, reader, opts)),
        InputFormat::BiocXml => Box::new(bioc::BiocXmlRecords::new(name, reader, opts)),
        InputFormat::BiocJson => Box::new(bioc::BiocJsonRecords::new(name, reader, opts)),
        InputFormat::Pubtator => Box::new(pubtator::PubtatorRecords::new(name, reader, opts)),
        InputFormat::Text | InputFormat::Jats => {
            let mut reader = reader;
            let mut bytes = Vec::new();
            if let Err(e) = reader.read_to_end(&mut bytes) {
                return fail(format!("could not read (truncated or corrupt gzip?): {e}"));
            }
            let one = read(name, &bytes, format, &opts)
                .map(Record::Doc)
                .map_err(RecordError::whole);
            Box::new(std::iter::once(one))
        }
    }
}

/// Reads up to `n` bytes from the start, and gives back a reader that starts again from the start.
fn peek(
    mut reader: Box<dyn BufRead + Send>,
    n: usize,
) -> std::io::Result<(Vec<u8>, Box<dyn BufRead + Send>)> {
    let mut head = Vec::with_capacity(n);
    (&mut reader).take(n as u64).read_to_end(&mut head)?;
    let again = Box::new(BufReader::with_capacity(
        1 << 16,
        Cursor::new(head.clone()).chain(reader),
    ));
    Ok((head, again))
}

/// Keeps the selected, non-empty sections of a document read from record `record`; a document left
/// with none is skipped.
pub(crate) fn keep(
    mut doc: Document,
    opts: &ReadOptions,
    record: usize,
) -> std::result::Result<Record, RecordError> {
    doc.sections
        .retain(|s| opts.sections.contains(&s.kind) && !s.text.trim().is_empty());
    if doc.sections.is_empty() {
        return Err(
            RecordError::new(&doc.source, record, doc.ids.pmid.clone(), SkipKind::NoText)
                .msg("no text in the selected sections"),
        );
    }
    Ok(Record::Doc(doc))
}

/// Reads one input whose bytes are given; `name` is the path (or `-`) used in ids and messages.
/// A record-stream format must hold exactly one document here; use [`records`] for more.
pub fn read(name: &str, bytes: &[u8], format: InputFormat, opts: &ReadOptions) -> Result<Document> {
    let text = decode(name, bytes)?;
    if text.trim().is_empty() {
        return Err(Error::input(name, "empty input: no text to read"));
    }
    let mut doc = match format {
        InputFormat::Text => text::read(name, text, opts.doc_id.as_deref())?,
        InputFormat::Jats => jats::read(name, text)?,
        _ => return read_one_record(name, bytes, format, opts),
    };
    doc.sections
        .retain(|s| opts.sections.contains(&s.kind) && !s.text.trim().is_empty());
    if doc.sections.is_empty() {
        return Err(Error::input(name, "no text in the selected sections"));
    }
    Ok(doc)
}

fn read_one_record(
    name: &str,
    bytes: &[u8],
    format: InputFormat,
    opts: &ReadOptions,
) -> Result<Document> {
    let reader: Box<dyn BufRead + Send> = Box::new(Cursor::new(bytes.to_vec()));
    let mut docs = Vec::new();
    for r in records(name, reader, Some(format), opts) {
        match r.map_err(Error::from)? {
            Record::Doc(d) => docs.push(d),
            Record::Delete(_) => {}
        }
    }
    match docs.len() {
        1 => Ok(docs.pop().unwrap()),
        0 => Err(Error::input(name, "no document in the input")),
        n => Err(Error::input(
            name,
            format!("{n} documents in one input: read them with read::records"),
        )),
    }
}

/// UTF-8 text, with the line and column of the first bad byte when it is not.
fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let col = at
            - bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        Error::input(
            name,
            format!("line {line}, column {col}: invalid UTF-8 (byte offset {at})"),
        )
    })
}

/// White space runs folded to one space, ends trimmed: section text as the readers keep it.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first four-digit number of a date (`1998 Dec-1999 Jan` gives 1998) as a plausible year.
pub(crate) fn year_of(s: &str) -> Option<u16> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3))
        .find(|&i| {
            b[i..i + 4].iter().all(u8::is_ascii_digit)
                && (i == 0 || !b[i - 1].is_ascii_digit())
                && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        })
        .and_then(|i| s[i..i + 4].parse().ok())
        .filter(|y| (1000..=2999).contains(y))
}

/// A short stable hash (FNV-1a, 64 bits) for ids of unnamed inputs.
pub fn short_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")[..12].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn detect_by_extension_then_content() {
        let cases: [(&str, &str, InputFormat); 12] = [
            ("a.nxml", "", InputFormat::Jats),
            (
                "a.xml",
                "<?xml version=\"1.0\"?>\n<article>",
                InputFormat::Jats,
            ),
            (
                "a.xml.gz",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet>\n<PubmedArticleSet>",
                InputFormat::Pubmed,
            ),
            ("a.xml", "<?xml?><collection><source>", InputFormat::BiocXml),
            ("a.json", "", InputFormat::BiocJson),
            ("a.pubtator", "", InputFormat::Pubtator),
            ("a.txt", "Some title\n\nText.", InputFormat::Text),
            ("a.txt", "123|t|A title\n123|a|Text.", InputFormat::Pubtator),
            ("-", "123|t|A title\n", InputFormat::Pubtator),
            ("-", "{\"documents\": []}", InputFormat::BiocJson),
            ("-", "<PubmedArticleSet>", InputFormat::Pubmed),
            ("-", "Cortisol activates microglia.", InputFormat::Text),
        ];
        for (name, head, want) in cases {
            assert_eq!(InputFormat::detect(name, head.as_bytes()), want, "{name}");
        }
    }

    #[test]
    fn years() {
        let cases = [
            ("1979", Some(1979)),
            ("1998 Dec-1999 Jan", Some(1998)),
            ("Spring 2001", Some(2001)),
            ("12345", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(year_of(s), want, "{s}");
        }
    }

    #[test]
    fn gzip_is_seen_through_and_errors_format() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"1|t|Cortisol activates microglia.\n")
            .unwrap();
        let bytes = gz.finish().unwrap();
        let got: Vec<_> = records(
            "x.gz",
            Box::new(Cursor::new(bytes)),
            None,
            &ReadOptions::default(),
        )
        .collect();
        assert_eq!(got.len(), 1);
        let Ok(Record::Doc(d)) = &got[0] else {
            panic!("{got:?}")
        };
        assert_eq!(d.id, "pmid:1");
        let e = RecordError::new("f.xml", 2, Some("7".into()), SkipKind::Malformed).msg("bad");
        assert_eq!(e.to_string(), "f.xml: record 2 (PMID 7): bad");
        let e = RecordError::new("f.xml", 2, None, SkipKind::Malformed).msg("bad");
        assert_eq!(e.to_string(), "f.xml: record 2: bad");
    }

    #[test]
    fn single_document_errors_are_whole_input_errors() {
        let got: Vec<_> = records(
            "bad.xml",
            Box::new(Cursor::new(b"<article>\n<front>\n</article>".to_vec())),
            None,
            &ReadOptions::default(),
        )
        .collect();
        let Err(e) = &got[0] else { panic!() };
        assert_eq!(e.record, None);
        assert!(
            e.to_string().starts_with("bad.xml: line 3: malformed XML"),
            "{e}"
        );
    }
}
