import { z } from 'zod';
import { LabelNameSchema, PromptNameSchema } from '../catalog/schemas';
import { DeployRequestSchema, LabelPolicySchema } from '../releases/responses';
import { CreateDeployRequestSchema, DecisionSchema, ListDeployRequestsQuerySchema, PutPolicySchema } from '../releases/schemas';
import { ok, page, type Operations } from './helpers';

const Name = z.object({ name: PromptNameSchema });
const NameLabel = Name.extend({ label: LabelNameSchema });
const Id = z.object({ id: z.string() });

/** Label policies and deploy requests (API.md, Releases). */
export const releaseOperations = {
  'GET /api/v1/prompts/{name}/labels/{label}/policy': {
    summary: "A label's policy (the defaults when none was set: not protected, 1 approval, no gate)",
    params: NameLabel,
    responses: { 200: ok('The policy', LabelPolicySchema) },
  },
  'PUT /api/v1/prompts/{name}/labels/{label}/policy': {
    summary: 'Set a label policy (admin): protected, approvals 1-3, an optional experiment gate; audited',
    description: 'A protected label is not moved by PUT .../labels/{label} (nor removed, nor set by a new version, nor by promoting a canary): 409 approval_required; it moves through an approved deploy request. Rollback stays one call for deployers. Omitting `approvals` or `gate` keeps the current value; `gate: null` removes the gate.',
    params: NameLabel,
    body: PutPolicySchema,
    responses: { 200: ok('The policy', LabelPolicySchema) },
  },
  'GET /api/v1/prompts/{name}/policies': { summary: 'Every label policy of a prompt', params: Name, responses: { 200: ok('Policies', page(LabelPolicySchema)) } },
  'POST /api/v1/prompts/{name}/deploy-requests': {
    summary: 'Open a deploy request: ask to move a label to a version (editor and up)',
    params: Name,
    body: CreateDeployRequestSchema,
    responses: { 201: ok('Opened', DeployRequestSchema) },
    errors: { 409: 'conflict: the label already points at that version' },
  },
  'GET /api/v1/deploy-requests': { summary: 'Deploy requests, newest first', query: ListDeployRequestsQuerySchema, responses: { 200: ok('Requests', page(DeployRequestSchema)) } },
  'GET /api/v1/deploy-requests/{id}': { summary: 'One deploy request with its evidence', params: Id, responses: { 200: ok('The request', DeployRequestSchema) } },
  'POST /api/v1/deploy-requests/{id}/approve': {
    summary: 'Approve (deployer and up); the label moves once enough approvals are in and the gate passes',
    params: Id,
    body: DecisionSchema,
    responses: { 200: ok('Approved (status deployed when this approval completed it)', DeployRequestSchema) },
    errors: {
      403: 'self_approval: the requester cannot approve their own request',
      409: 'already_decided (one decision per person), stale_request (the label moved since; the request is closed as stale), gate_failed (details: the gate figures), request_closed',
    },
  },
  'POST /api/v1/deploy-requests/{id}/reject': {
    summary: 'Reject (deployer and up) or withdraw (the requester) with an optional comment',
    params: Id,
    body: DecisionSchema,
    responses: { 200: ok('Rejected', DeployRequestSchema) },
    errors: { 409: 'already_decided or request_closed' },
  },
} satisfies Operations;
