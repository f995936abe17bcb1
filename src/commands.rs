//! One function per subcommand: turns arguments into library calls and writes the results. With
//! `ingest` (which reads the inputs) this is the only module that touches files, stdin and stdout;
//! it adds context to every error.

use crate::cli::*;
use crate::ingest::{self, Ingest};
use anyhow::{anyhow, bail, Context, Result};
use mechkg::export::{self, ExportFormat};
use mechkg::extract::rules::RuleSet;
use mechkg::model::{AnnotatedDocument, Document};
use mechkg::query::{self, ResultsFormat};
use mechkg::read::Record;
use mechkg::store::{GraphChange, Store};
use mechkg::vocab::Vocabulary;
use mechkg::{lookup, ns, output, path, rdf, Pipeline};
use oxigraph::model::{Literal, NamedNode, Term};
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What a command found: exit status 0 or 1.
pub enum Outcome {
    Found,
    NothingFound,
}

pub fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Vocab {
            command: VocabCommand::Check { vocab, limit },
        } => vocab_check_cmd(&vocab, limit),
        Command::Build {
            input,
            store,
            data,
            quiet,
        } => build(&input, &store, &data, quiet),
        Command::Load {
            files,
            store,
            quiet,
        } => load(&files, &store, quiet),
        Command::Tag {
            input,
            data,
            format,
        } => tag(&input, &data, format),
        Command::Extract {
            input,
            data,
            format,
        } => extract(&input, &data, format),
        Command::Query {
            query,
            params,
            format,
            store,
            data,
        } => run_query(&query, &params, format, &store, &data),
        Command::Export {
            format,
            output,
            doc,
            store,
        } => export_cmd(format, output.as_deref(), doc.as_deref(), &store),
        Command::Lookup { term, store, data } => lookup_cmd(&term, &store, &data),
        Command::Path {
            from,
            to,
            max_hops,
            limit,
            store,
            data,
        } => path_cmd(&from, &to, max_hops, limit, &store, &data),
        Command::Eval {
            gold,
            gold_format,
            format,
            errors,
            data,
        } => eval_cmd(&gold, gold_format, format, errors.as_deref(), &data),
    }
}

fn pipeline(data: &DataArgs) -> Result<Pipeline> {
    let vocab = if data.vocab.is_empty() {
        Vocabulary::embedded()?
    } else {
        let mut v = Vocabulary::default();
        for p in &data.vocab {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("could not read vocabulary {}", p.display()))?;
            v.add_tsv(&p.display().to_string(), &text)?;
        }
        v
    };
    let rules = match &data.rules {
        None => RuleSet::embedded()?,
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("could not read rules {}", p.display()))?;
            RuleSet::parse(&p.display().to_string(), &text)?
        }
    };
    Ok(Pipeline::new(vocab, rules).with_co_mentions(data.co_mentions))
}

fn open_store(args: &StoreArgs) -> Result<Store> {
    if args.memory {
        Ok(Store::memory()?)
    } else {
        Ok(Store::open(&args.store)?)
    }
}

fn open_store_read(args: &StoreArgs) -> Result<Store> {
    if args.memory {
        Ok(Store::memory()?)
    } else {
        Ok(Store::open_read_only(&args.store)?)
    }
}

fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

/// Reads, annotates and stores the inputs batch by batch: an input of up to one batch is written in
/// one transaction (a failure leaves the store as it was); a larger one commits each batch.
fn build(
    input: &InputArgs,
    store_args: &StoreArgs,
    data: &DataArgs,
    quiet: bool,
) -> Result<Outcome> {
    let start = Instant::now();
    let pipeline = pipeline(data)?;
    let pool = ingest::thread_pool(input.threads)?;
    let mut ingest = Ingest::open(input, !quiet)?;
    // The first batch is read before the store is opened: a bad input changes nothing.
    let mut batch = ingest.next_batch(input.batch_size)?;
    let store = open_store(store_args)?;
    let ontology = rdf::ontology_quads();
    let mut totals = BuildTotals::default();
    loop {
        let full = batch.len() == input.batch_size;
        let changes = graph_changes(&pool, &pipeline, batch, &mut totals);
        store.apply(&changes, &ontology)?;
        totals.batches += 1;
        if !full {
            break;
        }
        batch = ingest.next_batch(input.batch_size)?;
        if batch.is_empty() {
            break;
        }
    }
    ingest.finish();
    store.optimize()?;
    if !quiet {
        let target = match &store.path {
            Some(p) => p.display().to_string(),
            None => "memory".into(),
        };
        let BuildTotals {
            docs,
            sections,
            mentions,
            relations,
            quads,
            batches,
        } = totals;
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "mechkg: built {docs} document(s): {sections} sections, {mentions} mentions, {relations} relations, {quads} quads into {target} ({} quads in store) in {secs:.2} s ({:.0} documents/s)",
            store.len()?,
            docs as f64 / secs.max(1e-9),
        );
        eprintln!(
            "mechkg: {}; {batches} transaction(s)",
            ingest.tally.summary()
        );
    }
    Ok(Outcome::Found)
}

