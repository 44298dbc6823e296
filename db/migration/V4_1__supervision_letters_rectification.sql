-- Issue 4: supervision cases (执法监督案件), suggestion letters (监督建议书), rectification tracking (整改跟踪)
-- and the escalation ladder (催办、督办、通报). Texts live here; processes carry ids and decisions only.
-- Portable SQL: runs unchanged on H2 2.x and MySQL 8 / MariaDB 10.11+.

CREATE TABLE supervision_case (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_no             VARCHAR(32)   NOT NULL,
    source_type         VARCHAR(24)   NOT NULL,   -- COMPLAINT, CASE_REVIEW, SPECIAL_INSPECTION, ROUTINE_INSPECTION, HOTLINE_12345, REFERRAL
    source_ref          VARCHAR(80),              -- e.g. the complaint's tracking number
    agency_code         VARCHAR(32)   NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    summary             LONGTEXT      NOT NULL,
    status              VARCHAR(24)   NOT NULL,   -- FILING, INVESTIGATING, DELIBERATING, DECIDING, EXECUTING, CLOSED, NOT_FILED
    minutes             LONGTEXT,
    close_no_finding    BOOLEAN       NOT NULL DEFAULT FALSE,
    corrective_decision LONGTEXT,
    clue_transfer       LONGTEXT,
    decided_by          VARCHAR(64),
    decided_at          DATETIME,
    created_by          VARCHAR(64)   NOT NULL,
    created_at          DATETIME      NOT NULL,
    closed_at           DATETIME,
    CONSTRAINT uk_supervision_case_no UNIQUE (case_no)
);
CREATE INDEX ix_supervision_case_source ON supervision_case (source_type, source_ref);
CREATE INDEX ix_supervision_case_agency ON supervision_case (agency_code);

-- Evidence, interview notes and other investigation records (调查核实记录), with an optional stored file.
CREATE TABLE case_record (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    kind        VARCHAR(24)   NOT NULL,   -- EVIDENCE, INTERVIEW, NOTE
    content     LONGTEXT      NOT NULL,
    document_id BIGINT,
    recorded_by VARCHAR(64)   NOT NULL,
    recorded_at DATETIME      NOT NULL,
    CONSTRAINT fk_case_record_case FOREIGN KEY (case_id) REFERENCES supervision_case (id)
);
CREATE INDEX ix_case_record_case ON case_record (case_id);

-- Participants of the collective deliberation (集体研究) and their opinions.
CREATE TABLE case_participant (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    user_id     VARCHAR(64)   NOT NULL,
    opinion     LONGTEXT,
    added_by    VARCHAR(64)   NOT NULL,
    added_at    DATETIME      NOT NULL,
    opined_at   DATETIME,
    CONSTRAINT uk_case_participant UNIQUE (case_id, user_id),
    CONSTRAINT fk_case_participant_case FOREIGN KEY (case_id) REFERENCES supervision_case (id)
);

-- Decisions on a case: who, when, why (filing approval, the deliberated decision).
CREATE TABLE case_decision (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    step        VARCHAR(32)   NOT NULL,   -- FILING, DECISION
    outcome     VARCHAR(24)   NOT NULL,   -- FILED, NOT_FILED, DECIDED
    reason      LONGTEXT,
    decided_by  VARCHAR(64)   NOT NULL,
    decided_at  DATETIME      NOT NULL,
    CONSTRAINT fk_case_decision_case FOREIGN KEY (case_id) REFERENCES supervision_case (id)
);

CREATE TABLE supervision_letter (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    letter_no              VARCHAR(32)   NOT NULL,
    case_no                VARCHAR(32),
    source_type            VARCHAR(24)   NOT NULL,   -- CASE, COMPLAINT, DIRECT
    source_ref             VARCHAR(80),
    agency_code            VARCHAR(32)   NOT NULL,
    title                  VARCHAR(200)  NOT NULL,
    body                   LONGTEXT      NOT NULL,
    reply_days             INT,                      -- the letter's own reply term; NULL: policy letter.reply
    rectification_required BOOLEAN       NOT NULL,
    status                 VARCHAR(24)   NOT NULL,   -- DRAFTING, LEGAL_REVIEW, SIGNING, SERVED, RECEIVED, REPLIED, RECTIFYING, CLOSED
    issuer_code            VARCHAR(32),
    doc_no                 VARCHAR(80),
    document_id            BIGINT,
    signed_by              VARCHAR(64),
    signed_at              DATETIME,
    received_by            VARCHAR(64),
    received_at            DATETIME,
    reply_due              DATETIME,
    created_by             VARCHAR(64)   NOT NULL,
    created_at             DATETIME      NOT NULL,
    closed_at              DATETIME,
    CONSTRAINT uk_supervision_letter_no UNIQUE (letter_no)
);
CREATE INDEX ix_supervision_letter_agency ON supervision_letter (agency_code, status);
CREATE INDEX ix_supervision_letter_case ON supervision_letter (case_no);

