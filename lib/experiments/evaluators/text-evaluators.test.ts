import { describe, expect, it } from 'vitest';
import { evaluate, evaluateCall, EvaluatorSchema, type EvalCase, type EvaluatorInput } from './index';

const call = (output: string | null, expectedOutput: string | null = null, extra: Partial<EvalCase> = {}): EvalCase => ({
  output,
  expectedOutput,
  variables: {},
  latencyMs: 100,
  costUsd: 0.001,
  ...extra,
});
const run = (e: EvaluatorInput, c: EvalCase) => evaluate(EvaluatorSchema.parse(e), c);

const NFC = 'caf\u00e9'; // é as one code point
const NFD = 'cafe\u0301'; // e + combining acute

describe('exact', () => {
  it('compares trimmed and case-sensitively by default, with a reason that shows both sides', async () => {
    expect(await run({ type: 'exact' }, call('  true\n', 'true'))).toMatchObject({ evaluator: 'exact', pass: true, score: 1 });
    const r = await run({ type: 'exact' }, call('false', 'true'));
    expect(r).toMatchObject({ pass: false, score: 0 });
    expect(r.reason).toBe('Expected "true", got "false": they differ at character 1 (surrounding whitespace ignored).');
    expect((await run({ type: 'exact' }, call('True', 'true'))).pass).toBe(false);
    expect((await run({ type: 'exact', trim: false }, call(' true', 'true'))).pass).toBe(false);
  });

  it('ignores case when asked, including unicode case (ß/SS, final sigma)', async () => {
    expect((await run({ type: 'exact', caseSensitive: false }, call('STRASSE', 'Straße'))).pass).toBe(true);
    expect((await run({ type: 'exact', caseSensitive: false }, call('ΣΊΣΥΦΟΣ', 'σίσυφος'))).pass).toBe(true);
    expect((await run({ type: 'exact', caseSensitive: false }, call('Yes', 'no'))).pass).toBe(false);
  });

  it('treats NFC and NFD spellings as the same text; emoji and CJK compare as written', async () => {
    expect(NFC).not.toBe(NFD);
    expect((await run({ type: 'exact' }, call(NFD, NFC))).pass).toBe(true);
    expect((await run({ type: 'exact' }, call('👍🏽 良い', '👍🏽 良い'))).pass).toBe(true);
    const r = await run({ type: 'exact' }, call('👍🏽 良い', '👍🏽 悪い'));
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('differ at character 4'); // 👍🏽 is two code points, then a space
  });

  it('handles empty outputs and a missing expected output', async () => {
    expect((await run({ type: 'exact' }, call('', ''))).pass).toBe(true);
    expect((await run({ type: 'exact' }, call('', 'x'))).reason).toContain('Expected "x", got ""');
    const r = await run({ type: 'exact' }, call('x', null));
    expect(r).toMatchObject({ pass: false, score: 0, error: true, reason: 'The example has no expected output to compare with.' });
  });

  it('keeps reasons short for huge outputs', async () => {
    const r = await run({ type: 'exact' }, call('x'.repeat(2_000_000), 'y'));
    expect(r.pass).toBe(false);
    expect(r.reason.length).toBeLessThan(300);
  });
});

describe('contains', () => {
  it('looks for the expected output by default, or for value', async () => {
    expect((await run({ type: 'contains' }, call('The verdict: violation.', 'violation'))).pass).toBe(true);
    expect(await run({ type: 'contains', value: 'refund' }, call('No refunds here', null))).toMatchObject({ pass: true, reason: 'The output contains "refund".' });
    expect(await run({ type: 'contains', value: 'Refund' }, call('no refunds', null))).toMatchObject({ pass: false, reason: 'The output does not contain "Refund".' });
    expect((await run({ type: 'contains', value: 'Refund', caseSensitive: false }, call('no REFUNDS', null))).pass).toBe(true);
  });

  it('normalizes unicode and works on CJK and emoji', async () => {
    expect((await run({ type: 'contains', value: NFC }, call(`Un ${NFD} noir`))).pass).toBe(true);
    expect((await run({ type: 'contains', value: '東京' }, call('本社は東京にあります'))).pass).toBe(true);
    expect((await run({ type: 'contains', value: '🎉' }, call('done 🎉'))).pass).toBe(true);
  });

  it('cannot judge without something to look for', async () => {
    expect(await run({ type: 'contains' }, call('x', null))).toMatchObject({ pass: false, error: true });
    expect(await run({ type: 'contains' }, call('x', ''))).toMatchObject({ pass: false, error: true, reason: expect.stringContaining('nothing to look for') });
  });
});

