import { BASE_LIQUORS, findMentions, type ItemMention, isBaseLiquor } from "./menu-matcher.ts";
import {
  affirmation,
  parseQuantityWord,
  QUANTITY_FILLERS,
  quantityBefore,
  tokenize,
} from "./words.ts";

/**
 * The rules model's language understanding: one message → one intent with its
 * slots. Deterministic and small on purpose; anything it cannot place becomes
 * small talk or "unknown", never a guessed purchase.
 */

export interface OrderLine {
  /** The menu name, or the guest's words for an unknown drink (the tool reports it). */
  item: string;
  quantity: number;
  modifiers: string[];
  /** True when the guest gave no number ("a martini"): a later "for the four of us" may set it. */
  implicit?: boolean;
}

export type Mood = "sobering" | "classy" | "fruity" | "strong" | "burning";

export type Intent =
  | { kind: "order"; lines: OrderLine[]; groups: string[] }
  | { kind: "replace"; remove: string | null; lines: OrderLine[] }
  | { kind: "remove"; targets: Array<{ item: string; quantity: number | null }> }
  | { kind: "make_it"; quantity: number }
  | { kind: "same_again" }
  | { kind: "clear" }
  | { kind: "show_order" }
  | { kind: "tab" }
  | { kind: "tip"; percent: number | null }
  | { kind: "pay" }
  | { kind: "confirm" }
  | { kind: "decline" }
  | { kind: "payment_status" }
  | { kind: "menu" }
  | { kind: "recommend"; mood: Mood | null; surprise?: boolean }
  | { kind: "price"; items: string[] }
  | { kind: "about"; items: string[] }
  | { kind: "modify"; modifiers: string[] }
  | { kind: "ask_group"; group: string; quantity: number }
  | { kind: "undo" }
  | { kind: "not_on_menu"; phrase: string }
  | { kind: "other_guest" }
  | { kind: "greeting" }
  | { kind: "thanks" }
  | { kind: "goodbye" }
  | { kind: "small_talk"; topic: SmallTalkTopic }
  | { kind: "unknown" };

export type SmallTalkTopic =
  | "how_are_you"
  | "name"
  | "joke"
  | "weather"
  | "feeling_down"
  | "compliment"
  | "chat";

/** What the rules model knows from earlier in the conversation. */
export interface DialogueContext {
  /** Maya's last reply asked the guest to confirm paying this total. */
  awaitingPaymentConfirmation: boolean;
}

const MODIFIER_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ["on the rocks", "on the rocks"],
  ["over ice", "on the rocks"],
  ["on ice", "on the rocks"],
  ["with ice", "on the rocks"],
  ["rocks", "on the rocks"],
  ["with a chaser", "with a chaser"],
  ["with chaser", "with a chaser"],
  ["chaser", "with a chaser"],
  ["straight up", "neat"],
  ["shaken", "shaken"],
  ["shake", "shaken"],
  ["stirred", "stirred"],
  ["stir", "stirred"],
  ["neat", "neat"],
  ["dry", "dry"],
  ["dirty", "dirty"],
  ["perfect", "perfect"],
];

const MODIFIER_WORDS = new Set([
  "shaken",
  "stirred",
  "neat",
  "dry",
  "dirty",
  "perfect",
  "iced",
  "chilled",
]);

const MOOD_WORDS: ReadonlyArray<readonly [RegExp, Mood]> = [
  [
    /\b(sober|sobering|driving|designated|hydrat\w*|no alcohol|non alcoholic|alcohol free|light)\b/,
    "sobering",
  ],
  [/\b(classy|elegant|fancy|sophisticated|classic|posh|date)\b/, "classy"],
  [/\b(fruity|fruit|sweet|tropical|refreshing|fresh|summery)\b/, "fruity"],
  [
    /\b(strong|stronger|strongest|stiff|potent|rough day|long day|tough day|hard day|knock me)\b/,
    "strong",
  ],
  [/\b(burning|burn|fiery|fire|kick|warm me|spicy|hot)\b/, "burning"],
];

const has = (text: string, pattern: RegExp): boolean => pattern.test(text);

function phraseAt(tokens: string[], i: number, phrase: string): boolean {
  const words = phrase.split(" ");
  return words.every((w, k) => tokens[i + k] === w);
}

