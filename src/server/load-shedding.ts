import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Watches event-loop lag. While the last sample's 99th percentile lag is above
 * the limit, `overloaded()` is true and the app answers new API work with 503,
 * so a flood slows nobody's turn that is already running.
 */
export interface LoadShedder {
  overloaded(): boolean;
  lagMs(): number;
  stop(): void;
}

export function startLoadShedder(maxLagMs: number, sampleMs: number): LoadShedder {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let lag = 0;
  let lastTick = performance.now();
  const timer = setInterval(() => {
    // A block can end just before the histogram records it; this tick's own lateness is lag too.
    const now = performance.now();
    const late = now - lastTick - sampleMs;
    lastTick = now;
    lag = Math.max(0, histogram.percentile(99) / 1e6 - 10, late);
    histogram.reset();
  }, sampleMs);
  timer.unref();
  return {
    overloaded: () => lag > maxLagMs,
    lagMs: () => lag,
    stop() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
