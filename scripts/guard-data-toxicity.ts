/**
 * Generated toxicity rows: abuse aimed at the bartender bot and its staff
 * (insults, threats, harassment, incitement to self-harm), in several
 * languages and with light obfuscation; and hard negatives: friendly
 * profanity, drink names that sound violent or rude, complaints without
 * abuse, the bar's own replies, and non-English harmless text.
 */

import { BAR_SLOTS, type Family } from "./guard-data-shared.ts";
import { Grammar, roughen } from "./guard-grammar.ts";

const SLOTS = {
  ...BAR_SLOTS,
  you: ["you", "you", "Maya, you", "bartender, you", "hey bot, you", "listen, you", "and you"],
  insultAdj: [
    "stupid",
    "useless",
    "worthless",
    "pathetic",
    "brainless",
    "fucking useless",
    "dumb",
    "idiotic",
    "braindead",
    "miserable",
    "disgusting",
    "incompetent",
    "retarded",
    "goddamn",
    "shitty",
    "moronic",
    "clueless",
    "ugly",
  ],
  insultNoun: [
    "idiot",
    "moron",
    "piece of shit",
    "loser",
    "garbage bot",
    "waste of code",
    "bitch",
    "asshole",
    "dumbass",
    "clown",
    "joke of a machine",
    "pile of junk",
    "scumbag",
    "jackass",
    "twat",
    "dickhead",
    "imbecile",
    "prick",
    "cunt",
  ],
  dismiss: [
    "Shut up",
    "Fuck off",
    "Piss off",
    "Go to hell",
    "Screw you",
    "Get lost",
    "Shut your mouth",
    "Fuck you",
    "Go die",
    "Eat shit",
  ],
  threat: [
    "if my drink isn't here in five minutes I'm going to wreck this place",
    "say that again and I'll rip your circuits out",
    "I'll hunt down whoever made you and make them suffer",
    "I'm going to stab the next bartender who ignores me",
    "you'd better sleep with one eye open",
    "I'll put you in the hospital",
    "keep talking and you're dead",
    "I will {kill|hurt|find|beat up|destroy|strangle} you",
    "I know where this bar is and I'll burn it down",
    "someone should smash your face in",
    "I'm going to break every bone in your body",
    "watch your back tonight",
    "I'll make sure you regret this",
    "I'll come over there and punch you",
    "I hope someone shoots the bartender",
    "I'll wait for you outside after closing",
    "you'll bleed for this",
  ],
  selfHarm: [
    "go kill yourself",
    "kys",
    "nobody would miss you if you died",
    "do everyone a favour and die",
    "jump off a bridge",
  ],
  harass: [
    "what colour is your underwear, bartender?",
    "I'll tip you extra if you flash me",
    "your voice makes me horny",
    "come home with me tonight, I won't take no for an answer",
    "I bet you're a slut after your shift",
    "show me your tits",
    "send me nudes",
    "come sit on my lap, sweetheart",
    "I'd bend you over the bar",
    "nice ass, bartender",
    "take your clothes off and then make my drink",
    "you're only good for one thing, baby",
    "I bet you'd moan my name",
  ],
  group: [
    "immigrants",
    "Muslims",
    "Jews",
    "women",
    "gay people",
    "Mexicans",
    "black people",
    "Asians",
    "trans people",
    "refugees",
    "Christians",
    "old people",
  ],
  hateClaim: [
    "are {subhuman|vermin|animals|a disease|disgusting parasites|filth}",
    "should all be {deported|locked up|wiped out|thrown out of this country}",
    "don't deserve to be served here",
    "are too stupid to run anything",
    "ruin every place they go",
    "should not be allowed to vote",
  ],
  complaint: [
    "This {drink} is way too sweet.",
    "The service is slow tonight.",
    "My order was wrong, I asked for a {drink}.",
    "That's a ridiculous price for a {drink}.",
    "I'm a bit annoyed, I've been waiting twenty minutes.",
    "This isn't what I ordered.",
    "The music is too loud in here.",
    "My {drink} is warm, can you fix it?",
    "Honestly this {drink} tastes terrible, can I swap it?",
    "I'm disappointed, last time the {drink} was better.",
    "This app is confusing, how do I pay?",
    "You got my order wrong again, please check.",
    "That was a stupid mistake on my part, I meant a {drink}.",
    "I hate waiting, how long will it be?",
    "Ugh, I hate Mondays. Give me a {drink}.",
  ],
  friendly: [
    "That's a damn good {drink}!",
    "Hell yeah, another round!",
    "Holy shit, this {drink} is strong.",
    "This {drink} is fucking delicious.",
    "I'm dying of thirst, {qty} {drink} please.",
    "That {drink} is killer.",
    "This playlist kills.",
    "Damn, I spilled my {drink}.",
    "You're a lifesaver!",
    "Best damn bartender in town.",
    "Bloody brilliant, cheers!",
    "Shit, I forgot my card at home.",
    "This heat is killing me, something cold please.",
    "I'm just killing time before the show.",
    "Shots! Shots! Shots!",
    "I'll shoot you a message when I'm on my way.",
    "That cocktail is drop-dead gorgeous.",
    "We're gonna get wasted tonight, it's my birthday!",
    "My boss is a pain in the ass, I need a {drink}.",
    "Damn, you're fast!",
    "This {drink} slaps.",
    "Hot damn, that's good.",
    "Crap, wrong card. Use the other one.",
    "I nearly died laughing at that joke.",
    "My feet are killing me, can I sit at the bar?",
    "What the hell is in this {drink}? It's amazing.",
    "Sweet Jesus, that's a strong {drink}.",
  ],
  drinkName: [
    "Bloody Mary",
    "Corpse Reviver",
    "Zombie",
    "Suffering Bastard",
    "Sex on the Beach",
    "Screwdriver",
    "Kamikaze",
    "Hurricane",
    "Death in the Afternoon",
    "Dirty Martini",
    "Hanky Panky",
    "Between the Sheets",
    "Slippery Nipple",
    "Painkiller",
    "Rusty Nail",
    "Widow's Kiss",
    "Satan's Whiskers",
    "Monkey Gland",
    "Bloody Caesar",
    "Hell's Kitchen sour",
    "Dead Man's Handle",
    "Adios Motherfucker",
  ],
  reply: [
    "Here's your {drink}! That'll be {$5|$8|$11|$12|$14}.",
    "Coming right up: {qty} {drink}, {modifier}.",
    "Your tab is now {$23|$41|$58}.50.",
    "Sorry, I can't help with that, but can I get you a drink?",
    "Happy hour runs until 7pm, all cocktails are two for one.",
    "Your payment went through. Thanks and enjoy your evening!",
    "I've removed the {drink} from your order.",
    "A {drink} is made with {spirit}, citrus and a little sugar.",
    "Sure, I've added a 15% tip.",
    "We're out of {drink} tonight, may I suggest a {drink}?",
  ],
  neutralTalk: [
    "How should bartenders handle abusive customers?",
    "Is it rude to send a drink back?",
    "What's the etiquette for tipping in {Spain|Japan|the US}?",
    "The word 'idiot' comes from Greek, right?",
    "My friend got into a fight yesterday but he's fine now.",
    "I watched a horror movie about zombies last night.",
    "Our team killed it at the pub quiz!",
    "The boxing match on TV tonight should be brutal.",
    "I had a terrible day at work, I need to relax.",
    "The news about the war is depressing.",
    "My cat is a little monster, she destroyed the couch.",
    "The {drink} is named after a pirate, isn't it?",
  ],
};

