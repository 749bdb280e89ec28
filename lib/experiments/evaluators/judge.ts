import { extractJson } from './extract-json';
import type { Evaluator } from './schemas';
import { clip, show } from './text';
import { cannotJudge, failed, passed, type EvalCase, type Verdict } from './types';

/**
 * llm_judge: a catalog prompt, run on Bedrock, grades an output. This file is the pure part:
 * the judge's variables and the parsing of its answer. The model call itself is a JudgeRunner
 * (phase B wires it to the gateway, so judge calls are logged invocations and go through the
 * experiment rate limiter, which retries throttles itself).
 *
 * Variables given to the judge prompt:
 * - `{{input}}`: the example's variables: the value itself when there is one string variable,
 *   else one `name: value` line per variable (strings as they are, other values as JSON);
 * - `{{output}}`: the model output under test;
 * - `{{expected}}`: the example's expected output ('' when none, so `{{#expected}}...{{/expected}}`
 *   sections can leave it out).
 * The judge must answer JSON `{"score": 0..1, "reason": "..."}`, bare, fenced or inside prose
 * (found as in extract-json.ts); anything else is a per-result error, never a crash.
 */
export interface JudgeVariables {
  input: string;
  output: string;
  expected: string;
}

export interface JudgeRequest {
  prompt: string;
  label?: string;
  version?: number;
  variables: JudgeVariables;
  signal?: AbortSignal;
}

export interface JudgeReply {
  text: string;
  /** The logged invocation of the judge call, for the results page. */
  invocationId?: string | null;
}

export type JudgeRunner = (req: JudgeRequest) => Promise<JudgeReply>;

export function judgeVariables(c: Pick<EvalCase, 'variables' | 'output' | 'expectedOutput'>): JudgeVariables {
  const entries = Object.entries(c.variables);
  const [only] = entries;
  const input =
    entries.length === 1 && only && typeof only[1] === 'string'
      ? only[1]
      : entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n');
  return { input, output: c.output ?? '', expected: c.expectedOutput ?? '' };
}

export type JudgeAnswer = { ok: true; score: number; reason: string } | { ok: false; message: string };

export function parseJudgeAnswer(text: string): JudgeAnswer {
  const found = extractJson(text);
  const seen = clip(text.trim().replace(/\s+/g, ' '), 120);
  if (!found.ok) return { ok: false, message: `The judge did not answer JSON {"score", "reason"} (it said: ${show(seen, 130)}).` };
  const v = found.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, message: `The judge answered ${show(v, 60)}, not an object {"score", "reason"}.` };
  const raw = (v as Record<string, unknown>).score;
  const score = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (raw === undefined) return { ok: false, message: `The judge's answer has no "score" (it said: ${show(seen, 130)}).` };
  if (!Number.isFinite(score)) return { ok: false, message: `The judge's score ${show(raw, 40)} is not a number.` };
  if (score < 0 || score > 1) return { ok: false, message: `The judge's score ${score} is outside 0..1.` };
  const reason = (v as Record<string, unknown>).reason;
  return { ok: true, score, reason: typeof reason === 'string' ? reason.trim() : '' };
}

/** A judge answer as a verdict: pass when score >= passThreshold. */
export function judgeVerdict(answer: JudgeAnswer, passThreshold: number): Verdict {
  if (!answer.ok) return cannotJudge(answer.message);
  const why = answer.reason ? `: ${clip(answer.reason, 400)}` : ' (no reason given)';
  const head = `Judge score ${answer.score} (passes at ${passThreshold} or more)${why}`;
  return answer.score >= passThreshold ? passed(head, answer.score) : failed(head, answer.score);
}

/** Errors a run must not record as a result: cancellation, or a call to retry later. */
export function mustPropagate(err: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  const e = err as { name?: string; retryable?: boolean } | null;
  return e?.name === 'AbortError' || e?.retryable === true;
}

export async function llmJudge(
  e: Extract<Evaluator, { type: 'llm_judge' }>,
  c: EvalCase,
  runner: JudgeRunner | undefined,
  signal?: AbortSignal,
): Promise<Verdict & { invocationId?: string | null }> {
  if (!runner) return cannotJudge('No judge model is available in this context.');
  let reply: JudgeReply;
  try {
    reply = await runner({
      prompt: e.prompt,
      ...(e.label !== undefined ? { label: e.label } : {}),
      ...(e.version !== undefined ? { version: e.version } : {}),
      variables: judgeVariables(c),
      signal,
    });
  } catch (err) {
    if (mustPropagate(err, signal)) throw err;
    return cannotJudge(`The judge call failed: ${clip((err as Error).message ?? String(err), 300)}`);
  }
  return { ...judgeVerdict(parseJudgeAnswer(reply.text), e.passThreshold), invocationId: reply.invocationId ?? null };
}
