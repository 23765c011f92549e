-- PostgreSQL only. Instances poll for workflow records (every kind but screenings) after the last row id they
-- saw. A partial index holds only those rows, so the screenings, nearly every row, never pay for it on insert.
CREATE INDEX ix_audit_record_workflow ON audit_record (id) WHERE record_kind <> 'screening';