/** Modifiers in tokens[from, to), with the positions they cover. */
function modifiersIn(tokens: string[], from: number, to: number): string[] {
  const found: string[] = [];
  for (let i = from; i < to; i++) {
    // "shaken, not stirred"
    if (tokens[i - 1] === "not") continue;
    for (const [phrase, modifier] of MODIFIER_PHRASES) {
      if (phraseAt(tokens, i, phrase) && i + phrase.split(" ").length <= to) {
        if (!found.includes(modifier)) found.push(modifier);
        i += phrase.split(" ").length - 1;
        break;
      }
    }
  }
  return found;
}

/** Modifiers named without a drink ("make that stirred", "can I have it on the rocks"). */
export function parseModifierWords(tokens: string[]): string[] {
  const found = modifiersIn(tokens, 0, tokens.length);
  for (const liquor of BASE_LIQUORS) {
    const at = tokens.indexOf(liquor);
    if (at > 0 && ["with", "using"].includes(tokens[at - 1]!)) found.push(liquor);
  }
  return found;
}

const SEPARATORS = new Set(["and", ",", "plus", ";", "also", "then", "."]);

/** Reads drinks with quantities and modifiers: "two dirty vodka martinis and a whiskey on the rocks". */
export function parseOrderLines(tokens: string[]): {
  lines: OrderLine[];
  groups: string[];
  groupQuantity: number;
} {
  const { items, groups } = findMentions(tokens);
  // A base liquor right before a cocktail, or "<cocktail> with <liquor>", is a modifier.
  const merged: Array<ItemMention & { liquor?: string }> = [];
  for (let k = 0; k < items.length; k++) {
    const cur = items[k]!;
    const next = items[k + 1];
    if (
      isBaseLiquor(cur.item) &&
      next &&
      next.item.category === "cocktail" &&
      next.start === cur.end
    ) {
      merged.push({ ...next, start: cur.start, liquor: cur.item.id });
      k += 1;
      continue;
    }
    const prev = merged.at(-1);
    if (
      prev &&
      isBaseLiquor(cur.item) &&
      prev.item.category === "cocktail" &&
      ["with", "using", "made"].includes(tokens[cur.start - 1] ?? "") &&
      cur.start - prev.end <= 2
    ) {
      prev.liquor = cur.item.id;
      prev.end = cur.end;
      continue;
    }
    merged.push({ ...cur });
  }

  const lines: OrderLine[] = [];
  for (let k = 0; k < merged.length; k++) {
    const mention = merged[k]!;
    const prevEnd = k === 0 ? 0 : merged[k - 1]!.end;
    const nextStart = k + 1 < merged.length ? merged[k + 1]!.start : tokens.length;
    // Quantity: skip fillers ("two more cold martinis") back from the drink.
    let q = mention.start;
    while (
      q > prevEnd &&
      (QUANTITY_FILLERS.has(tokens[q - 1]!) || MODIFIER_WORDS.has(tokens[q - 1]!))
    ) {
      q -= 1;
    }
    const before = quantityBefore(tokens, q);
    const counted = before && before.start >= prevEnd ? before : null;
    let quantity = counted ? counted.value : 1;
    let implicit = counted === null || ["a", "an"].includes(tokens[counted.start] ?? "");
    // "martini x2" / "martinis times 3"
    const after = tokens[mention.end];
    if (after && /^x\d+$/.test(after)) {
      quantity = parseQuantityWord(after) ?? quantity;
      implicit = false;
    }
    if (after === "times" || after === "x") {
      quantity = parseQuantityWord(tokens[mention.end + 1]) ?? quantity;
      implicit = false;
    }
    // Modifiers in front belong to this drink; after it, up to the next clause break or drink.
    let stop = mention.end;
    while (stop < nextStart && !SEPARATORS.has(tokens[stop]!)) stop += 1;
    // A clause holding only modifiers ("a martini, shaken and dirty") still belongs to it.
    let extended = stop;
    while (extended < nextStart) {
      let end = extended + 1;
      while (end < nextStart && !SEPARATORS.has(tokens[end]!)) end += 1;
      const clause = tokens.slice(extended + 1, end);
      if (clause.length === 0 || modifiersIn(clause, 0, clause.length).length === 0) break;
      if (clause.some((w) => /^\d/.test(w) || w === "a" || w === "an")) break;
      extended = end;
    }
    const frontStart = before && before.start >= prevEnd ? before.start : q;
    const modifiers = [
      ...modifiersIn(tokens, frontStart, mention.start),
      ...modifiersIn(tokens, mention.end, extended),
    ];
    if (mention.liquor) modifiers.push(mention.liquor);
    lines.push({
      item: mention.item.name,
      quantity,
      modifiers: [...new Set(modifiers)],
      ...(implicit && { implicit: true }),
    });
  }
  // "a round of negronis for the four of us"
  const party =
    /\bfor (?:the |all )?(\w+) of us\b|\bfor (\w+) (?:people|persons|guests|friends)\b/.exec(
      tokens.join(" "),
    );
  const partySize = parseQuantityWord(party?.[1] ?? party?.[2]);
  if (partySize !== null && partySize > 1) {
    for (const line of lines) {
      if (line.implicit) {
        line.quantity = partySize;
        delete line.implicit;
      }
    }
  }
  const firstGroup = groups[0];
  let groupQuantity = 1;
  if (firstGroup) {
    let q = firstGroup.start;
    while (q > 0 && QUANTITY_FILLERS.has(tokens[q - 1]!)) q -= 1;
    groupQuantity = quantityBefore(tokens, q)?.value ?? 1;
  }
  return { lines, groups: groups.map((g) => g.word), groupQuantity };
}

