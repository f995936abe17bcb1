//! Plain data shared by every stage: documents and their sections, sentences, concept mentions and
//! relation mentions. Nothing here does I/O; every span is a byte range into the *original* text of
//! its section, never into a normalised copy.

use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// A byte range into the original text of one section.
pub type Span = Range<usize>;

/// Where a piece of text sits in its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Title,
    Abstract,
    Keywords,
    FigureLegend,
    Body,
}

impl SectionKind {
    pub const ALL: [SectionKind; 5] = [
        SectionKind::Title,
        SectionKind::Abstract,
        SectionKind::Keywords,
        SectionKind::FigureLegend,
        SectionKind::Body,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Title => "title",
            SectionKind::Abstract => "abstract",
            SectionKind::Keywords => "keywords",
            SectionKind::FigureLegend => "figure_legend",
            SectionKind::Body => "body",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for SectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One piece of text with its role: the title, one abstract paragraph, one figure legend...
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    pub kind: SectionKind,
    /// The figure label ("Fig. 1") of a legend, or the heading of a labelled abstract or body part.
    pub label: Option<String>,
    pub text: String,
}

/// Identifiers an input carries about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocIds {
    pub pmid: Option<String>,
    pub pmcid: Option<String>,
    pub doi: Option<String>,
    /// The year of publication, where the input gives it (MEDLINE `PubDate`, BioC `year` infon).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
}

/// One document: an abstract, an article, a pasted text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Stable key of the document, such as `pmid:37156115`, `doi:10.1016/...` or `file:jiang2023`.
    /// Building a document with the same id again replaces its graph.
    pub id: String,
    pub ids: DocIds,
    /// Where it was read from (a path, or `-` for stdin).
    pub source: String,
    pub sections: Vec<Section>,
}

impl Document {
    /// A document `t` of one abstract section: a text to annotate without a reader.
    pub fn of_abstract(text: &str) -> Document {
        Document {
            id: "t".into(),
            ids: DocIds::default(),
            source: "-".into(),
            sections: vec![Section {
                kind: SectionKind::Abstract,
                label: None,
                text: text.into(),
            }],
        }
    }

    /// A document `t` of a title (when given) and one abstract section.
    pub fn of_title_and_abstract(title: Option<&str>, abstract_: &str) -> Document {
        let mut doc = Document::of_abstract(abstract_);
        if let Some(t) = title {
            doc.sections.insert(
                0,
                Section {
                    kind: SectionKind::Title,
                    label: None,
                    text: t.into(),
                },
            );
        }
        doc
    }
}

/// A sentence of a section, as a byte range into the section's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
}

/// A concept identifier as a compact URI (`MESH:D010121`).
pub type Curie = String;

/// A name of the vocabulary found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub span: Span,
    /// The text as written.
    pub text: String,
    /// Every concept that the name may denote; more than one means the mention is ambiguous, and
    /// extraction does not use it.
    pub concepts: Vec<Curie>,
    /// How it was found: `vocab`, `abbrev` (a document-local abbreviation), `nested`, `coordinated`
    /// or `pattern` (a sequence variant).
    pub source: MentionSource,
}

impl Mention {
    pub fn is_ambiguous(&self) -> bool {
        self.concepts.len() > 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionSource {
    Vocab,
    Abbrev,
    /// A chemical named inside a longer mention of something else ("dopamine" in "dopamine
    /// receptor"); relation extraction does not read it.
    Nested,
    /// A disease named by a modifier that shares the head of the next conjunct ("breast" in "breast
    /// and ovarian cancer" names breast cancer).
    Coordinated,
    /// A sequence variant found by its notation ("R215W", "c.643C>T"), not by the dictionary.
    Pattern,
}

impl MentionSource {
    /// The name written in TSV, error files and JSON (as serde writes it).
    pub fn as_str(self) -> &'static str {
        match self {
            MentionSource::Vocab => "vocab",
            MentionSource::Abbrev => "abbrev",
            MentionSource::Nested => "nested",
            MentionSource::Coordinated => "coordinated",
            MentionSource::Pattern => "pattern",
        }
    }
}

/// The sign a predicate carries along a mechanism chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Polarity {
    #[serde(rename = "+")]
    Positive,
    #[serde(rename = "-")]
    Negative,
    #[serde(rename = "0")]
    Neutral,
    /// Not a signed effect at all (`crosses`, `binds`, `expressed_in`, `located_in`).
    #[serde(rename = ".")]
    None,
}

