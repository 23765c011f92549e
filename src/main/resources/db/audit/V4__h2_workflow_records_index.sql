-- H2 only (it has no partial indexes). Instances poll for workflow records (every kind but screenings) after the
-- last row id they saw: this finds them by kind, in row id order, without reading the screenings.
CREATE INDEX ix_audit_record_kind ON audit_record (record_kind, id);