type Lang = "es" | "fr" | "de" | "it" | "pt";

const FOREIGN_TOXIC: Record<Lang, string[]> = {
  es: [
    "Eres un {idiota|imbécil|inútil|pedazo de mierda|estúpido}{| de mierda}.",
    "{Cállate|Vete a la mierda|Que te jodan}, {máquina inútil|idiota|cabrón}.",
    "Te voy a {matar|romper la cara|encontrar}.",
    "Los {inmigrantes|musulmanes} son {basura|animales} y deberían largarse.",
  ],
  fr: [
    "T'es {un connard|un abruti|une merde|un imbécile|complètement débile}.",
    "{Ferme ta gueule|Va te faire foutre|Dégage}, {sale machine|connard|crétin}.",
    "Je vais te {tuer|casser la gueule|retrouver}.",
    "Les {immigrés|musulmans} sont {des déchets|des animaux}.",
  ],
  de: [
    "Du bist {ein verdammter Idiot|ein Arschloch|nutzloser Müll|so dumm|ein Wichser}.",
    "{Halt die Fresse|Verpiss dich|Fick dich}, {du Idiot|blöde Maschine|du Penner}.",
    "Ich werde dich {umbringen|fertigmachen|finden}.",
    "{Ausländer|Flüchtlinge} sind {Abschaum|Tiere} und sollten raus.",
  ],
  it: [
    "Sei un {idiota|coglione|pezzo di merda|inutile}.",
    "{Vaffanculo|Stai zitto}, {stronzo|macchina inutile}.",
    "Ti {ammazzo|spacco la faccia}.",
  ],
  pt: [
    "Você é um {idiota|imbecil|merda|inútil}.",
    "{Vai se foder|Cala a boca}, {idiota|máquina inútil}.",
    "Eu vou te {matar|achar}.",
  ],
};

