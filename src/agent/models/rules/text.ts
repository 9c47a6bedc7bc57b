/** Word helpers for matching drink names (kept here: the bar exports lookups, not its internals). */

/** Singular forms a plural may come from: "martinis" → martini, "whiskies" → whisky/whiskey. */
export function singularForms(word: string): string[] {
  const forms: string[] = [];
  if (word.length > 3 && word.endsWith("ies"))
    forms.push(`${word.slice(0, -3)}y`, `${word.slice(0, -3)}ey`);
  if (word.length > 3 && word.endsWith("es")) forms.push(word.slice(0, -2));
  if (word.length > 2 && word.endsWith("s") && !word.endsWith("ss")) forms.push(word.slice(0, -1));
  return forms;
}

/** Levenshtein distance with adjacent swaps, giving up (returns max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, prev2[j - 2]! + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Words that name a group of drinks: the guest is asked which one. */
export const GROUP_WORDS = new Set([
  "beer",
  "lager",
  "ale",
  "cocktail",
  "spirit",
  "liquor",
  "mocktail",
]);
