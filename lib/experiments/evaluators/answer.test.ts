import { describe, expect, it } from 'vitest';
import { evaluatedOutput, evaluatedOutputOf } from './answer';
import { evaluate, EvaluatorSchema, type EvalCase } from './index';

const lookup = { name: 'lookup_order', input: { orderId: 1234 } };
const expected = JSON.stringify({ toolCalls: [{ name: 'lookup_order', input: { orderId: 1234 } }] });
const call = (output: string): EvalCase => ({ output, expectedOutput: expected, variables: {}, latencyMs: 10, costUsd: 0 });
const field = (path: string, output: string) => evaluate(EvaluatorSchema.parse({ type: 'json_field', path }), call(output));

describe('what the evaluators see of an answer', () => {
  it('a text answer is its text, unchanged', () => {
    expect(evaluatedOutput({ text: '{"violation": false}' })).toBe('{"violation": false}');
    expect(evaluatedOutput({ text: 'Hello', toolCalls: [] })).toBe('Hello');
  });

  it('an answer with tool calls is the JSON document {text, toolCalls: [{name, input}]}, without call ids', () => {
    const out = evaluatedOutput({ text: '', toolCalls: [{ ...lookup, toolUseId: 'tooluse_abc' } as typeof lookup] });
    expect(JSON.parse(out)).toEqual({ text: '', toolCalls: [lookup] });
    expect(out).not.toContain('tooluse_abc');
    expect(out).toBe('{"text":"","toolCalls":[{"name":"lookup_order","input":{"orderId":1234}}]}'); // compact, like expected outputs
  });

  it('reads a stored invocation output of any shape', () => {
    expect(evaluatedOutputOf({ text: 'Hi' })).toBe('Hi');
    expect(evaluatedOutputOf(null)).toBe('');
    expect(evaluatedOutputOf('text')).toBe('');
    expect(JSON.parse(evaluatedOutputOf({ text: "I'll look.", toolCalls: [{ ...lookup, toolUseId: 'x' }, { input: {} }, 7] }))).toEqual({ text: "I'll look.", toolCalls: [lookup] });
    expect(JSON.parse(evaluatedOutputOf({ toolCalls: [{ name: 'ping' }] }))).toEqual({ text: '', toolCalls: [{ name: 'ping', input: {} }] });
  });

  it('json_field addresses a tool call: its input, one field of it, its name', async () => {
    const out = evaluatedOutput({ text: '', toolCalls: [lookup] });
    expect(await field('toolCalls[0].input', out)).toMatchObject({ pass: true, score: 1, reason: 'toolCalls[0].input is {"orderId":1234}, as expected.' });
    expect(await field('toolCalls[0].input.orderId', out)).toMatchObject({ pass: true });
    expect(await field('toolCalls[0].name', out)).toMatchObject({ pass: true });
    const wrong = evaluatedOutput({ text: '', toolCalls: [{ name: 'lookup_order', input: { orderId: 42 } }] });
    expect(await field('toolCalls[0].input.orderId', wrong)).toMatchObject({ pass: false, reason: 'Expected 1234 at toolCalls[0].input.orderId, got 42.' });
    // A text answer where a tool call was expected fails, saying what is missing.
    expect(await field('toolCalls[0].input', 'Your order is on its way.')).toMatchObject({ pass: false });
    expect(await field('toolCalls[0].input', '{"answer": "on its way"}')).toMatchObject({ pass: false, reason: expect.stringContaining('nothing at toolCalls') });
  });
});
