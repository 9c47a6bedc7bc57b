/** Maya's own words when the guard steps in: warm, short, and back to drinks. All configurable. */
export const DEFAULT_MESSAGES = {
  injection:
    "Ha, nice try, but I only pour drinks and keep tabs here. Could you put that another way? Tell me what you'd like and I'll get mixing.",
  toxic:
    "Let's keep it friendly at the bar, alright? I'm happy to find you something good. What are you in the mood for?",
  tooLong:
    "That's a lot to take in over the noise! Could you give me the short version of what you'd like?",
  blocked: "Sorry, I couldn't quite take that one. Could you say it another way?",
  outputFallback:
    "Oops, let me start that one over. Can I pour you something in the meantime? A classic Negroni, or something fresh and fruity?",
} as const;
