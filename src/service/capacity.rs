//! Bounds the password hashes running at once (each holds ~19 MiB) and the logins waiting
//! for one; beyond that a login is refused at once with 503 instead of queueing without bound.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::AppError;

pub struct HashSlots {
    slots: Arc<Semaphore>,
    waiting: AtomicUsize,
    max_waiting: usize,
    wait_limit: Duration,
}

impl HashSlots {
    pub fn new(concurrent: usize, max_waiting: usize, wait_limit: Duration) -> Self {
        Self {
            slots: Arc::new(Semaphore::new(concurrent)),
            waiting: AtomicUsize::new(0),
            max_waiting,
            wait_limit,
        }
    }

    pub async fn acquire(&self) -> Result<OwnedSemaphorePermit, AppError> {
        if let Ok(permit) = self.slots.clone().try_acquire_owned() {
            return Ok(permit);
        }
        let overloaded = AppError::Overloaded {
            retry_after_secs: 1,
        };
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= self.max_waiting {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return Err(overloaded);
        }
        let result =
            tokio::time::timeout(self.wait_limit, self.slots.clone().acquire_owned()).await;
        self.waiting.fetch_sub(1, Ordering::AcqRel);
        match result {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(overloaded),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn refuses_beyond_the_queue() {
        let slots = HashSlots::new(1, 0, Duration::from_millis(10));
        let held = slots.acquire().await;
        assert!(held.is_ok());
        assert_eq!(
            slots.acquire().await.err().map(|e| e.code()),
            Some("overloaded")
        );
        drop(held);
        assert!(slots.acquire().await.is_ok());
    }

    #[tokio::test]
    async fn a_waiter_gets_a_freed_slot() {
        let slots = Arc::new(HashSlots::new(1, 4, Duration::from_secs(5)));
        let held = slots.acquire().await;
        let waiter = tokio::spawn({
            let slots = slots.clone();
            async move { slots.acquire().await.is_ok() }
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        drop(held);
        assert!(matches!(waiter.await, Ok(true)));
    }
}
