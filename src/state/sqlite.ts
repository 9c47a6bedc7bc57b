import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { StoreBackend } from "./backend.ts";

/**
 * The embedded default: one SQLite file (WAL), created on first use. A write is
 * one conditional statement on the version column, so it is atomic without a
 * lock; several processes may share the file (busy timeout).
 */
export function sqliteBackend(path: string): StoreBackend {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path, { timeout: 5_000 });
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    CREATE TABLE IF NOT EXISTS sessions (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      data TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS sessions_expires_at ON sessions (expires_at);
    CREATE TABLE IF NOT EXISTS records (
      namespace TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      PRIMARY KEY (namespace, key)
    );
    CREATE INDEX IF NOT EXISTS records_expires_at ON records (expires_at);
  `);

  const load = db.prepare("SELECT version, data FROM sessions WHERE id = ? AND expires_at > ?");
  // Version 0 means "absent or expired": insert, or take over an expired row.
  const insert = db.prepare(`
    INSERT INTO sessions (id, version, data, expires_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET version = excluded.version, data = excluded.data,
      expires_at = excluded.expires_at
    WHERE sessions.expires_at <= ?`);
  const update = db.prepare(
    "UPDATE sessions SET version = ?, data = ?, expires_at = ? WHERE id = ? AND version = ? AND expires_at > ?",
  );
  const remove = db.prepare("DELETE FROM sessions WHERE id = ?");
  const putRecord = db.prepare(`
    INSERT INTO records (namespace, key, value, expires_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`);
  const putRecordIfAbsent = db.prepare(`
    INSERT INTO records (namespace, key, value, expires_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
    WHERE records.expires_at <= ?`);
  const getRecord = db.prepare(
    "SELECT value FROM records WHERE namespace = ? AND key = ? AND expires_at > ?",
  );
  const deleteRecord = db.prepare("DELETE FROM records WHERE namespace = ? AND key = ?");
  const sweepSessions = db.prepare("DELETE FROM sessions WHERE expires_at <= ?");
  const sweepRecords = db.prepare("DELETE FROM records WHERE expires_at <= ?");

  return {
    kind: "sqlite",
    async load(sessionId, now) {
      const row = load.get(sessionId, now) as { version: number; data: string } | undefined;
      return row ? { version: Number(row.version), data: String(row.data) } : null;
    },
    async compareAndSet(sessionId, expectedVersion, nextVersion, data, ttlMs, now) {
      const expiresAt = now + ttlMs;
      const result =
        expectedVersion === 0
          ? insert.run(sessionId, nextVersion, data, expiresAt, now)
          : update.run(nextVersion, data, expiresAt, sessionId, expectedVersion, now);
      return Number(result.changes) === 1;
    },
    async delete(sessionId) {
      remove.run(sessionId);
    },
    async putRecord(namespace, key, value, ttlMs, ifAbsent, now) {
      const result = ifAbsent
        ? putRecordIfAbsent.run(namespace, key, value, now + ttlMs, now)
        : putRecord.run(namespace, key, value, now + ttlMs);
      return Number(result.changes) === 1;
    },
    async getRecord(namespace, key, now) {
      const row = getRecord.get(namespace, key, now) as { value: string } | undefined;
      return row ? String(row.value) : null;
    },
    async deleteRecord(namespace, key) {
      deleteRecord.run(namespace, key);
    },
    async sweep(now) {
      return {
        sessions: Number(sweepSessions.run(now).changes),
        records: Number(sweepRecords.run(now).changes),
      };
    },
    async ping() {
      db.prepare("SELECT 1").get();
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
