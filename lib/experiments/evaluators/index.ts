import { jsonField, jsonSchema, jsonValid } from './json-evaluators';
import { llmJudge, type JudgeRunner } from './judge';
import { maxCost, maxLatency } from './limit-evaluators';
import { evaluatorNames, type Evaluator } from './schemas';
import { contains, exact, regex } from './text-evaluators';
import { failed, type EvalCase, type EvalResult, type Verdict } from './types';

/**
 * Runs evaluators on one model call. A failed call (output null) fails every evaluator with the
 * call's error as the reason: API.md counts a failed call as failing.
 */
export { EvaluatorSchema, EvaluatorsSchema, EVALUATOR_TYPES, evaluatorNames, type Evaluator, type EvaluatorInput, type EvaluatorType } from './schemas';
export type { EvalCase, EvalResult } from './types';
export { judgeVariables, parseJudgeAnswer, judgeVerdict, mustPropagate, type JudgeRunner, type JudgeRequest, type JudgeReply, type JudgeVariables } from './judge';
export { extractJson } from './extract-json';
export { parsePath, valueAt } from './json-path';

export interface EvaluateDeps {
  judge?: JudgeRunner;
  signal?: AbortSignal;
}

async function verdictOf(e: Evaluator, c: EvalCase, deps: EvaluateDeps): Promise<Verdict & { invocationId?: string | null }> {
  if (c.output === null) return failed(`The model call failed${c.error ? `: ${c.error}` : ''}.`);
  switch (e.type) {
    case 'exact':
      return exact(e, c.output, c.expectedOutput);
    case 'contains':
      return contains(e, c.output, c.expectedOutput);
    case 'regex':
      return regex(e, c.output);
    case 'json_valid':
      return jsonValid(e, c.output);
    case 'json_schema':
      return jsonSchema(e, c.output);
    case 'json_field':
      return jsonField(e, c.output, c.expectedOutput);
    case 'llm_judge':
      return llmJudge(e, c, deps.judge, deps.signal);
    case 'max_latency_ms':
      return maxLatency(e, c.latencyMs);
    case 'max_cost_usd':
      return maxCost(e, c.costUsd);
  }
}

export interface EvaluatedCall {
  results: (EvalResult & { invocationId?: string | null })[];
  /** Every evaluator passed (API.md's passRate counts these). */
  pass: boolean;
  /** Mean of the scores. */
  score: number;
}

/** All of a run's evaluators on one call, named as in summaries (evaluatorNames). */
export async function evaluateCall(evaluators: readonly Evaluator[], c: EvalCase, deps: EvaluateDeps = {}): Promise<EvaluatedCall> {
  const names = evaluatorNames(evaluators);
  const results: EvaluatedCall['results'] = [];
  for (const [i, e] of evaluators.entries()) {
    const v = await verdictOf(e, c, deps);
    results.push({ evaluator: names[i] ?? e.type, type: e.type, ...v });
  }
  const pass = results.length > 0 && results.every((r) => r.pass);
  const score = results.length ? results.reduce((n, r) => n + r.score, 0) / results.length : 0;
  return { results, pass, score };
}

/** One evaluator on one call. */
export async function evaluate(e: Evaluator, c: EvalCase, deps: EvaluateDeps = {}): Promise<EvalResult & { invocationId?: string | null }> {
  const [name] = evaluatorNames([e]);
  return { evaluator: name ?? e.type, type: e.type, ...(await verdictOf(e, c, deps)) };
}
