//! A check of an .xlsx file's zip container before the spreadsheet reader sees it. An
//! .xlsx is a zip archive, and a zip of a few kilobytes can unpack into gigabytes (a
//! "zip bomb"); the reader would then fill the server's memory. The sizes in the zip
//! directory are checked first (cheap), then every entry is unpacked into nothing with
//! a byte budget, because the directory's sizes are written by the sender and may lie.

use super::cell_refs::CellRefScan;
use super::{ImportFailure, MAX_UNPACKED_BYTES};
use std::io::{Cursor, Read};

#[derive(Debug, Clone, Copy)]
pub(super) struct ZipLimits {
    /// Total unpacked bytes of all entries.
    pub max_total: u64,
    /// Unpacked size over packed size of one entry…
    pub max_ratio: u64,
    /// …for entries larger than this (small entries cannot hurt, and tiny XML parts
    /// of ordinary workbooks compress very well).
    pub ratio_floor: u64,
    /// Number of entries; a workbook has a few dozen.
    pub max_entries: usize,
}

pub(super) const LIMITS: ZipLimits = ZipLimits {
    max_total: MAX_UNPACKED_BYTES as u64,
    max_ratio: 200,
    ratio_floor: 1024 * 1024,
    max_entries: 10_000,
};

/// Refuses a damaged archive or a bomb (`NotXlsx`) and one that unpacks to more than
/// the limit (`TooLarge`).
pub(super) fn check(bytes: &[u8], limits: &ZipLimits) -> Result<(), ImportFailure> {
    let not_xlsx = |_| ImportFailure::NotXlsx;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_xlsx)?;
    if archive.len() > limits.max_entries {
        return Err(ImportFailure::NotXlsx);
    }
    let mut declared_total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(not_xlsx)?;
        declared_total = declared_total.saturating_add(entry.size());
        if declared_total > limits.max_total {
            return Err(ImportFailure::TooLarge);
        }
        if is_bomb(entry.size(), entry.compressed_size(), limits) {
            return Err(ImportFailure::NotXlsx);
        }
    }
    let mut unpacked_total: u64 = 0;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(not_xlsx)?;
        let (declared, packed) = (entry.size(), entry.compressed_size());
        let budget = limits.max_total - unpacked_total;
        // The cell references of every XML part are checked on the way (see cell_refs).
        // Every part, not only xl/worksheets/: the workbook's relations may put a sheet
        // anywhere.
        let is_xml = entry
            .name()
            .map_err(not_xlsx)?
            .to_ascii_lowercase()
            .ends_with(".xml");
        let mut refs = CellRefScan::default();
        // One byte past the budget is enough to know it is over.
        let limited = &mut (&mut entry).take(budget + 1);
        let unpacked = if is_xml {
            std::io::copy(limited, &mut refs)
        } else {
            std::io::copy(limited, &mut std::io::sink())
        }
        .map_err(|_| ImportFailure::NotXlsx)?;
        if unpacked > budget {
            return Err(ImportFailure::TooLarge);
        }
        if refs.bad {
            return Err(ImportFailure::NotXlsx);
        }
        if unpacked > declared || is_bomb(unpacked, packed, limits) {
            return Err(ImportFailure::NotXlsx);
        }
        unpacked_total += unpacked;
    }
    Ok(())
}

fn is_bomb(unpacked: u64, packed: u64, limits: &ZipLimits) -> bool {
    unpacked > limits.ratio_floor && unpacked / packed.max(1) > limits.max_ratio
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn zip_of(entries: &[(&str, Vec<u8>)]) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            w.start_file(*name, SimpleFileOptions::default())?;
            w.write_all(data)?;
        }
        Ok(w.finish()?.into_inner())
    }

    const SMALL: ZipLimits = ZipLimits {
        max_total: 10_000,
        max_ratio: 200,
        ratio_floor: 1_000,
        max_entries: 3,
    };

    #[test]
    fn an_archive_within_the_limits_passes() -> Result<(), Box<dyn std::error::Error>> {
        let bytes = zip_of(&[("a.xml", b"<a/>".repeat(100)), ("b.xml", vec![7; 900])])?;
        assert_eq!(check(&bytes, &SMALL), Ok(()));
        Ok(())
    }

    #[test]
    fn an_archive_unpacking_past_the_total_is_too_large() -> Result<(), Box<dyn std::error::Error>>
    {
        let noise: Vec<u8> = (0..6_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        let bytes = zip_of(&[("a", noise.clone()), ("b", noise)])?;
        assert_eq!(check(&bytes, &SMALL), Err(ImportFailure::TooLarge));
        Ok(())
    }

    #[test]
    fn a_highly_compressed_entry_is_refused_as_a_bomb() -> Result<(), Box<dyn std::error::Error>> {
        let bytes = zip_of(&[("zeros", vec![0; 9_000])])?;
        assert_eq!(check(&bytes, &SMALL), Err(ImportFailure::NotXlsx));
        Ok(())
    }

    #[test]
    fn too_many_entries_are_refused() -> Result<(), Box<dyn std::error::Error>> {
        let e = |n| (n, vec![1u8]);
        let bytes = zip_of(&[e("a"), e("b"), e("c"), e("d")])?;
        assert_eq!(check(&bytes, &SMALL), Err(ImportFailure::NotXlsx));
        Ok(())
    }

    #[test]
    fn an_entry_unpacking_past_its_declared_size_is_refused()
    -> Result<(), Box<dyn std::error::Error>> {
        // The directory claims 100 bytes, so the cheap checks pass; unpacking tells.
        let mut bytes = zip_of(&[("zeros", vec![0; 5_000])])?;
        for (signature, size_at) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
            let at = bytes
                .windows(4)
                .position(|w| w == signature)
                .ok_or("no zip header")?;
            bytes[at + size_at..at + size_at + 4].copy_from_slice(&100u32.to_le_bytes());
        }
        assert_eq!(check(&bytes, &SMALL), Err(ImportFailure::NotXlsx));
        Ok(())
    }
}
