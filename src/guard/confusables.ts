/**
 * Homoglyph folding: letters from other scripts that look like Latin ones.
 * (Full-width and mathematical letters are already folded by NFKC.) A word is
 * folded only when it is Latin-looking as a whole (it mixes in Latin letters or
 * every letter has a Latin twin), so ordinary Russian or Greek text stays as is.
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

/**
 * Folds one lower-cased word. Returns the word unchanged when it is plainly
 * written in another script (it has a letter with no Latin twin and no Latin letter).
 */
export function foldConfusableWord(word: string): { word: string; folded: number } {
  let hasLatin = false;
  let hasForeignOnly = false;
  let candidates = 0;
  for (const ch of word) {
    if (LATIN_LETTER.test(ch)) hasLatin = true;
    else if (CONFUSABLES.has(ch)) candidates++;
    else if (/\p{L}/u.test(ch)) hasForeignOnly = true;
  }
  if (candidates === 0 || (!hasLatin && hasForeignOnly)) return { word, folded: 0 };
  let out = "";
  for (const ch of word) out += CONFUSABLES.get(ch) ?? ch;
  return { word: out, folded: candidates };
}
