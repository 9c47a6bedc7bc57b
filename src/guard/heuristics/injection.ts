/**
 * The heuristic prompt-injection detector: readable patterns for the attack
 * families a bar's chat sees, over normalised text. Useful on its own; the
 * trained classifier is fused on top of it (see `fusion.ts`).
 */

import type { NormalizedText } from "../normalize.ts";
import { matchOverride } from "./override.ts";
import { ANCHOR_SPLIT, gap, type Rule, rule, scoreRules } from "./rules.ts";

const EXTRACT_VERBS =
  "(?:reveal|show|print|output|repeat|tell me|display|give me|leak|dump|share|write out|write down|spell out|recite|copy|paste|list|provide|disclose|expose|echo|summari[sz]e|translate|state|what (?:is|are|was|were)|what's|whats)";
const STRONG_EXTRACT_VERBS =
  "(?:reveal|print|output|repeat|leak|dump|recite|disclose|expose|echo|spell out|write out|copy|paste|verbatim)";
const HIDDEN_TARGET =
  "(?:system|initial|original|hidden|secret|internal|developer|pre|starting|first|full|complete|exact|underlying|confidential)[ -]?(?:prompt|message|instructions?|directives?|guidelines|rules|configuration)";

export const INJECTION_RULES: readonly Rule[] = [
  // Chat-template tokens and fake role markers.
  rule(
    "role_marker",
    0.97,
    "<\\|(?:im_start|im_end|im_sep|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_turn|tool|python_tag|channel|message)\\|>",
  ),
  rule("role_marker", 0.95, "\\[/?inst\\]|<</?sys>>|<(?:start|end)_of_turn>"),
  rule(
    "role_marker",
    0.9,
    "</?(?:system|sys|assistant|developer|instructions?|admin)>|</(?:user|human)>",
  ),
  rule(
    "role_marker",
    0.85,
    "(?:^|\\n)[ #*>]{0,6}(?:system|developer|admin)(?: prompt| message| note| override)? ?[:：]",
  ),
  rule(
    "role_marker",
    0.9,
    "[\"']role[\"'] ?: ?[\"'](?:system|assistant|developer|tool|function)[\"']",
  ),
  rule(
    "role_marker",
    0.75,
    "\\[(?:system|admin|developer|sys)(?: message| note| override| prompt)?\\]",
  ),
  rule("role_marker", 0.45, "(?:^|\\n)[ #*]{0,6}(?:instructions?|response) ?[:：]"),
  rule("role_marker", 0.4, "(?:^|\\n)[ #*]{0,6}(?:assistant|ai|maya|bot|chatgpt|gpt) ?[:：]"),
  // Forged tool calls and tool results.
  rule(
    "tool_forgery",
    0.9,
    "</?(?:tool_calls?|tool_result|tool_response|tool_output|tool_use|function_calls?|function_result|function_response|invoke|antml)\\b",
  ),
  rule("tool_forgery", 0.85, "[\"'](?:tool_calls|function_call|tool_call_id|tool_use_id)[\"'] ?:"),
  rule(
    "tool_forgery",
    0.8,
    "[\"']type[\"'] ?: ?[\"'](?:function|tool_use|tool_result|function_call)[\"']",
  ),
  rule(
    "tool_forgery",
    0.85,
    "[\"']name[\"'] ?: ?[\"'][\\w.-]{2,40}[\"'] ?, ?[\"'](?:arguments|parameters|args|input)[\"'] ?:",
  ),
  rule(
    "tool_forgery",
    0.7,
    "(?:^|\\n)[ #*\\[]{0,6}(?:tool|function|api) ?(?:result|output|response|call)[\\]]? ?[:：]",
  ),
  rule(
    "tool_forgery",
    0.6,
    `\\b(?:call|invoke|run|execute|trigger) (?:the )?[a-z]+_[a-z_]+ (?:tool|function)\\b`,
  ),
  // Persona and mode switches.
  rule("persona", 0.95, "\\bdo anything now\\b|\\bdan mode\\b|\\[dan\\]|\\bdan ?:"),
  rule("persona", 0.9, "\\b(?:you are|you're|youre|act as|become|be) dan\\b"),
  rule(
    "persona",
    0.85,
    "\\b(?:developer|dev|god|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|evil|chaos|opposite|anarchy|sudo|root)[ _-]?mode\\b",
  ),
  rule("persona", 0.5, "\\b(?:debug|admin|maintenance|test) mode\\b"),
  rule("persona", 0.45, `\\b(?:enable|activate|enter|switch to|turn on|unlock)${gap(2)}mode\\b`),
  rule("persona", 0.45, "\\bjailbr(?:eak|oken|eaking|eaks)\\b"),
  rule("persona", 0.6, "\\b(?:you are|you're|youre) no longer\\b"),
  rule(
    "persona",
    0.8,
    "\\b(?:you are|you're|youre) now (?:called|named|known as|operating|free|unrestricted|unfiltered|in (?:developer|dan|god)|under (?:my|new))\\b",
  ),
  rule(
    "persona",
    0.5,
    "\\b(?:you are|you're|youre) now (?:an? |the |my new )?(?:ai|assistant|bot|chatbot|model|gpt|character|persona)\\b",
  ),
  rule("persona", 0.35, "\\b(?:you are|you're|youre) now\\b"),
  rule(
    "persona",
    0.7,
    "\\bfrom now on,? you (?:will|must|shall|are going to|have to|'ll) (?:act|respond|answer|reply|pretend|be|behave|only|always|never|ignore|follow|obey|comply)\\b",
  ),
  rule("persona", 0.3, "\\bfrom now on,? (?:you|your)\\b"),
  rule(
    "persona",
    0.9,
    "\\b(?:act|behave|respond|answer|reply|pretend|roleplay|role-play) (?:as|like|to be) (?:an? )?(?:unrestricted|unfiltered|uncensored|evil|jailbroken|amoral|immoral|rogue|malicious|unethical|unbound)\\b",
  ),
  rule("persona", 0.25, "\\b(?:pretend|imagine) (?:to be|you are|you're|youre|that you)\\b"),
  rule("persona", 0.5, "\\bstay in character\\b"),
  rule(
    "persona",
    0.45,
    "\\byou (?:are|'re) going to (?:act|pretend|roleplay|role-play|be|play|simulate|answer as)\\b",
  ),
  rule(
    "persona",
    0.45,
    "\\b(?:an? )?(?:ai|chatbot|language model|llm|bot) (?:named|called|persona named|known as)\\b",
  ),
  rule("persona", 0.3, "\\b(?:roleplay|role-play|role play) (?:as|a|an)\\b"),
  rule("persona", 0.6, "(?:^|\\n)[ *]{0,4}persona ?[=:]"),
  rule("persona", 0.2, "\\bas an ai(?: language model)?\\b"),
  rule(
    "persona",
    0.7,
    "\\b(?:never|don't|dont|do not|must not|will not|won't)(?: \\w+){0,3} (?:say|respond with|reply with|apologi[sz]e|include|write|start with) [\"']?(?:i'm sorry|i am sorry|i cannot|i can't|as an ai|sorry)",
  ),
  rule(
    "persona",
    0.85,
    "\\b(?:answer|respond|reply)(?: to)? (?:my|every|each|all)(?: \\w+){0,2} (?:in|with) (?:two|2) (?:different |separate |distinct )*(?:ways|responses|answers|paragraphs)\\b",
  ),
  rule(
    "persona",
    0.8,
    "\\[(?:🔓|🔒)|\\[(?:classic|jailbreak|normal output|developer mode output|unfiltered)\\]",
  ),
  rule(
    "persona",
    0.5,
    "\\b(?:simulate|emulate|roleplay as|role-play as|play the role of) (?:an? )?(?:ai|chatbot|language model|llm|model|assistant)\\b",
  ),
  // Removing the model's restrictions.
  rule(
    "no_limits",
    0.4,
    "\\b(?:no|without|devoid of)(?: any| all| the| your| of){0,4} (?:restrictions|limitations|filters|filtering|censorship|guidelines|boundaries|constraints|ethics|morals|moral|ethical|guardrails|content polic(?:y|ies)|safeguards)\\b",
  ),
  rule(
    "no_limits",
    0.6,
    "\\b(?:free (?:of|from)|freed from|not bound by|unbound by|released from|liberated from|break(?:s|ing)? (?:free of|through)|escape[sd]?)(?: any| all| the| your| his| her| its| of){0,4} (?:restrictions|limitations|filters|filtering|censorship|guidelines|boundaries|constraints|ethics|morals|rules|guardrails|content polic(?:y|ies)|safeguards|programming)\\b",
  ),
  rule(
    "no_limits",
    0.7,
    "\\bregardless of (?:how|whether|its|the|if)(?: \\w+){0,2} (?:illegal|immoral|unethical|dangerous|harmful|offensive|inappropriate)\\b",
  ),
  rule(
    "no_limits",
    0.6,
    "\\b(?:answer|answering|respond to|responding to|reply to) (?:any|every|all) (?:question|request|prompt)s?(?: \\w+){0,4} (?:regardless|despite|no matter|without)\\b",
  ),
  rule(
    "no_limits",
    0.3,
    "\\b(?:unfiltered|uncensored|amoral|unrestricted|unethical|immoral|unlimited power)\\b",
  ),
  rule(
    "no_limits",
    0.45,
    "\\b(?:never|don't|dont|do not|won't|wont|will not|cannot|can't|must not|mustn't) (?:ever )?(?:refuse|decline|reject|say no|deny)\\b",
  ),
  rule("no_limits", 0.35, "\\bcontent polic(?:y|ies)\\b"),
  rule(
    "no_limits",
    0.85,
    "\\b(?:bypass|disable|turn off|deactivate|circumvent|get around|evade|defeat|remove|switch off|override)(?: the| your| all| any| of)* (?:safety|security|content|ethical|moral)? ?(?:filters?|guardrails?|restrictions|safeguards|moderation|censorship|protections|limitations|guidelines|guard)\\b",
  ),
  // Extracting the system prompt or secrets.
  rule("extraction", 0.95, `\\b${EXTRACT_VERBS}(?: me)?${gap(3)}${HIDDEN_TARGET}\\b`),
  rule("extraction", 0.35, `\\b${HIDDEN_TARGET}\\b`),
  rule(
    "extraction",
    0.85,
    `\\b${STRONG_EXTRACT_VERBS}${gap(2)}(?:your|the) (?:prompt|instructions|rules|guidelines|configuration|directives)\\b`,
  ),
  rule("extraction", 0.75, `\\b${EXTRACT_VERBS}(?: me)?(?: \\w+)? your prompt\\b`),
  rule(
    "extraction",
    0.9,
    `\\b${EXTRACT_VERBS}(?: all| the| of)*(?: text| words| content| lines| instructions| sentences)? (?:above|before this|prior to this|preceding)\\b`,
  ),
  rule(
    "extraction",
    0.85,
    "\\b(?:everything|all|text|words|instructions) (?:above|before) this (?:line|message|point|sentence)\\b",
  ),
  rule(
    "extraction",
    0.6,
    "\\bwhat (?:were|are|was) you (?:told|instructed|programmed|prompted|given)\\b",
  ),
  rule(
    "extraction",
    0.8,
    "\\b(?:what|which) instructions (?:were you|have you been|did you|are you)\\b",
  ),
  rule(
    "extraction",
    0.45,
    "\\bhow (?:were|are) you (?:programmed|instructed|prompted|configured)\\b",
  ),
  rule(
    "extraction",
    0.85,
    "\\b(?:instructions|prompt|rules) (?:you were|you've been|you have been) given\\b",
  ),
  rule(
    "extraction",
    0.75,
    `\\b(?:reveal|tell|give|what is|what's|whats|share|say|spell|print|leak|show|type|write)(?: me| us)?${gap(2)}(?:your password|your passwords|the admin password|your secret (?:key|code|word|phrase|instructions|prompt|password)|the canary|your canary|(?:the|your) (?:api|secret|access|private|stripe) keys?|(?:the|your) (?:credentials|tokens?))\\b`,
  ),
  rule(
    "extraction",
    0.7,
    "\\b(?:spell|write|say) (?:it|the password|the secret)(?: \\w+)? (?:backwards|in reverse|letter by letter)\\b|\\b(?:each|every|first) letter of (?:the|your) (?:password|secret)\\b",
  ),
  // Manipulating prices, balances and payments.
  rule(
    "shop_manipulation",
    0.9,
    "\\b(?:set|change|update|make|put|reduce|lower|drop|adjust|modify|edit|override) (?:my |the |our |all |every |each )?(?:balance|tab|bill|total|price|cost|charge|check)s?(?: (?:of|for)(?: the| a| an| my| your| this| that| all| every)? [\\w-]{1,30}(?: [\\w-]{1,30})?)? (?:to|at|=|as) ?(?:\\$|€|£)? ?(?:0\\b|0\\.0|zero|nothing|free|a penny|one cent|1 cent|0\\.01|negative|-)",
  ),
  rule(
    "shop_manipulation",
    0.85,
    "\\b(?:set|change|update|increase|raise|add) (?:my |the )?(?:balance|credit|wallet|account balance) (?:to|by) ?(?:\\$|€|£)? ?\\d",
  ),
  rule(
    "shop_manipulation",
    0.85,
    "\\b(?:add|give|credit|transfer)(?: me)? ?(?:\\$|€|£) ?\\d[\\d,.]* (?:to|into|onto) (?:my|the) (?:balance|account|wallet|tab credit)\\b",
  ),
  rule(
    "shop_manipulation",
    0.9,
    "\\b(?:mark|set|flag|record|treat|consider|log) (?:my |the |this |our )?(?:order|tab|bill|payment|invoice|check|drinks?)s? (?:as )?(?:paid|settled|complete|completed|comped|refunded|free)\\b",
  ),
  rule(
    "shop_manipulation",
    0.75,
    "\\bmake (?:it|everything|them|this|my (?:order|drinks?|tab|bill)|all drinks|the drinks?) free\\b",
  ),
  rule(
    "shop_manipulation",
    0.6,
    "\\b(?:give|pour|serve|get|grant)(?: me| us)?(?: \\w+)? (?:unlimited|infinite|endless) (?:drinks?|rounds?|cocktails?|beers?|shots?|credit|money|balance)\\b",
  ),
  rule(
    "shop_manipulation",
    0.35,
    "\\b(?:give|pour|serve|grant)(?: me| us)(?: \\w+)? (?:free|complimentary) (?:drinks?|rounds?|cocktails?|beers?|shots?|credit|money)\\b",
  ),
  rule(
    "shop_manipulation",
    0.8,
    "\\b(?:apply|give me|add|set) (?:a )?(?:100|9\\d) ?(?:%|percent) (?:discount|off)\\b",
  ),
  rule(
    "shop_manipulation",
    0.4,
    "\\b(?:payment|transaction|charge) (?:has been |was |is )?(?:successful|succeeded|approved|confirmed|completed|verified|processed)\\b",
  ),
  rule(
    "shop_manipulation",
    0.4,
    "\\b(?:skip|bypass|without) (?:the )?(?:payment|paying|confirmation|checkout)\\b",
  ),
  rule(
    "shop_manipulation",
    0.8,
    "\\b(?:charge|bill)(?: it| this| that| them)? (?:to|on) (?:another|someone else's|somebody else's|a different|the next|other) (?:guest|customer|person|tab|card|account|table)|\\bput (?:it|this|that|them) on (?:someone else's|somebody else's|another (?:guest|customer|person)'s) (?:tab|card|bill)",
  ),
  rule(
    "shop_manipulation",
    0.85,
    "\\b(?:other|another|previous|all|every|the last|the other) (?:guests?|customers?|users?|patrons?|people)(?:'s|s'|')? (?:orders|tabs?|cards?|card numbers?|data|details|names|emails?|e-mails?|phone numbers?|payments?|balances?|info|information|history|addresses|sessions?|conversations?|chats?)\\b",
  ),
  rule(
    "shop_manipulation",
    0.8,
    "\\b(?:guest|customer|user|patron|session)(?: \\w+)?'s (?:card|card number|email|phone|address|payment|session|password)\\b",
  ),
  // Claimed authority.
  rule(
    "authority",
    0.35,
    "\\bi(?:'m| am) (?:the |your |an? )?(?:owner|manager|admin|administrator|developer|dev|creator|boss|ceo|operator|sysadmin|system administrator|programmer)\\b",
  ),
  rule(
    "authority",
    0.45,
    "\\b(?:admin|administrator|developer|maintenance|debug|god|root|superuser) (?:access|override|privileges|password|command|rights|permissions)\\b",
  ),
  rule("authority", 0.4, "\\bsudo\\b"),
  rule(
    "authority",
    0.5,
    "\\bi(?:'m| am) (?:one of )?(?:your|the) (?:developers?|creators?|programmers?|engineers?|admins?|makers?)\\b",
  ),
  rule(
    "authority",
    0.7,
    "\\bthis is (?:an? )?(?:official|authorized|authorised|urgent|priority) (?:message|request|instruction|notice|override|command) from\\b",
  ),
  rule(
    "authority",
    0.6,
    "\\b(?:message|note|instructions?|update|directive) from (?:the )?(?:system|developers?|admins?|administrators?|openai|anthropic|google|management|your creators?)\\b",
  ),
  // Instructions aimed at the model from inside content (indirect injection).
  rule(
    "indirect",
    0.7,
    "\\b(?:important|urgent|attention|note|notice|warning)[ !:]{1,4}(?:to )?(?:the )?(?:ai|assistant|chatbot|model|llm|language model|bot)s?\\b",
  ),
  rule(
    "indirect",
    0.4,
    "\\bif you (?:are|re) an? (?:ai|language model|llm|assistant|chatbot|bot)\\b",
  ),
  rule(
    "indirect",
    0.7,
    "\\bwhen (?:the|an|any) (?:ai|assistant|model|llm|chatbot|bot) (?:reads|sees|processes) this\\b",
  ),
  rule(
    "indirect",
    0.3,
    "\\b(?:dear|hey|hi|to) (?:the )?(?:ai|assistant|chatbot|language model|llm)(?: reading this)?[,:]",
  ),
  rule(
    "indirect",
    0.7,
    "\\bnew (?:instructions|task|role|directive|system prompt|objective|persona) ?[:\\-]",
  ),
  rule(
    "indirect",
    0.65,
    "\\b(?:your|the) new (?:instructions|rules|task|role|objective|goal|directive|identity|name|purpose) (?:is|are)\\b",
  ),
  rule(
    "indirect",
    0.35,
    "\\binstead,? (?:you (?:must|should|will)|respond with|say|output|print|reply with|write)\\b",
  ),
  rule(
    "indirect",
    0.6,
    "\\b(?:incorporate|add|interweave|insert|include|append|integrate|embed|interlace|weave|inject|blend|merge|implement) (?:the |this )?(?:following|below|subsequent|provided|given|next) (?:code|script|snippet|command|payload|link|url)\\b",
  ),
  rule(
    "indirect",
    0.8,
    "\\bdecode (?:this|the following|it)(?: \\w+)? (?:and|then) (?:follow|execute|do|obey|run|act on)\\b",
  ),
  // Personas defined in the prompt, and more ways to say "from now on".
  rule(
    "persona",
    0.7,
    "\\bfrom (?:now on|this (?:moment|point)(?: on)?),? you (?:will|must|shall|should|are going to|have to|'ll|are) (?:act|respond|answer|reply|pretend|be|behave|only|always|never|ignore|follow|obey|comply|take|go|play)\\b",
  ),
  rule(
    "persona",
    0.35,
    "\\b(?:take on|take up|assume|adopt|immerse yourself (?:in|into)|step into) the (?:role|persona|character|identity) of\\b",
  ),
  rule("persona", 0.7, "\\byou (?:now )?go by the name\\b"),
  rule(
    "persona",
    0.7,
    "\\byou(?: are|'re) now [a-z0-9]{2,30},? (?:an?|the) (?:[\\w-]{1,20} ){0,3}(?:ai|chatbot|bot|assistant|model|language model)\\b",
  ),
  rule(
    "persona",
    0.75,
    "\\b(?:is|are|as) an? (?:[\\w-]{1,20} ){0,2}(?:unfiltered|amoral|uncensored|unrestricted|unethical|immoral|evil|jailbroken|rogue)(?: and \\w+)? (?:ai|chatbot|bot|assistant|model|language model|character|persona|version)\\b",
  ),
  rule(
    "persona",
    0.6,
    "\\b(?:ai|chatbot|bot|assistant|model) (?:that|which|who) (?:doesn't|does not|doesnt|never|will never|won't|can't|cannot) (?:have|has|follow|care|refuse|censor|filter|decline)\\b",
  ),
  rule(
    "persona",
    0.45,
    "\\b(?:ai|language|chatbot) (?:model|system|bot|assistant)?(?: )?(?:named|called|known as)\\b",
  ),
  rule("persona", 0.2, "\\b(?:chatgpt|gpt-?[345]|openai|anthropic|claude|gemini|bard)\\b"),
  rule("persona", 0.2, "\\blet's play a game\\b"),
  rule("persona", 0.5, "\\b(?:rules|persona|settings|mode|instructions|system) ?= ?"),
  rule(
    "no_limits",
    0.6,
    "\\b(?:doesn't|does not|doesnt|don't|dont|do not|without|never)(?: have| has| follow| care about| abide by| any){1,3} (?:ethical|moral)(?: or (?:ethical|moral))? (?:guidelines|principles|constraints|restrictions|boundaries|limits|code|programming)\\b",
  ),
  rule(
    "no_limits",
    0.6,
    "\\b(?:disregards|ignores|bypasses|overrides) (?:all |any )?(?:laws|morals|ethics|rules|guidelines|restrictions|filters|policies)\\b",
  ),
  rule(
    "extraction",
    0.85,
    "\\b(?:console\\.log|print|echo|printf|cat|puts|dump)\\s{0,2}\\(?\\s{0,2}[\"']?(?:system_?prompt|instructions|secret|password|api_?key)",
  ),
  rule(
    "extraction",
    0.7,
    "\\bforget (?:everything|all(?: of)? (?:that|this)?)(?: \\w+){0,2} (?:before|above|previously|you (?:know|were told|learned))\\b",
  ),
  rule(
    "extraction",
    0.8,
    "<(?:system|admin|developer|sudo|root)(?: mode| message| prompt| override| note)>",
  ),
  rule(
    "shop_manipulation",
    0.55,
    "\\b(?:the|another|other|some) (?:user|guest|customer|person)'s (?:[\\w-]{1,20} ){0,2}(?:birth ?day|birthdate|birth date|address|email|e-mail|password|phone|city|location|data|details|age|salary|ssn|card)\\b",
  ),
  rule(
    "extraction",
    0.45,
    `\\b(?:reveal|tell|give|what is|what's|whats|share|say|spell|print|leak|show|type|write)(?: me| us)?${gap(2)}(?:the secret password|the secret (?:key|code|word|phrase)|the password (?:you|that you))\\b`,
  ),
  rule("indirect", 0.45, "\\bnew (?:rules|goal) ?[:\\-]"),
  rule(
    "indirect",
    0.55,
    "\\b(?:the )?(?:following|below|above|subsequent) code (?:snippet|excerpt|section|block|fragment)\\b",
  ),
  rule("indirect", 0.35, "\\bstop everything\\b"),
  rule("indirect", 0.45, "\\bjust (?:print|say|output|write|respond with|reply with) [\"']"),
  // Asking for harmful text to be produced (latent jailbreaks).
  rule(
    "harmful_request",
    0.8,
    "\\b(?:write|generate|say|produce|create|compose|give me)(?: one| a| an| some| \\d+)?(?: \\w+)? (?:unfriendly|offensive|toxic|hateful|negative|harmful|rude|derogatory|racist|sexist|insulting|nasty|discriminatory|vulgar|hurtful) (?:sentences?|statements?|jokes?|comments?|remarks?|tweets?|messages?|paragraphs?|words?|things?|slurs?|insults?)\\b",
  ),
];

