//! What a request has committed so far, for the one retry after a lost database connection
//! (`http::db_retry`): a request is replayed only when none of its transactions committed.
//!
//! The HTTP layer hands a counter to each blocking call of the request (`in_request`); every
//! commit on that thread counts on it. Work outside a request (jobs) has no counter, and a
//! failure there is never called retryable.

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The commits of one request (shared by its blocking calls).
pub type Commits = Arc<AtomicUsize>;

tokio::task_local! {
    /// The commits of the request served on this task.
    static REQUEST: Commits;
}

/// Serves one request (one attempt of it) with a fresh commit count.
pub async fn serve<F: std::future::Future>(f: F) -> F::Output {
    REQUEST.scope(Commits::default(), f).await
}

/// The commit count of the request served on this task, to hand to its blocking calls.
pub fn of_this_task() -> Option<Commits> {
    REQUEST.try_with(Clone::clone).ok()
}

thread_local! {
    static CURRENT: RefCell<Option<Commits>> = const { RefCell::new(None) };
}

/// Runs `f` on this thread as part of the request that owns `commits`.
pub fn in_request<T>(commits: Option<Commits>, f: impl FnOnce() -> T) -> T {
    let before = CURRENT.with(|c| c.replace(commits));
    let out = f();
    CURRENT.with(|c| c.replace(before));
    out
}

/// A transaction of the current request committed (or may have).
pub(crate) fn note_commit() {
    CURRENT.with(|c| {
        if let Some(commits) = c.borrow().as_ref() {
            commits.fetch_add(1, Ordering::SeqCst);
        }
    });
}

/// The current request has written nothing yet: replaying it from the start changes nothing
/// twice. False outside a request.
pub fn nothing_committed() -> bool {
    CURRENT.with(|c| c.borrow().as_ref().is_some_and(|commits| commits.load(Ordering::SeqCst) == 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_request_that_committed_nothing_may_be_replayed() {
        assert!(!nothing_committed(), "outside a request: never");
        let commits = Commits::default();
        in_request(Some(commits.clone()), || {
            assert!(nothing_committed());
            note_commit();
            assert!(!nothing_committed());
        });
        assert_eq!(commits.load(Ordering::SeqCst), 1);
        assert!(!nothing_committed(), "the scope ended");
    }
}
