//! PMC JATS XML: article ids (pmid, pmcid, doi), the article title, the abstract (one section per
//! paragraph, labelled with its `<sec>` title where it has one), keywords, every `<fig>` caption as
//! a `figure_legend` section labelled with the figure's `<label>`, and body paragraphs with their
//! section titles (kept only when `body` is selected). Inline markup (`<italic>`, `<sup>`, `<xref>`)
//! is flattened to its text; tables and references are skipped.

use crate::error::{Error, Result};
use crate::model::{DocIds, Document, Section, SectionKind};
use quick_xml::events::Event;
use quick_xml::Reader;

/// A minimal element tree: JATS articles are small, and a tree keeps the selection code plain.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// Every descendant named `name`, in document order, not looking inside a match.
    fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            } else {
                e.find_all(name, out);
            }
        }
    }

    fn find(&self, name: &str) -> Option<&Element> {
        let mut v = Vec::new();
        self.find_all(name, &mut v);
        v.into_iter().next()
    }

    /// The text content, white space collapsed.
    fn text(&self) -> String {
        let mut s = String::new();
        self.collect_text(&mut s);
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn collect_text(&self, out: &mut String) {
        for c in &self.children {
            match c {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => {
                    // Block elements inside a paragraph or caption keep a space apart.
                    if matches!(
                        e.name.as_str(),
                        "p" | "title" | "label" | "list-item" | "break"
                    ) {
                        out.push(' ');
                    }
                    e.collect_text(out);
                }
            }
        }
    }
}

/// An element with its name and attributes (local names: JATS files mix namespace prefixes).
fn element(e: &quick_xml::events::BytesStart) -> Element {
    let attrs = e
        .attributes()
        .flatten()
        .map(|a| {
            let v = a
                .unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_default();
            (
                String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned(),
                v,
            )
        })
        .collect();
    Element {
        name: String::from_utf8_lossy(e.local_name().as_ref()).into_owned(),
        attrs,
        children: Vec::new(),
    }
}

fn parse(name: &str, xml: &str) -> Result<Element> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Element> = vec![Element::default()];
    let err = |reader: &Reader<&[u8]>, msg: String| {
        let pos = reader.buffer_position() as usize;
        let line = xml.as_bytes()[..pos.min(xml.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::input(name, format!("line {line}: malformed XML: {msg}"))
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                stack.push(element(&e));
            }
            Ok(Event::Empty(e)) => {
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Element(element(&e)));
            }
            Ok(Event::End(_)) => {
                if stack.len() < 2 {
                    return Err(err(&reader, "unexpected closing tag".into()));
                }
                let el = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(Node::Element(el));
            }
            Ok(Event::Text(t)) => {
                let s = t.unescape().map_err(|e| err(&reader, e.to_string()))?;
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Text(s.into_owned()));
            }
            Ok(Event::CData(t)) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                stack.last_mut().unwrap().children.push(Node::Text(s));
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(err(&reader, e.to_string())),
        }
    }
    if stack.len() != 1 {
        return Err(Error::input(
            name,
            format!(
                "malformed XML: <{}> is not closed at the end of the file",
                stack.last().unwrap().name
            ),
        ));
    }
    let root = stack.pop().unwrap();
    let has_root = root.elements().next().is_some();
    if !has_root {
        return Err(Error::input(name, "malformed XML: no root element"));
    }
    Ok(root)
}

pub fn read(name: &str, xml: &str) -> Result<Document> {
    let root = parse(name, xml)?;
    let article = root
        .find("article")
        .ok_or_else(|| Error::input(name, "not a JATS article: no <article> element"))?;
    let meta = article.find("article-meta");
    let mut ids = DocIds::default();
    if let Some(meta) = meta {
        for id in meta.elements().filter(|e| e.name == "article-id") {
            let value = id.text();
            match id.attr("pub-id-type") {
                Some("pmid") => ids.pmid = Some(value),
                Some("pmc" | "pmcid") => {
                    ids.pmcid = Some(if value.starts_with("PMC") {
                        value
                    } else {
                        format!("PMC{value}")
                    })
                }
                Some("doi") => ids.doi = Some(value),
                _ => {}
            }
        }
    }
    let mut sections = Vec::new();
    if let Some(title) = meta.and_then(|m| m.find("article-title")) {
        sections.push(Section {
            kind: SectionKind::Title,
            label: None,
            text: title.text(),
        });
    }
    if let Some(meta) = meta {
        let mut abstracts = Vec::new();
        meta.find_all("abstract", &mut abstracts);
        // The main abstract has no type; graphical abstracts, digests and teasers are not it.
        let main: Vec<&Element> = abstracts
            .iter()
            .copied()
            .filter(|a| a.attr("abstract-type").is_none())
            .collect();
        let chosen = if main.is_empty() {
            abstracts.into_iter().take(1).collect()
        } else {
            main
        };
        for a in chosen {
            abstract_sections(a, None, &mut sections);
        }
        let mut kwds = Vec::new();
        meta.find_all("kwd", &mut kwds);
        if !kwds.is_empty() {
            let text = kwds.iter().map(|k| k.text()).collect::<Vec<_>>().join("; ");
            sections.push(Section {
                kind: SectionKind::Keywords,
                label: None,
                text,
            });
        }
    }
    let mut figs = Vec::new();
    article.find_all("fig", &mut figs);
    for fig in figs {
        let label = fig
            .child("label")
            .map(|l| l.text())
            .or_else(|| fig.attr("id").map(String::from));
        if let Some(caption) = fig.child("caption") {
            let text = caption.text();
            if !text.is_empty() {
                sections.push(Section {
                    kind: SectionKind::FigureLegend,
                    label,
                    text,
                });
            }
        }
    }
    if let Some(body) = article.child("body") {
        body_sections(body, None, &mut sections);
    }
    let id = if let Some(p) = &ids.pmid {
        format!("pmid:{p}")
    } else if let Some(p) = &ids.pmcid {
        format!("pmc:{p}")
    } else if let Some(d) = &ids.doi {
        format!("doi:{d}")
    } else {
        let stem = std::path::Path::new(name)
            .file_stem()
            .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned());
        format!("file:{stem}")
    };
    Ok(Document {
        id,
        ids,
        source: name.to_string(),
        sections,
    })
}

