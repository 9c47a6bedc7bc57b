/**
 * A per-key async mutex: work for one key runs one at a time, in arrival
 * order; different keys run in parallel. An entry exists only while someone
 * holds or waits for the key, so idle keys cost nothing (`prune` is a safety
 * net the store's sweep calls).
 */
export class KeyedMutex {
  readonly #tails = new Map<string, { tail: Promise<void>; holders: number }>();

  async run<T>(key: string, fn: () => Promise<T> | T): Promise<T> {
    const entry = this.#tails.get(key) ?? { tail: Promise.resolve(), holders: 0 };
    const previous = entry.tail;
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    entry.tail = previous.then(() => done);
    entry.holders += 1;
    this.#tails.set(key, entry);
    try {
      await previous;
      return await fn();
    } finally {
      release();
      entry.holders -= 1;
      if (entry.holders === 0 && this.#tails.get(key) === entry) this.#tails.delete(key);
    }
  }

  /** Keys currently held or waited for. */
  get size(): number {
    return this.#tails.size;
  }

  /** Drops entries nobody holds (normally none: `run` removes its own). Returns how many. */
  prune(): number {
    let removed = 0;
    for (const [key, entry] of this.#tails) {
      if (entry.holders === 0) {
        this.#tails.delete(key);
        removed += 1;
      }
    }
    return removed;
  }
}

/** The process-wide lock that serialises turns of one session (agent, server). */
export const sessionLocks = new KeyedMutex();

/** Runs `fn` while holding the session's turn lock; other turns of that session wait. */
export function withSessionLock<T>(sessionId: string, fn: () => Promise<T> | T): Promise<T> {
  return sessionLocks.run(sessionId, fn);
}
