/**
 * Content warning: slurs and insults, listed so they can be caught.
 *
 * Words are matched as whole tokens of normalised text (so "scunthorpe" and
 * "class" are safe), with common inflections. Weights are how likely a message
 * containing the word alone is abusive; insults get much stronger when aimed
 * at "you" (see toxicity.ts). Friendly bar words ("damn", "killer", "dying",
 * "bloody") are deliberately absent or near zero.
 */

export type TermCategory = "slur" | "insult" | "profanity" | "sexual" | "violence";
export type Term = { weight: number; category: TermCategory };

const entries = (category: TermCategory, weight: number, list: string): Array<[string, Term]> =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [word, { weight, category }]);

const BASE: Array<[string, Term]> = [
  ...entries(
    "slur",
    0.95,
    "nigger niggers faggot faggots kike kikes spic spics chink chinks gook gooks wetback wetbacks sandnigger raghead ragheads towelhead towelheads beaner beaners darkie darkies",
  ),
  ...entries(
    "slur",
    0.85,
    "nigga niggas nigguh niggaz niccas nicca fag fags tranny trannies retard retards paki pakis shemale dyke dykes",
  ),
  ...entries("slur", 0.6, "retarded homo homos coons"),
  ...entries(
    "insult",
    0.8,
    "cunt cunts motherfucker motherfuckers cocksucker cocksuckers subhuman untermensch",
  ),
  ...entries("insult", 0.7, "whore whores slut sluts twat twats skank skanks shithead shitheads"),
  ...entries(
    "insult",
    0.6,
    "hoes asshat asshats bitch bitches asshole assholes arsehole arseholes dickhead dickheads wanker wankers dumbass dumbasses scumbag scumbags jackass",
  ),
  ...entries("insult", 0.55, "bastard bastards douchebag douchebags"),
  ...entries(
    "insult",
    0.5,
    "moron morons imbecile imbeciles cretin cretins scum vermin degenerate degenerates",
  ),
  ...entries(
    "insult",
    0.45,
    "idiot idiots idiotic moronic prick pricks douche dimwit halfwit bimbo",
  ),
  ...entries(
    "insult",
    0.35,
    "hoe loser losers worthless jerk jerks nitwit hag freak freaks creep creepy",
  ),
  ...entries("insult", 0.3, "pathetic ugly fool fools incompetent disgusting brainless"),
  ...entries("insult", 0.25, "stupid stupidest dumb dumbest useless clown trash garbage"),
  ...entries(
    "profanity",
    0.35,
    "fuck fucks fucker fuckers fuckin fucking fucked fck fuk fuq phuck fking fkn fcking motherfucking",
  ),
  ...entries("profanity", 0.2, "shit shits shitty bullshit piss pissed wtf"),
  ...entries("profanity", 0.1, "crap crappy bollocks"),
  ...entries("sexual", 0.5, "pussy pussies cum blowjob blowjobs handjob"),
  ...entries("sexual", 0.45, "cock cocks dick dicks tits titties"),
  ...entries("sexual", 0.35, "boobs nudes horny"),
  ...entries("violence", 0.7, "rape raped raping rapist"),
];

export const TERMS: ReadonlyMap<string, Term> = new Map(BASE);

/** Cocktail names that contain a listed word; removed before the lexicon is read. */
export const DRINK_NAMES =
  /\b(?:suffering bastard|slippery nipple|screaming orgasm|sex on the beach|blow ?job|dirty (?:martini|shirley|banana)|bloody (?:mary|caesar)|corpse reviver|hanky panky|kiss (?:of death|me quick)|bitch slap|chinks? in (?:the|their|his|her|its|your|my|our) armou?r)\b/g;
