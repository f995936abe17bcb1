//! Plain text: paragraphs at blank lines. A first paragraph of one line is the title; a paragraph
//! that begins with "Fig. N" or "Figure N" is that figure's legend (the label is kept apart); one
//! that begins with "Keywords:" holds the keywords; a lone "Abstract" heading is dropped; every
//! other paragraph is abstract text.

use crate::error::Result;
use crate::model::{DocIds, Document, Section, SectionKind};
use regex::Regex;
use std::sync::LazyLock;

static FIGURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:(fig\.?|figure)\s*(\d+[A-Za-z]?))[.:]?\s*").unwrap());
static KEYWORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:key\s*words?)\s*:\s*").unwrap());
static DOI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bdoi:\s*(10\.\d{4,9}/\S+[^\s.,;])").unwrap());

pub fn read(name: &str, text: &str, doc_id: Option<&str>) -> Result<Document> {
    let text = text.replace("\r\n", "\n");
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim_end());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    let mut sections = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let p = p.trim();
        if let Some(m) = FIGURE.captures(p) {
            let word =
                if m[1].to_lowercase().starts_with("fig.") || m[1].eq_ignore_ascii_case("fig") {
                    "Fig."
                } else {
                    "Figure"
                };
            sections.push(Section {
                kind: SectionKind::FigureLegend,
                label: Some(format!("{word} {}", &m[2])),
                text: p[m.get(0).unwrap().end()..].to_string(),
            });
        } else if let Some(m) = KEYWORDS.find(p) {
            sections.push(Section {
                kind: SectionKind::Keywords,
                label: None,
                text: p[m.end()..].to_string(),
            });
        } else if i == 0 && !p.contains('\n') && paragraphs.len() > 1 {
            sections.push(Section {
                kind: SectionKind::Title,
                label: None,
                text: p.to_string(),
            });
        } else if p.eq_ignore_ascii_case("abstract") {
            continue;
        } else {
            sections.push(Section {
                kind: SectionKind::Abstract,
                label: None,
                text: p.to_string(),
            });
        }
    }
    let doi = DOI.captures(&text).map(|c| c[1].to_string());
    let id = match doc_id {
        Some(id) => id.to_string(),
        None if name == "-" => format!("stdin:{}", super::short_hash(&text)),
        None => {
            let stem = std::path::Path::new(name)
                .file_stem()
                .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned());
            format!("file:{stem}")
        }
    };
    Ok(Document {
        id,
        ids: DocIds {
            doi,
            ..DocIds::default()
        },
        source: name.to_string(),
        sections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &Document) -> Vec<(String, Option<String>, String)> {
        doc.sections
            .iter()
            .map(|s| {
                (
                    s.kind.to_string(),
                    s.label.clone(),
                    s.text.chars().take(12).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn paragraph_roles() {
        let text = "A title line\n\nAbstract\n\nFirst paragraph\ncontinues here.\n\nKeywords: A; B.\n\nFig. 1. Legend one.\n\nFigure 2B: Legend two.\n";
        let doc = read("notes/paper.txt", text, None).unwrap();
        assert_eq!(doc.id, "file:paper");
        let got = kinds(&doc);
        let want = [
            ("title", None, "A title line"),
            ("abstract", None, "First paragr"),
            ("keywords", None, "A; B."),
            ("figure_legend", Some("Fig. 1"), "Legend one."),
            ("figure_legend", Some("Figure 2B"), "Legend two."),
        ];
        let want: Vec<(String, Option<String>, String)> = want
            .iter()
            .map(|(k, l, t)| (k.to_string(), l.map(String::from), t.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn one_paragraph_is_abstract_and_stdin_ids_are_stable() {
        let a = read("-", "Cortisol activates microglia.", None).unwrap();
        let b = read("-", "Cortisol activates microglia.", None).unwrap();
        assert_eq!(a.sections[0].kind, SectionKind::Abstract);
        assert_eq!(a.id, b.id);
        assert!(a.id.starts_with("stdin:"));
    }
}
