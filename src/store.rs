//! The only module that opens an Oxigraph store: on disk (RocksDB) at a path, or in memory.
//! Writes are transactions, so that a failed or interrupted build leaves the store as it was.

use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfParseError, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad};
use oxigraph::store::Store as OxStore;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub const DEFAULT_STORE: &str = "mechkg-store";

/// One change to a document's named graph.
pub enum GraphChange {
    /// Put these quads in place of the graph's (a document read again replaces its old graph).
    Replace(NamedNode, Vec<Quad>),
    /// Remove the graph (a withdrawn document).
    Remove(NamedNode),
}

/// What `load_nquads` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadSummary {
    pub documents: usize,
    /// Documents that were in the store before and were replaced.
    pub replaced: usize,
    pub quads_added: usize,
}

pub struct Store {
    pub inner: OxStore,
    pub path: Option<PathBuf>,
}

impl Store {
    pub fn memory() -> Result<Store> {
        Ok(Store {
            inner: OxStore::new()?,
            path: None,
        })
    }

    /// Opens (creating if needed) the store at `path` for writing.
    pub fn open(path: &Path) -> Result<Store> {
        let inner = OxStore::open(path).map_err(|e| open_error(path, e))?;
        Ok(Store {
            inner,
            path: Some(path.to_path_buf()),
        })
    }

    /// Opens an existing store for reading; a missing store is an error that says how to make one.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.join("CURRENT").exists() {
            return Err(Error::Store {
                path: path.to_path_buf(),
                msg:
                    "no store here: build one first with `mechkg build FILE` (or pass --store DIR)"
                        .into(),
            });
        }
        let inner = OxStore::open_read_only(path).map_err(|e| open_error(path, e))?;
        Ok(Store {
            inner,
            path: Some(path.to_path_buf()),
        })
    }

    /// Applies changes in their order and adds shared quads, all in one transaction.
    pub fn apply(&self, changes: &[GraphChange], shared: &[Quad]) -> Result<()> {
        let mut t = self.inner.start_transaction()?;
        for change in changes {
            match change {
                GraphChange::Replace(g, quads) => {
                    t.remove_named_graph(g)?;
                    for q in quads {
                        t.insert(q);
                    }
                }
                GraphChange::Remove(g) => {
                    t.remove_named_graph(g)?;
                }
            }
        }
        for q in shared {
            t.insert(q);
        }
        t.commit()?;
        Ok(())
    }

    /// The document graphs named in an N-Quads stream, checking the whole stream parses; a syntax
    /// error names the input and line.
    pub fn nquads_graphs(name: &str, reader: impl std::io::Read) -> Result<BTreeSet<NamedNode>> {
        let mut graphs = BTreeSet::new();
        for q in RdfParser::from_format(RdfFormat::NQuads).for_reader(reader) {
            let q = q.map_err(|e| parse_error(name, e))?;
            if let GraphName::NamedNode(g) = q.graph_name {
                if g.as_str().starts_with(crate::ns::DOC) {
                    graphs.insert(g);
                }
            }
        }
        Ok(graphs)
    }

    /// Loads N-Quads streams with Oxigraph's bulk loader, after removing (in one transaction) the
    /// document graphs they carry, so that loading a stream again leaves one copy of each document.
    /// `open` gives each input afresh: it is read once to find its graphs and once to load it.
    pub fn load_nquads<R: std::io::Read>(
        &self,
        inputs: &[String],
        open: impl Fn(&str) -> std::io::Result<R>,
        shared: &[Quad],
    ) -> Result<LoadSummary> {
        let mut graphs = BTreeSet::new();
        for name in inputs {
            let reader = open(name).map_err(|e| Error::input(name.as_str(), e.to_string()))?;
            graphs.extend(Self::nquads_graphs(name, reader)?);
        }
        let mut replaced = 0;
        let mut t = self.inner.start_transaction()?;
        for g in &graphs {
            if t.contains_named_graph(g)? {
                replaced += 1;
                t.remove_named_graph(g)?;
            }
        }
        for q in shared {
            t.insert(q);
        }
        t.commit()?;
        let before = self.inner.len()?;
        let mut loader = self.inner.bulk_loader();
        for name in inputs {
            let reader = open(name).map_err(|e| Error::input(name.as_str(), e.to_string()))?;
            loader
                .load_from_reader(RdfFormat::NQuads, reader)
                .map_err(|e| Error::input(name.as_str(), e.to_string()))?;
        }
        loader.commit()?;
        Ok(LoadSummary {
            documents: graphs.len(),
            replaced,
            quads_added: self.inner.len()?.saturating_sub(before),
        })
    }

    /// Flushes the write-ahead log into sorted, compressed tables and compacts them. Called at the
    /// end of a build: until then the store's data sits in RocksDB's log, several times larger.
    pub fn optimize(&self) -> Result<()> {
        self.inner.flush()?;
        self.inner.optimize()?;
        Ok(())
    }

    pub fn len(&self) -> Result<usize> {
        Ok(self.inner.len()?)
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.inner.is_empty()?)
    }

    /// Every quad, or those of one graph, in canonical (sorted N-Quads) order.
    pub fn quads(&self, graph: Option<&NamedNode>) -> Result<Vec<Quad>> {
        let iter = match graph {
            Some(g) => self.inner.quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(g.as_ref())),
            ),
            None => self.inner.quads_for_pattern(None, None, None, None),
        };
        let mut out = iter.collect::<std::result::Result<Vec<_>, _>>()?;
        crate::rdf::sort_quads(&mut out);
        Ok(out)
    }

    pub fn contains_graph(&self, g: &NamedNode) -> Result<bool> {
        Ok(self.inner.contains_named_graph(g)?)
    }
}

fn open_error(path: &Path, e: oxigraph::store::StorageError) -> Error {
    let msg = e.to_string();
    let msg = if msg.contains("lock") || msg.contains("Resource temporarily unavailable") {
        "the store is in use by another process (close it, or pass --store DIR)".to_string()
    } else {
        msg
    };
    Error::Store {
        path: path.to_path_buf(),
        msg,
    }
}

fn parse_error(name: &str, e: RdfParseError) -> Error {
    match &e {
        RdfParseError::Syntax(s) => match s.location() {
            Some(at) => Error::input(name, format!("line {}: {s}", at.start.line + 1)),
            None => Error::input(name, s.to_string()),
        },
        RdfParseError::Io(io) => Error::input(name, io.to_string()),
    }
}
