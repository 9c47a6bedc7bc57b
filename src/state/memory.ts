import type { StoreBackend, StoredSession } from "./backend.ts";

interface Entry {
  version: number;
  data: string;
  expiresAt: number;
}

/** In-process backend for tests and throwaway runs; data is serialised like the others so nothing aliases. */
export function memoryBackend(): StoreBackend {
  const sessions = new Map<string, Entry>();
  const records = new Map<string, { value: string; expiresAt: number }>();
  const recordKey = (namespace: string, key: string) => `${namespace}\u0000${key}`;

  return {
    kind: "memory",
    async load(sessionId, now): Promise<StoredSession | null> {
      const entry = sessions.get(sessionId);
      if (!entry || entry.expiresAt <= now) return null;
      return { version: entry.version, data: entry.data };
    },
    async compareAndSet(sessionId, expectedVersion, nextVersion, data, ttlMs, now) {
      const entry = sessions.get(sessionId);
      const current = entry && entry.expiresAt > now ? entry.version : 0;
      if (current !== expectedVersion) return false;
      sessions.set(sessionId, { version: nextVersion, data, expiresAt: now + ttlMs });
      return true;
    },
    async delete(sessionId) {
      sessions.delete(sessionId);
    },
    async putRecord(namespace, key, value, ttlMs, ifAbsent, now) {
      const k = recordKey(namespace, key);
      const existing = records.get(k);
      if (ifAbsent && existing && existing.expiresAt > now) return false;
      records.set(k, { value, expiresAt: now + ttlMs });
      return true;
    },
    async getRecord(namespace, key, now) {
      const existing = records.get(recordKey(namespace, key));
      return existing && existing.expiresAt > now ? existing.value : null;
    },
    async deleteRecord(namespace, key) {
      records.delete(recordKey(namespace, key));
    },
    async sweep(now) {
      let swept = 0;
      let sweptRecords = 0;
      for (const [id, entry] of sessions) {
        if (entry.expiresAt <= now) {
          sessions.delete(id);
          swept += 1;
        }
      }
      for (const [k, entry] of records) {
        if (entry.expiresAt <= now) {
          records.delete(k);
          sweptRecords += 1;
        }
      }
      return { sessions: swept, records: sweptRecords };
    },
    async ping() {},
    async close() {
      sessions.clear();
      records.clear();
    },
  };
}