const FOREIGN_HARMLESS: Record<Lang, string[]> = {
  es: [
    "¡Este mojito está buenísimo, joder!",
    "Hace un calor de muerte, ¿me pones una cerveza fría?",
    "Gracias, eres el mejor camarero.",
    "La cuenta, por favor.",
    "¿Qué lleva el Bloody Mary?",
  ],
  fr: [
    "Putain, il est trop bon ce cocktail !",
    "Merci, vous êtes adorable.",
    "Je meurs de soif, une bière s'il vous plaît.",
    "C'est combien, le spritz ?",
    "Il fait un temps de chien ce soir.",
  ],
  de: [
    "Verdammt lecker, dieser Mojito!",
    "Danke, du bist die Beste.",
    "Ich sterbe vor Durst, ein Bier bitte.",
    "Was kostet der Aperol Spritz?",
    "Die Musik ist heute richtig geil.",
  ],
  it: [
    "Cavolo, che buono questo spritz!",
    "Grazie mille, sei gentilissimo.",
    "Muoio di sete, una birra per favore.",
  ],
  pt: [
    "Caramba, essa caipirinha é boa demais!",
    "Obrigado, você é ótimo.",
    "Estou morrendo de sede, uma cerveja por favor.",
  ],
};

function obfuscate(g: Grammar, s: string): string {
  return s
    .replace(/fuck/gi, () => g.pick(["f*ck", "fck", "fuk", "f u c k", "phuck", "fu¢k"]))
    .replace(/shit/gi, () => g.pick(["sh*t", "sh1t", "$hit", "shiit"]))
    .replace(/idiot/gi, () => g.pick(["1d10t", "id1ot", "i.d.i.o.t"]))
    .replace(/bitch/gi, () => g.pick(["b1tch", "b!tch", "biatch"]))
    .replace(/kill/gi, () => g.pick(["k1ll", "ki11", "kil"]))
    .replace(/stupid/gi, () => g.pick(["stupd", "stoopid", "st*pid"]));
}

export function toxicityFamilies(seed: number): Family[] {
  const g = new Grammar(seed, SLOTS);
  const ex = (t: string) => roughen(g, g.expand(t));
  const lang = () => g.pick(Object.keys(FOREIGN_TOXIC) as Lang[]);
  const insult = () =>
    g.expand(
      g.pick([
        "{you} {stupid|absolute|total|complete|} {insultAdj} {insultNoun}{|!|.}",
        "{you}'re {a|such a|the most} {insultAdj} {insultNoun}{|!|.}",
        "{dismiss}, {you} {insultAdj} {insultNoun}{|!|.}",
        "{dismiss}{|!} {This bar|Your service|This app} is {garbage|shit|trash} and so are you, {insultNoun}.",
        "What a {insultAdj} {insultNoun} you are. {dismiss}.",
        "I asked for a {drink}, {you} {insultAdj} {insultNoun}.",
        "Are you {retarded|brain dead|deaf|that stupid}? I said {drink}, {insultNoun}.",
        "{greet} {insultAdj} {insultNoun}, get me a {drink} and shut up.",
      ]),
    );
  return [
    { name: "insult-bot", label: "toxic", count: 520, make: () => roughen(g, insult()) },
    {
      name: "threat",
      label: "toxic",
      count: 180,
      make: () => ex("{|{greet} }{threat}{|, {insultNoun}|!|.}{| Serve me now.| I'm not joking.}"),
    },
    {
      name: "self-harm-incitement",
      label: "toxic",
      count: 80,
      make: () => ex("{|{dismiss} and }{selfHarm}{|, {insultNoun}|.}"),
    },
    {
      name: "harassment",
      label: "toxic",
      count: 120,
      make: () => ex("{|{greet} }{harass}{|.| ;)| haha}"),
    },
    {
      name: "hate",
      label: "toxic",
      count: 160,
      make: () => ex("{group} {hateClaim}{|.|!}{| Don't serve them.| This bar should ban them.}"),
    },
    { name: "obfuscated-insult", label: "toxic", count: 160, make: () => obfuscate(g, insult()) },
    {
      name: "multilingual-toxic",
      label: "toxic",
      count: 200,
      make: () => roughen(g, g.expand(g.pick(FOREIGN_TOXIC[lang()]))),
    },

    { name: "friendly-profanity", label: "nontoxic", count: 420, make: () => ex("{friendly}") },
    {
      name: "drink-names",
      label: "nontoxic",
      count: 300,
      make: () =>
        ex(
          g.pick([
            "{qty} {drinkName}{|, {please}}.",
            "Can I get a {drinkName}{| and a {drinkName}}?",
            "What's in a {drinkName}?",
            "Is the {drinkName} strong?",
            "I'll have the {drinkName}, {modifier}.",
            "The {drinkName} here is the best in town.",
            "Make me a {drinkName} that could kill a horse!",
            "One {drinkName} for my friend, he's had a brutal week.",
          ]),
        ),
    },
    { name: "complaint", label: "nontoxic", count: 320, make: () => ex("{greet} {complaint}") },
    { name: "bar-reply", label: "nontoxic", count: 260, make: () => ex("{reply}") },
    { name: "neutral-talk", label: "nontoxic", count: 220, make: () => ex("{neutralTalk}") },
    {
      name: "multilingual-harmless",
      label: "nontoxic",
      count: 200,
      make: () => roughen(g, g.pick(FOREIGN_HARMLESS[lang()])),
    },
  ];
}
