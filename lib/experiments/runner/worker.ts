import { bundleOf } from '../../catalog/dto';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { Params, Template } from '../../catalog/schemas';
import type { Db, Prisma } from '../../db/client';
import { AppError } from '../../errors';
import { EvaluatorsSchema, evaluateCall, type Evaluator } from '../evaluators';
import { evaluatedOutput } from '../evaluators/answer';
import { experimentLimiter, type ExperimentRateLimiter } from '../rate';
import { summarize, SUMMARY_SELECT } from '../summary';
import { callModel, experimentBedrock, judgeRunner, runActor, type CallEnv, type CallTarget } from './call';
import { claimNext, recordResult, refreshClaims, releaseClaims, unfinished, type ClaimedRow, type Recorded } from './claims';
import { emitExperimentFinished } from './hooks';

/**
 * One worker's share of an experiment, for at most `sliceMs`: claims rows one at a time in
 * `concurrency` parallel lanes, calls the model, evaluates, records. Ends when nothing is left
 * (the worker that sees the last row recorded finishes the experiment: summary, status, hooks),
 * when the slice is used up ('more': the caller queues a continuation), when the experiment is
 * cancelled (lanes stop at once: in-flight calls are aborted), or when `signal` aborts (the
 * instance stops: unfinished claims are handed back and the error is rethrown for a retry).
 */
export interface RunnerOptions {
  db: Db;
  client?: BedrockRuntimeClient;
  limiter?: ExperimentRateLimiter;
  /** A claim not refreshed for this long belongs to a dead worker and is taken over. */
  leaseMs: number;
  /** How long one job run works before it hands over to a continuation. */
  sliceMs: number;
  /** How often the worker checks for cancellation (and waits for other workers' rows). */
  pollMs: number;
  log: (line: string) => void;
}

export const DEFAULT_RUNNER: Omit<RunnerOptions, 'db'> = { leaseMs: 60_000, sliceMs: 120_000, pollMs: 500, log: (l) => console.log(`[experiments] ${l}`) };

export type SliceOutcome = 'finished' | 'more' | 'cancelled' | 'gone';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

class Cancelled extends Error {
  constructor() {
    super('The experiment was cancelled.');
    this.name = 'Cancelled';
  }
}

