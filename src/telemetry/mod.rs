//! What operators see: Prometheus metrics (`metrics`) and, in `main`, the log format.

pub mod metrics;
