DROP TABLE password_resets;
DROP TABLE rate_counters;
