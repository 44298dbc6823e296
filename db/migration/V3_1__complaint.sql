-- Complaint handling (投诉举报办理): complaints, their decisions, follow-up proposals, escalations (督办)
-- and the configured enforcement fields (执法领域). Portable SQL: H2 2.x and MySQL 8 / MariaDB.

INSERT INTO deadline_policy (policy_key, description, days, day_kind, reminder_days, updated_by) VALUES
 ('complaint.approval', '投诉举报领导审批期限', 3, 'WORKING', 1, 'system'),
 ('complaint.assignment', '投诉举报分派承办人期限', 2, 'WORKING', 1, 'system');

-- Enforcement fields offered on the public form and used in statistics.
CREATE TABLE complaint_field (
    code     VARCHAR(32)  NOT NULL PRIMARY KEY,
    name     VARCHAR(50)  NOT NULL,
    sort_no  INT          NOT NULL,
    enabled  BOOLEAN      NOT NULL DEFAULT TRUE
);

INSERT INTO complaint_field (code, name, sort_no, enabled) VALUES
 ('MARKET',            '市场监管',     10,  TRUE),
 ('ECOLOGY',           '生态环境',     20,  TRUE),
 ('URBAN',             '城市管理',     30,  TRUE),
 ('TRANSPORT',         '交通运输',     40,  TRUE),
 ('CULTURE_TOURISM',   '文化旅游',     50,  TRUE),
 ('AGRICULTURE',       '农业农村',     60,  TRUE),
 ('EMERGENCY',         '应急管理',     70,  TRUE),
 ('HEALTH',            '卫生健康',     80,  TRUE),
 ('NATURAL_RESOURCES', '自然资源',     90,  TRUE),
 ('HOUSING',           '住房城乡建设', 100, TRUE),
 ('PUBLIC_SECURITY',   '公安',         110, TRUE),
 ('OTHER',             '其他',         999, TRUE);

CREATE TABLE complaint (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tracking_no          VARCHAR(20)   NOT NULL,
    query_code_hash      CHAR(64)      NOT NULL,   -- SHA-256 of the query code given to the complainant
    source               VARCHAR(20)   NOT NULL,   -- WEB, LETTER, VISIT, PHONE, HOTLINE_12345, NPC_REFERRAL, CPPCC_REFERRAL
    hotline_order_no     VARCHAR(64),              -- 12345 work-order number: one complaint per order
    referral_no          VARCHAR(64),              -- number of the referring letter (人大、政协转办)
    anonymous            BOOLEAN       NOT NULL,
    complainant_name     VARCHAR(50),
    complainant_phone    VARCHAR(30),
    complainant_address  VARCHAR(200),
    agency_code          VARCHAR(32),              -- the agency complained about, when known
    agency_text          VARCHAR(200),             -- free text when the complainant does not know the agency
    field_code           VARCHAR(32)   NOT NULL,
    occurred_on          DATE          NOT NULL,
    occurred_place       VARCHAR(200)  NOT NULL,
    facts                LONGTEXT      NOT NULL,
    demands              LONGTEXT      NOT NULL,
    status               VARCHAR(20)   NOT NULL,   -- REGISTERED, ACCEPTED, NOT_ACCEPTED, HANDED_OVER, INVESTIGATING, REPLIED, CLOSED
    process_instance_id  VARCHAR(64),
    supervisor_id        VARCHAR(64),
    handed_over_to       VARCHAR(200),
    status_note          VARCHAR(1000),            -- what the complainant is told about a not-accepted or handed-over complaint
    investigation_due    DATETIME,
    extended             BOOLEAN       NOT NULL DEFAULT FALSE,
    findings             LONGTEXT,
    proposal             VARCHAR(24),              -- UNFOUNDED, FOUNDED_REPLY, SUPERVISION_CASE, SUGGESTION_LETTER, CLUE_TRANSFER
    reply_text           LONGTEXT,
    reply_document_id    BIGINT,
    reply_doc_no         VARCHAR(60),
    replied_at           DATETIME,
    satisfaction         VARCHAR(24),              -- SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
    reopen_count         INT           NOT NULL DEFAULT 0,
    registered_by        VARCHAR(64)   NOT NULL,
    registered_at        DATETIME      NOT NULL,
    accepted_at          DATETIME,
    closed_at            DATETIME,
    updated_at           DATETIME      NOT NULL,
    CONSTRAINT uk_complaint_tracking UNIQUE (tracking_no),
    CONSTRAINT uk_complaint_hotline UNIQUE (hotline_order_no),
    CONSTRAINT fk_complaint_field FOREIGN KEY (field_code) REFERENCES complaint_field (code)
);
CREATE INDEX ix_complaint_status ON complaint (status, registered_at);
CREATE INDEX ix_complaint_agency ON complaint (agency_code);
CREATE INDEX ix_complaint_process ON complaint (process_instance_id);

-- Who decided what at which step, and why: the decision history shown on the complaint.
CREATE TABLE complaint_decision (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    complaint_id  BIGINT        NOT NULL,
    step          VARCHAR(32)   NOT NULL,
    decision      VARCHAR(64)   NOT NULL,
    reason        LONGTEXT,
    actor         VARCHAR(64)   NOT NULL,
    actor_name    VARCHAR(100),
    actor_role    VARCHAR(32)   NOT NULL,
    task_id       VARCHAR(64),
    decided_at    DATETIME      NOT NULL,
    CONSTRAINT fk_complaint_decision FOREIGN KEY (complaint_id) REFERENCES complaint (id)
);
CREATE INDEX ix_complaint_decision ON complaint_decision (complaint_id, decided_at);

-- An approved follow-up (立案 / 监督建议书 / 移送线索) waiting for the process of its own issue, which
-- fills in the link to the record it opens.
CREATE TABLE complaint_proposal (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    complaint_id     BIGINT       NOT NULL,
    target_type      VARCHAR(24)  NOT NULL,   -- SUPERVISION_CASE, SUGGESTION_LETTER, CLUE_TRANSFER
    target_id        BIGINT,
    target_record_no VARCHAR(64),
    created_by       VARCHAR(64)  NOT NULL,
    created_at       DATETIME     NOT NULL,
    linked_at        DATETIME,
    CONSTRAINT fk_complaint_proposal FOREIGN KEY (complaint_id) REFERENCES complaint (id)
);
CREATE INDEX ix_complaint_proposal ON complaint_proposal (complaint_id);
CREATE INDEX ix_complaint_proposal_open ON complaint_proposal (target_type, target_id);

-- 督办: an overdue step of a complaint, escalated to the leads by the overdue timer.
CREATE TABLE complaint_escalation (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    complaint_id  BIGINT        NOT NULL,
    task_key      VARCHAR(64)   NOT NULL,
    task_name     VARCHAR(100)  NOT NULL,
    task_id       VARCHAR(64),
    assignee      VARCHAR(64),
    due_at        DATETIME,
    escalated_at  DATETIME      NOT NULL,
    CONSTRAINT fk_complaint_escalation FOREIGN KEY (complaint_id) REFERENCES complaint (id)
);
CREATE INDEX ix_complaint_escalation ON complaint_escalation (complaint_id);
