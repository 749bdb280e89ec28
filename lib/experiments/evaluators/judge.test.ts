import { describe, expect, it } from 'vitest';
import { evaluate, EvaluatorSchema, judgeVariables, parseJudgeAnswer, type EvalCase, type JudgeRequest, type JudgeRunner } from './index';

const c: EvalCase = { output: '{"violation": true}', expectedOutput: '{"violation": true}', variables: { comment: 'You idiot' }, latencyMs: 10, costUsd: null };
const judge = (e: Record<string, unknown> = {}) => EvaluatorSchema.parse({ type: 'llm_judge', prompt: 'judge-similarity', ...e });
const answering = (text: string, seen: JudgeRequest[] = []): JudgeRunner => async (req) => {
  seen.push(req);
  return { text, invocationId: 'inv-1' };
};

describe('judge variables', () => {
  it('passes the single string variable as {{input}}, the output and the expected output', () => {
    expect(judgeVariables(c)).toEqual({ input: 'You idiot', output: '{"violation": true}', expected: '{"violation": true}' });
  });

  it('lists several variables as name: value lines; no expected output is empty', () => {
    const v = judgeVariables({ variables: { comment: 'Great', meta: { stars: 5 }, n: 3 }, output: null, expectedOutput: null });
    expect(v).toEqual({ input: 'comment: Great\nmeta: {"stars":5}\nn: 3', output: '', expected: '' });
  });
});

describe('parsing the judge’s answer', () => {
  it.each([
    ['bare JSON', '{"score": 0.8, "reason": "close"}', 0.8, 'close'],
    ['a fence', 'Here is my grade:\n```json\n{"score": 1, "reason": "same verdict"}\n```', 1, 'same verdict'],
    ['prose around it', 'I think {"reason": "partly right", "score": 0.25} is fair.', 0.25, 'partly right'],
    ['a numeric string score', '{"score": "0.5", "reason": "meh"}', 0.5, 'meh'],
    ['no reason', '{"score": 0}', 0, ''],
  ])('reads %s', (_what, text, score, reason) => {
    expect(parseJudgeAnswer(text)).toEqual({ ok: true, score, reason });
  });

  it.each([
    ['prose only', 'The output looks good to me, 8/10.', /did not answer JSON.*8\/10/],
    ['an empty answer', '', /did not answer JSON/],
    ['an array', '[0.5]', /not an object/],
    ['no score', '{"grade": "A"}', /has no "score"/],
    ['a word score', '{"score": "high"}', /is not a number/],
    ['a score above 1', '{"score": 7, "reason": "out of 10"}', /score 7 is outside 0\.\.1/],
    ['a negative score', '{"score": -0.1}', /outside 0\.\.1/],
  ])('rejects %s with a clear message', (_what, text, message) => {
    const r = parseJudgeAnswer(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(message);
  });
});

describe('llm_judge', () => {
  it('sends the prompt reference and variables, and passes at the threshold', async () => {
    const seen: JudgeRequest[] = [];
    const r = await evaluate(judge({ label: 'production', passThreshold: 0.7 }), c, { judge: answering('{"score": 0.7, "reason": "same verdict"}', seen) });
    expect(r).toMatchObject({ evaluator: 'llm_judge', pass: true, score: 0.7, invocationId: 'inv-1' });
    expect(r.reason).toBe('Judge score 0.7 (passes at 0.7 or more): same verdict');
    expect(seen[0]).toMatchObject({ prompt: 'judge-similarity', label: 'production', variables: { input: 'You idiot' } });
    expect(seen[0]).not.toHaveProperty('version');
  });

  it('fails below the default threshold of 0.5', async () => {
    expect(await evaluate(judge(), c, { judge: answering('{"score": 0.49, "reason": "different"}') })).toMatchObject({ pass: false, score: 0.49 });
  });

  it('turns a malformed answer or a failed judge call into a per-result error, not a crash', async () => {
    expect(await evaluate(judge(), c, { judge: answering('Looks right!') })).toMatchObject({ pass: false, score: 0, error: true, reason: expect.stringContaining('did not answer JSON') });
    const broken: JudgeRunner = async () => {
      throw new Error('Bedrock answered with an error: ValidationException');
    };
    expect(await evaluate(judge(), c, { judge: broken })).toMatchObject({ error: true, reason: 'The judge call failed: Bedrock answered with an error: ValidationException' });
    expect(await evaluate(judge(), c)).toMatchObject({ error: true, reason: expect.stringContaining('No judge') });
  });

  it('lets cancellation and retry-later errors through to the runner', async () => {
    const later: JudgeRunner = async () => {
      throw Object.assign(new Error('throttled'), { retryable: true });
    };
    await expect(evaluate(judge(), c, { judge: later })).rejects.toThrow('throttled');
    const ac = new AbortController();
    ac.abort();
    const aborted: JudgeRunner = async () => {
      throw new Error('stopped');
    };
    await expect(evaluate(judge(), c, { judge: aborted, signal: ac.signal })).rejects.toThrow('stopped');
  });
});
