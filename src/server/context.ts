import type { Logger } from "../config/index.ts";
import type { LoadShedder } from "./load-shedding.ts";
import type { Metrics } from "./metrics.ts";
import type { ServerRuntime } from "./ports.ts";
import type { RateLimits } from "./rate-limits.ts";
import type { ServerSettings } from "./settings.ts";

/** What every route module receives: built once per app in `app.ts`. */
export interface ServerContext {
  runtime: ServerRuntime;
  settings: ServerSettings;
  limits: RateLimits;
  metrics: Metrics;
  shedder: LoadShedder;
  logger: Logger;
}
