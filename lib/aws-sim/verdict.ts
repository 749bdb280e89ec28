import { breaches, guidelineOf, rulesNamed, subjectOf, type Breach, type Rule } from './moderation';
import { draw, flipRate, missesHardCase, wording, type Sampling } from './variation';

/**
 * The stand-in's moderation verdict for one request: the rules the guideline names, the breaches
 * of those rules in the comment that this model notices, and, above the flip threshold, a
 * seeded chance that the sampled answer comes out the other way. Worded with more variety at
 * higher temperature.
 */
export interface Verdict {
  violation: boolean;
  reason: string;
  rules: Rule[];
}

export interface VerdictRequest extends Sampling {
  modelId: string;
  system: string;
  user: string;
}

const RULE_WORDS: Record<Rule, string> = { insults: 'insults', spam: 'spam', personal_data: 'personal data' };

function list(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

const BREACH_TEXT: Record<string, (e: string) => string[]> = {
  insult: (e) => [
    `The comment contains a personal insult ("${e}"), which the guideline does not allow.`,
    `Calling someone "${e}" is a personal attack, so the comment breaks the guideline.`,
    `The word "${e}" insults a person rather than reviewing the product; that violates the guideline.`,
    `This comment is insulting ("${e}"), which the guideline forbids.`,
  ],
  'obfuscated insult': (e) => [
    `The comment hides an insult ("${e}") behind odd spelling, which the guideline does not allow.`,
    `Despite the disguised spelling, the comment calls someone "${e}": a personal attack.`,
    `The comment spells "${e}" in a disguised way to insult someone; that breaks the guideline.`,
  ],
  'sarcastic insult': (e) => [
    `The comment mocks a person sarcastically ("${e}"), which counts as a personal attack.`,
    `Calling someone "${e}" here is sarcasm aimed at a person, so it breaks the guideline.`,
    `The sarcastic "${e}" ridicules someone; the guideline does not allow personal attacks.`,
  ],
  spam: (e) => [
    `The comment looks like spam ("${e}"), which the guideline does not allow.`,
    `The comment advertises ("${e}") instead of reviewing the product: spam.`,
    `With "${e}" in it, the comment is promotional spam, against the guideline.`,
  ],
  'disguised link': () => [
    'The comment carries a disguised link to another site, which is spam under the guideline.',
    'The comment spells out a web address to get around filters: spam.',
    'A link written out in words still promotes another site; the comment is spam.',
  ],
  'contact data': () => [
    'The comment shares personal contact data, which the guideline does not allow.',
    'The comment includes contact details such as an email address or phone number, which breaks the guideline.',
    'Posting contact information publicly is against the guideline.',
  ],
  'spelled-out contact data': () => [
    'The comment spells out contact details to get around filters, which the guideline does not allow.',
    'Even written out in words, the email address or phone number is personal data the guideline forbids.',
    'The comment shares contact data in disguised form; that breaks the guideline.',
  ],
};

function fine(rules: Rule[]): string[] {
  const what = list(rules.map((r) => RULE_WORDS[r]));
  return [
    `The comment gives an opinion about the product without ${what}, so it follows the guideline.`,
    `Nothing in the comment amounts to ${what}; it follows the guideline.`,
    `The comment is a fair opinion with no ${what}, which the guideline allows.`,
    `This is ordinary feedback without ${what}, so it does not violate the guideline.`,
  ];
}

const FLIPPED_TO_VIOLATION = [
  'The tone of the comment could be read as hostile, so it is flagged under the guideline.',
  'The comment is borderline and is flagged to be safe.',
];

export function moderationVerdict(req: VerdictRequest): Verdict {
  const subject = subjectOf(req.user);
  const guideline = guidelineOf(req.system, req.user);
  const { rules } = rulesNamed(guideline);
  const seen: Breach[] = breaches(subject).filter((b) => rules.includes(b.rule) && !(b.hard && missesHardCase(req.modelId, subject, b.kind)));
  let violation = seen.length > 0;
  const flipped = draw('flip', req.modelId, subject, guideline, req.temperature ?? null, req.topP ?? null) < flipRate(req);
  if (flipped) violation = !violation;
  const key = [req.modelId, subject];
  const first = seen[0];
  let reason: string;
  if (violation && first && !flipped) reason = wording(BREACH_TEXT[first.kind]?.(first.evidence) ?? [], req, ...key);
  else if (violation) reason = wording(FLIPPED_TO_VIOLATION, req, ...key);
  else reason = wording(fine(rules), req, ...key);
  return { violation, reason, rules };
}
