//! Input side of `build`, `tag` and `extract`: lists the files to read (directories recursively,
//! gzipped or not, or stdin), streams their records in input order through `read::records`,
//! reports and counts the records it skips (`mechkg: FILE: record N (PMID X): message`) or, with
//! `--strict`, fails on them before anything is written, hands out records in batches, annotates a
//! batch on a thread pool keeping input order, and draws a progress bar on a terminal.

use crate::cli::{InputArgs, InputFormatArg};
use anyhow::{anyhow, bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use mechkg::model::{AnnotatedDocument, Document, SectionKind};
use mechkg::read::{self, InputFormat, ReadOptions, Record, RecordError, Records, SkipKind};
use mechkg::Pipeline;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Cursor, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Documents annotated and written together: a build commits one transaction per batch.
pub const BATCH: usize = 1000;

/// One input: a file, or stdin (held in memory when it must be read twice).
#[derive(Clone)]
enum Source {
    File(PathBuf),
    Stdin,
    Memory(Arc<Vec<u8>>),
}

/// What was read, for the summary.
#[derive(Default)]
pub struct Tally {
    pub files: usize,
    pub docs: usize,
    pub deleted: usize,
    pub skipped: BTreeMap<SkipKind, usize>,
}

impl Tally {
    /// `read 2 file(s): 5 document(s), 1 deletion(s), 2 skipped (1 malformed, 1 no text ...)`.
    pub fn summary(&self) -> String {
        let skipped: usize = self.skipped.values().sum();
        let mut s = format!(
            "read {} file(s): {} document(s), {} deletion(s), {skipped} skipped",
            self.files, self.docs, self.deleted
        );
        if skipped > 0 {
            let why: Vec<String> = self
                .skipped
                .iter()
                .map(|(k, n)| format!("{n} {}", k.as_str()))
                .collect();
            s.push_str(&format!(" ({})", why.join(", ")));
        }
        s
    }
}

/// The records of every input, in order, with bad records reported and skipped.
pub struct Ingest {
    sources: Vec<(String, Source)>,
    next: usize,
    current: Option<Records>,
    format: Option<InputFormat>,
    opts: ReadOptions,
    strict: bool,
    pub tally: Tally,
    progress: ProgressBar,
}

impl Ingest {
    /// Lists the inputs; with `--strict`, reads them all once first, so that a bad record fails
    /// the run before anything is written. `show_progress`: draw a bar if stderr is a terminal.
    pub fn open(input: &InputArgs, show_progress: bool) -> Result<Ingest> {
        let opts = read_options(input)?;
        let mut sources = Vec::new();
        for file in input_files(&input.inputs)? {
            let name = file.display().to_string();
            let source = if name == "-" {
                Source::Stdin
            } else {
                Source::File(file)
            };
            sources.push((name, source));
        }
        let mut ingest = Ingest {
            sources,
            next: 0,
            current: None,
            format: input.input_format.map(format_of),
            opts,
            strict: input.strict,
            tally: Tally::default(),
            progress: ProgressBar::hidden(),
        };
        if input.strict {
            ingest.check_all()?;
        }
        if show_progress && io::stderr().is_terminal() {
            ingest.progress = progress_bar(&ingest.sources);
        }
        Ok(ingest)
    }

    /// Reads every record once, failing at the first bad one; stdin is kept for the real pass.
    fn check_all(&mut self) -> Result<()> {
        for (_, source) in &mut self.sources {
            if matches!(source, Source::Stdin) {
                let mut bytes = Vec::new();
                io::stdin()
                    .read_to_end(&mut bytes)
                    .context("could not read stdin")?;
                *source = Source::Memory(Arc::new(bytes));
            }
        }
        while self.next_record()?.is_some() {}
        self.next = 0;
        self.current = None;
        self.tally = Tally::default();
        Ok(())
    }

    fn open_next(&mut self) -> Result<bool> {
        let Some((name, source)) = self.sources.get(self.next).cloned() else {
            return Ok(false);
        };
        self.next += 1;
        self.tally.files += 1;
        let reader: Box<dyn BufRead + Send> = match source {
            Source::File(path) => {
                let file =
                    std::fs::File::open(&path).with_context(|| format!("could not read {name}"))?;
                Box::new(BufReader::with_capacity(
                    1 << 16,
                    self.progress.wrap_read(file),
                ))
            }
            Source::Stdin => Box::new(BufReader::new(io::stdin())),
            Source::Memory(bytes) => Box::new(Cursor::new(bytes.as_ref().clone())),
        };
        self.current = Some(read::records(&name, reader, self.format, &self.opts));
        Ok(true)
    }

    /// The next good record; a bad one is reported and skipped (or fails the run with
    /// `--strict`); a fault of a whole single-document input fails the run.
    fn next_record(&mut self) -> Result<Option<Record>> {
        loop {
            let item = match self.current.as_mut().and_then(Iterator::next) {
                Some(item) => item,
                None => {
                    if !self.open_next()? {
                        return Ok(None);
                    }
                    continue;
                }
            };
            match item {
                Ok(Record::Doc(d)) => {
                    self.tally.docs += 1;
                    return Ok(Some(Record::Doc(d)));
                }
                Ok(Record::Delete(id)) => {
                    self.tally.deleted += 1;
                    return Ok(Some(Record::Delete(id)));
                }
                Err(e) => self.skip(e)?,
            }
        }
    }

    fn skip(&mut self, e: RecordError) -> Result<()> {
        if e.record.is_none() {
            return Err(mechkg::Error::from(e).into());
        }
        *self.tally.skipped.entry(e.kind).or_default() += 1;
        if e.kind == SkipKind::NoText {
            return Ok(());
        }
        if self.strict {
            bail!("{e} (--strict: nothing was written)");
        }
        self.progress.suspend(|| eprintln!("mechkg: {e}"));
        Ok(())
    }

    /// Up to `n` records; fewer only at the end of the input.
    pub fn next_batch(&mut self, n: usize) -> Result<Vec<Record>> {
        let mut batch = Vec::new();
        while batch.len() < n {
            match self.next_record()? {
                Some(r) => batch.push(r),
                None => break,
            }
        }
        self.progress
            .set_message(format!("{} document(s)", self.tally.docs));
        Ok(batch)
    }

    pub fn finish(&self) {
        self.progress.finish_and_clear();
    }
}

fn progress_bar(sources: &[(String, Source)]) -> ProgressBar {
    let total: u64 = sources
        .iter()
        .filter_map(|(_, s)| match s {
            Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            _ => None,
        })
        .sum();
    let bar = ProgressBar::new(total);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {elapsed} {msg}")
    {
        bar.set_style(style);
    }
    bar
}

fn format_of(f: InputFormatArg) -> InputFormat {
    match f {
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Jats => InputFormat::Jats,
        InputFormatArg::Pubmed => InputFormat::Pubmed,
        InputFormatArg::BiocXml => InputFormat::BiocXml,
        InputFormatArg::BiocJson => InputFormat::BiocJson,
        InputFormatArg::Pubtator => InputFormat::Pubtator,
    }
}

fn read_options(input: &InputArgs) -> Result<ReadOptions> {
    let mut sections = Vec::new();
    for s in &input.sections {
        sections.push(SectionKind::parse(s.trim()).ok_or_else(|| {
            let known: Vec<&str> = SectionKind::ALL.iter().map(|k| k.as_str()).collect();
            anyhow!("unknown section {s:?} (known: {})", known.join(", "))
        })?);
    }
    Ok(ReadOptions {
        sections,
        doc_id: input.doc_id.clone(),
    })
}

/// Files to read: the named files, directories walked in sorted order, or stdin.
fn input_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if inputs.is_empty() {
        return Ok(vec![PathBuf::from("-")]);
    }
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found).with_context(|| format!("could not list {}", p.display()))?;
            found.sort();
            out.extend(found);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            bail!("{}: no such file or directory", p.display());
        }
    }
    Ok(out)
}

/// Whether a file in a directory is an input: a known extension, possibly under `.gz`.
fn is_input(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    [".txt", ".xml", ".nxml", ".json", ".pubtator"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let p = entry?.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if is_input(&p) {
            out.push(p);
        }
    }
    Ok(())
}

/// A thread pool of `threads` threads (0: one per core).
pub fn thread_pool(threads: usize) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("could not start the annotation threads")
}

/// Annotates documents in parallel; the result keeps their order.
pub fn annotate(
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    docs: Vec<Document>,
) -> Vec<AnnotatedDocument> {
    pool.install(|| docs.into_par_iter().map(|d| pipeline.annotate(d)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_extensions() {
        let cases = [
            ("a/b.txt", true),
            ("b.XML", true),
            ("b.nxml.gz", true),
            ("pubmed20n0014.xml.gz", true),
            ("c.json", true),
            ("d.pubtator", true),
            ("e.gz", false),
            ("f.pdf", false),
            ("LICENSE", false),
        ];
        for (p, want) in cases {
            assert_eq!(is_input(Path::new(p)), want, "{p}");
        }
    }
}