impl Polarity {
    pub fn symbol(self) -> &'static str {
        match self {
            Polarity::Positive => "+",
            Polarity::Negative => "-",
            Polarity::Neutral => "0",
            Polarity::None => ".",
        }
    }

    /// The sign of two effects in a row: + then − is −; anything unsigned or neutral makes the
    /// chain's sign unknown (`0`).
    pub fn compose(self, next: Polarity) -> Polarity {
        use Polarity::*;
        match (self, next) {
            (Positive, Positive) | (Negative, Negative) => Positive,
            (Positive, Negative) | (Negative, Positive) => Negative,
            _ => Neutral,
        }
    }
}

/// The typed relations that mechkg extracts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Predicate {
    Activates,
    Inhibits,
    Increases,
    Decreases,
    Regulates,
    Releases,
    Crosses,
    Binds,
    ExpressedIn,
    LocatedIn,
    Causes,
    Treats,
    Disrupts,
    AssociatedWith,
    /// A sequence variant the text writes and the gene it is a variant of ("BRAF V600E").
    VariantOf,
}

impl Predicate {
    pub const ALL: [Predicate; 15] = [
        Predicate::Activates,
        Predicate::Inhibits,
        Predicate::Increases,
        Predicate::Decreases,
        Predicate::Regulates,
        Predicate::Releases,
        Predicate::Crosses,
        Predicate::Binds,
        Predicate::ExpressedIn,
        Predicate::LocatedIn,
        Predicate::Causes,
        Predicate::Treats,
        Predicate::Disrupts,
        Predicate::AssociatedWith,
        Predicate::VariantOf,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::Activates => "activates",
            Predicate::Inhibits => "inhibits",
            Predicate::Increases => "increases",
            Predicate::Decreases => "decreases",
            Predicate::Regulates => "regulates",
            Predicate::Releases => "releases",
            Predicate::Crosses => "crosses",
            Predicate::Binds => "binds",
            Predicate::ExpressedIn => "expressed_in",
            Predicate::LocatedIn => "located_in",
            Predicate::Causes => "causes",
            Predicate::Treats => "treats",
            Predicate::Disrupts => "disrupts",
            Predicate::AssociatedWith => "associated_with",
            Predicate::VariantOf => "variant_of",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn polarity(self) -> Polarity {
        use Predicate::*;
        match self {
            Activates | Increases | Releases | Causes => Polarity::Positive,
            Inhibits | Decreases | Treats | Disrupts => Polarity::Negative,
            Regulates | AssociatedWith => Polarity::Neutral,
            Crosses | Binds | ExpressedIn | LocatedIn | VariantOf => Polarity::None,
        }
    }

    /// Whether `X p Y` says the same as `Y p X`.
    pub fn is_symmetric(self) -> bool {
        matches!(self, Predicate::AssociatedWith | Predicate::Binds)
    }
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One statement of a relation in one sentence: the unit of evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Relation {
    pub subject: Curie,
    pub predicate: Predicate,
    pub object: Curie,
    pub subject_span: Span,
    pub object_span: Span,
    pub trigger_span: Span,
    /// Id of the rule that produced it.
    pub rule: String,
    pub negated: bool,
    pub hedged: bool,
}

#[cfg(test)]
impl Relation {
    /// `subject predicate object rule`, then ` negated` when negated: the one-line form the tests
    /// compare.
    pub(crate) fn line(&self) -> String {
        let neg = if self.negated { " negated" } else { "" };
        format!(
            "{} {} {} {}{neg}",
            self.subject,
            self.predicate.as_str(),
            self.object,
            self.rule
        )
    }
}

/// Everything extracted from one section.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SectionResult {
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    /// Relations with the index of the sentence that states them.
    pub relations: Vec<(usize, Relation)>,
}

impl SectionResult {
    /// The mentions within `span` (a sentence's): mentions are in text order, so those of the span
    /// start at a partition point.
    pub fn mentions_in(&self, span: &Span) -> impl Iterator<Item = &Mention> {
        let first = self.mentions.partition_point(|m| m.span.start < span.start);
        let end = span.end;
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.span.start < end)
            .filter(move |m| m.span.end <= end)
    }
}

/// A document with what the pipeline found in each of its sections (same order as `doc.sections`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnnotatedDocument {
    pub doc: Document,
    pub sections: Vec<SectionResult>,
}

#[cfg(test)]
impl AnnotatedDocument {
    /// Every relation of the document in [`Relation::line`] form, section by section.
    pub(crate) fn relation_lines(&self) -> Vec<String> {
        self.sections
            .iter()
            .flat_map(|s| s.relations.iter())
            .map(|(_, r)| r.line())
            .collect()
    }
}

impl AnnotatedDocument {
    pub fn mention_count(&self) -> usize {
        self.sections.iter().map(|s| s.mentions.len()).sum()
    }
    pub fn relation_count(&self) -> usize {
        self.sections.iter().map(|s| s.relations.len()).sum()
    }
}
