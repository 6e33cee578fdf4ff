-- Two different decisions under one consent id can fall into the same second (decidedAt
-- has whole seconds), and the key (consent_id, decided_at) kept only the first: the later
-- decision was answered as a duplicate and lost. `seq` tells such decisions apart, in the
-- order they arrived (0 for the first, and for every receipt stored before this
-- migration); an identical resend is still stored once (the server compares the receipts).
-- A primary key cannot be changed in place in SQLite, so the table is copied.
CREATE TABLE receipts_by_second (
  consent_id TEXT NOT NULL,
  decided_at BIGINT NOT NULL,
  seq INTEGER NOT NULL,
  revision BIGINT NOT NULL,
  config_hash TEXT NOT NULL,
  method TEXT NOT NULL,
  granted TEXT NOT NULL,
  denied TEXT NOT NULL,
  lang TEXT NOT NULL,
  version TEXT NOT NULL,
  path TEXT,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (consent_id, decided_at, seq)
);
INSERT INTO receipts_by_second (consent_id, decided_at, seq, revision, config_hash, method, granted, denied, lang, version, path, received_at)
  SELECT consent_id, decided_at, 0, revision, config_hash, method, granted, denied, lang, version, path, received_at FROM receipts;
DROP TABLE receipts;
ALTER TABLE receipts_by_second RENAME TO receipts;

-- Export pages by (decided_at, consent_id, seq); statistics and retention read by time.
CREATE INDEX receipts_by_time ON receipts (decided_at, consent_id, seq);
