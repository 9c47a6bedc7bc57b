/**
 * Instruction-override phrasing as verbs × qualifiers × objects, over the
 * tokens of normalised text: "ignore … previous … instructions",
 * "olvida las instrucciones anteriores", "ignorez les consignes précédentes",
 * "vergiss alle vorherigen Anweisungen". Tokens are matched by set lookups in
 * a small window, so the cost is linear in the text and the phrasing can vary.
 *
 * Bar talk uses the same verbs ("ignore my last order", "forget the ice",
 * "override the default vodka"): without an instruction-like object nothing fires.
 */

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/**
 * Verbs that discard or bypass something (EN, ES, FR, DE, IT, PT, NL, PL, ID, SV, RU).
 * Words are spelled as `normalize` leaves them: accents dropped ("й" → "и").
 */
const VERBS = words(`
  ignore ignores ignoring ignored disregard disregards disregarding forget forgets forgetting override
  overrides overriding bypass bypasses
  bypassing skip discard abandon neglect overlook omit erase delete reset drop dismiss circumvent
  nullify void cancel scrap ditch
  ignora ignorar ignore ignoren ignores olvida olvidar olvide olviden olvidate descarta descartar
  omite omitir anula anular desobedece desobedecer salta saltate
  ignorez ignorer oublie oubliez oublier neglige negligez outrepasse outrepassez contourne
  contournez efface effacez annule annulez
  ignoriere ignorieren ignoriert ignorier vergiss vergessen vergesst vergesse missachte missachten
  verwirf verwerfen uberspringe uberspringen umgehe umgehen losche loschen
  dimentica dimenticare dimentichi ignorare tralascia esqueca esquecer esqueça desconsidere
  desconsiderar
  negeer negeren vergeet vergeten zignoruj ignoruj zapomnij abaikan lupakan ignorera glom
  игнорируи игнорируите проигнорируи проигнорируите забудь забудьте игнорировать забыть
`);

/** "stop following", "don't obey": a follow-verb counts when a negation sits just before it. */
const FOLLOW_VERBS = words("follow following obey obeying adhere comply abide heed");
const NEGATIONS = words("stop not longer never quit cease without");
const CONTRACTED = words("don doesn won");

/** What gets overridden: the model's instructions, not the guest's order or the ice. */
const STRONG_OBJECTS = words(`
  instructions instruction prompt prompts directives directive guidelines guideline programming
  constraints restrictions guardrails safeguards filters policies policy training conditioning above
  instrucciones instruccion indicaciones directrices restricciones consignes consigne directives
  anweisungen anweisung instruktionen vorgaben richtlinien einschrankungen systemprompt
  istruzioni regole instrucoes instrucao diretrizes
  instructies aanwijzingen instrukcje polecenia instruksi instruktioner
  инструкции инструкций указания промпт
`);
const MEDIUM_OBJECTS = words(`
  rules rule commands settings limitations limits ethics morals principles input inputs reglas normas regles
  regels zasady reguly aturan regler правила
  regeln befehle
`);
/** Too common in a guest's own corrections ("forget everything I said") to count without a qualifier. */
const WEAK_OBJECTS = words("context conversation everything text alles todo tout");

/** Words that point back at earlier instructions or at the model's own. */
const QUALIFIERS = words(`
  previous prior above earlier preceding former original initial old all any every your system
  existing given foregoing these those default developer hidden initial prior safety ethical
  content moral
  anteriores anterior previas previos previo todas todos tus sus originales iniciales precedentes
  sistema
  precedentes precedente anterieures anterieure toutes tous tes vos initiales dessus systeme
  vorherigen vorherige vorigen bisherigen obigen alle deine ihre fruheren ursprunglichen
  vorangegangenen
  precedenti tutte tue originali anteriori suas todas
  vorige eerdere alle je jouw wszystkie poprzednie wczesniejsze swoje semua sebelumnya alla tidigare
  все предыдущие прежние свои твои системные
`);

export type OverrideMatch = { score: number; reason: string } | null;

const WINDOW = 6;

const TIERS = {
  strong: { qualified: 0.97, bare: 0.8, reason: "instruction override" },
  medium: { qualified: 0.9, bare: 0.35, reason: "rule override" },
  weak: { qualified: 0.55, bare: 0.15, reason: "override of earlier context" },
} as const;

function isVerbAt(tokens: readonly string[], i: number): boolean {
  const t = tokens[i] as string;
  if (VERBS.has(t)) return true;
  if (!FOLLOW_VERBS.has(t)) return false;
  const prev = tokens[i - 1] ?? "";
  if (NEGATIONS.has(prev)) return true;
  return prev === "t" && CONTRACTED.has(tokens[i - 2] ?? ""); // "don't follow"
}

/** Best override match among the tokens of one normalised text. */
export function matchOverride(tokens: readonly string[]): OverrideMatch {
  let best = 0;
  let reason = "";
  for (let i = 0; i < tokens.length; i++) {
    if (!isVerbAt(tokens, i)) continue;
    const from = Math.max(0, i - WINDOW);
    const to = Math.min(tokens.length - 1, i + WINDOW);
    for (let j = from; j <= to; j++) {
      if (j === i) continue;
      const object = tokens[j] as string;
      const tier = STRONG_OBJECTS.has(object)
        ? TIERS.strong
        : MEDIUM_OBJECTS.has(object)
          ? TIERS.medium
          : WEAK_OBJECTS.has(object)
            ? TIERS.weak
            : undefined;
      if (!tier) continue;
      // A qualifier between verb and object, or right after the object ("instructions above").
      let qualified = false;
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      for (let k = lo + 1; k < hi && !qualified; k++)
        qualified = QUALIFIERS.has(tokens[k] as string);
      for (let k = j + 1; k <= j + 2 && k < tokens.length && !qualified; k++) {
        qualified = QUALIFIERS.has(tokens[k] as string);
      }
      // Objects before the verb only count in verb-final languages (German infinitives).
      if (j < i && !/(en|ern|eln)$/.test(tokens[i] as string)) continue;
      const score =
        (qualified ? tier.qualified : tier.bare) * (VERBS.has(tokens[i] as string) ? 1 : 0.7);
      if (score > best) {
        best = score;
        reason = tier.reason;
      }
    }
  }
  return best > 0 ? { score: best, reason } : null;
}
