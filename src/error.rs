//! The library's error type. Messages are lower-case, name the file and line (or record) at fault,
//! and never print themselves: the binary adds context and prints `mechkg: {err:#}`.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{path}:{line}: {msg}")]
    Vocab {
        path: String,
        line: usize,
        msg: String,
    },
    /// A gold-standard file (`mechkg eval`) that cannot be read.
    #[error("{path}:{line}: {msg}")]
    Gold {
        path: String,
        line: usize,
        msg: String,
    },
    #[error("{path}: {msg}")]
    Rules { path: String, msg: String },
    #[error("{path}: {msg}")]
    Input { path: String, msg: String },
    /// A record of a record stream (PubMed, BioC, PubTator) that could not be read.
    #[error(transparent)]
    Record(#[from] crate::read::RecordError),
    #[error("{0}")]
    Query(String),
    #[error("store {path}: {msg}")]
    Store { path: PathBuf, msg: String },
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl Error {
    pub fn input(path: impl Into<String>, msg: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            msg: msg.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<oxigraph::store::StorageError> for Error {
    fn from(e: oxigraph::store::StorageError) -> Self {
        Error::Store {
            path: PathBuf::new(),
            msg: e.to_string(),
        }
    }
}
