-- Documents (文书): numbering patterns per type, and the immutable store of generated and uploaded files.
-- In-app notifications (消息提醒).

CREATE TABLE document_type (
    type_code      VARCHAR(32)  NOT NULL PRIMARY KEY,
    name           VARCHAR(60)  NOT NULL,
    number_pattern VARCHAR(80),             -- {abbr} issuer's 机关代字, {year}, {n} (no leading zeros); NULL: unnumbered
    updated_by     VARCHAR(64)  NOT NULL,
    updated_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO document_type (type_code, name, number_pattern, updated_by) VALUES
 ('SUGGESTION_LETTER',   '行政执法监督建议书', '{abbr}建〔{year}〕{n}号', 'system'),
 ('OPINION_LETTER',      '行政执法监督意见书', '{abbr}意〔{year}〕{n}号', 'system'),
 ('CORRECTIVE_DECISION', '行政执法监督纠正决定书', '{abbr}纠〔{year}〕{n}号', 'system'),
 ('REMINDER_NOTICE',     '催办通知',           '{abbr}催〔{year}〕{n}号', 'system'),
 ('PUBLIC_NOTICE',       '通报',               '{abbr}通〔{year}〕{n}号', 'system'),
 ('TRANSFER_LETTER',     '问题线索移送函',     '{abbr}移〔{year}〕{n}号', 'system'),
 ('TRANSFER_MATERIALS',  '移送材料清单',       NULL, 'system'),
 ('COMPLAINT_REPLY',     '投诉举报答复意见书', '{abbr}复〔{year}〕{n}号', 'system'),
 ('EVIDENCE',            '证据材料',           NULL, 'system'),
 ('ATTACHMENT',          '附件',               NULL, 'system'),
 ('RECORD_EXPORT',       '全过程记录导出',     NULL, 'system');

CREATE TABLE document (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    record_type   VARCHAR(40)   NOT NULL,
    record_no     VARCHAR(80)   NOT NULL,
    doc_type      VARCHAR(32)   NOT NULL,
    doc_no        VARCHAR(80),
    title         VARCHAR(200)  NOT NULL,
    file_name     VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(120)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    content       LONGBLOB      NOT NULL,
    version       INT           NOT NULL,
    supersedes_id BIGINT,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    DATETIME      NOT NULL,
    CONSTRAINT uk_document_no UNIQUE (doc_no),
    CONSTRAINT fk_document_supersedes FOREIGN KEY (supersedes_id) REFERENCES document (id),
    CONSTRAINT fk_document_type FOREIGN KEY (doc_type) REFERENCES document_type (type_code)
);
CREATE INDEX ix_document_record ON document (record_type, record_no);

CREATE TABLE notification (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient    VARCHAR(64)   NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    body         VARCHAR(1000),
    record_type  VARCHAR(40),
    record_no    VARCHAR(80),
    created_at   DATETIME      NOT NULL,
    read_at      DATETIME
);
CREATE INDEX ix_notification_recipient ON notification (recipient, read_at, id);
