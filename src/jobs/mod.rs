//! Background work, in one place: a supervised set of named jobs (`list.rs`). Each job runs in
//! its own task, so a slow one (an event webhook that times out) never holds up another (the
//! codes in the message outbox). A task wakes every `LATCHKEY_OUTBOX_POLL_MS` and runs its job
//! when the job's period has passed on the application's clock (so tests drive the hourly ones
//! by moving the clock). Each pass runs in a task of its own: a failure or a panic is logged and
//! counted, and the next pass runs. On stop a job finishes the pass in progress, then ends.
//!
//! Metrics: `latchkey_job_runs_total{job, outcome}` (`ok`, `failed`, `panicked`) and
//! `latchkey_job_duration_seconds{job}`.

mod list;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::domain::UnixTime;
use crate::error::AppError;
use crate::state::AppState;

pub use list::{all, NAMES};

/// What one pass of a job reports: how many items it handled.
pub type PassFuture = Pin<Box<dyn Future<Output = Result<usize, AppError>> + Send>>;

/// A named piece of background work.
pub struct Job {
    pub name: &'static str,
    /// Seconds on the application's clock between passes (0: every wake-up).
    pub period_secs: i64,
    pub pass: Arc<dyn Fn(Arc<AppState>) -> PassFuture + Send + Sync>,
}

impl Job {
    pub fn new<F, Fut>(name: &'static str, period_secs: i64, pass: F) -> Self
    where
        F: Fn(Arc<AppState>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<usize, AppError>> + Send + 'static,
    {
        Job { name, period_secs, pass: Arc::new(move |state| Box::pin(pass(state))) }
    }

    /// A job whose pass is blocking work (diesel), run on the blocking threads.
    pub fn blocking<F>(name: &'static str, period_secs: i64, pass: F) -> Self
    where
        F: Fn(&AppState) -> Result<usize, AppError> + Send + Sync + 'static,
    {
        let pass = Arc::new(pass);
        Job::new(name, period_secs, move |state| {
            let pass = pass.clone();
            async move { tokio::task::spawn_blocking(move || pass(&state)).await.map_err(AppError::internal)? }
        })
    }
}

/// The running jobs, until `stop`.
pub struct Running {
    stop: watch::Sender<bool>,
    tasks: Vec<(&'static str, JoinHandle<()>)>,
}

/// Starts every job, each waking every `wake`. Their wake-ups are spread over the period, so
/// that their passes rarely overlap and an idle server needs one database connection, not one
/// per job.
pub fn start(state: Arc<AppState>, jobs: Vec<Job>, wake: Duration) -> Running {
    let (stop, stopped) = watch::channel(false);
    let count = u32::try_from(jobs.len()).unwrap_or(u32::MAX).max(1);
    let tasks = jobs
        .into_iter()
        .enumerate()
        .map(|(i, job)| {
            let name = job.name;
            let offset = wake / count * u32::try_from(i).unwrap_or(0);
            (name, tokio::spawn(supervise(state.clone(), job, (offset, wake), stopped.clone())))
        })
        .collect();
    Running { stop, tasks }
}

impl Running {
    /// Asks every job to stop: none starts another pass.
    pub fn signal(&self) {
        let _ = self.stop.send(true);
    }

    /// Waits (at most `limit` in all) for the passes in progress to finish; call after `signal`.
    pub async fn join(self, limit: Duration) {
        let deadline = tokio::time::Instant::now() + limit;
        for (name, task) in self.tasks {
            if tokio::time::timeout_at(deadline, task).await.is_err() {
                tracing::warn!(job = name, "a background job did not stop in time");
            }
        }
    }
}

async fn supervise(
    state: Arc<AppState>,
    job: Job,
    (offset, wake): (Duration, Duration),
    mut stop: watch::Receiver<bool>,
) {
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + offset, wake);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last: Option<UnixTime> = None;
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            _ = stop.changed() => {
                tracing::info!(job = job.name, "background job stopped");
                return;
            }
        }
        let now = state.now();
        // A clock set back (NTP, a test) does not pause the job until it catches up.
        if last.is_some_and(|at| now >= at && now - at < job.period_secs) {
            continue;
        }
        last = Some(now);
        let started = Instant::now();
        let outcome = match tokio::spawn((job.pass)(state.clone())).await {
            Ok(Ok(0)) => "ok",
            Ok(Ok(handled)) => {
                tracing::debug!(job = job.name, handled, "background job pass");
                "ok"
            }
            Ok(Err(e)) => {
                tracing::warn!(job = job.name, error = %e, "background job pass failed");
                "failed"
            }
            Err(e) => {
                tracing::error!(job = job.name, error = %e, "background job pass panicked");
                "panicked"
            }
        };
        metrics::counter!("latchkey_job_runs_total", "job" => job.name, "outcome" => outcome).increment(1);
        metrics::histogram!("latchkey_job_duration_seconds", "job" => job.name).record(started.elapsed().as_secs_f64());
    }
}
