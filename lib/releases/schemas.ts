import { z } from 'zod';
import { PageQuerySchema } from '../pagination';
import { LabelNameSchema, PromptNameSchema } from '../catalog/schemas';

export const GateSchema = z
  .object({
    dataset: z.string().min(1, 'dataset is required.').max(200),
    minPassRate: z.number().min(0, 'minPassRate is 0 to 1.').max(1, 'minPassRate is 0 to 1.'),
  })
  .strict();

/** PUT /api/v1/prompts/{name}/labels/{label}/policy */
export const PutPolicySchema = z
  .object({
    protected: z.boolean(),
    approvals: z.number().int('approvals is 1, 2 or 3.').min(1, 'approvals is 1, 2 or 3.').max(3, 'approvals is 1, 2 or 3.').optional(),
    gate: GateSchema.nullable().optional(),
  })
  .strict();

export const CreateDeployRequestSchema = z
  .object({
    label: LabelNameSchema,
    version: z.number().int().min(1).max(2_147_483_647),
    reason: z.string().max(2000).optional(),
  })
  .strict();

export const DecisionSchema = z.object({ comment: z.string().max(2000).optional() }).strict();

export const DEPLOY_REQUEST_STATUSES = ['open', 'deployed', 'rejected', 'stale'] as const;

export const ListDeployRequestsQuerySchema = PageQuerySchema.extend({
  prompt: PromptNameSchema.optional(),
  label: LabelNameSchema.optional(),
  status: z.enum(DEPLOY_REQUEST_STATUSES).optional(),
});
