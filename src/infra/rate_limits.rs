//! Request rate limits on the public sign-in endpoints, in this instance's memory (`governor`'s
//! GCRA): one budget per client address and one per account (a tenant and identifier, or the
//! challenge, reset or invitation a request names). They blunt floods and spraying before any
//! work is done; the lockouts, which count in the database, stay the global guarantee.
//!
//! Keys are kept as 64-bit keyed hashes, so no identifier or token sits in the limiter's memory.
//! IPv6 clients are counted per /64, the block one subscriber usually holds.

use std::hash::{BuildHasher, Hash, Hasher};
use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::domain::ErrorCode;
use crate::error::AppError;

/// What an account budget is spent on: the part of a request that names the account.
#[derive(Debug, Clone, Copy)]
pub enum AccountKey<'a> {
    /// A tenant and a sign-in identifier, as typed (`/login`, `POST /password-reset`).
    Identifier { tenant: &'a str, identifier: &'a str },
    /// A login challenge, password reset, invitation or token named by the request.
    Subject { kind: &'static str, id: &'a str },
}

pub struct RateLimits {
    per_ip: Option<DefaultKeyedRateLimiter<u64>>,
    per_account: Option<DefaultKeyedRateLimiter<u64>>,
    hasher: std::collections::hash_map::RandomState,
}

impl RateLimits {
    /// `per_ip` and `per_account` are requests per minute; 0 turns a limit off.
    pub fn new(per_ip: u32, per_account: u32) -> Self {
        let limiter = |n: u32| NonZeroU32::new(n).map(|n| RateLimiter::keyed(Quota::per_minute(n)));
        Self { per_ip: limiter(per_ip), per_account: limiter(per_account), hasher: Default::default() }
    }

    /// Spends one request of the client address's budget (`None`: an address we could not
    /// tell, which shares one budget).
    pub fn check_ip(&self, ip: Option<IpAddr>) -> Result<(), AppError> {
        let Some(limiter) = &self.per_ip else { return Ok(()) };
        let key = self.key(|h| match ip {
            Some(IpAddr::V4(v4)) => v4.hash(h),
            Some(IpAddr::V6(v6)) => v6.segments()[..4].hash(h),
            None => "unknown".hash(h),
        });
        check(limiter, key, "ip")
    }

    /// Spends one request of the account's budget.
    pub fn check_account(&self, account: AccountKey<'_>) -> Result<(), AppError> {
        let Some(limiter) = &self.per_account else { return Ok(()) };
        let key = self.key(|h| match account {
            AccountKey::Identifier { tenant, identifier } => {
                "id".hash(h);
                tenant.trim().to_lowercase().hash(h);
                identifier.trim().to_lowercase().hash(h);
            }
            AccountKey::Subject { kind, id } => {
                kind.hash(h);
                id.hash(h);
            }
        });
        check(limiter, key, "account")
    }

    /// Forgets budgets that are full again, so memory follows recent traffic only.
    pub fn forget_idle(&self) {
        for limiter in [&self.per_ip, &self.per_account].into_iter().flatten() {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    fn key(&self, write: impl FnOnce(&mut std::collections::hash_map::DefaultHasher)) -> u64 {
        let mut h = self.hasher.build_hasher();
        write(&mut h);
        h.finish()
    }
}

fn check(limiter: &DefaultKeyedRateLimiter<u64>, key: u64, scope: &'static str) -> Result<(), AppError> {
    match limiter.check_key(&key) {
        Ok(()) => Ok(()),
        Err(not_until) => {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            metrics::counter!("latchkey_rate_limited_total", "scope" => scope).increment(1);
            Err(AppError::TooManyRequests {
                code: ErrorCode::RateLimited,
                message: match scope {
                    "ip" => "too many requests from this address; retry after Retry-After seconds".into(),
                    _ => "too many requests for this account; retry after Retry-After seconds".into(),
                },
                retry_after_secs: (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_runs_out_and_names_when_to_retry() {
        let limits = RateLimits::new(3, 2);
        let ip = Some(IpAddr::from([192, 0, 2, 1]));
        for _ in 0..3 {
            assert!(limits.check_ip(ip).is_ok());
        }
        match limits.check_ip(ip) {
            Err(AppError::TooManyRequests { code: ErrorCode::RateLimited, retry_after_secs, .. }) => {
                assert!((1..=20).contains(&retry_after_secs), "{retry_after_secs}");
            }
            other => panic!("expected rate_limited, got {other:?}"),
        }
        assert!(limits.check_ip(Some(IpAddr::from([192, 0, 2, 2]))).is_ok(), "another address has its own budget");
    }

    #[test]
    fn identifiers_are_counted_case_insensitively_and_ipv6_per_64() {
        let limits = RateLimits::new(1, 1);
        let alice = AccountKey::Identifier { tenant: "acme", identifier: "Alice@Example.com" };
        assert!(limits.check_account(alice).is_ok());
        let again = AccountKey::Identifier { tenant: "ACME", identifier: " alice@example.com" };
        assert!(limits.check_account(again).is_err());
        let other_tenant = AccountKey::Identifier { tenant: "globex", identifier: "alice@example.com" };
        assert!(limits.check_account(other_tenant).is_ok());
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap_or(IpAddr::from([0; 16]));
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap_or(IpAddr::from([0; 16]));
        assert!(limits.check_ip(Some(a)).is_ok());
        assert!(limits.check_ip(Some(b)).is_err());
    }

    #[test]
    fn zero_turns_a_limit_off() {
        let limits = RateLimits::new(0, 0);
        for _ in 0..1000 {
            assert!(limits.check_ip(None).is_ok());
            assert!(limits.check_account(AccountKey::Subject { kind: "challenge", id: "x" }).is_ok());
        }
    }
}
