//! Throughput of the stages on real MEDLINE files, against the limit of the design: a raw
//! Aho-Corasick scan of the same text with the same dictionary's patterns (case-folded text,
//! leftmost-longest, no word boundaries, no normalisation map, nothing built from the matches).
//!
//! `cargo bench --bench pipeline -- [--vocab TSV]... FILE...` (or `scripts/bench.sh`, which also
//! measures the CLI-level build, memory, the scale curve and the full dictionary). With `--vocab`,
//! the stages run with those vocabulary files layered (the full dictionary) instead of the shipped
//! one, and the time to read the vocabulary and to build its automata is reported. Reports, per stage, MB/s and abstracts/s on one
//! thread, and extraction on 1 and 2 threads; the counts printed make the runs comparable and
//! check that every stage saw the same text.

use aho_corasick::{AhoCorasick, MatchKind};
use mechkg::extract::rules::RuleSet;
use mechkg::normalize::fold_case;
use mechkg::read::{self, ReadOptions, Record};
use mechkg::vocab::Vocabulary;
use mechkg::{model::Document, Pipeline};
use rayon::prelude::*;
use std::io::BufReader;
use std::time::Instant;

fn main() {
    let mut files: Vec<String> = Vec::new();
    let mut vocab_files: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--vocab" {
            vocab_files.push(args.next().expect("--vocab needs a file"));
        } else if !a.starts_with("--") {
            files.push(a);
        }
    }
    assert!(
        !files.is_empty(),
        "usage: cargo bench --bench pipeline -- [--vocab TSV]... FILE..."
    );
    let opts = ReadOptions::default();
    let t = Instant::now();
    let mut docs: Vec<Document> = Vec::new();
    let mut input_bytes = 0u64;
    for f in &files {
        input_bytes += std::fs::metadata(f).unwrap().len();
        let reader = Box::new(BufReader::new(std::fs::File::open(f).unwrap()));
        for r in read::records(f, reader, None, &opts).flatten() {
            if let Record::Doc(d) = r {
                docs.push(d);
            }
        }
    }
    let read_s = t.elapsed().as_secs_f64();
    let text_bytes: usize = docs
        .iter()
        .flat_map(|d| &d.sections)
        .map(|s| s.text.len())
        .sum();
    let abstracts = docs
        .iter()
        .filter(|d| {
            d.sections
                .iter()
                .any(|s| s.kind == mechkg::model::SectionKind::Abstract)
        })
        .count();
    let mb = text_bytes as f64 / 1e6;
    println!(
        "input: {} file(s), {:.1} MB on disk, {} documents ({abstracts} with an abstract), {:.1} MB of section text",
        files.len(),
        input_bytes as f64 / 1e6,
        docs.len(),
        mb
    );
    let row = |stage: &str, secs: f64, count: usize| {
        println!(
            "{stage:<28} {secs:>7.2} s {:>8.1} MB/s {:>9.0} abstracts/s   ({count} found)",
            mb / secs,
            abstracts as f64 / secs
        );
    };
    row("read (parse XML, gunzip)", read_s, docs.len());

    let t = Instant::now();
    let pipeline = if vocab_files.is_empty() {
        Pipeline::embedded().unwrap()
    } else {
        let mut vocab = Vocabulary::default();
        for f in &vocab_files {
            vocab
                .add_tsv(f, &std::fs::read_to_string(f).unwrap())
                .unwrap();
        }
        let read = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let p = Pipeline::new(vocab, RuleSet::embedded().unwrap());
        println!(
            "vocabulary {}: {} concepts read in {read:.3} s; tagger ({} patterns) and rules built in {:.3} s",
            vocab_files.join(" + "),
            p.vocab.concepts().len(),
            p.tagger.pattern_count,
            t.elapsed().as_secs_f64()
        );
        p
    };
    println!(
        "vocabulary and automata ready in {:.3} s",
        t.elapsed().as_secs_f64()
    );

    // The limit: one unanchored leftmost-longest automaton per case class over case-folded text.
    let (ci, cs) = pipeline.tagger.patterns();
    let build = |p: &[String]| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(p)
            .unwrap()
    };
    let (ci_ac, cs_ac) = (build(ci), build(cs));
    let t = Instant::now();
    let mut raw = 0;
    for d in &docs {
        for s in &d.sections {
            raw += ci_ac.find_iter(&fold_case(&s.text)).count() + cs_ac.find_iter(&s.text).count();
        }
    }
    row("raw Aho-Corasick scan", t.elapsed().as_secs_f64(), raw);

    let t = Instant::now();
    let mentions: usize = docs
        .iter()
        .map(|d| {
            pipeline
                .tagger
                .tag_document(d)
                .iter()
                .map(Vec::len)
                .sum::<usize>()
        })
        .sum();
    row("tag (1 thread)", t.elapsed().as_secs_f64(), mentions);

    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let t = Instant::now();
        let relations: usize = pool.install(|| {
            docs.par_iter()
                .map(|d| pipeline.annotate(d.clone()).relation_count())
                .sum()
        });
        row(
            &format!(
                "extract ({threads} thread{})",
                if threads > 1 { "s" } else { "" }
            ),
            t.elapsed().as_secs_f64(),
            relations,
        );
    }
}
