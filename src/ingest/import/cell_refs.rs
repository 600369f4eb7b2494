//! A check of the cell references in a workbook's sheets, made while the zip guard
//! unpacks them and before calamine reads them. calamine 0.38 turns a reference such
//! as `ssssssssC6` into a column number with unchecked arithmetic: with overflow checks
//! (tests, fuzzing) that panics, and in a release build it wraps, which would put a
//! cell in another column. A real reference has at most 3 column letters (XFD) and 7
//! row digits (1048576), so anything longer is refused as not a readable workbook.

use std::io::Write;

/// The longest well-formed value (`$XFD$1048576:$XFD$1048576`), with room to spare.
const MAX_VALUE: usize = 40;

/// Reads XML bytes as they are unpacked, looking at every `r="…"` and `ref="…"`
/// attribute (cells, rows, ranges); remembers whether one was malformed.
#[derive(Default)]
pub(super) struct CellRefScan {
    /// The last bytes seen, to find the start of an attribute across chunks.
    tail: [u8; 6],
    /// Inside an attribute value: the bytes so far.
    value: Option<Vec<u8>>,
    pub bad: bool,
}

impl CellRefScan {
    fn push(&mut self, b: u8) {
        if let Some(value) = &mut self.value {
            if b == b'"' {
                self.bad |= !well_formed(value);
                self.value = None;
            } else if value.len() >= MAX_VALUE {
                self.bad = true;
                self.value = None;
            } else {
                value.push(b);
            }
        } else {
            self.tail.rotate_left(1);
            self.tail[5] = b;
            let t = &self.tail;
            let attribute = (t[2].is_ascii_whitespace() && t[3..] == *b"r=\"")
                || (t[0].is_ascii_whitespace() && t[1..] == *b"ref=\"");
            if attribute {
                self.value = Some(Vec::new());
            }
        }
    }
}

impl Write for CellRefScan {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        buf.iter().for_each(|b| self.push(*b));
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `A1`, `$B$2`, `XFD1048576`, `7` (a row), `A:C`, `A1:B2`.
fn well_formed(value: &[u8]) -> bool {
    value.split(|b| *b == b':').all(|part| {
        let part = part.strip_prefix(b"$").unwrap_or(part);
        let letters = part.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let rest = &part[letters..];
        let rest = rest.strip_prefix(b"$").unwrap_or(rest);
        letters <= 3
            && rest.len() <= 7
            && rest.iter().all(u8::is_ascii_digit)
            && (letters > 0 || !rest.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(xml: &str, chunk: usize) -> bool {
        let mut s = CellRefScan::default();
        for part in xml.as_bytes().chunks(chunk) {
            let _ = s.write(part);
        }
        s.bad
    }

    #[test]
    fn the_references_of_real_sheets_pass() {
        let xml = r#"<worksheet><dimension ref="A1:XFD1048576"/><sheetData><row r="1" spans="1:9"><c r="A1" t="s"><v>0</v></c><c r="$XFD$1048576"/></row></sheetData><mergeCells><mergeCell ref="A:C"/></mergeCells><tablePart r:id="rId1"/></worksheet>"#;
        for chunk in [1, 3, 4096] {
            assert!(!scan(xml, chunk), "chunk {chunk}");
        }
    }

    #[test]
    fn overlong_or_malformed_references_are_caught_even_across_chunks() {
        for reference in [
            "ssssssssC6",
            "AAAA1",
            "A12345678",
            "A1B",
            "",
            "A-1",
            &"A".repeat(80),
        ] {
            let xml = format!(r#"<row r="2"><c r="{reference}"><v>1</v></c></row>"#);
            for chunk in [1, 2, 7, 4096] {
                assert!(scan(&xml, chunk), "{reference:?} in chunks of {chunk}");
            }
        }
        assert!(scan(r#"<dimension ref="A1:ZZZZ9"/>"#, 5));
    }
}
