//! Password hashing runs on a small pool of dedicated threads: as many as may hash at once
//! (each hash holds ~19 MiB, and each thread keeps its allocator arena), with a bounded queue
//! in front. A login that finds the queue full, or waits in it too long, is refused
//! with 503 instead of queueing without bound; memory stays bounded under any flood.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::oneshot;

use crate::error::AppError;

type Job = Box<dyn FnOnce() + Send>;

/// How long a login refused for a full queue waits before its 503 goes out. Waiting costs no
/// CPU (the request's task sleeps), and it bounds the refusals a connection can ask for to two a
/// second: 256 connections retrying at once got 3,000–7,500 answers a second without it,
/// which took most of the CPU the hashing threads needed.
pub const REFUSAL_PAUSE: Duration = Duration::from_millis(500);

pub struct HashPool {
    queue: SyncSender<(Instant, Job)>,
    wait_limit: Duration,
    /// Jobs accepted and not yet taken by a thread (the `latchkey_hash_queue_depth` gauge).
    queued: Arc<AtomicUsize>,
}

fn overloaded() -> AppError {
    AppError::Overloaded { retry_after_secs: 1 }
}

impl HashPool {
    pub fn new(threads: usize, nice: i32, max_queued: usize, wait_limit: Duration) -> Result<Self, String> {
        let (queue, jobs) = sync_channel::<(Instant, Job)>(max_queued);
        let jobs = Arc::new(Mutex::new(jobs));
        let queued = Arc::new(AtomicUsize::new(0));
        for i in 0..threads {
            let (jobs, queued) = (jobs.clone(), queued.clone());
            std::thread::Builder::new()
                .name(format!("latchkey-hash-{i}"))
                .spawn(move || {
                    yield_to_http_workers(nice);
                    work(&jobs, &queued, wait_limit)
                })
                .map_err(|e| format!("cannot start a hashing thread: {e}"))?;
        }
        Ok(Self { queue, wait_limit, queued })
    }

    /// Hashes waiting for a thread now.
    pub fn queued(&self) -> usize {
        self.queued.load(Ordering::Relaxed)
    }

    /// Runs `f` on a hashing thread, or answers `Overloaded` when the pool is saturated.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce() -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let job: Job = Box::new(move || {
            // The request is gone (its client disconnected, or it timed out): skip the hash.
            if tx.is_closed() {
                return;
            }
            let _ = tx.send(f());
        });
        // Counted before the send, so a thread that takes the job at once never counts below zero.
        self.queued.fetch_add(1, Ordering::Relaxed);
        if let Err(refused) = self.queue.try_send((Instant::now(), job)) {
            self.queued.fetch_sub(1, Ordering::Relaxed);
            return Err(match refused {
                TrySendError::Full(_) => {
                    // A client that retries at once would otherwise turn the refusals into the
                    // flood: answering thousands of 503s a second takes the CPU the hashes need.
                    tokio::time::sleep(REFUSAL_PAUSE).await;
                    overloaded()
                }
                TrySendError::Disconnected(_) => AppError::internal("the hashing pool stopped"),
            });
        }
        // A job dropped unrun (it waited past `wait_limit`) closes the channel.
        match tokio::time::timeout(self.wait_limit * 4 + Duration::from_secs(30), rx).await {
            Ok(Ok(result)) => result,
            _ => Err(overloaded()),
        }
    }
}

/// Hashing threads run at a lower scheduling priority than the HTTP workers (`nice` more:
/// `LATCHKEY_HASH_NICE`, 10 by default; on Linux, where it is a per-thread attribute): under a login flood they still get every cycle the
/// workers leave idle, but `/healthz`, the JWKS, `/verify` and `/token/refresh` are scheduled
/// first, so the hashing never starves the accept path. Failure to lower it is only logged.
fn yield_to_http_workers(nice: i32) {
    #[cfg(not(target_os = "linux"))]
    let _ = nice;
    #[cfg(target_os = "linux")]
    {
        if nice == 0 {
            return;
        }
        let thread = rustix::thread::gettid();
        let current = rustix::process::getpriority_process(Some(thread)).unwrap_or(0);
        if let Err(e) = rustix::process::setpriority_process(Some(thread), (current + nice).min(19)) {
            tracing::warn!(error = %e, "cannot lower the priority of a hashing thread");
        }
    }
}

fn work(jobs: &Mutex<Receiver<(Instant, Job)>>, queued: &AtomicUsize, wait_limit: Duration) {
    loop {
        let next = match jobs.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        let Ok((queued_at, job)) = next else { return };
        queued.fetch_sub(1, Ordering::Relaxed);
        metrics::histogram!("latchkey_hash_queue_wait_seconds").record(queued_at.elapsed().as_secs_f64());
        if queued_at.elapsed() > wait_limit {
            drop(job); // the caller is answered 503
            continue;
        }
        job();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn runs_jobs_and_refuses_beyond_the_queue() -> Result<(), String> {
        let pool = Arc::new(HashPool::new(1, 0, 1, Duration::from_secs(5))?);
        assert_eq!(pool.run(|| Ok(2 + 2)).await.ok(), Some(4));
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let blocker = tokio::spawn({
            let pool = pool.clone();
            async move { pool.run(move || wait.recv().map_err(AppError::internal)).await.is_ok() }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        let queued = tokio::spawn({
            let pool = pool.clone();
            async move { pool.run(|| Ok(1)).await.ok() }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(pool.run(|| Ok(0)).await.err().map(|e| e.code().as_str()), Some("overloaded"));
        let _ = release.send(());
        assert!(matches!(blocker.await, Ok(true)));
        assert!(matches!(queued.await, Ok(Some(1))));
        Ok(())
    }

    #[tokio::test]
    async fn a_job_whose_caller_left_is_not_run() -> Result<(), String> {
        let pool = Arc::new(HashPool::new(1, 0, 4, Duration::from_secs(5))?);
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let blocker = tokio::spawn({
            let pool = pool.clone();
            async move { pool.run(move || wait.recv().map_err(AppError::internal)).await.is_ok() }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        let ran = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = ran.clone();
        // The caller gives up while the job waits (a client that disconnected drops its request).
        let gave_up = tokio::time::timeout(
            Duration::from_millis(50),
            pool.run(move || {
                flag.store(true, Ordering::SeqCst);
                Ok(())
            }),
        )
        .await;
        assert!(gave_up.is_err());
        let _ = release.send(());
        assert!(matches!(blocker.await, Ok(true)));
        assert_eq!(pool.run(|| Ok(7)).await.ok(), Some(7), "the thread went on to the next job");
        assert!(!ran.load(Ordering::SeqCst), "the abandoned hash was skipped");
        assert_eq!(pool.queued(), 0);
        Ok(())
    }

    #[tokio::test]
    async fn a_job_that_waited_too_long_is_refused() -> Result<(), String> {
        let pool = Arc::new(HashPool::new(1, 0, 4, Duration::from_millis(20))?);
        let slow = tokio::spawn({
            let pool = pool.clone();
            async move {
                pool.run(|| {
                    std::thread::sleep(Duration::from_millis(100));
                    Ok(())
                })
                .await
                .is_ok()
            }
        });
        tokio::time::sleep(Duration::from_millis(10)).await;
        assert_eq!(pool.run(|| Ok(())).await.err().map(|e| e.code().as_str()), Some("overloaded"));
        assert!(matches!(slow.await, Ok(true)));
        Ok(())
    }
}
