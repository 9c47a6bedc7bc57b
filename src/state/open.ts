import { resolve } from "node:path";
import { memoryBackend } from "./memory.ts";
import { type RedisBackendOptions, redisBackend } from "./redis.ts";
import { sqliteBackend } from "./sqlite.ts";
import { createSessionStore, type StoreOptions } from "./store.ts";
import type { SessionStore } from "./types.ts";

export const DEFAULT_STORE_URL = "sqlite:./data/maya.db";

export type OpenStoreOptions = StoreOptions & RedisBackendOptions;

/**
 * Opens the store named by a URL (MAYA_STORE):
 * `sqlite:PATH` (default `sqlite:./data/maya.db`; the file and folder are
 * created on first use), `redis://…` / `rediss://…`, or `memory:`.
 */
export async function openStore(
  url: string = DEFAULT_STORE_URL,
  options: OpenStoreOptions = {},
): Promise<SessionStore> {
  if (url === "memory:" || url === "memory") {
    return createSessionStore(memoryBackend(), options);
  }
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "")
      throw new Error('MAYA_STORE "sqlite:" needs a file path, e.g. sqlite:./data/maya.db');
    return createSessionStore(sqliteBackend(path === ":memory:" ? path : resolve(path)), options);
  }
  if (url.startsWith("redis://") || url.startsWith("rediss://")) {
    return createSessionStore(await redisBackend(url, options), options);
  }
  throw new Error(
    `Unknown MAYA_STORE "${url.split(":")[0]}:"; use sqlite:PATH, redis://HOST:PORT or memory:.`,
  );
}
