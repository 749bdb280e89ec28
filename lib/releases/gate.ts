import type { Db, Prisma } from '../db/client';
import type { ServiceContext } from '../context';
import { compareExperiments } from '../experiments/compare';
import type { ExperimentDto } from '../experiments/responses';
import { latestSucceededRun } from '../experiments/service';
import type { GateEvidenceDto } from './responses';

type Reader = Db | Prisma.TransactionClient;

/** The run a gate looks at: an experiment of one version on one dataset. */
export interface GateRun {
  experimentId: string;
  passRate: number;
}

/**
 * The gate's source of evidence: the latest succeeded experiment of `version` on `dataset`
 * (lib/experiments `latestSucceededRun`; tests may swap in their own source).
 */
export async function latestSucceededExperimentRun(db: Reader, q: { prompt: string; version: number; dataset: string }): Promise<GateRun | null> {
  if (g.__promptdeckGateRuns) return g.__promptdeckGateRuns(db, q);
  const e = await latestSucceededRun(db as Db, { prompt: q.prompt, version: q.version, dataset: q.dataset });
  return e ? { experimentId: e.id, passRate: e.summary.passRate ?? 0 } : null;
}

type RunSource = (db: Reader, q: { prompt: string; version: number; dataset: string }) => Promise<GateRun | null>;
const g = globalThis as unknown as { __promptdeckGateRuns?: RunSource };

/** Tests only: where gate runs come from (undefined: the experiments service). */
export function setGateRunSourceForTests(source: RunSource | undefined): void {
  g.__promptdeckGateRuns = source;
}

/** The gate's verdict for a version: passed when its latest succeeded experiment reaches minPassRate. */
export async function evaluateGate(db: Reader, prompt: string, version: number, gate: { dataset: string; minPassRate: number }): Promise<GateEvidenceDto> {
  const run = await latestSucceededExperimentRun(db, { prompt, version, dataset: gate.dataset });
  return {
    dataset: gate.dataset,
    minPassRate: gate.minPassRate,
    experimentId: run?.experimentId ?? null,
    passRate: run?.passRate ?? null,
    passed: !!run && run.passRate >= gate.minPassRate,
  };
}

/** What the evidence page shows next to the gate: the candidate's run against the current version's. */
export interface RunComparison {
  candidate: { experimentId: string; passRate: number; costPer1kUsd: number | null; latencyP50Ms: number | null; latencyP95Ms: number | null };
  current: { experimentId: string; passRate: number; costPer1kUsd: number | null; latencyP50Ms: number | null; latencyP95Ms: number | null };
  regressed: number;
  improved: number;
  mcnemarP: number | null;
}

type RunFigures = RunComparison['candidate'];

function figuresOf(e: ExperimentDto): RunFigures {
  const sm = e.summary;
  return {
    experimentId: e.id,
    passRate: sm.passRate ?? 0,
    costPer1kUsd: sm.costUsd !== null && sm.results > 0 ? (sm.costUsd / sm.results) * 1000 : null,
    latencyP50Ms: sm.latencyP50Ms,
    latencyP95Ms: sm.latencyP95Ms,
  };
}

/**
 * The gate's experiment against the current version's latest succeeded run on the same dataset:
 * pass rates, cost per 1,000 calls and latency from those runs, and the paired comparison
 * (regressed / improved examples, exact McNemar p). Null when either run is missing.
 */
export async function compareWithCurrent(ctx: ServiceContext, q: { prompt: string; candidateVersion: number; currentVersion: number | null; dataset: string }): Promise<RunComparison | null> {
  if (q.currentVersion === null || q.currentVersion === q.candidateVersion) return null;
  const [head, base] = await Promise.all([
    latestSucceededRun(ctx.db, { prompt: q.prompt, version: q.candidateVersion, dataset: q.dataset }),
    latestSucceededRun(ctx.db, { prompt: q.prompt, version: q.currentVersion, dataset: q.dataset }),
  ]);
  if (!head || !base) return null;
  const c = await compareExperiments(ctx, { base: base.id, head: head.id });
  return { candidate: figuresOf(head), current: figuresOf(base), regressed: c.regressed.length, improved: c.improved.length, mcnemarP: c.pValue };
}
