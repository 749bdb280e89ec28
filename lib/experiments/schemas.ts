import { z } from 'zod';
import { LabelNameSchema, ModelIdSchema, ParamsSchema, PromptNameSchema } from '../catalog/schemas';
import { coercedInt4, int4, PageQuerySchema } from '../pagination';
import { EvaluatorsSchema } from './evaluators';

/**
 * Inputs of the experiment, sweep and test-suite endpoints (API.md "Experiments"). Evaluators
 * are compiled while parsing (regex, JSON Schema, json_field path), so a bad one is a 400 before
 * anything is stored or run.
 */
export const EXPERIMENT_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const ExperimentStatusSchema = z.enum(EXPERIMENT_STATUSES);
export type ExperimentStatus = z.infer<typeof ExperimentStatusSchema>;
export const FINISHED_STATUSES: readonly ExperimentStatus[] = ['succeeded', 'failed', 'cancelled'];

const DatasetRef = z.string().trim().min(1, 'Give a dataset (id or name).').max(200);
const Repetitions = z.number().int('repetitions is a whole number.').min(1, 'repetitions is 1 to 5.').max(5, 'repetitions is 1 to 5.');
const Concurrency = z.number().int('concurrency is a whole number.').min(1, 'concurrency is 1 to 16.').max(16, 'concurrency is 1 to 16.');
const RunName = z.string().trim().min(1, 'A name has 1-100 characters.').max(100, 'A name has 1-100 characters.');
const bothSelectors = { path: ['version'], message: 'Give label or version, not both.' };

export const CreateExperimentSchema = z
  .object({
    prompt: PromptNameSchema,
    version: int4(1, 'version').optional(),
    label: LabelNameSchema.optional(),
    dataset: DatasetRef,
    evaluators: EvaluatorsSchema,
    modelId: ModelIdSchema.optional(),
    params: ParamsSchema.optional(),
    repetitions: Repetitions.default(1),
    concurrency: Concurrency.default(8),
    name: RunName.optional(),
  })
  .strict()
  .refine((e) => e.label === undefined || e.version === undefined, bothSelectors);
export type CreateExperimentInput = z.infer<typeof CreateExperimentSchema>;

export const ExperimentListQuerySchema = PageQuerySchema.extend({
  prompt: z.string().max(100).optional(),
  dataset: z.string().max(200).optional(),
  status: ExperimentStatusSchema.optional(),
  suite: z.string().max(60).optional(),
  version: coercedInt4(1, 'version').optional(),
});

export const ResultsQuerySchema = PageQuerySchema.extend({
  failed: z.enum(['true', 'false'], { message: 'failed is true or false.' }).optional().describe('true: only the results that did not pass (failed calls included).'),
});

export const CompareQuerySchema = z.object({
  base: z.string().min(1, 'Give the base experiment id.').max(100),
  head: z.string().min(1, 'Give the head experiment id.').max(100),
});

/** At most this many cells (experiments) per sweep. */
export const MAX_SWEEP_CELLS = 32;

const Grid = z
  .object({
    modelId: z.array(ModelIdSchema).min(1, 'Give at least one model, or leave modelId out.').max(8).optional(),
    temperature: z.array(z.number().min(0, 'Temperature must be between 0 and 1.').max(1, 'Temperature must be between 0 and 1.')).min(1).max(8).optional(),
    topP: z.array(z.number().min(0, 'Top P must be between 0 and 1.').max(1, 'Top P must be between 0 and 1.')).min(1).max(8).optional(),
    maxTokens: z.array(z.number().int('Max tokens must be a whole number.').min(1, 'Max tokens must be at least 1.').max(1_000_000)).min(1).max(8).optional(),
  })
  .strict();
export type Grid = z.infer<typeof Grid>;

export const CreateSweepSchema = z
  .object({
    prompt: PromptNameSchema,
    version: int4(1, 'version').optional(),
    label: LabelNameSchema.optional(),
    dataset: DatasetRef,
    evaluators: EvaluatorsSchema,
    grid: Grid,
    repetitions: Repetitions.default(1),
    concurrency: Concurrency.default(8),
    name: RunName.optional(),
  })
  .strict()
  .refine((e) => e.label === undefined || e.version === undefined, bothSelectors)
  .superRefine((s, ctx) => {
    const n = gridSize(s.grid);
    if (n > MAX_SWEEP_CELLS) ctx.addIssue({ code: 'custom', path: ['grid'], message: `The grid has ${n} cells; at most ${MAX_SWEEP_CELLS} are allowed (fewer values per parameter).` });
  });
export type CreateSweepInput = z.infer<typeof CreateSweepSchema>;

export const SweepListQuerySchema = PageQuerySchema.extend({ prompt: z.string().max(100).optional() });

/** Cells of a grid: the product of its (distinct) lists; an absent list keeps the version's value. */
export function gridSize(g: Grid): number {
  const lists: (readonly unknown[] | undefined)[] = [g.modelId, g.temperature, g.topP, g.maxTokens];
  return lists.reduce<number>((n, l) => n * (l ? new Set(l).size : 1), 1);
}

export const SUITE_NAME_RE = /^[a-z0-9][a-z0-9._-]{0,59}$/;
export const SuiteNameSchema = z
  .string()
  .regex(SUITE_NAME_RE, 'Use 1-60 characters: a-z, 0-9, "-", "_", "."; start with a letter or digit.')
  .refine((n) => n !== 'default', { message: '"default" stands for the prompt\'s default suite; name the suite and set isDefault instead.' });

const Rate = z.number().min(0, 'A rate is 0 to 1.').max(1, 'A rate is 0 to 1.');

export const PutSuiteSchema = z
  .object({
    dataset: DatasetRef,
    evaluators: EvaluatorsSchema,
    description: z.string().max(2_000).optional(),
    minPassRate: Rate.nullable().optional(),
    thresholds: z.record(z.string().max(60), Rate).optional().describe('Per-evaluator minimum pass rates, by evaluator name.'),
    repetitions: Repetitions.default(1),
    concurrency: Concurrency.default(8),
    isDefault: z.boolean().optional().describe("Make it the prompt's default suite (the first suite of a prompt is the default)."),
  })
  .strict();
export type PutSuiteInput = z.infer<typeof PutSuiteSchema>;

export const SuiteRunSchema = z
  .object({
    version: int4(1, 'version').optional(),
    label: LabelNameSchema.optional(),
    name: RunName.optional(),
  })
  .strict()
  .refine((e) => e.label === undefined || e.version === undefined, bothSelectors);