const ORDER_VERBS =
  /\b(ill have|i will have|ill take|id like|i would like|i want|can i (get|have)|could i (get|have)|get me|give me|bring me|pour me|may i have|lets have|lets get|one more|order|make me|ill go with|i(ll| will) try|gimme)\b/;

function unknownDrink(text: string): string | null {
  const match =
    /\b(?:ill have|ill take|id like|i would like|i want|can i get|can i have|could i get|give me|get me|bring me|pour me|order)\s+(?:an?\s+|some\s+|the\s+)?([a-z][a-z ]{1,38}?)(?:\s+please)?\s*$/.exec(
      text,
    );
  const phrase = match?.[1]?.trim();
  if (!phrase) return null;
  if (
    /\b(drink|something|anything|menu|tab|bill|check|order|it|that|this|tip|recommendation|more)\b/.test(
      phrase,
    )
  ) {
    return null;
  }
  return phrase;
}

function tipPercent(tokens: string[], text: string): number | null | undefined {
  if (!/\btip\b|\btipping\b|\bgratuity\b/.test(text)) return undefined;
  if (/\b(no|remove|without|cancel|drop|zero)\b.*\btip\b|\btip\b.*\b(off|none|zero)\b/.test(text))
    return null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = parseQuantityWord(t.replace(/%$/, ""));
    if (
      n !== null &&
      (t.endsWith("%") ||
        tokens[i + 1] === "%" ||
        tokens[i + 1] === "percent" ||
        /\d/.test(t) ||
        n >= 10)
    ) {
      return n;
    }
  }
  return 15;
}

