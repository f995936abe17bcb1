//! Command-line definitions (clap derive) and nothing else: no logic, no I/O.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "mechkg",
    version,
    about = "Turns biomedical literature into an RDF knowledge graph of mechanisms"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Inspect the vocabulary.
    Vocab {
        #[command(subcommand)]
        command: VocabCommand,
    },
    /// Read, tag and extract documents, and load their graphs into the store.
    Build {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        data: DataArgs,
        /// Print no summary.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Bulk-load N-Quads streams written by `extract --format nquads` into the store; each
    /// document's graph replaces the one already there.
    Load {
        /// N-Quads files (`-` for stdin).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
        /// Print no summary.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Find the vocabulary's concepts in documents (no store).
    Tag {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        data: DataArgs,
        #[arg(long, value_enum, default_value_t = TagFormat::Tsv)]
        format: TagFormat,
    },
    /// Extract relations from documents (no store).
    Extract {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        data: DataArgs,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Tsv)]
        format: ExtractFormat,
    },
    /// Run a SPARQL query: a query string, a .rq file, or the name of a query in queries/.
    Query {
        /// The query text, a path to a .rq file, or a named query (downstream, upstream, chains-2,
        /// chains-3, evidence, relations-by-document, concepts-by-category).
        query: String,
        /// A parameter of the query, bound as an RDF term: an IRI in <...>, a CURIE, a concept name,
        /// a number or a string.
        #[arg(long = "param", value_name = "NAME=VALUE")]
        params: Vec<String>,
        #[arg(long, value_enum, default_value_t = ResultsFormatArg::Table)]
        format: ResultsFormatArg,
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Write the store's graph (or one document's) as RDF.
    Export {
        #[arg(long, value_enum, default_value_t = RdfFormatArg::Turtle)]
        format: RdfFormatArg,
        /// Write to this file instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Only this document's graph (its id, e.g. file:jiang2023 or pmid:123).
        #[arg(long)]
        doc: Option<String>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Look a concept up by name, synonym, abbreviation or CURIE, with its relations in the store.
    Lookup {
        term: String,
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Print the mechanism chains from one concept to another.
    Path {
        from: String,
        to: String,
        #[arg(long, default_value_t = 3)]
        max_hops: usize,
        /// Print at most this many chains.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Score the pipeline against a gold corpus (PubTator, BioC XML or BioC JSON): mentions,
    /// normalisation and relations, with precision, recall and F1.
    Eval {
        /// The gold file (its text is what the pipeline reads).
        gold: PathBuf,
        /// The gold format; by default chosen from the content.
        #[arg(long, value_enum)]
        gold_format: Option<GoldFormatArg>,
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
        /// Write every false positive and false negative to this TSV file.
        #[arg(long, value_name = "FILE")]
        errors: Option<PathBuf>,
        #[command(flatten)]
        data: DataArgs,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoldFormatArg {
    Pubtator,
    BiocXml,
    BiocJson,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvalFormat {
    Table,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum VocabCommand {
    /// Load a vocabulary, build its tagger, and report counts, ambiguous names and the build
    /// reports (merges.tsv, dropped.tsv) found beside the files. Exit 0 if no name is ambiguous, 1 if
    /// some are.
    Check {
        /// Vocabulary TSV files, layered in order (default: the shipped domain vocabulary).
        #[arg(long = "vocab")]
        vocab: Vec<PathBuf>,
        /// Print at most this many ambiguous names (default: all).
        #[arg(long)]
        limit: Option<usize>,
    },
}

#[derive(Args, Debug)]
pub struct InputArgs {
    /// Files or directories to read (directories recursively: .txt, .xml, .nxml, .json,
    /// .pubtator, each also gzipped); `-` or nothing reads stdin.
    pub inputs: Vec<PathBuf>,
    /// The input format; by default chosen from the extension, then the content (gzip is seen
    /// through).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
    /// Sections to keep, comma-separated (title, abstract, keywords, figure_legend, body).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "title,abstract,keywords,figure_legend"
    )]
    pub sections: Vec<String>,
    /// The document id for plain text (default: file:STEM, or stdin:HASH).
    #[arg(long)]
    pub doc_id: Option<String>,
    /// Fail (exit 2, nothing written) on a malformed or truncated record instead of skipping it.
    #[arg(long)]
    pub strict: bool,
    /// Threads that annotate documents (0: one per core).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    /// Documents annotated and written together; a build commits one transaction per batch, so a
    /// larger batch holds more in memory and an interrupted build loses at most one batch.
    #[arg(long, default_value_t = crate::ingest::BATCH, value_name = "N", value_parser = positive)]
    pub batch_size: usize,
}

#[derive(Args, Debug)]
pub struct StoreArgs {
    /// The store directory.
    #[arg(long, default_value = mechkg::store::DEFAULT_STORE)]
    pub store: PathBuf,
    /// Use an in-memory store instead (nothing is kept).
    #[arg(long)]
    pub memory: bool,
}

#[derive(Args, Debug)]
pub struct DataArgs {
    /// Vocabulary TSV files, layered in order (default: the shipped domain vocabulary).
    #[arg(long = "vocab")]
    pub vocab: Vec<PathBuf>,
    /// The relation rule file (default: the shipped vocab/rules.toml).
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Also relate, as `associated_with`, two concepts named in one sentence when the title names
    /// one of them (a statistical shortcut for abstracts, marked by its rule id; off by default).
    #[arg(long)]
    pub co_mentions: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormatArg {
    Text,
    Jats,
    /// PubMed/MEDLINE XML (`PubmedArticleSet`).
    Pubmed,
    BiocXml,
    BiocJson,
    Pubtator,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagFormat {
    Tsv,
    Jsonl,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtractFormat {
    Tsv,
    Jsonl,
    Ntriples,
    Turtle,
    Nquads,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsFormatArg {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RdfFormatArg {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
}

/// A count of at least one.
fn positive(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{s:?} is not a positive integer")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
