-- Receipts and config snapshots. Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Times are milliseconds since 1970 (BIGINT); service id lists are space-separated text.

-- One row per decision. A resent receipt has the same (consent_id, decided_at) and is
-- stored once.
CREATE TABLE receipts (
  consent_id TEXT NOT NULL,
  decided_at BIGINT NOT NULL,
  revision BIGINT NOT NULL,
  config_hash TEXT NOT NULL,
  method TEXT NOT NULL,
  granted TEXT NOT NULL,
  denied TEXT NOT NULL,
  lang TEXT NOT NULL,
  version TEXT NOT NULL,
  path TEXT,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (consent_id, decided_at)
);

-- Export and statistics read by time; retention deletes by time.
CREATE INDEX receipts_by_time ON receipts (decided_at, consent_id);

-- The config a visitor saw, under its hash (canonical JSON text).
CREATE TABLE snapshots (
  hash TEXT NOT NULL PRIMARY KEY,
  config TEXT NOT NULL,
  received_at BIGINT NOT NULL
);
