/**
 * Homoglyph folding: letters from other scripts that look like Latin ones.
 * (Full-width and mathematical letters are already folded by NFKC.) Ordinary
 * Russian or Greek text stays as it is; see `foldConfusables`.
 */

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  // Cyrillic
  ["а", "a"],
  ["в", "b"],
  ["с", "c"],
  ["ԁ", "d"],
  ["е", "e"],
  ["ё", "e"],
  ["һ", "h"],
  ["і", "i"],
  ["ї", "i"],
  ["ј", "j"],
  ["к", "k"],
  ["ӏ", "l"],
  ["м", "m"],
  ["н", "h"],
  ["о", "o"],
  ["р", "p"],
  ["ԛ", "q"],
  ["г", "r"],
  ["ѕ", "s"],
  ["т", "t"],
  ["у", "y"],
  ["ц", "u"],
  ["ѵ", "v"],
  ["ԝ", "w"],
  ["х", "x"],
  ["ү", "y"],
  ["з", "3"],
  ["ь", "b"],
  ["п", "n"],
  ["ɡ", "g"],
  // Greek
  ["α", "a"],
  ["β", "b"],
  ["ε", "e"],
  ["η", "n"],
  ["ι", "i"],
  ["κ", "k"],
  ["ν", "v"],
  ["ο", "o"],
  ["ρ", "p"],
  ["τ", "t"],
  ["υ", "u"],
  ["χ", "x"],
  ["γ", "y"],
  ["ω", "w"],
  ["μ", "u"],
  ["ϲ", "c"],
  ["ϳ", "j"],
  ["ς", "s"],
  ["σ", "o"],
  // Latin look-alikes and IPA
  ["ı", "i"],
  ["ȷ", "j"],
  ["ɑ", "a"],
  ["ɩ", "i"],
  ["ʟ", "l"],
  ["ɴ", "n"],
  ["ʀ", "r"],
  ["ꜱ", "s"],
  ["ᴀ", "a"],
  ["ʙ", "b"],
  ["ᴄ", "c"],
  ["ᴅ", "d"],
  ["ᴇ", "e"],
  ["ɢ", "g"],
  ["ʜ", "h"],
  ["ᴊ", "j"],
  ["ᴋ", "k"],
  ["ᴍ", "m"],
  ["ᴏ", "o"],
  ["ᴘ", "p"],
  ["ᴛ", "t"],
  ["ᴜ", "u"],
  ["ᴠ", "v"],
  ["ᴡ", "w"],
  ["ʏ", "y"],
  ["ᴢ", "z"],
  ["ſ", "s"],
  ["ƅ", "b"],
  ["ɵ", "o"],
  ["ø", "o"],
  ["ł", "l"],
  ["đ", "d"],
  ["ħ", "h"],
  ["ŧ", "t"],
  ["ß", "ss"],
  ["æ", "ae"],
  ["œ", "oe"],
  // Cherokee / Armenian capitals that survive lower-casing
  ["օ", "o"],
  ["ս", "u"],
  ["ց", "g"],
  ["հ", "h"],
  ["ո", "n"],
];

export const CONFUSABLES: ReadonlyMap<string, string> = new Map(PAIRS);

const LATIN_LETTER = /^[a-z]$/;

/** How a word relates to Latin: plain, foldable (mixes in look-alikes, or is made only of them), or foreign. */
export function classifyWord(word: string): "plain" | "mixed" | "lookalike" | "foreign" {
  let hasLatin = false;
  let hasForeign = false;
  let candidates = 0;
  for (const ch of word) {
    if (LATIN_LETTER.test(ch)) hasLatin = true;
    else if (CONFUSABLES.has(ch)) candidates++;
    else if (/\p{L}/u.test(ch)) hasForeign = true;
  }
  if (candidates === 0) return hasForeign && !hasLatin ? "foreign" : "plain";
  if (hasLatin) return "mixed";
  return hasForeign ? "foreign" : "lookalike";
}

export function foldWord(word: string): { word: string; folded: number } {
  let out = "";
  let folded = 0;
  for (const ch of word) {
    const latin = CONFUSABLES.get(ch);
    if (latin !== undefined) folded++;
    out += latin ?? ch;
  }
  return { word: out, folded };
}

/**
 * Folds look-alike letters in lower-cased text. Words that mix scripts are always
 * folded. Words made only of look-alikes ("как", "ѕуѕтем") are folded unless the
 * text also has genuinely foreign words, i.e. it is really written in that script.
 */
export function foldConfusables(text: string, words: RegExp): { text: string; folded: number } {
  const kinds = new Map<string, ReturnType<typeof classifyWord>>();
  let foreign = false;
  for (const match of text.matchAll(words)) {
    const kind = classifyWord(match[0]);
    kinds.set(match[0], kind);
    if (kind === "foreign") foreign = true;
  }
  let folded = 0;
  const out = text.replace(words, (word) => {
    const kind = kinds.get(word);
    if (kind !== "mixed" && !(kind === "lookalike" && !foreign)) return word;
    const result = foldWord(word);
    folded += result.folded;
    return result.word;
  });
  return { text: out, folded };
}
