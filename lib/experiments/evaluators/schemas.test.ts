import { describe, expect, it } from 'vitest';
import { expectInvalid } from '../../test/helpers';
import { EvaluatorSchema, evaluatorNames, EvaluatorsSchema } from './index';

/** Bad evaluators are 400s naming the field, before anything runs. */
const parse = (list: unknown) => Promise.resolve().then(() => EvaluatorsSchema.parse(list));

describe('evaluator validation (400 before anything runs)', () => {
  it('accepts every type of API.md, filling defaults', () => {
    const list = EvaluatorsSchema.parse([
      { type: 'exact' },
      { type: 'contains', value: 'ok' },
      { type: 'regex', pattern: '^\\{', flags: 'is' },
      { type: 'json_valid' },
      { type: 'json_schema', schema: { type: 'object', required: ['violation'], properties: { violation: { type: 'boolean' }, email: { type: 'string', format: 'email' } } } },
      { type: 'json_field', path: 'a.b[0]["x.y"]' },
      { type: 'llm_judge', prompt: 'judge-similarity', label: 'production' },
      { type: 'max_latency_ms', value: 2000 },
      { type: 'max_cost_usd', value: 0.01, name: 'cheap' },
    ]);
    expect(list[0]).toEqual({ type: 'exact', caseSensitive: true, trim: true });
    expect(list[2]).toMatchObject({ flags: 'is' });
    expect(list[6]).toMatchObject({ passThreshold: 0.5 });
    expect(evaluatorNames(list)).toEqual(['exact', 'contains', 'regex', 'json_valid', 'json_schema', 'json_field', 'llm_judge', 'max_latency_ms', 'cheap']);
  });

  it.each([
    ['an unknown type', [{ type: 'bleu' }], '0.type', /Unknown evaluator type "bleu"/],
    ['no type', [{ pattern: 'x' }], '0.type', /Unknown evaluator type; use one of exact/],
    ['a string', ['exact'], '0', /is an object/],
    ['a bad regex', [{ type: 'regex', pattern: '(unclosed' }], '0.pattern', /Not a valid regular expression.*Unterminated group/],
    ['a lookbehind typo', [{ type: 'regex', pattern: '(?<!a' }], '0.pattern', /Not a valid regular expression/],
    ['the g flag', [{ type: 'regex', pattern: 'a', flags: 'g' }], '0.flags', /lastIndex/],
    ['the y flag', [{ type: 'regex', pattern: 'a', flags: 'iy' }], '0.flags', /Flag "y"/],
    ['an unknown flag', [{ type: 'regex', pattern: 'a', flags: 'x' }], '0.flags', /Unknown flag "x"/],
    ['a repeated flag', [{ type: 'regex', pattern: 'a', flags: 'ii' }], '0.flags', /twice/],
    ['u with v', [{ type: 'regex', pattern: 'a', flags: 'uv' }], '0.flags', /cannot be combined/],
    ['a huge pattern', [{ type: 'regex', pattern: 'a'.repeat(1001) }], '0.pattern', /longer than 1000/],
    ['an empty pattern', [{ type: 'regex', pattern: '' }], '0.pattern', /required/],
    ['an invalid JSON schema', [{ type: 'json_schema', schema: { type: 'objekt' } }], '0.schema', /Not a valid JSON Schema/],
    ['a misspelt keyword', [{ type: 'json_schema', schema: { type: 'object', requird: ['a'] } }], '0.schema', /unknown keyword: "requird"/],
    ['an unknown format', [{ type: 'json_schema', schema: { type: 'string', format: 'emial' } }], '0.schema', /unknown format "emial"/],
    ['a remote $ref', [{ type: 'json_schema', schema: { $ref: 'https://example.com/s.json' } }], '0.schema', /can't resolve reference/],
    ['a schema that is not an object', [{ type: 'json_schema', schema: 'object' }], '0.schema', /JSON Schema object/],
    ['an empty path segment', [{ type: 'json_field', path: 'a..b' }], '0.path', /empty segment at character 3/],
    ['a non-numeric index', [{ type: 'json_field', path: 'a[x]' }], '0.path', /"\[x\]" is not an array index/],
    ['a negative index', [{ type: 'json_field', path: 'a[-1]' }], '0.path', /not an array index/],
    ['a padded index', [{ type: 'json_field', path: 'a[01]' }], '0.path', /not an array index/],
    ['an unclosed bracket', [{ type: 'json_field', path: 'a[0' }], '0.path', /unclosed "\["/],
    ['a trailing dot', [{ type: 'json_field', path: 'a.' }], '0.path', /empty segment/],
    ['an empty path', [{ type: 'json_field', path: '' }], '0.path', /empty/],
    ['label and version', [{ type: 'llm_judge', prompt: 'judge', label: 'production', version: 2 }], '0.version', /not both/],
    ['a bad judge prompt name', [{ type: 'llm_judge', prompt: 'Judge Me' }], '0.prompt', /a-z/],
    ['a threshold above 1', [{ type: 'llm_judge', prompt: 'judge', passThreshold: 1.5 }], '0.passThreshold', /0 to 1/],
    ['a zero latency limit', [{ type: 'max_latency_ms', value: 0 }], '0.value', /positive/],
    ['a negative cost limit', [{ type: 'max_cost_usd', value: -1 }], '0.value', /positive/],
    ['an unknown field', [{ type: 'exact', casesensitive: false }], '0', /Unrecognized key/],
    ['an empty value', [{ type: 'contains', value: '' }], '0.value', /at least one character/],
    ['duplicate names', [{ type: 'exact', name: 'x' }, { type: 'contains', name: 'x' }], '1.name', /both named "x"/],
    ['no evaluators', [], '(body)', /at least one/],
  ])('rejects %s', async (_what, list, field, message) => {
    const issues = await expectInvalid(parse(list), field);
    expect(issues.find((i) => i.path === field)?.message).toMatch(message);
  });

  it('accepts g-free flags (i, m, s, u, v, d) and quoted, unicode and indexed paths', () => {
    for (const flags of ['', 'i', 'ims', 'u', 'v', 'dsi']) expect(() => EvaluatorSchema.parse({ type: 'regex', pattern: 'a', flags })).not.toThrow();
    for (const path of ['violation', 'a.b[0]', '[2]', 'items[0][1].name', '["a.b"]', "['my key'].x", 'größe.名前', 'a["q\\"uote"]']) {
      expect(() => EvaluatorSchema.parse({ type: 'json_field', path }), path).not.toThrow();
    }
  });

  it('names repeated types type_2, type_3, avoiding names already taken', () => {
    const list = EvaluatorsSchema.parse([{ type: 'contains', value: 'a' }, { type: 'contains', value: 'b' }, { type: 'contains', value: 'c', name: 'contains_2' }, { type: 'contains', value: 'd' }]);
    expect(evaluatorNames(list)).toEqual(['contains', 'contains_3', 'contains_2', 'contains_4']);
  });
});
