//! Which reader an upload needs, from its first bytes and its name. The bytes win over
//! the name where they are certain: a zip is read as .xlsx even when renamed .csv,
//! and an old binary .xls (an OLE2 container) is never taken for CSV.

/// The kinds of file an import accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    Xlsx,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
/// Excel 97–2003 workbooks, and password-protected .xlsx files, are OLE2 containers.
const OLE2_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The reader for an upload, or `None` for a kind we do not read (.xls, .ods, .xlsb,
/// anything without a known extension).
pub fn detect(file_name: &str, bytes: &[u8]) -> Option<FileKind> {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let is_zip = bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC);
    match extension.as_str() {
        // Zips too, but not of the xlsx layout: say so before trying to read them.
        "ods" | "xlsb" | "numbers" => None,
        // A protected .xlsx is OLE2 too; it is let through so the clerk hears
        // "cannot be read" (with the hint to remove the password) instead of "wrong kind".
        "xlsx" | "xlsm" => Some(FileKind::Xlsx),
        _ if bytes.starts_with(OLE2_MAGIC) => None,
        _ if is_zip => Some(FileKind::Xlsx),
        "csv" | "txt" | "tsv" => Some(FileKind::Csv),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_apart_by_their_bytes_then_their_name() {
        assert_eq!(
            detect("so-lieu.xlsx", b"PK\x03\x04rest"),
            Some(FileKind::Xlsx)
        );
        assert_eq!(detect("SO-LIEU.CSV", b"Ma;Gia tri"), Some(FileKind::Csv));
        assert_eq!(
            detect("so-lieu.csv", b"PK\x03\x04rest"),
            Some(FileKind::Xlsx)
        );
        assert_eq!(detect("so-lieu", b"PK\x03\x04rest"), Some(FileKind::Xlsx));
        assert_eq!(detect("so-lieu.xls", OLE2_MAGIC), None);
        assert_eq!(detect("so-lieu.csv", OLE2_MAGIC), None);
        assert_eq!(detect("so-lieu.ods", b"PK\x03\x04rest"), None);
        assert_eq!(detect("so-lieu.pdf", b"%PDF-1.7"), None);
        assert_eq!(detect("so-lieu.xlsx", b"not a zip"), Some(FileKind::Xlsx));
    }
}
