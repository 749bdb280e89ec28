import { compileRegex, MAX_REGEX_INPUT_CHARS, safeTest } from './regex';
import type { Evaluator } from './schemas';
import { clip, firstDifference, fold, nfc, show } from './text';
import { cannotJudge, failed, NO_EXPECTED, passed, type Verdict } from './types';

type Of<T extends Evaluator['type']> = Extract<Evaluator, { type: T }>;

/** exact: the output equals the expected output (NFC; trimmed and case-sensitive by default). */
export function exact(e: Of<'exact'>, output: string, expected: string | null): Verdict {
  if (expected === null) return NO_EXPECTED;
  const prep = (s: string) => (e.trim ? nfc(s).trim() : nfc(s));
  const out = prep(output);
  const exp = prep(expected);
  const same = e.caseSensitive ? out === exp : fold(out) === fold(exp);
  const how = [e.trim ? 'surrounding whitespace ignored' : '', e.caseSensitive ? '' : 'case ignored'].filter(Boolean).join(', ');
  if (same) return passed(`The output equals the expected output${how ? ` (${how})` : ''}.`);
  const at = e.caseSensitive ? firstDifference(out, exp) : firstDifference(fold(out), fold(exp));
  return failed(`Expected ${show(exp)}, got ${show(out)}: they differ at character ${at}${how ? ` (${how})` : ''}.`);
}

/** contains: the output contains `value` (default: the expected output), NFC, case-sensitive by default. */
export function contains(e: Of<'contains'>, output: string, expected: string | null): Verdict {
  const needle = e.value ?? expected;
  if (needle === null) return NO_EXPECTED;
  if (needle === '') return cannotJudge('The expected output is empty, so there is nothing to look for; set `value`.');
  const found = e.caseSensitive ? nfc(output).includes(nfc(needle)) : fold(output).includes(fold(needle));
  const how = e.caseSensitive ? '' : ' (case ignored)';
  return found ? passed(`The output contains ${show(needle)}${how}.`) : failed(`The output does not contain ${show(needle)}${how}.`);
}

/** regex: the output (NFC) matches the pattern; see regex.ts for the safety limits. */
export function regex(e: Of<'regex'>, output: string): Verdict {
  const compiled = compileRegex(e.pattern, e.flags);
  if (!compiled.ok) return cannotJudge(compiled.message);
  const shown = clip(`/${e.pattern}/${e.flags}`);
  const r = safeTest(compiled.re, nfc(output));
  if (!r.ok) return cannotJudge(`Could not test ${shown}: ${r.message}.`);
  const note = r.truncated ? ` (tested on the first ${MAX_REGEX_INPUT_CHARS.toLocaleString('en-US')} characters)` : '';
  return r.match ? passed(`The output matches ${shown}${note}.`) : failed(`The output does not match ${shown}${note}.`);
}
