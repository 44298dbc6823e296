-- Archive packages (archive.Archiver): one row per closed record written to the archive store, with the SHA-256
-- of its manifest (which lists the SHA-256 of every file of the package). The unique process instance lets only
-- one node archive a record.
CREATE TABLE archive_package (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    business_key         VARCHAR(80)   NOT NULL,
    process_instance_id  VARCHAR(64)   NOT NULL,
    process_key          VARCHAR(64)   NOT NULL,
    retention            VARCHAR(20)   NOT NULL,
    closed_at            DATETIME,
    kept_until           DATETIME,
    location             VARCHAR(300)  NOT NULL,
    manifest_sha256      VARCHAR(64)   NOT NULL,
    files                INT           NOT NULL,
    archived_at          DATETIME      NOT NULL,
    CONSTRAINT uq_archive_package_instance UNIQUE (process_instance_id)
);
CREATE INDEX ix_archive_package_key ON archive_package (business_key);
