import { createClient } from "redis";

export type RedisClient = Awaited<ReturnType<typeof connectRedis>>;

export interface ConnectRedisOptions {
  /** The socket's own connect timeout, per (re)connection. */
  socketTimeoutMs: number;
  /** Deadline for the first connection: without it the client would retry in the background forever. */
  deadlineMs: number;
  /** Connection problems while running (reconnects happen by themselves). */
  onError?: (error: Error) => void;
}

/**
 * A connected node-redis client that fails commands at once while
 * disconnected (no offline queue) and keeps reconnecting in the background
 * with backoff and jitter, at most ~2 s apart. A first connection that fails or
 * misses the deadline destroys the client and throws the error as it came;
 * callers wrap it without quoting the URL (it may carry a password).
 */
export async function connectRedis(url: string, options: ConnectRedisOptions) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: options.socketTimeoutMs,
      reconnectStrategy: (retries) =>
        Math.min(50 * 2 ** retries, 2_000) + Math.floor(Math.random() * 100),
    },
  });
  client.on("error", (error: Error) => options.onError?.(error));

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${options.deadlineMs} ms`)),
          options.deadlineMs,
        );
      }),
    ]);
    return client;
  } catch (error) {
    client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
