import { createHash } from "node:crypto";
import { ErrorReply } from "redis";
import type { StoreBackend } from "./backend.ts";
import { StoreUnavailableError } from "./errors.ts";
import { connectRedis, type RedisClient } from "./redis-client.ts";

export interface RedisBackendOptions {
  /** Prefix of every key (default "maya:"). */
  keyPrefix?: string;
  /** Deadline of one command (default 2 s): a stopped Redis fails fast instead of hanging. */
  commandTimeoutMs?: number;
  /** Deadline for the first connection (default 3 s). */
  connectTimeoutMs?: number;
  /** Connection problems while running (reconnects happen by themselves). */
  onError?: (error: Error) => void;
}

/**
 * Compare-and-set of one session in a single Lua script: the version check and
 * the write happen together on the server, so there is no lock and no partial
 * write. KEYS[1] is one hash (fields v = version, d = data) with a TTL.
 */
const CAS_SCRIPT = `
local current = redis.call('HGET', KEYS[1], 'v')
if current == false then current = '0' end
if current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;
const CAS_SHA = createHash("sha1").update(CAS_SCRIPT).digest("hex");

/** Where Redis lives, for messages: never the password. */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "redis";
  }
}

export async function redisBackend(
  url: string,
  options: RedisBackendOptions = {},
): Promise<StoreBackend> {
  const prefix = options.keyPrefix ?? "maya:";
  const commandTimeoutMs = options.commandTimeoutMs ?? 2_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3_000;
  const where = describe(url);

  let client: RedisClient;
  try {
    client = await connectRedis(url, {
      socketTimeoutMs: connectTimeoutMs,
      deadlineMs: connectTimeoutMs,
      onError: options.onError,
    });
  } catch (error) {
    throw new StoreUnavailableError(
      `Cannot connect to Redis at ${where}: ${(error as Error).message}`,
      { cause: error },
    );
  }

  /**
   * One command with a deadline. node-redis times out only commands not yet
   * sent, so a server that stops answering mid-command is caught by our own
   * timer; a late reply is still matched to its command and discarded.
   */
  async function call<T>(args: string[]): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${commandTimeoutMs} ms`)),
        commandTimeoutMs,
      );
    });
    const command = client.sendCommand<T>(args, { timeout: commandTimeoutMs });
    command.catch(() => {}); // after a timeout nobody awaits it any more
    try {
      return await Promise.race([command, deadline]);
    } catch (error) {
      // Replies Redis sent on purpose (NOSCRIPT, WRONGTYPE…) are not outages.
      if (error instanceof ErrorReply) throw error;
      const message = (error as Error).message ?? String(error);
      throw new StoreUnavailableError(`Redis at ${where} is unavailable: ${message}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  const sessionKey = (id: string) => `${prefix}session:{${id}}`;
  // The hash tag covers namespace and key, so each record lands on one Cluster slot.
  const recordKey = (namespace: string, key: string) => `${prefix}record:{${namespace}:${key}}`;

  async function cas(args: string[]): Promise<number> {
    try {
      return await call<number>(["EVALSHA", CAS_SHA, "1", ...args]);
    } catch (error) {
      if (!/NOSCRIPT/.test((error as Error).message)) throw error;
      return call<number>(["EVAL", CAS_SCRIPT, "1", ...args]);
    }
  }

  return {
    kind: "redis",
    async load(sessionId) {
      const [version, data] = await call<Array<string | null>>([
        "HMGET",
        sessionKey(sessionId),
        "v",
        "d",
      ]);
      if (version == null || data == null) return null;
      return { version: Number(version), data };
    },
    async compareAndSet(sessionId, expectedVersion, nextVersion, data, ttlMs) {
      const written = await cas([
        sessionKey(sessionId),
        String(expectedVersion),
        String(nextVersion),
        data,
        String(ttlMs),
      ]);
      return Number(written) === 1;
    },
    async delete(sessionId) {
      await call(["DEL", sessionKey(sessionId)]);
    },
    async putRecord(namespace, key, value, ttlMs, ifAbsent) {
      const args = ["SET", recordKey(namespace, key), value, "PX", String(ttlMs)];
      if (ifAbsent) args.push("NX");
      return (await call<string | null>(args)) === "OK";
    },
    async getRecord(namespace, key) {
      return call<string | null>(["GET", recordKey(namespace, key)]);
    },
    async deleteRecord(namespace, key) {
      await call(["DEL", recordKey(namespace, key)]);
    },
    async sweep() {
      // Redis expires keys itself (PEXPIRE on every write).
      return { sessions: 0, records: 0 };
    },
    async ping() {
      await call(["PING"]);
    },
    async close() {
      try {
        await Promise.race([
          client.close(),
          new Promise((resolve) => setTimeout(resolve, 1_000).unref()),
        ]);
      } catch {
        // already gone
      } finally {
        if (client.isOpen) client.destroy();
      }
    },
  };
}
