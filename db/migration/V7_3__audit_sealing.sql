-- Audit log at scale (issue 15): writers append rows unsealed, without a global lock; one sequencer at a time
-- (the sealer, holding the chain head's row lock for its own short transaction only) seals them into the hash
-- chain in batches, each batch with its Merkle root (RFC 6962), so a single row can be proven part of the log.
-- The columns a sealer fills (seq_no, prev_hash, row_hash) become nullable in V15_2 (Java: the syntax differs
-- between H2 and MySQL).
-- Portable SQL: runs unchanged on H2 2.x and MySQL 8 / MariaDB 10.11+.

ALTER TABLE audit_log ADD COLUMN batch_no BIGINT;

-- One row per sealed batch: its sequence range, the RFC 6962 Merkle tree hash over its rows' hashes (leaves in
-- sequence order) and the chain hash at its last row.
CREATE TABLE audit_batch (
    batch_no     BIGINT    NOT NULL PRIMARY KEY,
    first_seq    BIGINT    NOT NULL,
    last_seq     BIGINT    NOT NULL,
    merkle_root  CHAR(64)  NOT NULL,
    chain_hash   CHAR(64)  NOT NULL,
    sealed_at    DATETIME  NOT NULL
);

ALTER TABLE audit_chain_head ADD COLUMN last_batch BIGINT NOT NULL DEFAULT 0;

-- The last point up to which a verification found the chain intact: the next one can start there.
CREATE TABLE audit_checkpoint (
    id            INT       NOT NULL PRIMARY KEY,
    verified_seq  BIGINT    NOT NULL,
    verified_hash CHAR(64)  NOT NULL,
    verified_at   DATETIME
);
INSERT INTO audit_checkpoint (id, verified_seq, verified_hash, verified_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);
