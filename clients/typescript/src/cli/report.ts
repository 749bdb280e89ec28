import type { EvalArgs } from './args.js';
import type { Experiment } from './experiments.js';

const pct = (x: number | null | undefined) => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '–');
const num = (x: number | null | undefined, digits = 3) => (typeof x === 'number' ? x.toFixed(digits) : '–');
const int = (x: number | null | undefined) => (typeof x === 'number' ? Math.round(x).toLocaleString('en-US') : '–');
const ms = (x: number | null | undefined) => (typeof x === 'number' ? `${Math.round(x).toLocaleString('en-US')} ms` : '–');
const usd = (x: number | null | undefined) => (typeof x === 'number' ? `$${x.toFixed(4)}` : '–');
export const seconds = (x: number) => `${(x / 1000).toFixed(1)} s`;

export function target(a: Pick<EvalArgs, 'prompt' | 'label' | 'version' | 'suite'>): string {
  const at = a.version !== undefined ? ` version ${a.version}` : `@${a.label ?? 'production'}`;
  return `suite "${a.suite}" of ${a.prompt}${at}`;
}

export function progressLine(e: Experiment, elapsedMs: number): string {
  const { total, done, errors } = e.progress;
  const share = total > 0 ? ` (${Math.floor((done / total) * 100)}%)` : '';
  return `[${seconds(elapsedMs)}] ${e.status}: ${done}/${total} calls${share}, ${errors} error${errors === 1 ? '' : 's'}`;
}

/** The human summary: what ran, the figures, and the verdict line. */
export function summaryText(a: EvalArgs, e: Experiment, verdict: string, elapsedMs: number): string {
  const s = e.summary;
  const lines = [
    `promptdeck eval: ${target(a)} (version ${e.version}${e.modelId ? `, ${e.modelId}` : ''})`,
    `experiment ${e.id}: ${e.status} after ${seconds(elapsedMs)} (${e.progress.done}/${e.progress.total} calls, ${e.progress.errors} errors)`,
  ];
  if (s) {
    const evaluators = Object.entries(s.perEvaluator ?? {}).map(([name, r]) => `${name} ${pct(r.passRate)}`);
    lines.push(
      '',
      `  pass rate    ${pct(s.passRate)}${a.minPassRate !== null ? `   (minimum ${pct(a.minPassRate)})` : ''}`,
      `  mean score   ${num(s.meanScore)}`,
      `  evaluators   ${evaluators.length ? evaluators.join(' · ') : '–'}`,
      `  latency      p50 ${ms(s.latencyP50Ms)} · p95 ${ms(s.latencyP95Ms)}`,
      `  tokens       ${int(s.inputTokens)} in · ${int(s.outputTokens)} out`,
      `  cost         ${usd(s.costUsd)}`,
      `  throttles    ${int(s.throttled)}`,
    );
  }
  lines.push('', verdict);
  return `${lines.join('\n')}\n`;
}

export { pct };
