// Money arrives as integer cents and is formatted only here, at the edge.

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** "$1,234.50" from 123450. */
export function formatCents(cents) {
  return dollars.format(cents / 100);
}

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
const running = new WeakMap();

/**
 * Shows `cents` in `element`, counting up (or down) from the value it shows now.
 * Each element keeps its own animation; a new target cancels the old one.
 */
export function countTo(element, cents, durationMs = 700) {
  const from = Number(element.dataset.cents ?? cents);
  element.dataset.cents = String(cents);
  cancelAnimationFrame(running.get(element) ?? 0);
  if (from === cents || reducedMotion.matches) {
    element.textContent = formatCents(cents);
    return;
  }
  const start = performance.now();
  const step = (now) => {
    const t = Math.min(1, (now - start) / durationMs);
    const eased = 1 - (1 - t) ** 3;
    element.textContent = formatCents(Math.round(from + (cents - from) * eased));
    if (t < 1) running.set(element, requestAnimationFrame(step));
  };
  running.set(element, requestAnimationFrame(step));
}
