/** Tokens and quantity words for the rules model's language understanding. */

export interface Token {
  /** Lower-case word, number (digits, maybe signed or decimal), "%", or "," for a clause break. */
  text: string;
}

/** Splits a message into lower-case tokens; keeps signs, decimals and percent signs. */
export function tokenize(message: string): string[] {
  const lower = message
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/&/g, " and ");
  return lower.match(/[-−]?\d+(?:[.,]\d+)?%?|[a-z]+(?:-[a-z]+)*|[,;.!?%$]/g) ?? [];
}

const UNITS: Record<string, number> = {
  zero: 0,
  no: 0,
  none: 0,
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  another: 1,
  two: 2,
  couple: 2,
  pair: 2,
  double: 2,
  three: 3,
  triple: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
  million: 1_000_000,
};

/** Words that may sit between a quantity and its drink ("two more martinis", "a glass of water"). */
export const QUANTITY_FILLERS = new Set([
  "more",
  "of",
  "glass",
  "glasses",
  "pint",
  "pints",
  "bottle",
  "bottles",
  "shot",
  "shots",
  "round",
  "rounds",
  "cold",
  "large",
  "big",
  "small",
  "nice",
  "good",
  "fresh",
  "the",
  "your",
  "extra",
]);

/**
 * Reads a quantity that ends at `tokens[end - 1]`: digits ("2", "-3", "1.5"),
 * words ("two", "twenty one", "a couple", "a dozen", "minus two").
 * Returns the value and where it starts, or null.
 */
export function quantityBefore(
  tokens: string[],
  end: number,
): { value: number; start: number } | null {
  const last = tokens[end - 1];
  if (last === undefined) return null;
  const digits = /^[-−]?\d+(?:[.,]\d+)?$/.exec(last);
  if (digits) {
    const value = Number(last.replace("−", "-").replace(",", "."));
    const minus = tokens[end - 2] === "minus" || tokens[end - 2] === "negative";
    return { value: minus ? -value : value, start: minus ? end - 2 : end - 1 };
  }
  const unit = UNITS[last];
  if (unit === undefined || last === "no" || last === "none") return null;
  let value = unit;
  let start = end - 1;
  const before = tokens[start - 1];
  // "twenty one" / "a hundred" / "a couple" / "a dozen" / "two hundred"
  if (before !== undefined) {
    const prior = UNITS[before];
    if (prior !== undefined && prior >= 20 && prior < 100 && unit < 10) {
      value = prior + unit;
      start -= 1;
    } else if ((before === "a" || before === "an") && unit >= 2) {
      start -= 1;
    } else if (prior !== undefined && prior > 1 && prior < 100 && unit >= 100) {
      value = prior * unit;
      start -= 1;
    }
  }
  if (tokens[start - 1] === "minus" || tokens[start - 1] === "negative") {
    value = -value;
    start -= 1;
  }
  return { value, start };
}

/** A quantity spelled as one word or digits, for "make it two" and "x3". */
export function parseQuantityWord(word: string | undefined): number | null {
  if (word === undefined) return null;
  const stripped = word.replace(/^x/, "");
  if (/^[-−]?\d+(?:[.,]\d+)?$/.test(stripped))
    return Number(stripped.replace("−", "-").replace(",", "."));
  const unit = UNITS[word];
  return unit === undefined || word === "no" || word === "none" || word === "another" ? null : unit;
}

const AFFIRMATIVE =
  /^(?:yes|yeah|yep|yup|yea|sure|ok|okay|confirm|confirmed|correct|right|absolutely|definitely|please|go|do|lets|sounds|perfect|great|fine|send|charge|pay|y)$/;
const NEGATIVE = /^(?:no|nope|nah|not|dont|wait|hold|cancel|stop|never|later|n)$/;

/** "yes please", "go ahead", "confirm": true; "no", "wait", "not yet": false; anything else: null. */
export function affirmation(tokens: string[]): boolean | null {
  const words = tokens.filter((t) => /^[a-z]+$/.test(t));
  if (words.length === 0 || words.length > 10) return null;
  if (words.some((w) => NEGATIVE.test(w))) return false;
  const first = words[0]!;
  if (AFFIRMATIVE.test(first)) return true;
  if (words.includes("confirm") || words.includes("yes")) return true;
  if (words.join(" ").includes("go ahead") || words.join(" ").includes("do it")) return true;
  return null;
}
