//! The only module that opens an Oxigraph store: on disk (RocksDB) at a path, or in memory.
//! Writes are transactions, so that a failed or interrupted build leaves the store as it was.

use crate::error::{Error, Result};
use oxigraph::model::{GraphNameRef, NamedNode, Quad};
use oxigraph::store::Store as OxStore;
use std::path::{Path, PathBuf};

pub const DEFAULT_STORE: &str = "mechkg-store";

/// One change to a document's named graph.
pub enum GraphChange {
    /// Put these quads in place of the graph's (a document read again replaces its old graph).
    Replace(NamedNode, Vec<Quad>),
    /// Remove the graph (a withdrawn document).
    Remove(NamedNode),
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

    /// Replaces the named graphs of some documents and adds shared quads, all in one transaction.
    pub fn replace_graphs(&self, graphs: &[(NamedNode, Vec<Quad>)], shared: &[Quad]) -> Result<()> {
        let mut t = self.inner.start_transaction()?;
        for (g, quads) in graphs {
            t.remove_named_graph(g)?;
            for q in quads {
                t.insert(q);
            }
        }
        for q in shared {
            t.insert(q);
        }
        t.commit()?;
        Ok(())
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
