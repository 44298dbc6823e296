-- The version of who the users are (identity.IdentityEpoch): one row, raised by every transaction that changes a
-- password, a lock, an account, an organisation, a group or a membership, as it commits. A node remembers a verified
-- login only together with the version it read (identity.LoginCache), so a change ends every node's remembered
-- logins at the moment it commits.
CREATE TABLE identity_epoch (
    id     INT     NOT NULL PRIMARY KEY,
    epoch  BIGINT  NOT NULL
);
INSERT INTO identity_epoch (id, epoch) VALUES (1, 0);
