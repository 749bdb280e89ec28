import { PromptdeckError } from '../errors.js';
import { requestJson, seg, type Transport } from '../http.js';
import { VERSION } from '../client.js';
import { EXIT, type EvalArgs } from './args.js';
import { FINISHED, isExperiment, type Experiment } from './experiments.js';
import { pct, progressLine, seconds, summaryText, target } from './report.js';

/** What the command touches outside itself (tests pass their own). */
export interface Io {
  out(s: string): void;
  err(s: string): void;
  fetch: typeof fetch;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Calls back on Ctrl-C / SIGTERM; returns how to stop listening. */
  onInterrupt(cb: () => void): () => void;
}

export type EvalResult = 'passed' | 'below_threshold' | 'failed' | 'cancelled' | 'timeout' | 'interrupted' | 'api_error';

/** The whole `promptdeck eval`: start the suite run, follow it, judge it. Returns the exit code. */
export async function runEval(a: EvalArgs, io: Io): Promise<number> {
  const t: Transport = { baseUrl: a.url, apiKey: a.apiKey, fetch: io.fetch, timeoutMs: 30_000, userAgent: `promptdeck-cli/${VERSION}` };
  const started = io.now();
  const elapsed = () => io.now() - started;
  const progress = (s: string) => a.quiet || io.err(`${s}\n`);
  const fail = (result: EvalResult, code: number, message: string, e?: Experiment) => {
    if (a.json) io.out(`${JSON.stringify({ result, exitCode: code, minPassRate: a.minPassRate, durationMs: Math.round(elapsed()), error: message, experiment: e ?? null }, null, 2)}\n`);
    else if (e) io.out(summaryText(a, e, `${result.toUpperCase().replace('_', ' ')}: ${message}`, elapsed()));
    io.err(`promptdeck eval: ${message}\n`);
    return code;
  };

  let e: Experiment;
  try {
    const body = a.version !== undefined ? { version: a.version } : a.label !== undefined ? { label: a.label } : {};
    const r = await requestJson<unknown>(t, 'POST', `/api/v1/prompts/${seg(a.prompt)}/suites/${seg(a.suite)}/runs`, { body });
    if (!isExperiment(r)) return fail('api_error', EXIT.api, 'the server did not answer with an experiment (is this a Promptdeck with test suites?)');
    e = r;
  } catch (err) {
    return fail('api_error', EXIT.api, `could not start ${target(a)}: ${describe(err)}`);
  }
  progress(`started experiment ${e.id}: ${target(a)}, version ${e.version}`);

  let interrupted = false;
  let wake: (() => void) | null = null;
  const stop = io.onInterrupt(() => {
    interrupted = true;
    wake?.();
  });
  try {
    let last = '';
    while (!FINISHED.includes(e.status)) {
      const line = `${e.status} ${e.progress.done}/${e.progress.total} ${e.progress.errors}`;
      if (line !== last) progress(progressLine(e, elapsed()));
      last = line;
      if (interrupted || io.now() - started >= a.timeoutMs) {
        const why = interrupted ? 'interrupted' : `not finished after ${seconds(a.timeoutMs)} (--timeout)`;
        if (a.cancel) await cancel(t, e, progress);
        else progress(`left experiment ${e.id} running (--no-cancel)`);
        return interrupted ? fail('interrupted', 130, why, e) : fail('timeout', EXIT.timeout, why, e);
      }
      await Promise.race([io.sleep(Math.max(0, Math.min(a.pollMs, a.timeoutMs - (io.now() - started)))), new Promise<void>((r) => (wake = r))]);
      wake = null;
      if (interrupted) continue;
      try {
        const r = await requestJson<unknown>(t, 'GET', `/api/v1/experiments/${seg(e.id)}`);
        if (!isExperiment(r)) return fail('api_error', EXIT.api, `GET /api/v1/experiments/${e.id}: not an experiment`, e);
        e = r;
      } catch (err) {
        // The server may restart during a long run: keep following it until --timeout.
        if (err instanceof PromptdeckError && err.unavailable) progress(`[${seconds(elapsed())}] server unavailable (${err.message}); still waiting`);
        else return fail('api_error', EXIT.api, `following experiment ${e.id}: ${describe(err)}`, e);
      }
    }
  } finally {
    stop();
  }
  return judge(a, e, io, elapsed());
}

function judge(a: EvalArgs, e: Experiment, io: Io, elapsedMs: number): number {
  let result: EvalResult;
  let code: number;
  let verdict: string;
  const rate = e.summary?.passRate ?? null;
  if (e.status !== 'succeeded') {
    result = e.status === 'cancelled' ? 'cancelled' : 'failed';
    code = EXIT.runFailed;
    const why = e.error ? `: ${typeof e.error === 'string' ? e.error : JSON.stringify(e.error)}` : '';
    verdict = `FAILED: the run ${e.status === 'cancelled' ? 'was cancelled' : 'failed'}${why}`;
  } else if (a.minPassRate === null) {
    result = 'passed';
    code = EXIT.passed;
    verdict = `PASSED: the run succeeded (pass rate ${pct(rate)}; no --min-pass-rate given)`;
  } else if (rate !== null && rate + 1e-9 >= a.minPassRate) {
    result = 'passed';
    code = EXIT.passed;
    verdict = `PASSED: pass rate ${pct(rate)} >= ${pct(a.minPassRate)}`;
  } else {
    result = 'below_threshold';
    code = EXIT.belowThreshold;
    verdict = `FAILED: pass rate ${pct(rate)} is below ${pct(a.minPassRate)}`;
  }
  if (a.json) io.out(`${JSON.stringify({ result, exitCode: code, minPassRate: a.minPassRate, durationMs: Math.round(elapsedMs), experiment: e }, null, 2)}\n`);
  else io.out(summaryText(a, e, verdict, elapsedMs));
  return code;
}

async function cancel(t: Transport, e: Experiment, progress: (s: string) => void): Promise<void> {
  try {
    await requestJson(t, 'POST', `/api/v1/experiments/${seg(e.id)}/cancel`, { body: {} });
    progress(`cancelled experiment ${e.id}`);
  } catch (err) {
    progress(`could not cancel experiment ${e.id}: ${describe(err)}`);
  }
}

function describe(err: unknown): string {
  if (err instanceof PromptdeckError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
