import { describe, expect, it } from 'vitest';
import { draftField, fromEvaluator, newDraft, toEvaluator, toEvaluators } from './evaluator-model';

describe('evaluator drafts', () => {
  it('builds every type and reads it back', () => {
    const drafts = [
      { ...newDraft('exact'), caseSensitive: false },
      { ...newDraft('contains'), value: 'block' },
      { ...newDraft('regex'), pattern: '^(allow|block)$', flags: 'i' },
      newDraft('json_valid'),
      { ...newDraft('json_schema'), schema: '{"type":"object","required":["violation"]}' },
      { ...newDraft('json_field'), path: 'a.b[0]' },
      { ...newDraft('llm_judge'), prompt: 'judge', label: 'production', passThreshold: '0.7' },
      newDraft('max_latency_ms'),
      newDraft('max_cost_usd'),
    ];
    const { evaluators, errors } = toEvaluators(drafts);
    expect(errors).toEqual([]);
    expect(evaluators.map((e) => e.type)).toEqual(['exact', 'contains', 'regex', 'json_valid', 'json_schema', 'json_field', 'llm_judge', 'max_latency_ms', 'max_cost_usd']);
    expect(evaluators[6]).toEqual({ type: 'llm_judge', prompt: 'judge', label: 'production', passThreshold: 0.7 });
    for (const e of evaluators) expect(toEvaluator(fromEvaluator(e))).toEqual({ ok: true, evaluator: e });
  });

  it('explains what cannot work in the form’s words', () => {
    expect(toEvaluator({ ...newDraft('regex'), pattern: '(' })).toMatchObject({ ok: false, errors: { pattern: expect.stringMatching(/does not compile/) } });
    expect(toEvaluator({ ...newDraft('regex'), pattern: 'a', flags: 'g' })).toMatchObject({ ok: false, errors: { flags: expect.stringMatching(/Leave out g and y/) } });
    expect(toEvaluator({ ...newDraft('json_schema'), schema: '{"type":' })).toMatchObject({ ok: false, errors: { schema: expect.stringMatching(/not valid JSON/) } });
    expect(toEvaluator({ ...newDraft('json_schema'), schema: '[1]' })).toMatchObject({ ok: false, errors: { schema: expect.stringMatching(/is an object/) } });
    expect(toEvaluator({ ...newDraft('json_field'), path: 'a..b' })).toMatchObject({ ok: false, errors: { path: expect.stringMatching(/cannot be read/) } });
    expect(toEvaluator({ ...newDraft('llm_judge'), passThreshold: '2' })).toMatchObject({ ok: false, errors: { prompt: 'Pick the judge prompt.', passThreshold: expect.any(String) } });
    expect(toEvaluator({ ...newDraft('max_cost_usd'), limit: '0' })).toMatchObject({ ok: false, errors: { limit: expect.any(String) } });
  });

  it('needs one evaluator and distinct names', () => {
    expect(toEvaluators([]).errors).toEqual([{ field: 'evaluators', message: expect.stringMatching(/at least one/) }]);
    const same = toEvaluators([{ ...newDraft(), name: 'x' }, { ...newDraft('json_valid'), name: 'x' }]);
    expect(same.errors).toEqual([{ field: 'evaluators.1.name', message: expect.stringMatching(/Evaluator 1 already/) }]);
  });

  it('maps server paths onto draft fields', () => {
    expect(draftField('evaluators.2.pattern')).toBe('evaluators.2.pattern');
    expect(draftField('evaluators.0.value')).toBe('evaluators.0.limit');
    expect(draftField('evaluators.1')).toBe('evaluators.1.type');
    expect(draftField('dataset')).toBeNull();
  });
});
