import vm from 'node:vm';

/**
 * The regex evaluator's safety rules. JavaScript regexes backtrack, so a pattern such as
 * `(a+)+$` can take exponential time on some outputs. Three limits keep that contained:
 * patterns are at most MAX_PATTERN_CHARS, they run on at most the first MAX_REGEX_INPUT_CHARS of
 * an output, and each test runs under a REGEX_TIMEOUT_MS watchdog (a V8 script timeout, which
 * interrupts a backtracking match): a match that takes longer is a per-result error, never a
 * hung run. Flags: i, m, s, u, v and d are accepted; g and y are rejected, because they make
 * RegExp.test() stateful (lastIndex), so the same output could pass once and fail the next time.
 */
export const MAX_PATTERN_CHARS = 1000;
export const MAX_REGEX_INPUT_CHARS = 100_000;
export const REGEX_TIMEOUT_MS = 100;

const ALLOWED = new Set(['i', 'm', 's', 'u', 'v', 'd']);

/** Why the flags are unusable, or null. */
export function flagsProblem(flags: string): string | null {
  for (const f of flags) {
    if (f === 'g' || f === 'y') return `Flag "${f}" makes a regex remember where it stopped (lastIndex), so one output could pass and then fail; remove it (a pass/fail check needs no global or sticky matching).`;
    if (!ALLOWED.has(f)) return `Unknown flag "${f}"; use any of i, m, s, u, v, d.`;
  }
  if (new Set(flags).size !== flags.length) return 'A flag appears twice.';
  if (flags.includes('u') && flags.includes('v')) return 'Flags "u" and "v" cannot be combined; use one.';
  return null;
}

export function compileRegex(pattern: string, flags = ''): { ok: true; re: RegExp } | { ok: false; field: 'pattern' | 'flags'; message: string } {
  const bad = flagsProblem(flags);
  if (bad) return { ok: false, field: 'flags', message: bad };
  if (pattern.length > MAX_PATTERN_CHARS) return { ok: false, field: 'pattern', message: `The pattern is longer than ${MAX_PATTERN_CHARS} characters.` };
  try {
    return { ok: true, re: new RegExp(pattern, flags) };
  } catch (err) {
    return { ok: false, field: 'pattern', message: `Not a valid regular expression: ${(err as Error).message}` };
  }
}

const context = vm.createContext(Object.create(null) as object);
const script = new vm.Script('re.test(s)');

/** Tests the regex on (the start of) the text under the watchdog. */
export function safeTest(re: RegExp, text: string): { ok: true; match: boolean; truncated: boolean } | { ok: false; message: string } {
  const truncated = text.length > MAX_REGEX_INPUT_CHARS;
  const input = truncated ? text.slice(0, MAX_REGEX_INPUT_CHARS) : text;
  const c = context as { re?: RegExp; s?: string };
  c.re = re;
  c.s = input;
  try {
    return { ok: true, match: script.runInContext(context, { timeout: REGEX_TIMEOUT_MS }) === true, truncated };
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      return { ok: false, message: `the pattern took longer than ${REGEX_TIMEOUT_MS} ms on this output (catastrophic backtracking); simplify it, e.g. avoid nested quantifiers like (a+)+` };
    }
    return { ok: false, message: `the pattern failed: ${(err as Error).message}` };
  } finally {
    c.re = undefined;
    c.s = undefined;
  }
}
