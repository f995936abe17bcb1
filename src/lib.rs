//! mechkg turns biomedical literature into an RDF knowledge graph of mechanisms.
//!
//! The data flows one way through one module per stage:
//! [`read`] (plain text, JATS) → [`split`] (sentences) → [`tag`] (Aho-Corasick dictionary tagger over
//! [`normalize`]d text) → [`extract`] (pattern rules) → [`rdf`] (quads) → [`store`] (embedded
//! Oxigraph) → [`query`], [`export`], [`lookup`], [`path`].
//!
//! ```
//! use mechkg::{read, Pipeline};
//! let pipeline = Pipeline::embedded()?;
//! let doc = read::read("-", b"Cortisol activates microglia.", read::InputFormat::Text, &Default::default())?;
//! let annotated = pipeline.annotate(doc);
//! let (_, relation) = &annotated.sections[0].relations[0];
//! assert_eq!(relation.subject, "MESH:D006854");
//! assert_eq!(relation.predicate.as_str(), "activates");
//! assert_eq!(relation.object, "CL:0000129");
//! # Ok::<(), mechkg::Error>(())
//! ```

pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod lookup;
pub mod model;
pub mod normalize;
pub mod ns;
pub mod output;
pub mod path;
pub mod pipeline;
pub mod query;
pub mod rdf;
pub mod read;
pub mod split;
pub mod store;
pub mod tag;
pub mod vocab;
pub mod vocab_check;

pub use error::{Error, Result};
pub use pipeline::Pipeline;
