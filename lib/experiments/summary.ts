import { evaluatorNames, type Evaluator } from './evaluators';
import type { Summary } from './responses';
import { latencyPercentiles } from './stats';

/**
 * An experiment's summary from its finished results (API.md): passRate counts a result as
 * passing when every evaluator passed, a failed call counts as failing; per evaluator, its pass
 * rate and mean score; latency percentiles over the calls the model answered (as the metrics
 * pages compute them); tokens, cost and throttles summed.
 */
export interface SummaryRow {
  status: 'pending' | 'running' | 'ok' | 'error';
  pass: boolean | null;
  score: number | null;
  scores: unknown;
  latencyMs: number | null;
  costUsd: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  throttles: number;
}

interface StoredScore {
  evaluator: string;
  pass: boolean;
  score: number;
  error?: boolean;
}

const round = (v: number, places = 4) => Math.round(v * 10 ** places) / 10 ** places;

export function summarize(rows: readonly SummaryRow[], evaluators: readonly Evaluator[]): Summary {
  const done = rows.filter((r) => r.status === 'ok' || r.status === 'error');
  const names = evaluatorNames(evaluators);
  const per = new Map(names.map((n) => [n, { passed: 0, n: 0, scoreSum: 0, errors: 0 }]));
  let passed = 0;
  let scoreSum = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let cost = 0;
  let priced = 0;
  let throttled = 0;
  let failedCalls = 0;
  const latencies: number[] = [];
  for (const r of rows) throttled += r.throttles;
  for (const r of done) {
    if (r.pass) passed += 1;
    scoreSum += r.score ?? 0;
    inputTokens += r.inputTokens ?? 0;
    outputTokens += r.outputTokens ?? 0;
    if (r.costUsd !== null) {
      cost += r.costUsd;
      priced += 1;
    }
    if (r.status === 'error') failedCalls += 1;
    else if (r.latencyMs !== null) latencies.push(r.latencyMs);
    for (const s of Array.isArray(r.scores) ? (r.scores as StoredScore[]) : []) {
      const e = per.get(s.evaluator);
      if (!e) continue;
      e.n += 1;
      e.scoreSum += s.score;
      if (s.pass) e.passed += 1;
      if (s.error) e.errors += 1;
    }
  }
  const n = done.length;
  const { p50, p95 } = latencyPercentiles(latencies);
  return {
    passRate: n ? round(passed / n) : null,
    meanScore: n ? round(scoreSum / n) : null,
    perEvaluator: Object.fromEntries([...per].map(([name, e]) => [name, { passRate: e.n ? round(e.passed / e.n) : null, meanScore: e.n ? round(e.scoreSum / e.n) : null, errors: e.errors }])),
    latencyP50Ms: p50,
    latencyP95Ms: p95,
    inputTokens,
    outputTokens,
    costUsd: priced ? round(cost, 6) : null,
    throttled,
    results: n,
    passed,
    failedCalls,
  };
}

export const SUMMARY_SELECT = { status: true, pass: true, score: true, scores: true, latencyMs: true, costUsd: true, inputTokens: true, outputTokens: true, throttles: true } as const;
