import { describe, expect, it } from 'vitest';
import { evaluate, EvaluatorSchema, extractJson, parsePath, valueAt, type EvalCase, type EvaluatorInput } from './index';

const call = (output: string | null, expectedOutput: string | null = null): EvalCase => ({ output, expectedOutput, variables: {}, latencyMs: 100, costUsd: 0.001 });
const run = (e: EvaluatorInput, c: EvalCase) => evaluate(EvaluatorSchema.parse(e), c);

describe('finding JSON in an output', () => {
  it('takes the whole output first', () => {
    expect(extractJson('  {"a": 1}\n')).toEqual({ ok: true, value: { a: 1 }, source: 'whole' });
    expect(extractJson('\uFEFF[1, 2]')).toEqual({ ok: true, value: [1, 2], source: 'whole' });
    expect(extractJson('true')).toEqual({ ok: true, value: true, source: 'whole' });
  });

  it('then the first fenced block that parses (json or unlabelled)', () => {
    const text = 'Here you go:\n```python\nprint({"x": 1})\n```\n```json\n{"violation": false}\n```\nand also ```\n{"second": 1}\n```';
    expect(extractJson(text)).toEqual({ ok: true, value: { violation: false }, source: 'fence' });
    expect(extractJson('```\n{"a": [1]}\n```')).toEqual({ ok: true, value: { a: [1] }, source: 'fence' });
  });

  it('then the first balanced {...} or [...] in prose, ignoring brackets inside strings', () => {
    expect(extractJson('My answer is {"reason": "use {braces} and ]", "score": 0.5}. Thanks!')).toEqual({
      ok: true,
      value: { reason: 'use {braces} and ]', score: 0.5 },
      source: 'embedded',
    });
    expect(extractJson('Not {this one, but} this: {"ok": true}')).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('reports why nothing was found', () => {
    expect(extractJson('')).toEqual({ ok: false, reason: 'the output is empty' });
    expect(extractJson('   ')).toMatchObject({ ok: false });
    expect(extractJson('{"a": 1,}')).toMatchObject({ ok: false, reason: expect.stringContaining('no JSON found') });
    expect(extractJson('{"unclosed": [1, 2}')).toMatchObject({ ok: false });
  });

  it('copes with a huge output quickly', () => {
    const big = `${'{'.repeat(200)}${' filler'.repeat(200_000)} {"found": true}`;
    const t0 = performance.now();
    const r = extractJson(big);
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(r.ok).toBe(false); // only the first 50 starting points are tried
    expect(extractJson(`${JSON.stringify({ items: Array.from({ length: 50_000 }, (_, i) => i) })}`)).toMatchObject({ ok: true, source: 'whole' });
  });
});

describe('paths', () => {
  it('parses dotted keys, indexes and quoted keys', () => {
    expect(parsePath('a.b[0]["x.y"][\'k\']')).toEqual({ ok: true, segments: [{ key: 'a' }, { key: 'b' }, { index: 0 }, { key: 'x.y' }, { key: 'k' }] });
    expect(parsePath('[3]')).toEqual({ ok: true, segments: [{ index: 3 }] });
    expect(parsePath('größe.名前')).toEqual({ ok: true, segments: [{ key: 'größe' }, { key: '名前' }] });
    expect(parsePath('a["\\u00e9"]')).toEqual({ ok: true, segments: [{ key: 'a' }, { key: 'é' }] });
    expect(parsePath('a b')).toMatchObject({ ok: false, message: expect.stringContaining('expected "." or "["') });
    expect(parsePath(Array.from({ length: 33 }, () => 'a').join('.'))).toMatchObject({ ok: false, message: expect.stringContaining('32 segments') });
  });

  it('walks objects and arrays and names the first missing segment', () => {
    const doc = { a: { b: [{ c: null }, { c: 2 }] } };
    const seg = (p: string) => {
      const r = parsePath(p);
      if (!r.ok) throw new Error(r.message);
      return r.segments;
    };
    expect(valueAt(doc, seg('a.b[1].c'))).toEqual({ found: true, value: 2 });
    expect(valueAt(doc, seg('a.b[0].c'))).toEqual({ found: true, value: null });
    expect(valueAt(doc, seg('a.b[5].c'))).toEqual({ found: false, missing: 'a.b[5]' });
    expect(valueAt(doc, seg('a.x.c'))).toEqual({ found: false, missing: 'a.x' });
    expect(valueAt(doc, seg('a[0]'))).toEqual({ found: false, missing: 'a[0]' });
    expect(valueAt({ toString: 1 }, seg('constructor'))).toEqual({ found: false, missing: 'constructor' });
  });
});

describe('json_valid', () => {
  it('passes JSON, also inside a fence or prose unless strict', async () => {
    expect(await run({ type: 'json_valid' }, call('{"a":1}'))).toMatchObject({ pass: true, reason: 'The output is valid JSON.' });
    expect(await run({ type: 'json_valid' }, call('Sure!\n```json\n{"a":1}\n```'))).toMatchObject({ pass: true, reason: expect.stringContaining('fenced') });
    expect(await run({ type: 'json_valid', strict: true }, call('Sure!\n```json\n{"a":1}\n```'))).toMatchObject({ pass: false, reason: expect.stringContaining('strict') });
  });

  it('fails invalid and empty outputs with the reason', async () => {
    expect(await run({ type: 'json_valid' }, call('{"violation": tru}'))).toMatchObject({ pass: false, score: 0, reason: expect.stringContaining('not valid JSON') });
    expect((await run({ type: 'json_valid' }, call(''))).reason).toContain('empty');
  });
});

describe('json_schema', () => {
  const schema = {
    type: 'object',
    required: ['violation', 'explanation'],
    properties: { violation: { type: 'boolean' }, explanation: { type: 'string', minLength: 1 }, contact: { type: 'string', format: 'email' } },
    additionalProperties: false,
  };

  it('validates the extracted JSON and lists what is wrong', async () => {
    expect((await run({ type: 'json_schema', schema }, call('```json\n{"violation": true, "explanation": "insult"}\n```'))).pass).toBe(true);
    const r = await run({ type: 'json_schema', schema }, call('{"violation": "yes", "extra": 1}'));
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('/violation must be boolean');
    expect(r.reason).toContain("must have required property 'explanation'");
    expect((await run({ type: 'json_schema', schema }, call('{"violation": false, "explanation": "x", "contact": "nope"}'))).reason).toContain('must match format "email"');
    expect((await run({ type: 'json_schema', schema }, call('not json'))).reason).toContain('not valid JSON');
  });

  it('supports draft 2020-12 keywords', async () => {
    const tuple = { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false };
    expect((await run({ type: 'json_schema', schema: tuple }, call('["a", 1]'))).pass).toBe(true);
    expect((await run({ type: 'json_schema', schema: tuple }, call('["a", 1, 2]'))).pass).toBe(false);
  });
});

describe('json_field', () => {
  it('compares the same path of output and expected output', async () => {
    const expected = '{"violation": true, "explanation": "rude"}';
    expect(await run({ type: 'json_field', path: 'violation' }, call('{"violation": true, "explanation": "insult"}', expected))).toMatchObject({
      pass: true,
      reason: 'violation is true, as expected.',
    });
    expect(await run({ type: 'json_field', path: 'violation' }, call('{"violation": false}', expected))).toMatchObject({
      pass: false,
      score: 0,
      reason: 'Expected true at violation, got false.',
    });
  });

  it('compares deep values: numbers, null, objects regardless of key order, arrays in order', async () => {
    const expected = JSON.stringify({ a: { b: [{ n: 1, m: null }, { tags: ['x', 'y'], o: { p: 1, q: 2 } }] } });
    const out = (v: unknown) => JSON.stringify({ a: { b: [{ n: 1.0, m: null }, v] } });
    expect((await run({ type: 'json_field', path: 'a.b[0].n' }, call(out({}), expected))).pass).toBe(true);
    expect((await run({ type: 'json_field', path: 'a.b[0].m' }, call(out({}), expected))).pass).toBe(true);
    expect((await run({ type: 'json_field', path: 'a.b[1].o' }, call(out({ o: { q: 2, p: 1 } }), expected))).pass).toBe(true);
    expect((await run({ type: 'json_field', path: 'a.b[1].tags' }, call(out({ tags: ['y', 'x'] }), expected))).pass).toBe(false);
    expect((await run({ type: 'json_field', path: 'a.b[1]' }, call(out({ tags: ['x', 'y'], o: { p: 1, q: 2 } }), expected))).pass).toBe(true);
  });

  it('names type mismatches and missing values', async () => {
    const r = await run({ type: 'json_field', path: 'score' }, call('{"score": "1"}', '{"score": 1}'));
    expect(r.reason).toBe('Expected 1 at score, got "1" (a string instead of a number).');
    expect((await run({ type: 'json_field', path: 'a.b' }, call('{"a": {}}', '{"a": {"b": 0}}'))).reason).toBe('Expected 0 at a.b, but the output has nothing at a.b.');
    expect((await run({ type: 'json_field', path: 'a' }, call('oops', '{"a": 0}'))).reason).toContain('the output is not valid JSON');
  });

  it('compares unicode strings after NFC and reads JSON out of fences', async () => {
    const r = await run({ type: 'json_field', path: 'city' }, call('```json\n{"city": "Zu\u0308rich"}\n```', '{"city": "Z\u00fcrich"}'));
    expect(r.pass).toBe(true);
    expect((await run({ type: 'json_field', path: '["名前"]' }, call('{"名前": "🍣"}', '{"名前": "🍣"}'))).pass).toBe(true);
  });

  it('cannot judge when the expected output is missing, not JSON, or lacks the path', async () => {
    expect(await run({ type: 'json_field', path: 'a' }, call('{"a": 1}', null))).toMatchObject({ error: true });
    expect(await run({ type: 'json_field', path: 'a' }, call('{"a": 1}', 'yes'))).toMatchObject({ error: true, reason: expect.stringContaining('expected output is not JSON') });
    expect(await run({ type: 'json_field', path: 'a.b' }, call('{"a": 1}', '{"a": 1}'))).toMatchObject({ error: true, reason: expect.stringContaining('has no value at a.b') });
  });
});