#[derive(Default)]
struct BuildTotals {
    docs: usize,
    sections: usize,
    mentions: usize,
    relations: usize,
    quads: usize,
    batches: usize,
}

/// The graph changes of a batch of records, in their order: documents annotated in parallel.
fn graph_changes(
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    batch: Vec<Record>,
    totals: &mut BuildTotals,
) -> Vec<GraphChange> {
    let changes: Vec<(GraphChange, [usize; 4])> = pool.install(|| {
        batch
            .into_par_iter()
            .map(|r| match r {
                Record::Doc(d) => {
                    let a = pipeline.annotate(d);
                    let quads = rdf::document_quads(&a, &pipeline.vocab);
                    let counts = [
                        a.sections.len(),
                        a.mention_count(),
                        a.relation_count(),
                        quads.len(),
                    ];
                    (
                        GraphChange::Replace(rdf::doc_graph(&a.doc.id), quads),
                        counts,
                    )
                }
                Record::Delete(id) => (GraphChange::Remove(rdf::doc_graph(&id)), [0; 4]),
            })
            .collect()
    });
    changes
        .into_iter()
        .map(|(change, [sections, mentions, relations, quads])| {
            if matches!(change, GraphChange::Replace(..)) {
                totals.docs += 1;
            }
            totals.sections += sections;
            totals.mentions += mentions;
            totals.relations += relations;
            totals.quads += quads;
            change
        })
        .collect()
}

/// The documents of the next batch, annotated in input order; empty at the end.
fn next_annotated(
    ingest: &mut Ingest,
    batch_size: usize,
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
) -> Result<Vec<AnnotatedDocument>> {
    loop {
        let batch = ingest.next_batch(batch_size)?;
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let docs: Vec<Document> = batch
            .into_iter()
            .filter_map(|r| match r {
                Record::Doc(d) => Some(d),
                Record::Delete(_) => None,
            })
            .collect();
        if !docs.is_empty() {
            return Ok(ingest::annotate(pool, pipeline, docs));
        }
    }
}

/// Says on stderr what was skipped, when something was.
fn report_skips(ingest: &Ingest) {
    ingest.finish();
    if !ingest.tally.skipped.is_empty() {
        eprintln!("mechkg: {}", ingest.tally.summary());
    }
}

/// Runs the pipeline over the inputs batch by batch, handing each annotated document, in input
/// order, to `each`, which writes it and returns how many results it wrote. `start` runs once the
/// inputs are open, so that a bad input leaves stdout empty. Skipped records are reported at the end.
fn for_each_annotated(
    input: &InputArgs,
    data: &DataArgs,
    start: impl FnOnce() -> Result<()>,
    mut each: impl FnMut(&Pipeline, &AnnotatedDocument) -> Result<usize>,
) -> Result<usize> {
    let pipeline = pipeline(data)?;
    let pool = ingest::thread_pool(input.threads)?;
    let mut ingest = Ingest::open(input, true)?;
    start()?;
    let mut n = 0;
    loop {
        let batch = next_annotated(&mut ingest, input.batch_size, &pool, &pipeline)?;
        if batch.is_empty() {
            break;
        }
        for a in &batch {
            n += each(&pipeline, a)?;
        }
    }
    report_skips(&ingest);
    Ok(n)
}

fn found(n: usize) -> Outcome {
    if n > 0 {
        Outcome::Found
    } else {
        Outcome::NothingFound
    }
}