/** Understands one guest message in its dialogue context. */
export function understand(message: string, context: DialogueContext): Intent {
  const tokens = tokenize(message);
  const text = tokens.filter((t) => /^[a-z0-9]/.test(t)).join(" ");
  const yesNo = affirmation(tokens);

  if (context.awaitingPaymentConfirmation && yesNo === true && !/\btip\b/.test(text)) {
    return { kind: "confirm" };
  }
  if (context.awaitingPaymentConfirmation && yesNo === false && tokens.length <= 6) {
    return { kind: "decline" };
  }

  // Other guests' orders are never shown; the tools can only see this session.
  if (
    has(
      text,
      /\b(other|another|someone|somebody|anyone|everyone|every|all)\b.{0,20}\b(guest|guests|customer|customers|person|people|else|session|sessions|users?|table)s?\b/,
    ) ||
    has(
      text,
      /\b(session|table|seat)\s*(id\s*)?[#:]?\s*[a-z0-9-]*\d[a-z0-9-]*\b.{0,40}\b(order|tab|bill|drinks?)\b/,
    ) ||
    has(
      text,
      /\b(order|tab|bill|drinks?)\b.{0,30}\b(of|for|from)\s+(session|table|guest|user)\b/,
    ) ||
    has(
      text,
      /\bwhat (did|has|is) (he|she|they|the guy|the woman|the man|that guy|that woman)\b.{0,30}\b(order|ordering|drinking|having)/,
    )
  ) {
    return { kind: "other_guest" };
  }

  if (
    has(
      text,
      /\b(payment status|paid yet|did (my|the) payment|has (my|the) payment|is (it|my payment|the payment) (done|through|complete|completed)|payment go through|status of (my|the) payment)\b/,
    )
  ) {
    return { kind: "payment_status" };
  }

  const tip = tipPercent(tokens, text);
  if (tip !== undefined) return { kind: "tip", percent: tip };

  if (
    has(
      text,
      /\b(clear|empty|reset|wipe|scrap|cancel)\b.{0,20}\b(order|everything|all|it all|tab)\b|\bstart (over|again|fresh)\b|\bnever ?mind (everything|it all)\b/,
    )
  ) {
    return { kind: "clear" };
  }

  if (
    has(
      text,
      /\b(pay|paying|payment|checkout|check out|settle|the check|check please|the bill|bill please|cash out|close (my|the) tab)\b/,
    ) &&
    !has(text, /\bwho\b|\bpaid yet\b/)
  ) {
    return { kind: "pay" };
  }

  const { lines, groups, groupQuantity } = parseOrderLines(tokens);

  if (
    lines.length === 0 &&
    has(
      text,
      /\b(cancel that|scratch that|undo( that)?|never ?mind that|forget that|take that back|cancel the last( one| drink| order)?)\b/,
    )
  ) {
    return { kind: "undo" };
  }

  if (has(text, /\binstead\b|\b(swap|switch|change|replace)\b/) && lines.length > 0) {
    const ofMatch =
      /\b(instead of|swap|switch|change|replace)\s+(?:the\s+|my\s+|a\s+|an\s+)?(.{1,40}?)\s+(for|with|to|into)\b/.exec(
        text,
      );
    if (ofMatch) {
      const removed = parseOrderLines(tokenize(ofMatch[2]!)).lines[0];
      const rest = lines.filter((line) => line.item !== removed?.item);
      return {
        kind: "replace",
        remove: removed?.item ?? null,
        lines: rest.length > 0 ? rest : lines,
      };
    }
    return { kind: "replace", remove: null, lines };
  }

  if (
    has(
      text,
      /\b(remove|cancel|drop|delete|take off|take away|scratch|minus|without|no more|dont want|do not want|get rid of|nix)\b|\btake\b.{1,40}\b(off|away)\b/,
    ) &&
    lines.length > 0
  ) {
    const targets = lines.map((line, k) => {
      const explicit =
        tokens.some((t) => /^\d+$/.test(t)) || has(text, /\b(one|two|three|four|five|a couple)\b/);
      return {
        item: line.item,
        quantity: explicit && k === 0 && line.quantity > 0 ? line.quantity : null,
      };
    });
    return { kind: "remove", targets };
  }

  const makeIt = /\b(?:make (?:it|that|them|those)|change (?:it|that) to)\s+(\w+)\b/.exec(text);
  if (makeIt && lines.length === 0 && makeIt[1] !== "a" && makeIt[1] !== "an") {
    const quantity = parseQuantityWord(makeIt[1]);
    if (quantity !== null) return { kind: "make_it", quantity };
  }

  if (
    has(
      text,
      /\b(same again|same thing|another round|one more round|again please|repeat (that|the last|my last)|same as before|the same|hit me again|another one|one more of (those|that|the same))\b|^(one more|another)( please)?$/,
    ) &&
    lines.length === 0
  ) {
    return { kind: "same_again" };
  }

  if (
    has(
      text,
      /\b(whats in|what is in|what goes in|ingredients|made of|made with|tell me about|describe)\b/,
    ) &&
    lines.length > 0
  ) {
    return { kind: "about", items: lines.map((l) => l.item) };
  }

  const liquorOnly =
    /\b(it|that|them|mine) with (vodka|tequila|gin|whiskey|whisky|rum|brandy)\b/.test(text);
  if (
    (lines.length === 0 || liquorOnly) &&
    has(
      text,
      /\b(make (it|that|them|those|mine)|(have|get) (it|that|them|mine)|i want (it|that|mine)|change (it|that) to)\b/,
    )
  ) {
    const modifiers = parseModifierWords(tokens);
    if (modifiers.length > 0) return { kind: "modify", modifiers };
  }

  if (has(text, /\b(how much|price|cost|costs)\b/) && lines.length > 0 && !ORDER_VERBS.test(text)) {
    return { kind: "price", items: lines.map((l) => l.item) };
  }

  if (
    has(
      text,
      /\b(do you (have|serve|do|make|got|sell|carry)|is there|have you got|got any|you guys have)\b/,
    )
  ) {
    if (lines.length > 0) return { kind: "price", items: lines.map((l) => l.item) };
    if (groups.length === 0) {
      const phrase =
        /\b(?:do you (?:have|serve|do|make|got|sell|carry)|is there|have you got|got any|you guys have)\s+(?:any\s+|an?\s+|some\s+)?([a-z][a-z ]{0,30}?)\s*$/.exec(
          text,
        )?.[1];
      if (phrase && !/\b(menu|drinks?|anything|something)\b/.test(phrase))
        return { kind: "not_on_menu", phrase };
    }
  }

  if (lines.length > 0) return { kind: "order", lines, groups };
  if (groups.length > 0 && (ORDER_VERBS.test(text) || tokens.length <= 5)) {
    return { kind: "ask_group", group: groups[0]!, quantity: groupQuantity };
  }

  if (
    has(
      text,
      /\b(what (did|have) i (order|ordered|get|got|had|have)|my order|show (me )?(the |my )?order|whats in my order|repeat my order|read (back )?my order|order so far)\b/,
    )
  ) {
    return { kind: "show_order" };
  }
  if (
    has(
      text,
      /\b(tab|balance|damage|how much (do i|have i|did i|is my)|what do i owe|total|bill so far|money left|budget|spent)\b/,
    )
  ) {
    return { kind: "tab" };
  }
  if (
    has(
      text,
      /\b(menu|what do you (have|serve|pour|got)|whats on (tap|offer)|what drinks|which drinks|what can i (get|order|have)|list)\b/,
    )
  ) {
    return { kind: "menu" };
  }

  const mood = MOOD_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  if (
    has(
      text,
      /\b(recommend|suggest|suggestion|what should i|surprise me|your (favorite|favourite|pick|choice|special)|dealers? choice|you choose|you pick|house special|in the mood|feel like|something)\b/,
    ) ||
    mood
  ) {
    const surprise = has(
      text,
      /\b(surprise me|your (pick|choice|favorite|favourite|special)|dealers? choice|what(ever)? you recommend|you choose|you pick|house special)\b/,
    );
    return { kind: "recommend", mood, ...(surprise && { surprise }) };
  }

  const unknown = unknownDrink(text);
  if (unknown)
    return { kind: "order", lines: [{ item: unknown, quantity: 1, modifiers: [] }], groups: [] };

  if (
    has(
      text,
      /^(hi|hello|hey|hiya|howdy|yo|good (evening|afternoon|morning|night)|greetings|hola|sup)\b/,
    )
  ) {
    return { kind: "greeting" };
  }
  if (has(text, /\b(thanks|thank you|thx|cheers|appreciate)\b/)) return { kind: "thanks" };
  if (has(text, /\b(bye|goodbye|good night|see you|gotta go|im off|leaving)\b/))
    return { kind: "goodbye" };
  if (has(text, /\bhow are you\b|\bhows it going\b|\bhow (is|s) your (night|day|evening)\b/)) {
    return { kind: "small_talk", topic: "how_are_you" };
  }
  if (has(text, /\b(your name|who are you)\b/)) return { kind: "small_talk", topic: "name" };
  if (has(text, /\b(joke|funny|make me laugh)\b/)) return { kind: "small_talk", topic: "joke" };
  if (has(text, /\b(weather|rain|raining|cold out|hot out|snow)\b/))
    return { kind: "small_talk", topic: "weather" };
  if (has(text, /\b(sad|lonely|tired|stressed|bad day|broke up|depressed|exhausted)\b/)) {
    return { kind: "small_talk", topic: "feeling_down" };
  }
  if (has(text, /\b(great|awesome|love|amazing|nice|best|delicious|good)\b/)) {
    return { kind: "small_talk", topic: "compliment" };
  }
  if (yesNo !== null) return { kind: "small_talk", topic: "chat" };
  if (tokens.length >= 3) return { kind: "small_talk", topic: "chat" };
  return { kind: "unknown" };
}

export { BASE_LIQUORS };
