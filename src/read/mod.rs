//! Readers: turn an input (plain text or PMC JATS XML) into [`Document`]s whose sections keep their
//! role (`title`, `abstract`, `keywords`, `figure_legend` with its label, `body`). A reader takes
//! bytes and a name for messages; it never opens files itself.

pub mod jats;
pub mod text;

use crate::error::{Error, Result};
use crate::model::{Document, SectionKind};

/// Input formats mechkg reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    Text,
    Jats,
}

impl InputFormat {
    /// Guesses the format from a file name, then from the first bytes.
    pub fn detect(name: &str, head: &[u8]) -> InputFormat {
        let lower = name.to_lowercase();
        if lower.ends_with(".nxml") || lower.ends_with(".xml") {
            return InputFormat::Jats;
        }
        let start = String::from_utf8_lossy(&head[..head.len().min(2048)]);
        let start = start.trim_start_matches('\u{feff}').trim_start();
        if start.starts_with("<?xml")
            || start.starts_with("<!DOCTYPE article")
            || start.starts_with("<article")
        {
            InputFormat::Jats
        } else {
            InputFormat::Text
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

/// Reads one input whose bytes are given; `name` is the path (or `-`) used in ids and messages.
pub fn read(name: &str, bytes: &[u8], format: InputFormat, opts: &ReadOptions) -> Result<Document> {
    let text = decode(name, bytes)?;
    if text.trim().is_empty() {
        return Err(Error::input(name, "empty input: no text to read"));
    }
    let mut doc = match format {
        InputFormat::Text => text::read(name, text, opts.doc_id.as_deref())?,
        InputFormat::Jats => jats::read(name, text)?,
    };
    doc.sections
        .retain(|s| opts.sections.contains(&s.kind) && !s.text.trim().is_empty());
    if doc.sections.is_empty() {
        return Err(Error::input(name, "no text in the selected sections"));
    }
    Ok(doc)
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

/// A short stable hash (FNV-1a, 64 bits) for ids of unnamed inputs.
pub fn short_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")[..12].to_string()
}