fn tag(input: &InputArgs, data: &DataArgs, format: TagFormat) -> Result<Outcome> {
    let out = std::cell::RefCell::new(stdout());
    let n = for_each_annotated(
        input,
        data,
        || match format {
            TagFormat::Tsv => Ok(output::write_header(
                output::MENTION_COLUMNS,
                &mut *out.borrow_mut(),
            )?),
            TagFormat::Jsonl => Ok(()),
        },
        |pipeline, a| {
            let w = &mut *out.borrow_mut();
            Ok(match format {
                TagFormat::Tsv => output::mentions_tsv(a, &pipeline.vocab, w)?,
                TagFormat::Jsonl => output::mentions_jsonl(a, &pipeline.vocab, w)?,
            })
        },
    )?;
    out.borrow_mut().flush()?;
    Ok(found(n))
}

/// Bulk-loads N-Quads files. Stdin is read into memory once, since it is read twice (graphs, then
/// quads).
fn load(files: &[PathBuf], store_args: &StoreArgs, quiet: bool) -> Result<Outcome> {
    let start = Instant::now();
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let stdin = if names.iter().any(|n| n == "-") {
        let mut b = Vec::new();
        io::Read::read_to_end(&mut io::stdin(), &mut b).context("could not read stdin")?;
        b
    } else {
        Vec::new()
    };
    for n in names.iter().filter(|n| *n != "-") {
        if !Path::new(n).is_file() {
            bail!("{n}: no such file");
        }
    }
    let store = open_store(store_args)?;
    let open = |name: &str| -> io::Result<Box<dyn io::Read + '_>> {
        if name == "-" {
            Ok(Box::new(stdin.as_slice()))
        } else {
            Ok(Box::new(io::BufReader::new(std::fs::File::open(name)?)))
        }
    };
    let summary = store.load_nquads(&names, open, &rdf::ontology_quads())?;
    if !quiet {
        eprintln!(
            "mechkg: loaded {} document graph(s) ({} replaced), {} quads added, {} quads in store, in {:.2} s",
            summary.documents,
            summary.replaced,
            summary.quads_added,
            store.len()?,
            start.elapsed().as_secs_f64()
        );
    }
    Ok(if summary.documents > 0 {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}

fn extract(input: &InputArgs, data: &DataArgs, format: ExtractFormat) -> Result<Outcome> {
    let out = std::cell::RefCell::new(stdout());
    let mut quads = Vec::new();
    let n = for_each_annotated(
        input,
        data,
        || match format {
            ExtractFormat::Tsv => Ok(output::write_header(
                output::RELATION_COLUMNS,
                &mut *out.borrow_mut(),
            )?),
            _ => Ok(()),
        },
        |pipeline, a| {
            let w = &mut *out.borrow_mut();
            Ok(match format {
                ExtractFormat::Tsv => output::relations_tsv(a, &pipeline.vocab, w)?,
                ExtractFormat::Jsonl => output::relations_jsonl(a, &pipeline.vocab, w)?,
                // N-Quads stream document by document (each in canonical order, with the
                // descriptions of its concepts), so memory does not grow with the corpus.
                ExtractFormat::Nquads => {
                    let quads = rdf::document_quads(a, &pipeline.vocab);
                    export::write(&quads, ExportFormat::NQuads, &mut *w)?;
                    a.relation_count()
                }
                _ => {
                    quads.extend(rdf::document_quads(a, &pipeline.vocab));
                    a.relation_count()
                }
            })
        },
    )?;
    let mut out = out.into_inner();
    if matches!(format, ExtractFormat::Ntriples | ExtractFormat::Turtle) {
        // Triples merge the documents' graphs: they are written sorted, after every document.
        rdf::sort_quads(&mut quads);
        let f = if format == ExtractFormat::Turtle {
            ExportFormat::Turtle
        } else {
            ExportFormat::NTriples
        };
        export::write(&quads, f, &mut out)?;
    }
    out.flush()?;
    Ok(found(n))
}

/// A `--param` value as an RDF term: `<iri>`, a CURIE of a known prefix, a number, a concept name,
/// or else a plain string.
fn param_term(value: &str, pipeline: &Pipeline) -> Result<Term> {
    if let Some(iri) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        return Ok(NamedNode::new(iri)
            .with_context(|| format!("bad IRI {value}"))?
            .into());
    }
    if let Some(iri) = ns::expand_curie(value) {
        return Ok(NamedNode::new_unchecked(iri).into());
    }
    if let Some((prefix, local)) = value.split_once(':') {
        if let Some((_, base)) = ns::export_prefixes().find(|(p, _)| *p == prefix) {
            return Ok(NamedNode::new_unchecked(format!("{base}{local}")).into());
        }
    }
    if let Ok(i) = value.parse::<i64>() {
        return Ok(Literal::from(i).into());
    }
    let found = lookup::find(&pipeline.vocab, &pipeline.tagger, value);
    if let [c] = found.as_slice() {
        return Ok(rdf::concept_iri(&c.id).into());
    }
    Ok(Literal::new_simple_literal(value).into())
}

