//! Files for download, made from the stored data: the PDF meeting pack, the XLSX
//! workbook and the CSV table of a term. Charts as SVG/PNG come from `crate::charts`.
//! Sits between `app` (which turns records into texts and chart specs) and `server`
//! (which serves the files).

pub mod csv_file;
pub mod pdf;
mod rows;
pub mod xlsx;

pub use rows::{DataRow, DataTable, data_table};

/// Why a file could not be made. Internal: the server logs it and answers 500.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the embedded font could not be read")]
    Font,
    #[error("chart: {0}")]
    Chart(#[from] crate::charts::ChartError),
    #[error("PDF: {0}")]
    Pdf(String),
    #[error("XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("CSV: {0}")]
    Csv(String),
}
