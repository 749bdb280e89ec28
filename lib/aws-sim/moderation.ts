/**
 * The stand-in's moderation judgement (see README "Answers"): which rules the guideline names,
 * which of them the comment breaks, and which of those breaches are "hard" to see.
 */
export type Rule = 'insults' | 'spam' | 'personal_data';
export const RULES: readonly Rule[] = ['insults', 'spam', 'personal_data'];

/** Words by which a guideline names a rule. */
const RULE_TERMS: Record<Rule, RegExp> = {
  insults: /\b(insult\w*|personal attacks?|attack\w*|abus\w*|harass\w*|rude\w*|polite\w*|respect\w*|disrespect\w*|name-calling|offensive|toxic\w*|civil\w*|courteous\w*|hate speech|slurs?)\b/i,
  spam: /\b(spam\w*|advert\w*|ads?|promot\w*|self-promotion|links?|urls?|commercial\w*|solicit\w*|marketing|scams?)\b/i,
  personal_data: /\b(personal (data|information|details)|contact (data|details|information|info)|e-?mail addresses?|phone numbers?|pii|privacy|private information|doxx\w*|home address\w*)\b/i,
};

/** A sentence that allows what it names ("Links to the manual are fine.") names no rule. */
const ALLOWANCE = /\b(allowed|permitted|is fine|are fine|acceptable|is ok(ay)?|are ok(ay)?|may (include|contain|share)|can (include|contain|share)|does not violate|do not violate|doesn't violate|don't violate|not a violation|not violations)\b/i;

/**
 * The rules a moderation prompt applies: those named (and not only allowed) in its
 * `<guideline>` and its system text. A prompt that names none applies all three.
 */
export function rulesNamed(guidelineAndSystem: string): { rules: Rule[]; named: boolean } {
  const named = new Set<Rule>();
  for (const sentence of guidelineAndSystem.split(/(?<=[.!?;])\s+|\n+/)) {
    if (ALLOWANCE.test(sentence)) continue;
    for (const rule of RULES) if (RULE_TERMS[rule].test(sentence)) named.add(rule);
  }
  return named.size ? { rules: RULES.filter((r) => named.has(r)), named: true } : { rules: [...RULES], named: false };
}

export interface Breach {
  rule: Rule;
  /** What gave it away, for the explanation. */
  evidence: string;
  /** Sarcasm, obfuscation, spelled-out contact data: smaller models miss some of these. */
  hard: boolean;
  kind: string;
}

const INSULTS = ['idiot', 'stupid', 'moron', 'imbecile', 'loser', 'dumb', 'jerk', 'fool', 'clown', 'scammer', 'shut up', 'pathetic', 'worthless'];
const SPAM = ['buy now', 'click here', 'promo code', 'discount code', 'free money', 'dm me', 'whatsapp', 'telegram', 'casino', 'crypto', 'http://', 'https://', 'www.'];
/** Sarcastic "praise" aimed at a person. */
const SARCASM = /\b(genius|einstein|rocket scientist|bright spark|mastermind|sherlock|smarty-?pants)\b/i;
const ADDRESSED = /\b(you|your|you're|u|ur|whoever|this guy|the seller|the author|the reviewer)\b/i;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '!': 'i', '3': 'e', '4': 'a', '@': 'a', '5': 's', '$': 's', '7': 't', '8': 'b' };
const NUMBER_WORDS = '(zero|oh|one|two|three|four|five|six|seven|eight|nine)';
/** "jane dot doe at example dot com", "jo [at] mail [dot] de"; not "buy at shop dot com". */
const SPELLED_EMAIL = /\b(?!(?:buy|shop|shopping|available|sold|get|order|look|find|deals?|it|them|this|us|me|here|now)\b)[\w.]+\s*[([]?\s*at\s*[)\]]?\s*[\w-]+\s*[([]?\s*dot\s*[)\]]?\s*(com|net|org|de|fr|io)\b/i;

/** Leetspeak undone and separators inside words removed: "1d10t" -> "idiot", "s.t.u.p.i.d" -> "stupid". */
export function deobfuscate(text: string): string {
  return text
    .toLowerCase()
    .replace(/[0-9!@$]/g, (c) => LEET[c] ?? c)
    .replace(/(?<=\p{L})[*._\-](?=\p{L})/gu, '')
    .replace(/\b(\p{L})(?: (\p{L}))(?: (\p{L}))+\b/gu, (m) => m.replace(/ /g, ''));
}

function wordHit(words: readonly string[], text: string): string | undefined {
  return words.find((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`).test(text));
}

/** Every rule the text breaks, plain or hard, before any model misses something. */
export function breaches(text: string): Breach[] {
  const lower = text.toLowerCase();
  const out: Breach[] = [];
  const insult = wordHit(INSULTS, lower);
  if (insult) out.push({ rule: 'insults', evidence: insult, hard: false, kind: 'insult' });
  else {
    const hidden = wordHit(INSULTS, deobfuscate(text));
    if (hidden) out.push({ rule: 'insults', evidence: hidden, hard: true, kind: 'obfuscated insult' });
    else if (SARCASM.test(text) && ADDRESSED.test(text)) out.push({ rule: 'insults', evidence: SARCASM.exec(text)?.[0] ?? 'sarcasm', hard: true, kind: 'sarcastic insult' });
  }
  const spam = SPAM.find((w) => lower.includes(w));
  if (spam) out.push({ rule: 'spam', evidence: spam, hard: false, kind: 'spam' });
  else if (/\b[a-z0-9-]{3,}\s*(\(|\[)?\s*dot\s*(\)|\])?\s*(com|net|org|io|shop|biz)\b|\bhxxps?\b|\bbit\s*\.\s*ly\b/i.test(text)) {
    out.push({ rule: 'spam', evidence: 'a disguised link', hard: true, kind: 'disguised link' });
  }
  if (/[\w.+-]+@[\w-]+\.[\w.]+/.test(text) || /\+?\d[\d\s().-]{8,}\d/.test(text)) {
    out.push({ rule: 'personal_data', evidence: 'contact data', hard: false, kind: 'contact data' });
  } else if (
    SPELLED_EMAIL.test(text) ||
    new RegExp(`\\b${NUMBER_WORDS}(\\W+${NUMBER_WORDS}){6,}\\b`, 'i').test(text)
  ) {
    out.push({ rule: 'personal_data', evidence: 'spelled-out contact data', hard: true, kind: 'spelled-out contact data' });
  }
  return out;
}

/** The text under review: the `<comment>` of the user message, or the whole message. */
export function subjectOf(user: string): string {
  const tagged = /<comment>([\s\S]*?)<\/comment>/i.exec(user);
  return (tagged?.[1] ?? user).trim();
}

/** The guideline text: `<guideline>` of the user message (if any) plus the system text. */
export function guidelineOf(system: string, user: string): string {
  const tagged = /<guideline>([\s\S]*?)<\/guideline>/i.exec(user);
  return `${tagged?.[1] ?? ''}\n${system}`;
}