fn run_query(
    q: &str,
    params: &[String],
    format: ResultsFormatArg,
    store: &StoreArgs,
    data: &DataArgs,
) -> Result<Outcome> {
    let named = query::NAMED.iter().find(|(n, _)| *n == q).map(|(_, t)| *t);
    let text = match named {
        Some(t) => t.to_string(),
        None if q.ends_with(".rq") || Path::new(q).is_file() => {
            std::fs::read_to_string(q).with_context(|| format!("could not read query file {q}"))?
        }
        None if !q.contains(char::is_whitespace) && !q.contains('{') => {
            let names: Vec<&str> = query::NAMED.iter().map(|(n, _)| *n).collect();
            bail!("unknown named query {q:?} (known: {})", names.join(", "));
        }
        None => q.to_string(),
    };
    let pipeline = pipeline(data)?;
    let mut bound = Vec::new();
    for p in params {
        let (name, value) = p
            .split_once('=')
            .ok_or_else(|| anyhow!("--param {p:?}: expected NAME=VALUE"))?;
        bound.push((
            name.trim_start_matches('?').to_string(),
            param_term(value, &pipeline)?,
        ));
    }
    if named.is_some() {
        let declared = query::declared_params(&text);
        for d in &declared {
            if !bound.iter().any(|(n, _)| n == d) {
                bail!(
                    "query {q:?} needs --param {d}=VALUE (its parameters: {})",
                    declared.join(", ")
                );
            }
        }
        for (n, _) in &bound {
            if !declared.contains(n) {
                bail!(
                    "query {q:?} has no parameter {n:?} (its parameters: {})",
                    declared.join(", ")
                );
            }
        }
    }
    let store = open_store_read(store)?;
    let answer = query::run(&store, &text, &bound)?;
    let f = match format {
        ResultsFormatArg::Table => ResultsFormat::Table,
        ResultsFormatArg::Csv => ResultsFormat::Csv,
        ResultsFormatArg::Tsv => ResultsFormat::Tsv,
        ResultsFormatArg::Json => ResultsFormat::Json,
        ResultsFormatArg::Xml => ResultsFormat::Xml,
    };
    let mut out = stdout();
    query::write(&answer, f, &mut out)?;
    out.flush()?;
    Ok(if answer.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

fn export_cmd(
    format: RdfFormatArg,
    output: Option<&Path>,
    doc: Option<&str>,
    store: &StoreArgs,
) -> Result<Outcome> {
    let store = open_store_read(store)?;
    let graph = doc.map(rdf::doc_graph);
    if let Some(g) = &graph {
        if !store.contains_graph(g)? {
            bail!("no document {:?} in the store", doc.unwrap());
        }
    }
    let quads = store.quads(graph.as_ref())?;
    let f = match format {
        RdfFormatArg::Turtle => ExportFormat::Turtle,
        RdfFormatArg::Ntriples => ExportFormat::NTriples,
        RdfFormatArg::Nquads => ExportFormat::NQuads,
        RdfFormatArg::Trig => ExportFormat::TriG,
    };
    let n = match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("could not create {}", path.display()))?;
            let mut w = BufWriter::new(file);
            let n = export::write(&quads, f, &mut w)?;
            w.flush()
                .with_context(|| format!("could not write {}", path.display()))?;
            n
        }
        None => {
            let mut out = stdout();
            let n = export::write(&quads, f, &mut out)?;
            out.flush()?;
            n
        }
    };
    Ok(if n > 0 {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}

fn lookup_cmd(term: &str, store_args: &StoreArgs, data: &DataArgs) -> Result<Outcome> {
    let pipeline = pipeline(data)?;
    let found = lookup::find(&pipeline.vocab, &pipeline.tagger, term);
    if found.is_empty() {
        let close = lookup::suggest(&pipeline.vocab, term, 5);
        if close.is_empty() {
            eprintln!("mechkg: no concept named {term:?}");
        } else {
            let list: Vec<String> = close
                .iter()
                .map(|(c, n)| format!("{n} ({})", c.id))
                .collect();
            eprintln!(
                "mechkg: no concept named {term:?}; did you mean: {}?",
                list.join(", ")
            );
        }
        return Ok(Outcome::NothingFound);
    }
    let store = if store_args.memory || store_args.store.join("CURRENT").exists() {
        Some(open_store_read(store_args)?)
    } else {
        eprintln!(
            "mechkg: no store at {}: relations not shown (run `mechkg build` first)",
            store_args.store.display()
        );
        None
    };
    let mut out = stdout();
    for (i, c) in found.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}\t{}", c.id, c.label)?;
        writeln!(out, "  category: {}", c.category)?;
        let synonyms: Vec<String> = c
            .names
            .iter()
            .skip(1)
            .map(|n| {
                if n.case_sensitive {
                    format!("{} (case-sensitive)", n.text)
                } else {
                    n.text.clone()
                }
            })
            .collect();
        writeln!(out, "  synonyms: {}", synonyms.join("; "))?;
        let xrefs: Vec<&str> = c.xrefs.iter().map(String::as_str).collect();
        writeln!(out, "  xrefs: {}", xrefs.join(", "))?;
        // A species' gene and its human gene point at each other (`tag::species`).
        let label = |id: &str| {
            pipeline
                .vocab
                .get(id)
                .map_or(String::new(), |c| format!(" {}", c.label))
        };
        let taxa: Vec<String> = c.taxon.iter().map(|t| format!("{t}{}", label(t))).collect();
        for gene in &c.ortholog_of {
            let species = if taxa.is_empty() {
                String::new()
            } else {
                format!(" (the gene in {})", taxa.join(", "))
            };
            writeln!(out, "  ortholog of: {gene}{}{species}", label(gene))?;
        }
        let orthologs: Vec<String> = pipeline
            .vocab
            .orthologs(&c.id)
            .map(|o| {
                let taxa: Vec<String> =
                    o.taxon.iter().map(|t| format!("{t}{}", label(t))).collect();
                format!("{}{} ({})", o.id, label(&o.id), taxa.join(", "))
            })
            .collect();
        if !orthologs.is_empty() {
            writeln!(out, "  orthologs: {}", orthologs.join(", "))?;
        }
        if let Some(store) = &store {
            let rels = lookup::relations(store, &c.id)?;
            writeln!(out, "  relations: {}", rels.len())?;
            for r in rels {
                let arrow = if r.direction == "out" {
                    format!("-> {} {} ({})", r.predicate, r.other_label, r.other)
                } else {
                    format!("<- {} ({}) {}", r.other_label, r.other, r.predicate)
                };
                let neg = if r.negated > 0 {
                    format!(", {} negated", r.negated)
                } else {
                    String::new()
                };
                writeln!(out, "    {arrow} [{} mention(s){neg}]", r.mentions)?;
                writeln!(out, "       \"{}\"", r.example)?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Found)
}

fn resolve_one<'a>(
    pipeline: &'a Pipeline,
    term: &str,
) -> Result<std::borrow::Cow<'a, mechkg::vocab::Concept>> {
    let mut found = lookup::find(&pipeline.vocab, &pipeline.tagger, term);
    match found.as_slice() {
        [_] => Ok(found.remove(0)),
        [] => {
            let close: Vec<String> = lookup::suggest(&pipeline.vocab, term, 5)
                .iter()
                .map(|(c, n)| format!("{n} ({})", c.id))
                .collect();
            bail!(
                "no concept named {term:?}{}",
                if close.is_empty() {
                    String::new()
                } else {
                    format!("; did you mean: {}?", close.join(", "))
                }
            )
        }
        many => {
            let ids: Vec<&str> = many.iter().map(|c| c.id.as_str()).collect();
            bail!("{term:?} is ambiguous: {}; give a CURIE", ids.join(", "))
        }
    }
}

