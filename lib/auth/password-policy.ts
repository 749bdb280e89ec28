import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { validationError } from '../errors';

/**
 * Which passwords are too easy to guess: zxcvbn (pattern matching against common passwords,
 * words, names, keyboard walks, repeats, dates and the person's own email and name; the
 * dictionaries ship in the npm packages and work offline). Shared by the server, which refuses
 * weak passwords everywhere one is set, and the forms, which load it lazily for their hint.
 */
export const MIN_LENGTH = 8;
/** zxcvbn's scale: 0 too guessable ... 4 very unguessable; 3 resists offline guessing. */
export const MIN_SCORE = 3;
export const SCORE_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

let zxcvbn: ZxcvbnFactory | undefined;
const checker = () =>
  (zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

export interface PasswordVerdict {
  score: 0 | 1 | 2 | 3 | 4;
  ok: boolean;
  /** Why it is refused, in a sentence for the person choosing it (null when ok). */
  problem: string | null;
}

/** `related`: what the password must not lean on (email, its local part, the person's name). */
export function judgePassword(password: string, related: string[] = []): PasswordVerdict {
  if (password.length < MIN_LENGTH) return { score: 0, ok: false, problem: `Use at least ${MIN_LENGTH} characters.` };
  const inputs = related.flatMap((r) => [r, ...r.split(/[@.\s_-]+/)]).filter((r) => r.length >= 3);
  const result = checker().check(password.slice(0, 200), [...inputs, 'promptdeck', 'bedrock']);
  const score = result.score as PasswordVerdict['score'];
  if (score >= MIN_SCORE) return { score, ok: true, problem: null };
  const why = result.feedback.warning ?? 'It would be guessed quickly.';
  const tip = result.feedback.suggestions[0] ?? 'Add more words that are less common.';
  return { score, ok: false, problem: `This password is too easy to guess. ${why} ${tip}`.replace(/\s+/g, ' ').trim() };
}

/** Throws 400 validation_error on `password` when the password is too easy to guess. */
export function assertStrongPassword(password: string, related: string[] = [], path = 'password'): void {
  const verdict = judgePassword(password, related);
  if (!verdict.ok) throw validationError([{ path, message: verdict.problem! }]);
}
