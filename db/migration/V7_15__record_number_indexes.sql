-- A trace reads a record's audit rows and documents by record number alone (a complaint's trace covers its letters,
-- rectifications and clues, of other record types): the (record_type, record_no) indexes do not serve that, and at a
-- province's year (1.28 million audit rows) the two full scans were 435 of a trace's 646 ms (docs/PERFORMANCE.md,
-- "Scenario 2").
CREATE INDEX ix_audit_record_no ON audit_log (record_no);
CREATE INDEX ix_document_record_no ON document (record_no);
