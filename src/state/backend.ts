import type { StoreKind } from "./types.ts";

/**
 * What an adapter must provide: versioned blobs with compare-and-set and
 * expiry, plus small records. All domain rules live above this line, in
 * store.ts, so the three adapters cannot disagree about them.
 */
export interface StoredSession {
  version: number;
  data: string;
}

export interface StoreBackend {
  readonly kind: StoreKind;
  /** The live (not expired) session, or null. */
  load(sessionId: string, now: number): Promise<StoredSession | null>;
  /**
   * Atomically writes `data` at `nextVersion` if the stored version is
   * `expectedVersion` (0 means absent or expired). False when someone else won.
   */
  compareAndSet(
    sessionId: string,
    expectedVersion: number,
    nextVersion: number,
    data: string,
    ttlMs: number,
    now: number,
  ): Promise<boolean>;
  delete(sessionId: string): Promise<void>;
  putRecord(
    namespace: string,
    key: string,
    value: string,
    ttlMs: number,
    ifAbsent: boolean,
    now: number,
  ): Promise<boolean>;
  getRecord(namespace: string, key: string, now: number): Promise<string | null>;
  deleteRecord(namespace: string, key: string): Promise<void>;
  /** Deletes expired rows where the backend does not expire them itself. */
  sweep(now: number): Promise<{ sessions: number; records: number }>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
