import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';
import { DEPLOY_REQUEST_STATUSES } from './schemas';

const Time = z.iso.datetime();

export const LabelPolicySchema = z
  .object({
    prompt: z.string(),
    label: z.string(),
    protected: z.boolean().describe('A protected label moves only through approved deploy requests; rollback stays direct.'),
    approvals: z.number().int().describe('Approvals a deploy request needs (1-3).'),
    gate: z.object({ dataset: z.string(), minPassRate: z.number() }).nullable().describe('A succeeded experiment of the version on this dataset must reach minPassRate.'),
    updatedAt: Time.nullable().describe('null: no policy was ever set (the defaults apply).'),
    updatedBy: z.string().nullable(),
    updatedByRef: NullableActorRefSchema,
  })
  .meta({ id: 'LabelPolicy' });
export type LabelPolicyDto = z.infer<typeof LabelPolicySchema>;

export const GateEvidenceSchema = z
  .object({
    dataset: z.string(),
    minPassRate: z.number(),
    experimentId: z.string().nullable().describe('The latest succeeded experiment of the version on the dataset; null when there is none.'),
    passRate: z.number().nullable(),
    passed: z.boolean(),
  })
  .meta({ id: 'GateEvidence' });
export type GateEvidenceDto = z.infer<typeof GateEvidenceSchema>;

export const DeployDecisionSchema = z
  .object({
    by: z.string().describe('Display snapshot of who decided.'),
    byRef: NullableActorRefSchema,
    comment: z.string(),
    at: Time,
  })
  .meta({ id: 'DeployDecision' });

export const DeployRequestSchema = z
  .object({
    id: z.string(),
    prompt: z.string(),
    label: z.string(),
    fromVersion: z.number().int().nullable().describe('What the label pointed at when the request was opened.'),
    toVersion: z.number().int(),
    currentVersion: z.number().int().nullable().describe('What the label points at now.'),
    labelMovedSince: z.boolean().describe('The label moved since the request was opened: approving it answers stale_request.'),
    reason: z.string(),
    status: z.enum(DEPLOY_REQUEST_STATUSES),
    approvalsNeeded: z.number().int(),
    requestedBy: z.string(),
    requestedByRef: NullableActorRefSchema,
    createdAt: Time,
    decidedAt: Time.nullable(),
    approvals: z.array(DeployDecisionSchema),
    rejection: DeployDecisionSchema.nullable().meta({ id: 'DeployDecisionOrNull', description: 'The rejection (or withdrawal), or null.' }),
    evidence: z.object({ gate: GateEvidenceSchema.nullable().meta({ id: 'GateEvidenceOrNull', description: 'null: the label has no gate.' }) }),
  })
  .meta({ id: 'DeployRequest' });
export type DeployRequestDto = z.infer<typeof DeployRequestSchema>;
