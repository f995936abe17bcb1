//! Orchestration of the pure stages: a document's sections are split into sentences, tagged, and
//! read for relations. No I/O; the same document, vocabulary and rules always give the same result.

use crate::extract::rules::RuleSet;
use crate::extract::Extractor;
use crate::extract::{comention, study_drug};
use crate::model::{AnnotatedDocument, Document, Mention, SectionResult, Sentence};
use crate::split::sentences;
use crate::tag::Tagger;
use crate::vocab::Vocabulary;

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
                // Nested mentions are not arguments of their own (the extractor reads the outer
                // name), except a target named inside a role's name ("COX" in "COX inhibitor").
                // Organisms ground the genes ([`crate::tag::species`]) and say what was studied;
                // no rule reads them, and they must not stand between a trigger and its arguments
                // ("developed in patients with X"): the rules read the section without them, and
                // they go back to their places after.
                let species = self.tagger.species();
                let (mut mentions, organisms): (Vec<Mention>, Vec<(usize, Mention)>) =
                    if mentions.iter().any(|m| species.is_organism(m)) {
                        let (organisms, rest): (Vec<_>, Vec<_>) = mentions
                            .into_iter()
                            .enumerate()
                            .partition(|(_, m)| species.is_organism(m));
                        (rest.into_iter().map(|(_, m)| m).collect(), organisms)
                    } else {
                        (mentions, Vec::new())
                    };
                let relations =
                    self.extractor
                        .extract(&section.text, &sentences, &mentions, &self.vocab);
                // In ascending order, each goes back where it was.
                for (i, m) in organisms {
                    mentions.insert(i, m);
                }
                SectionResult {
                    sentences,
                    mentions,
                    relations,
                }
            })
            .collect();
        study_drug::add_adverse_events(
            &doc,
            &mut sections,
            &self.vocab,
            &self.extractor.rules().lexicon,
        );
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

#[cfg(test)]
mod tests {
    use super::Pipeline;
    use crate::model::Document;

    /// Every stage slices text by byte offsets; white space of several bytes (real abstracts carry
    /// U+2005 and U+00A0) must not land a slice inside a character. Each space of a sentence that
    /// exercises the splitter, the abbreviation finder, the tagger and the rules is replaced in turn
    /// by each wide space; every span found must fall on character boundaries.
    #[test]
    fn wide_white_space_anywhere() {
        let p = Pipeline::embedded().unwrap();
        let base = "Oxytocin (OXT) activates microglia, e.g. in mice. Cortisol (CORT) suppresses \
                    OXT release via the HPA axis et al. Stress-induced depression (MDD) follows.";
        let spaces: Vec<usize> = base.match_indices(' ').map(|(i, _)| i).collect();
        for wide in ['\u{a0}', '\u{2005}', '\u{2009}', '\u{3000}'] {
            for &at in &spaces {
                let text = format!("{}{wide}{}", &base[..at], &base[at + 1..]);
                let a = p.annotate(Document::of_abstract(&text));
                let s = &a.sections[0];
                let spans = s
                    .sentences
                    .iter()
                    .map(|x| x.span.clone())
                    .chain(s.mentions.iter().map(|m| m.span.clone()))
                    .chain(s.relations.iter().map(|(_, r)| r.trigger_span.clone()));
                for span in spans {
                    assert!(
                        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                        "{wide:?} at {at}: span {span:?}"
                    );
                }
            }
        }
    }
}
