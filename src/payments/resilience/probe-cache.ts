import type { ProbeResult, ProviderName } from "../types.ts";
import type { Clock } from "./clock.ts";
import { SingleFlight } from "./single-flight.ts";

/**
 * Remembers the last availability answer for `ttlMs`, failures included, so a
 * down provider costs one probe per TTL instead of one per guest. A failed
 * payment attempt can mark the provider down without a probe (`markDown`).
 */
export class ProbeCache {
  readonly #provider: ProviderName;
  readonly #ttlMs: number;
  readonly #clock: Clock;
  readonly #probe: () => Promise<void>;
  readonly #flight = new SingleFlight<ProbeResult>();
  #cached: { result: ProbeResult; expiresAt: number } | undefined;
  #probes = 0;

  constructor(options: {
    provider: ProviderName;
    ttlMs: number;
    clock: Clock;
    /** Resolves when available, throws with a reason when not. */
    probe: () => Promise<void>;
  }) {
    this.#provider = options.provider;
    this.#ttlMs = options.ttlMs;
    this.#clock = options.clock;
    this.#probe = options.probe;
  }

  /** How many real probes ran (figures and tests). */
  get probes(): number {
    return this.#probes;
  }

  async get(): Promise<ProbeResult> {
    const cached = this.#cached;
    if (cached && this.#clock.now() < cached.expiresAt) return cached.result;
    return this.#flight.run("probe", async () => {
      this.#probes += 1;
      const checkedAt = this.#clock.now();
      try {
        await this.#probe();
        return this.#store({ available: true, provider: this.#provider, checkedAt });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return this.#store({ available: false, provider: this.#provider, checkedAt, reason });
      }
    });
  }

  markDown(reason: string): void {
    const checkedAt = this.#clock.now();
    this.#store({ available: false, provider: this.#provider, checkedAt, reason });
  }

  markUp(): void {
    this.#store({ available: true, provider: this.#provider, checkedAt: this.#clock.now() });
  }

  #store(result: ProbeResult): ProbeResult {
    this.#cached = { result, expiresAt: result.checkedAt + this.#ttlMs };
    return result;
  }
}
