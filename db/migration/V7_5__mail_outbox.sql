-- E-mail outbox (issue 16, item 3): a message is written here in the business transaction and sent after commit by
-- notification.MailDispatcher, with retries and exponential back-off. A node claims a batch of due rows with an UPDATE
-- that only one node's transaction can win (status PENDING -> SENDING, with its claim token and a lease), so two nodes
-- never send one message; a node that dies while sending leaves its rows to be taken again when the lease ends.
CREATE TABLE mail_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient       VARCHAR(64)   NOT NULL,
    to_address      VARCHAR(254)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME      NOT NULL,
    claim_token     VARCHAR(40),
    claimed_until   DATETIME,
    last_error      VARCHAR(500),
    created_at      DATETIME      NOT NULL,
    sent_at         DATETIME
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_claim ON mail_outbox (claim_token);
