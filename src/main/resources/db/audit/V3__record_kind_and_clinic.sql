-- Runs unchanged on H2 2.x and PostgreSQL 15. Every record now says what it is (a screening, a policy, a review)
-- and whose it is (its clinic). Both stay NULL in rows written before: those are screenings of clinic 'default',
-- and their hashes cover neither column (docs/audit.md, "Chain format").
ALTER TABLE audit_record ADD COLUMN record_kind VARCHAR(40);
ALTER TABLE audit_record ADD COLUMN clinic_id VARCHAR(40);
