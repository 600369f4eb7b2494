//! Reading the data version once for many requests, without ever reading it too
//! early for one of them.
//!
//! Every cached answer is checked against the database's data version, so that a
//! figure saved through another server process is never served stale. Under load
//! that read, one per request, costs as much as the rest of a cache hit (and a
//! network round trip on PostgreSQL). Requests that arrive while a read is running
//! wait for it to finish and then share the next read: a request may use a read
//! only if the read *started after the request arrived*, so whatever was committed
//! before the request arrived is seen. With N requests waiting there are at most
//! two reads in the time of one, instead of N.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Default)]
pub(super) struct SharedVersionReads {
    /// Counts arrivals; a request's ticket is the count when it arrived.
    arrivals: AtomicU64,
    /// Held during a read; FIFO, so waiters are served in arrival order.
    last: tokio::sync::Mutex<LastRead>,
}

#[derive(Debug, Default)]
struct LastRead {
    /// Requests with a ticket below this had arrived when the read started.
    covers: u64,
    /// What the read gave (`None`: the database did not answer).
    version: Option<i64>,
}

impl SharedVersionReads {
    /// The data version as of a moment after this call began: the result of a read
    /// that started after it, run by `read` here or shared with other callers.
    pub(super) async fn current<F, Fut>(&self, read: F) -> Option<i64>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Option<i64>>,
    {
        let ticket = self.arrivals.fetch_add(1, Ordering::SeqCst);
        let mut last = self.last.lock().await;
        if ticket < last.covers {
            // A failure is shared too: while the database is down, waiters do not
            // queue up one timeout each.
            return last.version;
        }
        let covers = self.arrivals.load(Ordering::SeqCst);
        let version = read().await;
        *last = LastRead { covers, version };
        version
    }
}

#[cfg(test)]
mod tests {
    use super::SharedVersionReads;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
    use std::time::Duration;

    #[tokio::test]
    async fn requests_waiting_on_a_read_share_the_next_one_instead_of_reading_each() {
        let reads = Arc::new(SharedVersionReads::default());
        let count = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..50 {
            let (reads, count) = (reads.clone(), count.clone());
            tasks.push(tokio::spawn(async move {
                reads
                    .current(|| async {
                        count.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Some(7)
                    })
                    .await
            }));
        }
        for t in tasks {
            assert_eq!(t.await.expect("task"), Some(7));
        }
        let n = count.load(Ordering::SeqCst);
        assert!((1..=3).contains(&n), "{n} reads for 50 requests");
    }

    #[tokio::test]
    async fn a_request_never_uses_a_read_that_started_before_it_arrived() {
        let reads = Arc::new(SharedVersionReads::default());
        let stored = Arc::new(AtomicI64::new(1));
        // A slow read starts and sees version 1 ...
        let slow = {
            let (reads, stored) = (reads.clone(), stored.clone());
            tokio::spawn(async move {
                reads
                    .current(|| async move {
                        let seen = stored.load(Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        Some(seen)
                    })
                    .await
            })
        };
        tokio::time::sleep(Duration::from_millis(10)).await;
        // ... a write commits version 2, then a request arrives.
        stored.store(2, Ordering::SeqCst);
        let seen = reads
            .current(|| async { Some(stored.load(Ordering::SeqCst)) })
            .await;
        assert_eq!(slow.await.expect("task"), Some(1));
        assert_eq!(
            seen,
            Some(2),
            "the request was given a read older than itself"
        );
    }
}
