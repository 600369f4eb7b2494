//! The data of the terms read last, kept while the data version stays the same.
//!
//! A term page, the term API, the entry form, an import and the exports all start
//! from the whole term (`Db::term_data_as`). On a province-sized term that is
//! thousands of rows, read one by one through the SQLite worker thread: the reading
//! costs far more than the page built from it, and every signed-in clerk pays it on
//! every request (the page cache serves anonymous readers only). Here the parsed
//! term is kept per (term, figures) and handed out as long as the data version —
//! which every write bumps, from any server process — is the one it was read at.
//! Checking costs one small query; a change of version means a fresh read.
//!
//! Requests for the same term wait for one read instead of all reading at once.
//! At most `MAX_TERMS` terms are kept; the one used longest ago goes first.

use super::TermData;
use super::read::Figures;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const MAX_TERMS: usize = 4;

type Key = (i64, Figures);

#[derive(Debug, Default)]
pub(super) struct TermCache {
    slots: Mutex<Slots>,
}

#[derive(Debug, Default)]
struct Slots {
    tick: u64,
    by_key: HashMap<Key, (u64, Arc<tokio::sync::Mutex<Slot>>)>,
}

/// One term's data, and the data version it was read at.
#[derive(Debug, Default)]
pub(super) struct Slot {
    kept: Option<(i64, Arc<TermData>)>,
}

impl Slot {
    /// The kept data if it was read at `version`.
    pub(super) fn fresh(&self, version: i64) -> Option<Arc<TermData>> {
        self.kept
            .as_ref()
            .filter(|(v, _)| *v == version)
            .map(|(_, d)| d.clone())
    }

    /// Keeps `data`, read after the version was seen to be `version`: if a write
    /// landed during the read, the version has moved on and it is read again.
    pub(super) fn keep(&mut self, version: i64, data: Arc<TermData>) {
        self.kept = Some((version, data));
    }

    pub(super) fn forget(&mut self) {
        self.kept = None;
    }
}

impl TermCache {
    /// The slot of (term, figures), made if needed; lock it to read or fill it.
    pub(super) fn slot(&self, term_id: i64, figures: Figures) -> Arc<tokio::sync::Mutex<Slot>> {
        // Nothing here can leave the map half-changed if a holder panicked.
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        slots.tick += 1;
        let tick = slots.tick;
        let key = (term_id, figures);
        if let Some((used, slot)) = slots.by_key.get_mut(&key) {
            *used = tick;
            return slot.clone();
        }
        if slots.by_key.len() >= MAX_TERMS
            && let Some(oldest) = slots
                .by_key
                .iter()
                .min_by_key(|(_, (used, _))| *used)
                .map(|(k, _)| *k)
        {
            slots.by_key.remove(&oldest);
        }
        let slot = Arc::new(tokio::sync::Mutex::new(Slot::default()));
        slots.by_key.insert(key, (tick, slot.clone()));
        slot
    }

    /// Drops every kept term (the next reads go to the database).
    pub(super) fn clear(&self) {
        self.slots
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .by_key
            .clear();
    }

    #[cfg(test)]
    fn kept_terms(&self) -> usize {
        self.slots.lock().map_or(0, |s| s.by_key.len())
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_TERMS, TermCache};
    use crate::db::read::Figures;

    #[test]
    fn at_most_a_few_terms_are_kept_and_the_least_recently_used_goes_first() {
        let cache = TermCache::default();
        let first = cache.slot(1, Figures::Approved);
        for term in 2..=MAX_TERMS as i64 {
            cache.slot(term, Figures::Approved);
        }
        // Term 1 used again: term 2 is now the oldest.
        assert!(std::sync::Arc::ptr_eq(
            &first,
            &cache.slot(1, Figures::Approved)
        ));
        let two = cache.slot(2, Figures::Working);
        assert_eq!(cache.kept_terms(), MAX_TERMS);
        cache.slot(99, Figures::Approved);
        assert_eq!(cache.kept_terms(), MAX_TERMS);
        assert!(std::sync::Arc::ptr_eq(
            &first,
            &cache.slot(1, Figures::Approved)
        ));
        assert!(std::sync::Arc::ptr_eq(
            &two,
            &cache.slot(2, Figures::Working)
        ));
        let again = cache.slot(2, Figures::Approved);
        assert_eq!(cache.kept_terms(), MAX_TERMS);
        assert!(!std::sync::Arc::ptr_eq(
            &again,
            &cache.slot(3, Figures::Approved)
        ));
    }
}