-- Decisions on a letter: who, when, why. Internal ones (legal review) are never shown to the agency.
CREATE TABLE letter_decision (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    letter_id   BIGINT        NOT NULL,
    step        VARCHAR(32)   NOT NULL,   -- LEGAL_REVIEW, SIGNING, REPLY_REVIEW
    outcome     VARCHAR(24)   NOT NULL,   -- PASSED, RETURNED, SIGNED, ACCEPTED
    reason      LONGTEXT,
    internal    BOOLEAN       NOT NULL,
    decided_by  VARCHAR(64)   NOT NULL,
    decided_at  DATETIME      NOT NULL,
    CONSTRAINT fk_letter_decision_letter FOREIGN KEY (letter_id) REFERENCES supervision_letter (id)
);
CREATE INDEX ix_letter_decision_letter ON letter_decision (letter_id);

CREATE TABLE letter_reply (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    letter_id    BIGINT        NOT NULL,
    reply_text   LONGTEXT      NOT NULL,
    submitted_by VARCHAR(64)   NOT NULL,
    submitted_at DATETIME      NOT NULL,
    late         BOOLEAN       NOT NULL,
    CONSTRAINT fk_letter_reply_letter FOREIGN KEY (letter_id) REFERENCES supervision_letter (id)
);
CREATE INDEX ix_letter_reply_letter ON letter_reply (letter_id);

CREATE TABLE rectification (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rectification_no  VARCHAR(32)   NOT NULL,
    letter_id         BIGINT        NOT NULL,
    agency_code       VARCHAR(32)   NOT NULL,
    status            VARCHAR(24)   NOT NULL,   -- PLANNING, IMPLEMENTING, VERIFYING, CLOSED
    plan_text         LONGTEXT,
    report_cycle_days INT,
    plan_due          DATETIME,
    completion_due    DATETIME,
    next_report_due   DATETIME,
    created_at        DATETIME      NOT NULL,
    closed_at         DATETIME,
    CONSTRAINT uk_rectification_no UNIQUE (rectification_no),
    CONSTRAINT fk_rectification_letter FOREIGN KEY (letter_id) REFERENCES supervision_letter (id)
);
CREATE INDEX ix_rectification_agency ON rectification (agency_code, status);

CREATE TABLE rectification_milestone (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rectification_id BIGINT        NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    due_date         DATE          NOT NULL,
    CONSTRAINT fk_rect_milestone FOREIGN KEY (rectification_id) REFERENCES rectification (id)
);

-- Plans, progress and completion reports, and verifications, in the order they happened.
CREATE TABLE rectification_entry (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rectification_id BIGINT        NOT NULL,
    kind             VARCHAR(24)   NOT NULL,   -- PLAN, PROGRESS, PROGRESS_OVERDUE, COMPLETION, VERIFIED, VERIFICATION_FAILED
    content          LONGTEXT,
    onsite_check     BOOLEAN       NOT NULL DEFAULT FALSE,
    late             BOOLEAN       NOT NULL DEFAULT FALSE,
    actor            VARCHAR(64)   NOT NULL,
    occurred_at      DATETIME      NOT NULL,
    CONSTRAINT fk_rect_entry FOREIGN KEY (rectification_id) REFERENCES rectification (id)
);
CREATE INDEX ix_rect_entry ON rectification_entry (rectification_id);

-- The escalation ladder (预警、催办、督办) of letters and rectifications.
CREATE TABLE escalation (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    record_type        VARCHAR(40)   NOT NULL,   -- LETTER, RECTIFICATION
    record_no          VARCHAR(32)   NOT NULL,
    agency_code        VARCHAR(32)   NOT NULL,
    stage              VARCHAR(24)   NOT NULL,   -- WARNING, REMINDER, SUPERVISION
    task_name          VARCHAR(100)  NOT NULL,
    doc_no             VARCHAR(80),              -- 催办通知 or 通报 number
    document_id        BIGINT,
    public_notice      BOOLEAN,
    clue_proposal      BOOLEAN,
    reason             LONGTEXT,
    actor              VARCHAR(64)   NOT NULL,
    occurred_at        DATETIME      NOT NULL
);
CREATE INDEX ix_escalation_record ON escalation (record_type, record_no);

-- Public notices (通报) recorded on the agency.
CREATE TABLE agency_public_notice (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    agency_code VARCHAR(32)   NOT NULL,
    record_type VARCHAR(40)   NOT NULL,
    record_no   VARCHAR(32)   NOT NULL,
    doc_no      VARCHAR(80)   NOT NULL,
    document_id BIGINT        NOT NULL,
    issued_at   DATETIME      NOT NULL
);
CREATE INDEX ix_agency_public_notice ON agency_public_notice (agency_code);

INSERT INTO deadline_policy (policy_key, description, days, day_kind, reminder_days, updated_by) VALUES
 ('letter.resubmit', '回复被退回后重新回复期限', 15, 'WORKING', 2, 'system'),
 ('rectification.redo', '验收不通过后重新整改期限', 20, 'WORKING', 2, 'system');
