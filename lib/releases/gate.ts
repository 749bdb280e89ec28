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
