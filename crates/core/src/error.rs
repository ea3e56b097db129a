//! The one error type of the core, and its flat public form (`ApiError`) that crosses to the
//! UI and the command line. Internal detail is mapped to a stable `code` in one place
//! (`Error::code`), so callers branch on codes, never on message text.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a problem is: a form field, or a file position for imports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetail {
    /// The form or record field, e.g. `startDate`.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    pub message: String,
}

impl ErrorDetail {
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: Some(field.into()),
            file: None,
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// "field: message", or just the message, for plain-text output.
    pub fn describe(&self) -> String {
        let mut place = Vec::new();
        if let Some(file) = &self.file {
            place.push(file.clone());
        }
        if let Some(line) = self.line {
            place.push(format!("line {line}"));
        }
        if let Some(column) = self.column {
            place.push(format!("column {column}"));
        }
        if let Some(field) = &self.field {
            place.push(field.clone());
        }
        if place.is_empty() {
            self.message.clone()
        } else {
            format!("{}: {}", place.join(", "), self.message)
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// User input that cannot be accepted; every problem found is listed.
    #[error("{summary}")]
    Invalid {
        summary: String,
        details: Vec<ErrorDetail>,
    },
    #[error("{entity} {id} was not found")]
    NotFound { entity: &'static str, id: String },
    /// The request is well formed but the current state forbids it.
    #[error("{0}")]
    Conflict(String),
    #[error(
        "this database was written by a newer Pilotdesk (schema version {found}; this build \
         understands up to {supported}). Update Pilotdesk to open it; the file was not changed"
    )]
    DatabaseTooNew { found: i64, supported: i64 },
    #[error("database error: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("could not produce the pack: {0}")]
    Pack(String),
    /// The person stopped the work; nothing of it was kept.
    #[error("{0}")]
    Cancelled(String),
    /// Plausible input the person is asked to confirm first; sending it again confirmed
    /// records it. Every reason is listed, at its field.
    #[error("{summary}")]
    NeedsConfirmation {
        summary: String,
        details: Vec<ErrorDetail>,
    },
}

impl Error {
    pub fn invalid(details: Vec<ErrorDetail>) -> Self {
        let summary = match details.as_slice() {
            [one] => one.describe(),
            many => format!("{} problems need fixing", many.len()),
        };
        Error::Invalid { summary, details }
    }

    pub fn needs_confirmation(details: Vec<ErrorDetail>) -> Self {
        let summary = match details.as_slice() {
            [one] => format!("please confirm: {}", one.describe()),
            many => format!("please confirm {} things first", many.len()),
        };
        Error::NeedsConfirmation { summary, details }
    }

    pub fn invalid_field(field: &str, message: impl Into<String>) -> Self {
        Self::invalid(vec![ErrorDetail::field(field, message)])
    }

    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }

    /// Stable, machine-readable code. The UI and scripts branch on these.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid_input",
            Error::NotFound { .. } => "not_found",
            Error::Conflict(_) => "conflict",
            Error::DatabaseTooNew { .. } => "database_too_new",
            Error::Storage(_) => "storage",
            Error::Io { .. } => "io",
            Error::Pack(_) => "pack",
            Error::Cancelled(_) => "cancelled",
            Error::NeedsConfirmation { .. } => "needs_confirmation",
        }
    }

    /// True when the user (not the machine) has to change something: bad input or a state
    /// that forbids the action. The command line exits 2 for these.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Error::Invalid { .. }
                | Error::NotFound { .. }
                | Error::Conflict(_)
                | Error::NeedsConfirmation { .. }
                | Error::Cancelled(_)
        )
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The error as the UI receives it: `{code, message, details}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApiError {
    pub code: String,
    pub message: String,
    pub details: Vec<ErrorDetail>,
}

impl From<&Error> for ApiError {
    fn from(error: &Error) -> Self {
        let details = match error {
            Error::Invalid { details, .. } | Error::NeedsConfirmation { details, .. } => {
                details.clone()
            }
            _ => Vec::new(),
        };
        ApiError {
            code: error.code().to_string(),
            message: error.to_string(),
            details,
        }
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        ApiError::from(&error)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message)?;
        if self.details.len() > 1 {
            for detail in &self.details {
                write!(f, "\n  - {}", detail.describe())?;
            }
        }
        Ok(())
    }
}
