/**
 * A tiny metrics hook: the agent names events and labels, whoever builds it
 * (the web server's prom-client registry, a test) counts them.
 */
export type MetricsHook = (name: string, labels: Record<string, string>) => void;

export const noMetrics: MetricsHook = () => {};

/** Counts events in memory; handy for tests, the terminal chat and benchmarks. */
export function countingMetrics(): MetricsHook & { counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const hook = ((name: string, labels: Record<string, string>) => {
    const key =
      Object.keys(labels).length > 0
        ? `${name}{${Object.entries(labels)
            .map(([k, v]) => `${k}=${v}`)
            .join(",")}}`
        : name;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }) as MetricsHook & { counts: Map<string, number> };
  hook.counts = counts;
  return hook;
}
