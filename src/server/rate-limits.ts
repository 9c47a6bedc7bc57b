import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
} from "rate-limiter-flexible";
import { connectRedis, type RedisClient } from "../state/index.ts";
import type { ServerSettings } from "./settings.ts";

/**
 * Three fixed-window limits per minute: per client address, per session, and
 * new sessions per address. In memory for one process; in Redis when the
 * sessions are there too, so that several instances share one budget. If Redis
 * errs or takes longer than REDIS_DEADLINE_MS, an in-memory limiter stands in
 * (the "insurance" limiter), so a Redis outage neither blocks everyone nor
 * lifts the limits.
 */

const REDIS_DEADLINE_MS = 300;
/** The first connection: without it the client would retry in the background forever. */
const REDIS_CONNECT_DEADLINE_MS = 3000;

export class RateLimitStoreError extends Error {
  override name = "RateLimitStoreError";
}

export type LimitName = "address" | "session" | "new_session";
export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The three budgets, per minute (the server's settings have them). */
export type RateLimitSettings = Pick<
  ServerSettings,
  "addressPerMinute" | "sessionPerMinute" | "newSessionsPerMinute"
>;

export interface RateLimits {
  consume(name: LimitName, key: string): Promise<LimitDecision>;
  close(): Promise<void>;
}

const PER_MINUTE: Record<LimitName, keyof RateLimitSettings> = {
  address: "addressPerMinute",
  session: "sessionPerMinute",
  new_session: "newSessionsPerMinute",
};

function limiterFor(name: LimitName, points: number, redis: RedisClient | undefined) {
  const options = { keyPrefix: `maya:rl:${name}`, points, duration: 60 };
  const memory = new RateLimiterMemory(options);
  if (redis === undefined) return memory;
  const shared = new RateLimiterRedis({
    ...options,
    storeClient: redis,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
  });
  return new RLWrapperTimeouts({
    keyPrefix: options.keyPrefix,
    limiter: shared,
    timeoutMs: REDIS_DEADLINE_MS,
    insuranceLimiter: memory,
  });
}

export interface RateLimitOptions {
  /**
   * Connection errors of the Redis client (it reconnects by itself, and the
   * in-memory limiter stands in meanwhile): the caller logs and counts them.
   */
  onRedisError?: (error: Error) => void;
}

export async function createRateLimits(
  settings: RateLimitSettings,
  redisUrl?: string,
  options: RateLimitOptions = {},
): Promise<RateLimits> {
  let redis: RedisClient | undefined;
  if (redisUrl !== undefined) {
    try {
      // Requests meet the insurance limiter meanwhile; the client reconnects on its own.
      redis = await connectRedis(redisUrl, {
        socketTimeoutMs: 2000,
        deadlineMs: REDIS_CONNECT_DEADLINE_MS,
        onError: options.onRedisError,
      });
    } catch (error) {
      // The URL may hold a password: never in the message.
      throw new RateLimitStoreError(`Rate limits cannot reach Redis: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  const limiters = {} as Record<LimitName, ReturnType<typeof limiterFor>>;
  for (const name of Object.keys(PER_MINUTE) as LimitName[]) {
    limiters[name] = limiterFor(name, settings[PER_MINUTE[name]], redis);
  }
  return {
    async consume(name, key) {
      try {
        await limiters[name].consume(key);
        return { ok: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return {
            ok: false,
            retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
          };
        }
        throw rejection;
      }
    },
    async close() {
      if (redis?.isOpen) await redis.close();
    },
  };
}
