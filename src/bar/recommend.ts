import { type MenuItem, menuItemById } from "./menu.ts";
import { normalizeText } from "./text.ts";

export const MOODS = ["sobering", "classy", "fruity", "strong", "burning"] as const;
export type Mood = (typeof MOODS)[number];

const PICKS: Readonly<Record<Mood, readonly string[]>> = {
  sobering: ["water", "iced-tea", "lemonade"],
  classy: ["martini", "manhattan", "old-fashioned"],
  fruity: ["daiquiri", "cosmopolitan"],
  strong: ["long-island", "negroni"],
  burning: ["whiskey", "tequila"],
};

const MOOD_WORDS: Readonly<Record<string, Mood>> = {
  sober: "sobering",
  sobering: "sobering",
  "sober up": "sobering",
  hydrate: "sobering",
  driving: "sobering",
  classy: "classy",
  elegant: "classy",
  fancy: "classy",
  sophisticated: "classy",
  fruity: "fruity",
  sweet: "fruity",
  fruit: "fruity",
  strong: "strong",
  stiff: "strong",
  potent: "strong",
  burning: "burning",
  burn: "burning",
  fiery: "burning",
  hot: "burning",
};

export type RecommendResult =
  | { ok: true; mood: Mood; items: MenuItem[] }
  | { ok: false; code: "unknown_mood"; message: string; moods: readonly Mood[] };

/** Drinks for a mood ("classy" → Martini, Manhattan, Old Fashioned). */
export function recommend(mood: unknown): RecommendResult {
  const text = typeof mood === "string" ? normalizeText(mood).slice(0, 40) : "";
  const known =
    MOOD_WORDS[text] ??
    text
      .split(" ")
      .map((word) => MOOD_WORDS[word])
      .find((m) => m !== undefined);
  if (!known) {
    return {
      ok: false,
      code: "unknown_mood",
      message: `I can suggest something ${MOODS.slice(0, -1).join(", ")} or ${MOODS.at(-1)}. Which mood are you in?`,
      moods: MOODS,
    };
  }
  return { ok: true, mood: known, items: PICKS[known].map((id) => menuItemById(id)!) };
}
