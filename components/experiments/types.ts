/**
 * The experiment shapes the pages read: the contract's own types (lib/experiments/responses.ts),
 * plus a few helpers.
 */
import type { ComparisonDto, ExperimentDto, LatestRunDto, ResultDto, SuiteResultsDto, SweepDto, TestSuiteDto } from '@/lib/experiments/responses';
import type { Params as CatalogParams } from '@/lib/catalog/schemas';

export type Experiment = ExperimentDto;
export type Result = ResultDto;
export type Comparison = ComparisonDto;
export type Sweep = SweepDto;
export type SweepCell = SweepDto['cells'][number];
export type Suite = TestSuiteDto;
export type SuiteResults = SuiteResultsDto;
export type LatestRun = LatestRunDto;
export type Summary = ExperimentDto['summary'];
export type Params = CatalogParams;
export type Score = ResultDto['scores'][number];

export type ExperimentStatus = ExperimentDto['status'];
export const EXPERIMENT_STATUSES: ExperimentStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
export const isActive = (s: ExperimentStatus) => s === 'queued' || s === 'running';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The dataset's name (the id when the dataset is gone). */
export const datasetName = (x: { dataset: string; datasetName: string | null } | null | undefined): string => (x ? (x.datasetName ?? x.dataset) : '');
