import { z } from 'zod';
import { LabelMoveSchema } from '../catalog/responses';
import { LabelNameSchema, PromptNameSchema } from '../catalog/schemas';
import { CanaryChangeSchema, CanaryStatusSchema } from '../canary/responses';
import { PromoteCanarySchema, StartCanarySchema, StopCanaryQuerySchema } from '../canary/schemas';
import { ok, type Operations } from './helpers';

const NameLabel = z.object({ name: PromptNameSchema, label: LabelNameSchema });

/** Canaries: a share of a label's callers served another version, watched by the guard. */
export const canaryOperations = {
  'GET /api/v1/prompts/{name}/labels/{label}/canary': {
    summary: 'The canary running on a label, with both sides\' figures over the guard window and the guard\'s state',
    params: NameLabel,
    responses: { 200: ok('The canary (null fields when none runs)', CanaryStatusSchema) },
  },
  'PUT /api/v1/prompts/{name}/labels/{label}/canary': {
    summary: 'Start a canary (deployer): weight% of callers get version, sticky per caller key; or change the weight and guard of the running one',
    description:
      'Guard defaults: minCalls 200, windowSeconds 900, maxErrorRateDelta 0.05 (errors + throttles over calls), maxThumbsDownRateDelta 0.1, maxLatencyP95Ratio 1.5. The guard never judges before both sides have minCalls production calls in the window. A history event `canary_start`.',
    params: NameLabel,
    body: StartCanarySchema,
    responses: { 200: ok('Started (or updated)', CanaryChangeSchema) },
    errors: { 409: 'canary_running: a canary of another version runs; label_conflict: expectedVersion is not where the label points' },
  },
  'DELETE /api/v1/prompts/{name}/labels/{label}/canary': {
    summary: 'Stop the canary (deployer); every caller gets the label\'s version again. A history event `canary_stop`.',
    params: NameLabel,
    query: StopCanaryQuerySchema,
    responses: { 200: ok('Stopped', CanaryChangeSchema) },
    errors: { 409: 'no_canary: none runs on this label' },
  },
  'POST /api/v1/prompts/{name}/labels/{label}/canary/promote': {
    summary: 'Move the label to the canary version (deployer): a label move recorded as `canary_promote`; the canary ends',
    description:
      'A protected label (label policy) is not moved by a promotion: 409 approval_required, whose message and `details` (`version`, `deployRequest: {label, version}`) name the deploy request to open for the canary version instead. Starting, re-weighting and stopping a canary on a protected label stay allowed for deployers.',
    params: NameLabel,
    body: PromoteCanarySchema,
    responses: { 200: ok('Promoted', LabelMoveSchema) },
    errors: { 409: 'no_canary; label_conflict (expectedVersion); canary_conflict (expectedCanaryVersion); approval_required (the label is protected: open a deploy request for the canary version)' },
  },
} satisfies Operations;