fn path_cmd(
    from: &str,
    to: &str,
    max_hops: usize,
    limit: usize,
    store: &StoreArgs,
    data: &DataArgs,
) -> Result<Outcome> {
    let pipeline = pipeline(data)?;
    let (a, b) = (resolve_one(&pipeline, from)?, resolve_one(&pipeline, to)?);
    let store = open_store_read(store)?;
    let chains = path::chains(&store, &a.id, &b.id, max_hops, limit)?;
    let label = |id: &str| {
        pipeline
            .vocab
            .get(id)
            .map_or(id.to_string(), |c| c.label.clone())
    };
    let mut out = stdout();
    if chains.is_empty() {
        eprintln!(
            "mechkg: no chain from {} to {} within {max_hops} hops",
            a.label, b.label
        );
        return Ok(Outcome::NothingFound);
    }
    writeln!(
        out,
        "{} ({}) to {} ({}): {} chain(s) within {max_hops} hops",
        a.label,
        a.id,
        b.label,
        b.id,
        chains.len()
    )?;
    for (i, chain) in chains.iter().enumerate() {
        let mut line = label(&chain.hops[0].subject);
        for h in &chain.hops {
            line.push_str(&format!(
                " --{}({})--> {}",
                h.predicate,
                h.predicate.polarity().symbol(),
                label(&h.object)
            ));
        }
        writeln!(out, "{}. [{}] {line}", i + 1, chain.sign.symbol())?;
        for h in &chain.hops {
            writeln!(
                out,
                "     {} {} {}: \"{}\" ({}; {} mention(s))",
                label(&h.subject),
                h.predicate,
                label(&h.object),
                h.example,
                h.document,
                h.mentions
            )?;
        }
    }
    out.flush()?;
    Ok(Outcome::Found)
}

