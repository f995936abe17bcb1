//! Orchestration of the pure stages: a document's sections are split into sentences, tagged, and
//! read for relations. No I/O; the same document, vocabulary and rules always give the same result.

use crate::extract::comention;
use crate::extract::rules::RuleSet;
use crate::extract::Extractor;
use crate::model::{AnnotatedDocument, Document, Mention, MentionSource, SectionResult, Sentence};
use crate::split::sentences;
use crate::tag::Tagger;
use crate::vocab::Vocabulary;
use std::borrow::Cow;

/// A vocabulary with its compiled tagger and rules: build once, share across threads.
pub struct Pipeline {
    pub vocab: Vocabulary,
    pub tagger: Tagger,
    pub extractor: Extractor,
    /// Add the title-anchored co-mention layer ([`crate::extract::comention`]); off by default.
    pub co_mentions: bool,
}

impl Pipeline {
    pub fn new(vocab: Vocabulary, rules: RuleSet) -> Pipeline {
        let tagger = Tagger::new(&vocab);
        Pipeline {
            vocab,
            tagger,
            extractor: Extractor::new(rules),
            co_mentions: false,
        }
    }

    /// The same pipeline with the co-mention layer on or off.
    pub fn with_co_mentions(mut self, on: bool) -> Pipeline {
        self.co_mentions = on;
        self
    }

    /// The shipped vocabulary and rules.
    pub fn embedded() -> crate::Result<Pipeline> {
        Ok(Pipeline::new(Vocabulary::embedded()?, RuleSet::embedded()?))
    }

    pub fn annotate(&self, doc: Document) -> AnnotatedDocument {
        let mentions = self.tagger.tag_document(&doc);
        let mut sections: Vec<SectionResult> = doc
            .sections
            .iter()
            .zip(mentions)
            .map(|(section, mentions)| {
                let sentences: Vec<Sentence> = sentences(&section.text)
                    .into_iter()
                    .map(|span| Sentence { span })
                    .collect();
                // Nested mentions name a chemical inside a longer name: not an argument of its own.
                let arguments: Cow<[Mention]> =
                    if mentions.iter().any(|m| m.source == MentionSource::Nested) {
                        Cow::Owned(
                            mentions
                                .iter()
                                .filter(|m| m.source != MentionSource::Nested)
                                .cloned()
                                .collect(),
                        )
                    } else {
                        Cow::Borrowed(&mentions)
                    };
                let relations =
                    self.extractor
                        .extract(&section.text, &sentences, &arguments, &self.vocab);
                SectionResult {
                    sentences,
                    mentions,
                    relations,
                }
            })
            .collect();
        if self.co_mentions {
            comention::add_title_co_mentions(
                &doc,
                &mut sections,
                &self.vocab,
                &self.extractor.rules().lexicon,
            );
        }
        AnnotatedDocument { doc, sections }
    }
}
