-- Clue transfer (问题线索移送): the categories an admin maintains, the clues, the records they rest on
-- and the decisions taken on them. Portable SQL: runs unchanged on H2 2.x and MySQL 8 / MariaDB.

-- Categories of misconduct that may be transferred (鄂州《关于加强司法行政机关与纪检监察机关移送行政执法
-- 问题线索协作工作的通知》: 12 项移送问题线索范围). requires_collective: a transfer of this category is
-- decided collectively (集体研究) before the lead approves it.
CREATE TABLE clue_category (
    code                VARCHAR(40)  NOT NULL PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    requires_collective BOOLEAN      NOT NULL,
    enabled             BOOLEAN      NOT NULL,
    sort_no             INT          NOT NULL,
    updated_by          VARCHAR(64)  NOT NULL,
    updated_at          DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO clue_category (code, name, requires_collective, enabled, sort_no, updated_by) VALUES
 ('ILLEGAL_PROCEDURE',   '违反法定程序，野蛮、粗暴执法的',                         FALSE, TRUE,  1, 'system'),
 ('INACTION',            '不作为、乱作为，不履行或者不正确履行法定职责的',           FALSE, TRUE,  2, 'system'),
 ('NOT_TRANSFERRING',    '以罚代刑、有案不移，应当移送司法机关而不移送的',           TRUE,  TRUE,  3, 'system'),
 ('SELECTIVE',           '选择性执法、逐利执法，执法尺度不一的',                     FALSE, TRUE,  4, 'system'),
 ('ILLEGAL_CHARGES',     '违规收费、违规罚没，或者截留、挪用罚没款物的',             FALSE, TRUE,  5, 'system'),
 ('DISCRETION_ABUSE',    '滥用行政执法自由裁量权，处理显失公正的',                   FALSE, TRUE,  6, 'system'),
 ('BRIBERY',             '索贿受贿、吃拿卡要，利用执法职权谋取私利的',               TRUE,  TRUE,  7, 'system'),
 ('INTERFERENCE',        '领导干部违规干预、插手行政执法活动的',                     TRUE,  TRUE,  8, 'system'),
 ('UNQUALIFIED',         '无执法资格人员或者辅助人员违规独立执法的',                 FALSE, TRUE,  9, 'system'),
 ('SHIELDING',           '包庇、纵容违法行为，或者为违法行为人通风报信的',           TRUE,  TRUE, 10, 'system'),
 ('FALSIFICATION',       '伪造、篡改、隐匿、销毁执法案卷或者证据材料的',             TRUE,  TRUE, 11, 'system'),
 ('DEFYING_SUPERVISION', '拒不执行监督决定、拒不整改或者整改弄虚作假的',             FALSE, TRUE, 12, 'system');

CREATE TABLE clue (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    clue_no             VARCHAR(32)  NOT NULL,
    status              VARCHAR(24)  NOT NULL,
    target_kind         VARCHAR(24)  NOT NULL,   -- COMMISSION, PUBLIC_SECURITY, PROCURATORATE
    target_org_id       BIGINT       NOT NULL,   -- the receiving body
    issuer_org_id       BIGINT       NOT NULL,   -- the supervision body that transfers (issues the letter)
    category_code       VARCHAR(40)  NOT NULL,
    collective_required BOOLEAN      NOT NULL,
    facts               LONGTEXT     NOT NULL,
    persons_involved    VARCHAR(1000) NOT NULL,
    agency_org_id       BIGINT,                  -- the agency concerned, if any
    source_type         VARCHAR(20)  NOT NULL,   -- COMPLAINT, CASE, LETTER, RECTIFICATION, ESCALATION, NONE
    source_no           VARCHAR(80),
    handler             VARCHAR(64)  NOT NULL,   -- the proposing supervisor (承办人)
    process_instance_id VARCHAR(64),
    proposed_at         DATETIME     NOT NULL,
    approved_by         VARCHAR(64),
    approved_at         DATETIME,
    transfer_letter_no  VARCHAR(80),
    transfer_due        DATE,
    acknowledged_by     VARCHAR(64),
    acknowledged_at     DATETIME,
    outcome_due         DATE,
    outcome_kind        VARCHAR(32),
    outcome_text        LONGTEXT,
    outcome_on_paper    BOOLEAN,
    outcome_recorded_by VARCHAR(64),
    outcome_recorded_at DATETIME,
    closed_at           DATETIME,
    updated_at          DATETIME     NOT NULL,
    CONSTRAINT uk_clue_no UNIQUE (clue_no),
    CONSTRAINT fk_clue_target FOREIGN KEY (target_org_id) REFERENCES org_unit (id),
    CONSTRAINT fk_clue_issuer FOREIGN KEY (issuer_org_id) REFERENCES org_unit (id),
    CONSTRAINT fk_clue_agency FOREIGN KEY (agency_org_id) REFERENCES org_unit (id),
    CONSTRAINT fk_clue_category FOREIGN KEY (category_code) REFERENCES clue_category (code)
);
CREATE INDEX ix_clue_source ON clue (source_type, source_no);
CREATE INDEX ix_clue_handler ON clue (handler);
CREATE INDEX ix_clue_target ON clue (target_org_id, status);

-- The records a clue rests on (complaints, cases, letters ...), by business number: no foreign key,
-- those tables belong to other features.
CREATE TABLE clue_link (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    clue_id     BIGINT      NOT NULL,
    record_type VARCHAR(20) NOT NULL,
    record_no   VARCHAR(80) NOT NULL,
    CONSTRAINT fk_clue_link_clue FOREIGN KEY (clue_id) REFERENCES clue (id)
);
CREATE INDEX ix_clue_link_clue ON clue_link (clue_id);

-- Decisions taken on a clue, with their reasons: legal review, revision, collective decision, approval.
CREATE TABLE clue_step (
    id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    clue_id   BIGINT      NOT NULL,
    step      VARCHAR(40) NOT NULL,
    decision  VARCHAR(24) NOT NULL,
    opinion   LONGTEXT,
    actor     VARCHAR(64) NOT NULL,
    acted_at  DATETIME    NOT NULL,
    CONSTRAINT fk_clue_step_clue FOREIGN KEY (clue_id) REFERENCES clue (id)
);
CREATE INDEX ix_clue_step_clue ON clue_step (clue_id);
