/**
 * Money is integer cents everywhere; dollars appear only when a person reads
 * them (formatCents) or when the menu is written down (dollarsToCents).
 */

export const STARTING_BALANCE_CENTS = 100_000;
/** At or above this the balance is "normal"; below it "low"; at zero "empty". */
export const LOW_BALANCE_CENTS = 5_000;

export const TIP_PERCENTS = [10, 15, 20] as const;
export type TipPercent = (typeof TIP_PERCENTS)[number];

export type BalanceLevel = "normal" | "low" | "empty";

export function isCents(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** Converts a dollar amount written by a person (12.5) to cents; rejects NaN, Infinity and sub-cent values. */
export function dollarsToCents(dollars: number): number {
  if (typeof dollars !== "number" || !Number.isFinite(dollars)) {
    throw new RangeError(`A price must be a finite number of dollars, got ${String(dollars)}.`);
  }
  const cents = Math.round(dollars * 100);
  if (Math.abs(cents - dollars * 100) > 1e-6 || !Number.isSafeInteger(cents)) {
    throw new RangeError(`A price must be a whole number of cents, got ${dollars}.`);
  }
  return cents;
}

/** "$1,000.00" — for people only; never parse it back. */
export function formatCents(cents: number): string {
  if (!isCents(cents)) throw new RangeError(`Not an integer amount of cents: ${String(cents)}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString("en-US");
  const rest = String(abs % 100).padStart(2, "0");
  return `${sign}$${dollars}.${rest}`;
}

/** numerator / denominator rounded half-to-even (banker's rounding), in integers only. */
export function divideHalfEven(numerator: number, denominator: number): number {
  if (!isCents(numerator) || !isCents(denominator) || denominator <= 0) {
    throw new RangeError("divideHalfEven needs integers and a positive denominator");
  }
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const quotient = Math.floor(n / denominator);
  const twiceRemainder = (n % denominator) * 2;
  let rounded = quotient;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2 === 1)) {
    rounded += 1;
  }
  return sign * rounded || 0;
}

export function isTipPercent(value: unknown): value is TipPercent {
  return TIP_PERCENTS.includes(value as TipPercent);
}

/** The tip on a tab: percent of the tab, half-to-even to the cent; no tip is 0. */
export function tipCents(tabCents: number, percent: TipPercent | null): number {
  if (percent === null) return 0;
  return divideHalfEven(tabCents * percent, 100);
}

/** Choosing the tip that is already set removes it; anything else replaces it. */
export function toggledTip(current: TipPercent | null, chosen: TipPercent): TipPercent | null {
  return current === chosen ? null : chosen;
}

export function balanceLevel(balanceCents: number): BalanceLevel {
  if (balanceCents <= 0) return "empty";
  return balanceCents < LOW_BALANCE_CENTS ? "low" : "normal";
}
