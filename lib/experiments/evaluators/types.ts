import type { EvaluatorType } from './schemas';

/** What an evaluator looks at: one model call of an experiment and its example. */
export interface EvalCase {
  /** The model's text; null when the call failed. */
  output: string | null;
  /** Why the call failed (when output is null). */
  error?: string | null;
  /** The example's expected output; null when it has none. */
  expectedOutput: string | null;
  /** The example's variables (the judge's {{input}}). */
  variables: Record<string, unknown>;
  latencyMs: number | null;
  /** null: unknown (the model has no price). */
  costUsd: number | null;
}

/** API.md's per-result verdict, plus the type and whether the evaluator itself could not decide. */
export interface EvalResult {
  evaluator: string;
  type: EvaluatorType;
  pass: boolean;
  /** 0..1 */
  score: number;
  reason: string;
  /**
   * true when the evaluator could not judge this result (no expected output, the judge's answer
   * was not the JSON it must be, a regex timed out...): it counts as a failure, and says why.
   */
  error?: boolean;
}

export type Verdict = Omit<EvalResult, 'evaluator' | 'type'>;

export const passed = (reason: string, score = 1): Verdict => ({ pass: true, score, reason });
export const failed = (reason: string, score = 0): Verdict => ({ pass: false, score, reason });
export const cannotJudge = (reason: string): Verdict => ({ pass: false, score: 0, reason, error: true });

export const NO_EXPECTED = cannotJudge('The example has no expected output to compare with.');
