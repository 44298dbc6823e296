-- Shared per-address rate limits of the public endpoints (complaint.IntakeRateLimiter): Bucket4j's JDBC proxy
-- manager keeps each bucket's state here, so that every node of a cluster counts against the same limit.
CREATE TABLE rate_limit_bucket (
    id          VARCHAR(100)  NOT NULL PRIMARY KEY,
    state       BLOB,
    expires_at  BIGINT
);
CREATE INDEX ix_rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
