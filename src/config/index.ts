export { ConfigError, type Env, envSchema, isProduction, parseEnv } from "./env.ts";
export { createLogger, type Logger, type LoggerSettings, silentLogger } from "./logger.ts";
export { SECRET_KEY_PATTERN, safeEqual, scrubSecrets } from "./secrets.ts";