fn abstract_sections(el: &Element, label: Option<String>, out: &mut Vec<Section>) {
    for e in el.elements() {
        match e.name.as_str() {
            "p" => out.push(Section {
                kind: SectionKind::Abstract,
                label: label.clone(),
                text: e.text(),
            }),
            "sec" => {
                let l = e.child("title").map(|t| t.text()).or_else(|| label.clone());
                abstract_sections(e, l, out);
            }
            _ => {}
        }
    }
}

fn body_sections(el: &Element, label: Option<String>, out: &mut Vec<Section>) {
    for e in el.elements() {
        match e.name.as_str() {
            "p" => {
                // A paragraph may hold a figure or table: their text is not running text.
                let mut s = String::new();
                for c in &e.children {
                    match c {
                        Node::Text(t) => s.push_str(t),
                        Node::Element(x)
                            if matches!(
                                x.name.as_str(),
                                "fig" | "table-wrap" | "disp-formula" | "supplementary-material"
                            ) => {}
                        Node::Element(x) => s.push_str(&x.text()),
                    }
                }
                let text = s.split_whitespace().collect::<Vec<_>>().join(" ");
                out.push(Section {
                    kind: SectionKind::Body,
                    label: label.clone(),
                    text,
                });
            }
            "sec" => {
                let l = e.child("title").map(|t| t.text()).or_else(|| label.clone());
                body_sections(e, l, out);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<?xml version="1.0"?>
<article><front><article-meta>
<article-id pub-id-type="pmid">123</article-id><article-id pub-id-type="doi">10.1/x</article-id>
<title-group><article-title>Oxytocin and <italic>the</italic> brain</article-title></title-group>
<abstract><sec><title>Background</title><p>Cortisol &amp; ACTH<sup>2</sup> rise.</p></sec></abstract>
<abstract abstract-type="graphical"><p>Not this.</p></abstract>
<kwd-group><kwd>Oxytocin</kwd><kwd>HPA axis</kwd></kwd-group>
</article-meta></front>
<body><sec><title>Results</title><p>Body text <fig id="f1"><label>Figure 1</label><caption><title>A title.</title><p>Stress activates neurons.</p></caption></fig> ends.</p>
<table-wrap><p>table cell</p></table-wrap></sec></body></article>"#;

    #[test]
    fn sections_and_ids() {
        let doc = read("a.xml", ARTICLE).unwrap();
        assert_eq!(doc.id, "pmid:123");
        assert_eq!(doc.ids.doi.as_deref(), Some("10.1/x"));
        let got: Vec<(&str, Option<&str>, &str)> = doc
            .sections
            .iter()
            .map(|s| (s.kind.as_str(), s.label.as_deref(), s.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("title", None, "Oxytocin and the brain"),
                ("abstract", Some("Background"), "Cortisol & ACTH2 rise."),
                ("keywords", None, "Oxytocin; HPA axis"),
                (
                    "figure_legend",
                    Some("Figure 1"),
                    "A title. Stress activates neurons."
                ),
                ("body", Some("Results"), "Body text ends."),
            ]
        );
    }

    #[test]
    fn malformed_xml_names_the_line() {
        let e = read("bad.xml", "<article>\n<front>\n</article>")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("bad.xml: line 3: malformed XML"), "{e}");
        let e = read("nope.xml", "<root><p>x</p></root>")
            .unwrap_err()
            .to_string();
        assert!(e.contains("no <article>"), "{e}");
    }
}
