-- PostgreSQL only. A record is about 2.2 KB: just over the 2 KB at which PostgreSQL tries, on every insert, to
-- compress its long values or move them to a TOAST table. For these rows the attempt cost about a quarter of the
-- server's CPU per record and saved nothing worth having; rows up to a page now stay in the table as written.
ALTER TABLE audit_record SET (toast_tuple_target = 8160);