describe('regex', () => {
  it('applies flags i, m, s, u', async () => {
    expect((await run({ type: 'regex', pattern: '^VIOLATION$' }, call('violation'))).pass).toBe(false);
    expect((await run({ type: 'regex', pattern: '^VIOLATION$', flags: 'i' }, call('violation'))).pass).toBe(true);
    expect((await run({ type: 'regex', pattern: '^b$' }, call('a\nb\nc'))).pass).toBe(false);
    expect((await run({ type: 'regex', pattern: '^b$', flags: 'm' }, call('a\nb\nc'))).pass).toBe(true);
    expect((await run({ type: 'regex', pattern: 'a.c' }, call('a\nc'))).pass).toBe(false);
    expect((await run({ type: 'regex', pattern: 'a.c', flags: 's' }, call('a\nc'))).pass).toBe(true);
    expect((await run({ type: 'regex', pattern: '^.$' }, call('😀'))).pass).toBe(false); // two UTF-16 units
    expect((await run({ type: 'regex', pattern: '^.$', flags: 'u' }, call('😀'))).pass).toBe(true);
    expect((await run({ type: 'regex', pattern: '\\p{Script=Han}+', flags: 'u' }, call('答えは東京'))).pass).toBe(true);
  });

  it('gives the same answer every time (no lastIndex state)', async () => {
    const e = EvaluatorSchema.parse({ type: 'regex', pattern: 'ok', flags: 'i' });
    const results = await Promise.all([1, 2, 3].map(() => evaluate(e, call('OK ok'))));
    expect(results.map((r) => r.pass)).toEqual([true, true, true]);
  });

  it('matches the NFC form of the output', async () => {
    expect((await run({ type: 'regex', pattern: `^${NFC}$` }, call(NFD))).pass).toBe(true);
  });

  it('stops a catastrophic pattern after 100 ms with a per-result error', async () => {
    const t0 = performance.now();
    const r = await run({ type: 'regex', pattern: '^(a+)+$' }, call(`${'a'.repeat(40)}!`));
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(r).toMatchObject({ pass: false, score: 0, error: true });
    expect(r.reason).toMatch(/longer than 100 ms.*catastrophic backtracking/);
  });

  it('tests only the first 100,000 characters of a huge output, and says so', async () => {
    const huge = `${'x'.repeat(150_000)}NEEDLE`;
    const r = await run({ type: 'regex', pattern: 'NEEDLE' }, call(huge));
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('first 100,000 characters');
    expect((await run({ type: 'regex', pattern: '^x+' }, call(huge))).pass).toBe(true);
  });

  it('matches the empty output only when the pattern allows it', async () => {
    expect((await run({ type: 'regex', pattern: '^$' }, call(''))).pass).toBe(true);
    expect((await run({ type: 'regex', pattern: '\\S' }, call(''))).pass).toBe(false);
  });
});

describe('limits', () => {
  it('passes within max_latency_ms and grades misses by how far over they are', async () => {
    expect(await run({ type: 'max_latency_ms', value: 500 }, call('x', null, { latencyMs: 500 }))).toMatchObject({ pass: true, score: 1 });
    const r = await run({ type: 'max_latency_ms', value: 500 }, call('x', null, { latencyMs: 1000 }));
    expect(r).toMatchObject({ pass: false, score: 0.5, reason: 'Took 1000 ms, over the limit of 500 ms.' });
  });

  it('checks max_cost_usd and fails an unknown cost', async () => {
    expect((await run({ type: 'max_cost_usd', value: 0.01 }, call('x', null, { costUsd: 0.002 }))).pass).toBe(true);
    expect(await run({ type: 'max_cost_usd', value: 0.001 }, call('x', null, { costUsd: 0.004 }))).toMatchObject({ pass: false, score: 0.25 });
    expect((await run({ type: 'max_cost_usd', value: 0.01 }, call('x', null, { costUsd: null }))).reason).toContain('unknown');
  });
});

describe('a whole call', () => {
  it('passes only when every evaluator passes; the score is the mean', async () => {
    const evaluators = [{ type: 'contains', value: 'a' }, { type: 'contains', value: 'z' }, { type: 'max_latency_ms', value: 200 }].map((e) => EvaluatorSchema.parse(e));
    const r = await evaluateCall(evaluators, call('abc', null, { latencyMs: 400 }));
    expect(r.results.map((x) => [x.evaluator, x.pass, x.score])).toEqual([
      ['contains', true, 1],
      ['contains_2', false, 0],
      ['max_latency_ms', false, 0.5],
    ]);
    expect(r.pass).toBe(false);
    expect(r.score).toBeCloseTo(0.5, 10);
  });

  it('fails every evaluator of a failed call, with its error', async () => {
    const evaluators = [{ type: 'json_valid' }, { type: 'max_latency_ms', value: 1000 }].map((e) => EvaluatorSchema.parse(e));
    const r = await evaluateCall(evaluators, call(null, '{"a":1}', { error: 'Bedrock answered with an error: boom', latencyMs: 10 }));
    expect(r.pass).toBe(false);
    expect(r.results.every((x) => !x.pass && x.score === 0 && x.reason === 'The model call failed: Bedrock answered with an error: boom.')).toBe(true);
  });
});
