-- Foundation: organisations, users' organisation, working-day calendar exceptions, deadline policies,
-- gap-free number sequences and the hash-chained audit log.
-- Portable SQL: runs unchanged on H2 2.x and MySQL 8 / MariaDB 10.11+.

CREATE TABLE org_unit (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    kind        VARCHAR(24)  NOT NULL,   -- SUPERVISION_BODY, DEPARTMENT, AGENCY, COMMISSION, PROCURATORATE, PUBLIC_SECURITY
    admin_level VARCHAR(16)  NOT NULL,   -- PROVINCE, CITY, COUNTY, TOWNSHIP
    parent_id   BIGINT,
    tree_path   VARCHAR(512) NOT NULL,   -- '/1/4/9/': ids from the root, for subtree queries
    doc_abbr    VARCHAR(32),             -- 机关代字 used in document numbers, e.g. 宁司监
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uk_org_unit_code UNIQUE (code),
    CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
);
CREATE INDEX ix_org_unit_path ON org_unit (tree_path);

-- Users live in Camunda's identity tables (ACT_ID_USER, ACT_ID_GROUP, ACT_ID_MEMBERSHIP);
-- this row adds what Camunda does not hold: the organisation and whether the account may log in.
CREATE TABLE app_user (
    user_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name VARCHAR(100) NOT NULL,
    org_id       BIGINT       NOT NULL,
    enabled      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_app_user_org FOREIGN KEY (org_id) REFERENCES org_unit (id)
);
CREATE INDEX ix_app_user_org ON app_user (org_id);

-- Exceptions to the Monday-Friday rule entered by an admin; they override the statutory data.
CREATE TABLE calendar_exception (
    exception_date DATE         NOT NULL PRIMARY KEY,
    kind           VARCHAR(10)  NOT NULL,   -- HOLIDAY or WORKDAY
    name           VARCHAR(60)  NOT NULL,
    updated_by     VARCHAR(64)  NOT NULL,
    updated_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Years whose published arrangement (国务院办公厅放假安排) an admin has entered in full.
CREATE TABLE calendar_year (
    calendar_year INT          NOT NULL PRIMARY KEY,
    confirmed_by  VARCHAR(64)  NOT NULL,
    confirmed_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE deadline_policy (
    policy_key     VARCHAR(64)  NOT NULL PRIMARY KEY,
    description    VARCHAR(200) NOT NULL,
    days           INT          NOT NULL,
    day_kind       VARCHAR(10)  NOT NULL,   -- WORKING or CALENDAR
    reminder_days  INT          NOT NULL,   -- working days before the due date the reminder goes out
    updated_by     VARCHAR(64)  NOT NULL,
    updated_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO deadline_policy (policy_key, description, days, day_kind, reminder_days, updated_by) VALUES
 ('task.default',              '未另行规定的待办事项办理期限',            5, 'WORKING',  2, 'system'),
 ('complaint.acceptance',      '投诉举报受理审查期限',                    5, 'WORKING',  2, 'system'),
 ('complaint.investigation',   '投诉举报调查核实期限',                   30, 'WORKING',  2, 'system'),
 ('complaint.extension',       '调查核实延期（一次）最长期限',             30, 'WORKING',  2, 'system'),
 ('complaint.reply',           '书面答复投诉人期限',                      5, 'WORKING',  2, 'system'),
 ('complaint.return-visit',    '满意度回访期限',                          5, 'WORKING',  2, 'system'),
 ('case.investigation',        '监督案件调查核实期限',                   30, 'WORKING',  2, 'system'),
 ('letter.reply',              '被监督单位书面回复期限（自送达之日起）',   30, 'CALENDAR', 2, 'system'),
 ('letter.sign-receipt',       '被监督单位签收期限',                      3, 'WORKING',  1, 'system'),
 ('escalation.grace',          '催办后宽限期',                            5, 'WORKING',  2, 'system'),
 ('escalation.warning',        '临期黄色预警提前量',                      5, 'WORKING',  0, 'system'),
 ('rectification.plan',        '整改方案报送期限',                       15, 'WORKING',  2, 'system'),
 ('rectification.progress',    '整改进展报告周期',                       15, 'WORKING',  2, 'system'),
 ('rectification.verification','整改验收期限',                           10, 'WORKING',  2, 'system'),
 ('clue.transfer',             '问题线索批准后移送期限',                   5, 'WORKING',  2, 'system'),
 ('clue.outcome',              '受移送机关反馈处理结果期限',               90, 'CALENDAR', 5, 'system'),
 ('report.annual',             '年度报告报送截止（次年1月15日）',           15, 'CALENDAR', 5, 'system');

-- Gap-free counters: tracking numbers (TS-2026-000123) and document numbers (宁司监建〔2026〕7号).
-- A counter row is locked (SELECT ... FOR UPDATE) inside the transaction that uses the number.
CREATE TABLE number_sequence (
    seq_name   VARCHAR(120) NOT NULL PRIMARY KEY,
    next_value BIGINT       NOT NULL
);

-- Append-only, hash-chained audit log (执法全过程留痕).
CREATE TABLE audit_log (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    seq_no       BIGINT        NOT NULL,
    occurred_at  DATETIME      NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    actor_roles  VARCHAR(200)  NOT NULL,
    actor_org    VARCHAR(32),
    client_ip    VARCHAR(64),
    record_type  VARCHAR(40)   NOT NULL,
    record_no    VARCHAR(80)   NOT NULL,
    action       VARCHAR(60)   NOT NULL,
    changes      LONGTEXT,
    prev_hash    CHAR(64)      NOT NULL,
    row_hash     CHAR(64)      NOT NULL,
    CONSTRAINT uk_audit_seq UNIQUE (seq_no)
);
CREATE INDEX ix_audit_record ON audit_log (record_type, record_no);

-- The head of the chain: one row, locked by each writer so that rows chain in commit order.
CREATE TABLE audit_chain_head (
    id        INT      NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