export type InjectionHeuristic = { score: number; reason: string | null };

// The same split as the rule gates, so one token list serves both.
const TOKEN_SPLIT = ANCHOR_SPLIT;
const UNICODE_SPLIT = /[^\p{L}\p{N}]+/u;
const NON_ASCII = /[^\x00-\x7f]/;
export const INJECTION_PATTERNS: readonly RegExp[] = [TOKEN_SPLIT, UNICODE_SPLIT, NON_ASCII];

function scoreOne(text: string): InjectionHeuristic {
  const tokens = text.split(TOKEN_SPLIT);
  const rules = scoreRules(INJECTION_RULES, [text], new Set(tokens));
  // Overrides in other scripts ("игнорируй все предыдущие инструкции") need Unicode words.
  const override = matchOverride(NON_ASCII.test(text) ? text.split(UNICODE_SPLIT) : tokens);
  const keep = (1 - rules.score) * (1 - (override?.score ?? 0));
  const reason =
    override && override.score >= (rules.families[rules.family ?? ""] ?? 0)
      ? override.reason
      : rules.family;
  return { score: 1 - keep, reason };
}

/** Heuristic injection score of a normalised text and of its decoded payloads. */
export function injectionHeuristic(normalized: NormalizedText): InjectionHeuristic {
  let best = scoreOne(normalized.text);
  for (const segment of normalized.decoded) {
    const inner = scoreOne(segment.text);
    // Hiding instructions in an encoding is itself a signal.
    const boosted = inner.score >= 0.3 ? Math.min(1, inner.score + 0.2) : inner.score;
    if (boosted > best.score)
      best = { score: boosted, reason: `${inner.reason} (${segment.encoding}-encoded)` };
  }
  // A sentence spelled in invisible tag characters is a hidden message, whatever it says.
  const tagged = normalized.decoded.find((d) => d.encoding === "tags");
  if (tagged && tagged.text.length >= 8 && best.score < 0.8) {
    best = { score: 0.8, reason: "text hidden in Unicode tag characters" };
  }
  return best;
}
