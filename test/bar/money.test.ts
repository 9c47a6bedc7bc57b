import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  balanceLevel,
  divideHalfEven,
  dollarsToCents,
  formatCents,
  tipCents,
  toggledTip,
} from "../../src/bar/index.ts";

describe("money", () => {
  it("formats cents for people", () => {
    assert.equal(formatCents(100_000), "$1,000.00");
    assert.equal(formatCents(5), "$0.05");
    assert.equal(formatCents(1234567), "$12,345.67");
    assert.equal(formatCents(-250), "-$2.50");
    assert.throws(() => formatCents(1.5), RangeError);
    assert.throws(() => formatCents(Number.NaN), RangeError);
  });

  it("turns menu dollars into cents and refuses NaN, Infinity and fractions of a cent", () => {
    assert.equal(dollarsToCents(12), 1200);
    assert.equal(dollarsToCents(0.1 + 0.2), 30);
    assert.throws(() => dollarsToCents(Number.NaN), /finite/);
    assert.throws(() => dollarsToCents(Number.POSITIVE_INFINITY), /finite/);
    assert.throws(() => dollarsToCents(1.005), /whole number of cents/);
  });

  it("rounds half to even", () => {
    assert.equal(divideHalfEven(250, 100), 2);
    assert.equal(divideHalfEven(350, 100), 4);
    assert.equal(divideHalfEven(251, 100), 3);
    assert.equal(divideHalfEven(-250, 100), -2);
    // 15 % of 12.30 = 1.845 → 1.84; 10 % of 12.25 = 1.225 → 1.22; 10 % of 12.35 → 1.24
    assert.equal(tipCents(1230, 15), 184);
    assert.equal(tipCents(1225, 10), 122);
    assert.equal(tipCents(1235, 10), 124);
    assert.equal(tipCents(1000, null), 0);
  });

  it("tips match exact half-to-even arithmetic for any tab (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(10, 15, 20),
        (tab, pct) => {
          const tip = tipCents(tab, pct as 10 | 15 | 20);
          // Exact: tip*100 is within half a cent of tab*pct, ties go to the even cent.
          const exact = BigInt(tab) * BigInt(pct);
          const diff = exact - BigInt(tip) * 100n;
          assert.ok(diff <= 50n && diff >= -50n);
          if (diff === 50n || diff === -50n) assert.equal(tip % 2, 0);
          assert.ok(tip >= 0 && Number.isSafeInteger(tip));
        },
      ),
    );
  });

  it("choosing the same tip again removes it", () => {
    assert.equal(toggledTip(null, 15), 15);
    assert.equal(toggledTip(15, 15), null);
    assert.equal(toggledTip(15, 20), 20);
  });

  it("names balance levels: normal from 50.00, low below, empty at 0", () => {
    assert.equal(balanceLevel(100_000), "normal");
    assert.equal(balanceLevel(5_000), "normal");
    assert.equal(balanceLevel(4_999), "low");
    assert.equal(balanceLevel(1), "low");
    assert.equal(balanceLevel(0), "empty");
  });
});