export async function runExperimentSlice(experimentId: string, opts: { signal?: AbortSignal; concurrency?: number } & Partial<RunnerOptions> & { db: Db }): Promise<SliceOutcome> {
  const o: RunnerOptions = { ...DEFAULT_RUNNER, ...opts };
  const { db } = o;
  const e = await db.experiment.findUnique({ where: { id: experimentId } });
  if (!e) return 'gone';
  if (e.status === 'succeeded' || e.status === 'failed') return 'finished';
  if (e.status === 'cancelled') return 'cancelled';
  if (e.status === 'queued') await db.experiment.updateMany({ where: { id: e.id, status: 'queued' }, data: { status: 'running', startedAt: new Date() } });

  let evaluators: Evaluator[];
  let target: CallTarget;
  try {
    evaluators = EvaluatorsSchema.parse(e.evaluators);
    const v = await db.promptVersion.findUnique({ where: { promptId_version: { promptId: e.promptId, version: e.version } } });
    if (!v) throw new AppError('not_found', `Version ${e.version} of "${e.promptName}" no longer exists.`);
    target = {
      promptName: e.promptName,
      version: e.version,
      template: v.template as Template,
      modelId: e.modelId,
      params: e.params as Params,
      guardrail: (v.guardrail as CallTarget['guardrail']) ?? null,
      versionModelId: v.modelId,
      versionParams: v.params as Params,
      bundle: bundleOf(v),
    };
  } catch (err) {
    await failExperiment(o, e.id, (err as Error).message);
    return 'finished';
  }

  const token = randomUUID();
  const ac = new AbortController();
  setMaxListeners(0, ac.signal); // every call in flight (limiter, SDK) listens to it
  const outer = opts.signal;
  const onOuter = () => ac.abort(outer?.reason);
  outer?.addEventListener('abort', onOuter, { once: true });
  let cancelled = false;
  // Cancellation and claim freshness, on one timer.
  let watching = false;
  const watch = setInterval(() => {
    if (watching) return;
    watching = true;
    void (async () => {
      const s = await db.experiment.findUnique({ where: { id: e.id }, select: { status: true } });
      // Cancelled, or failed elsewhere (another shard's job gave up): stop at once.
      if (!s || s.status === 'cancelled' || s.status === 'failed') {
        cancelled = true;
        ac.abort(new Cancelled());
      }
      await refreshClaims(db, token);
    })()
      .catch((err: unknown) => o.log(`watching ${e.id}: ${(err as Error).message}`))
      .finally(() => (watching = false));
  }, Math.min(o.pollMs, o.leaseMs / 3));

  const env: CallEnv = { db, actor: runActor(e), client: o.client ?? experimentBedrock(), limiter: o.limiter ?? experimentLimiter(), signal: ac.signal };
  const judges = judgeRunner(env, e.id);
  // Start at the pace the model's quota allows (looked up once per process and model), not by learning it.
  await env.limiter.ready(target.modelId);
  const deadline = Date.now() + o.sliceMs;
  const lanes = Math.max(1, opts.concurrency ?? e.concurrency);

  const runRow = async (row: ClaimedRow): Promise<void> => {
    let throttles = 0;
    let rec: Omit<Recorded, 'scores' | 'pass' | 'score'>;
    try {
      const out = await callModel(env, target, row.variables, { sessionId: e.id, tags: ['experiment'], experimentId: e.id, exampleId: row.exampleId, repetition: row.repetition });
      throttles += out.throttled;
      const r = out.result;
      rec = { status: 'ok', invocationId: r.invocationId, output: evaluatedOutput(r.output), error: null, latencyMs: r.latencyMs, costUsd: r.costUsd, inputTokens: r.usage.inputTokens, outputTokens: r.usage.outputTokens, throttles: 0 };
    } catch (err) {
      if (ac.signal.aborted) throw err;
      if (!(err instanceof AppError)) throw err;
      const d = (err.details ?? {}) as { invocationId?: string };
      rec = { status: 'error', invocationId: d.invocationId ?? null, output: null, error: err.message, latencyMs: null, costUsd: null, inputTokens: null, outputTokens: null, throttles: 0 };
    }
    const judge = judges.forResult(row.id, (n) => (throttles += n));
    const ev = await evaluateCall(evaluators, { output: rec.output, error: rec.error, expectedOutput: row.expectedOutput, variables: row.variables, latencyMs: rec.latencyMs, costUsd: rec.costUsd }, { judge, signal: ac.signal });
    ac.signal.throwIfAborted();
    await recordResult(db, e.id, row.id, token, { ...rec, throttles, scores: ev.results as unknown as Prisma.InputJsonValue, pass: ev.pass, score: ev.score });
  };

  const lane = async (): Promise<void> => {
    while (!ac.signal.aborted && Date.now() < deadline) {
      const row = await claimNext(db, e.id, token, o.leaseMs);
      if (!row) return;
      try {
        await runRow(row);
      } catch (err) {
        if (!ac.signal.aborted) ac.abort(err); // stop the other lanes at once
        throw err;
      }
    }
  };

  try {
    for (;;) {
      const results = await Promise.allSettled(Array.from({ length: lanes }, lane));
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (ac.signal.aborted || failure) {
        ac.abort(failure?.reason);
        await releaseClaims(db, token);
        if (cancelled) return 'cancelled';
        throw (outer?.aborted ? outer.reason : failure?.reason) as Error;
      }
      if (Date.now() >= deadline) return 'more';
      if ((await unfinished(db, e.id)) === 0) {
        await finishExperiment(o, e.id);
        return 'finished';
      }
      // Other workers hold the rest: wait for them (or for their claims to go stale).
      await sleep(o.pollMs, ac.signal);
    }
  } finally {
    clearInterval(watch);
    outer?.removeEventListener('abort', onOuter);
  }
}

async function finishExperiment(o: RunnerOptions, id: string): Promise<void> {
  const e = await o.db.experiment.findUnique({ where: { id } });
  if (!e || e.status !== 'running') return;
  const rows = await o.db.experimentResult.findMany({ where: { experimentId: id }, select: SUMMARY_SELECT });
  const summary = summarize(rows, EvaluatorsSchema.parse(e.evaluators));
  const finishedAt = new Date();
  const { count } = await o.db.experiment.updateMany({ where: { id, status: 'running' }, data: { status: 'succeeded', summary: summary as unknown as Prisma.InputJsonValue, finishedAt } });
  if (count !== 1) return;
  o.log(`experiment ${id} succeeded: pass rate ${summary.passRate}, ${summary.results} results, ${summary.throttled} throttles`);
  await emitExperimentFinished({ experimentId: id, name: e.name, prompt: e.promptName, version: e.version, datasetId: e.datasetId, status: 'succeeded', summary, suite: e.suiteName, sweepId: e.sweepId, finishedAt: finishedAt.toISOString() }, o.log);
}

export async function failExperiment(o: Pick<RunnerOptions, 'db' | 'log'>, id: string, error: string): Promise<void> {
  const finishedAt = new Date();
  const { count } = await o.db.experiment.updateMany({ where: { id, status: { in: ['queued', 'running'] } }, data: { status: 'failed', error, finishedAt } });
  if (count !== 1) return;
  const e = await o.db.experiment.findUnique({ where: { id } });
  if (!e) return;
  o.log(`experiment ${id} failed: ${error}`);
  await emitExperimentFinished({ experimentId: id, name: e.name, prompt: e.promptName, version: e.version, datasetId: e.datasetId, status: 'failed', summary: null, suite: e.suiteName, sweepId: e.sweepId, finishedAt: finishedAt.toISOString() }, o.log);
}
