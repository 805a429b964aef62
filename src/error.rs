//! Errors: a small hand-written error type shared by the library (its builder), the CLI and the
//! WASM API.
//!
//! Takes nothing; gives [`Error`] with an [`ErrorKind`] and a message for the user. Analysis itself
//! never fails: bad input gives a report with a notice, not an error.

use std::fmt;

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input could not be read or parsed (a bad JSONL line, an unreadable file).
    Input,
    /// The report could not be serialised or written.
    Output,
    /// An option of the [`AnalyzerBuilder`](crate::AnalyzerBuilder) cannot work (a zero text limit).
    Options,
}

/// An error with a message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The kind of error.
    pub kind: ErrorKind,
    /// What happened, in words.
    pub message: String,
}

impl Error {
    /// An input error.
    pub fn input(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Input, message: message.into() }
    }
    /// An output error.
    pub fn output(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Output, message: message.into() }
    }
    /// An options error.
    pub fn options(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Options, message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
