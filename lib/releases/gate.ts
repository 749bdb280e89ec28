import type { Db, Prisma } from '../db/client';
import type { GateEvidenceDto } from './responses';

type Reader = Db | Prisma.TransactionClient;

/** The run a gate looks at: an experiment of one version on one dataset. */
export interface GateRun {
  experimentId: string;
  passRate: number;
}

/**
 * The gate's source of evidence: the latest succeeded experiment of `version` on `dataset`.
 *
 * TODO(experiments-core): the experiments tables and their `latestSucceededRun` service come
 * from branch experiments-core. Until it is merged there are no experiments, so no gate can
 * pass; replace this body with a call to that service (and nothing else needs to change).
 */
export async function latestSucceededExperimentRun(db: Reader, q: { prompt: string; version: number; dataset: string }): Promise<GateRun | null> {
  return g.__promptdeckGateRuns ? g.__promptdeckGateRuns(db, q) : null;
}

type RunSource = (db: Reader, q: { prompt: string; version: number; dataset: string }) => Promise<GateRun | null>;
const g = globalThis as unknown as { __promptdeckGateRuns?: RunSource };

/** Tests only, until experiments-core is merged: where gate runs come from (undefined: nowhere). */
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

/**
 * The gate's experiment against the current version's latest run on the same dataset.
 *
 * TODO(experiments-core): call its `compareExperiments` once merged; until then there are no
 * runs to compare and the evidence page says so.
 */
export async function compareWithCurrent(db: Reader, q: { prompt: string; candidateVersion: number; currentVersion: number | null; dataset: string }): Promise<RunComparison | null> {
  void db;
  void q;
  return null;
}