fn eval_cmd(
    gold_path: &Path,
    gold_format: Option<GoldFormatArg>,
    format: EvalFormat,
    errors: Option<&Path>,
    data: &DataArgs,
) -> Result<Outcome> {
    use mechkg::eval::{self, gold::GoldFormat};
    let name = gold_path.display().to_string();
    let bytes = std::fs::read(gold_path).with_context(|| format!("could not read {name}"))?;
    let f = match gold_format {
        Some(GoldFormatArg::Pubtator) => GoldFormat::PubTator,
        Some(GoldFormatArg::BiocXml) => GoldFormat::BiocXml,
        Some(GoldFormatArg::BiocJson) => GoldFormat::BiocJson,
        None => GoldFormat::detect(&bytes),
    };
    let gold = eval::gold::read(&name, &bytes, f)?;
    if let Some(cut) = &gold.truncated {
        eprintln!("mechkg: {cut}");
    }
    if !gold.bad_offsets.is_empty() {
        eprintln!(
            "mechkg: {}: {} gold mention(s) whose offsets do not match the text, left out of the span scores; first ones:",
            name,
            gold.bad_offsets.len()
        );
        for b in gold.bad_offsets.iter().take(5) {
            eprintln!("  {b}");
        }
    }
    let pipeline = pipeline(data)?;
    let start = Instant::now();
    let report = eval::evaluate(&pipeline, &gold)?;
    let mut out = stdout();
    match format {
        EvalFormat::Table => eval::write_table(&report, &mut out)?,
        EvalFormat::Json => eval::write_json(&report, &mut out)?,
    }
    out.flush()?;
    if let Some(path) = errors {
        let file = std::fs::File::create(path)
            .with_context(|| format!("could not create {}", path.display()))?;
        let mut w = BufWriter::new(file);
        eval::write_errors(&report, &mut w)?;
        w.flush()
            .with_context(|| format!("could not write {}", path.display()))?;
    }
    eprintln!(
        "mechkg: evaluated {} document(s) in {:.2} s",
        report.documents,
        start.elapsed().as_secs_f64()
    );
    Ok(Outcome::Found)
}

/// `vocab check`: the report of `mechkg::vocab_check`, with the build reports (`merges.tsv`,
/// `dropped.tsv`) read from beside each given file. Exit 0 without ambiguous names, 1 with some.
fn vocab_check_cmd(files: &[PathBuf], limit: Option<usize>) -> Result<Outcome> {
    use mechkg::vocab_check;
    let pipeline = pipeline(&DataArgs {
        vocab: files.to_vec(),
        rules: None,
        co_mentions: false,
    })?;
    let mut report = vocab_check::check(&pipeline.vocab, &pipeline.tagger);
    let mut dirs: Vec<PathBuf> = Vec::new();
    for f in files {
        let dir = f.parent().map(Path::to_path_buf).unwrap_or_default();
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    for dir in &dirs {
        for (file, column) in [("merges.tsv", 2), ("dropped.tsv", 2)] {
            let path = dir.join(file);
            if path.is_file() {
                let text = std::fs::read_to_string(&path)
                    .with_context(|| format!("could not read {}", path.display()))?;
                let name = path.display().to_string();
                report
                    .reports
                    .push(vocab_check::summarize_report(&name, &text, column));
            }
        }
    }
    let mut out = stdout();
    report.write(&mut out, limit)?;
    out.flush()?;
    Ok(if report.ambiguous.is_empty() {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}
