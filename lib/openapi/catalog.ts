import { z } from 'zod';
import { CreatedVersionSchema, ServedVersionSchema, LabelEventSchema, LabelMoveSchema, LabelPutSchema, LabelSchema, PromptSchema, RenderedSchema, VersionSchema } from '../catalog/responses';
import {
  CreatePromptSchema,
  CreateVersionSchema,
  LabelNameSchema,
  ListPromptsQuerySchema,
  ListQuerySchema,
  MoveLabelSchema,
  PromptNameSchema,
  RemoveLabelQuerySchema,
  RenderSchema,
  RollbackSchema,
  UpdatePromptSchema,
} from '../catalog/schemas';
import { ok, page, type Operations } from './helpers';

const Name = z.object({ name: PromptNameSchema });
const NameLabel = Name.extend({ label: LabelNameSchema });

/** Prompts, versions, labels and their history. */
const SERVING_HEADERS = {
  ETag: 'Entity tag of this answer; send it back as If-None-Match to revalidate.',
  'X-Promptdeck-Canary': '`true` when the answer is a running canary\'s version, else `false` (the body says the same in `canary`).',
  'X-Promptdeck-Epoch': 'Serving epoch (a non-negative integer as text) that this answer reflects at least; raised by every label move, rollback, removal and new version anywhere in the catalog.',
};

export const catalogOperations = {
  'GET /api/v1/prompts': { summary: 'List prompts', query: ListPromptsQuerySchema, responses: { 200: ok('Prompts', page(PromptSchema)) } },
  'POST /api/v1/prompts': {
    summary: 'Create a prompt',
    body: CreatePromptSchema,
    responses: { 201: ok('Created', PromptSchema) },
    errors: { 409: 'prompt_exists: a prompt with this name exists' },
  },
  'GET /api/v1/prompts/{name}': {
    summary: 'Serve the version a label (default production) or number points at',
    params: Name,
    query: z.object({
      label: LabelNameSchema.optional(),
      version: z.number().int().optional(),
      stickyKey: z.string().max(200).optional().describe('Canary stickiness: the same key always gets the same side of a running canary (no key: a random draw per call).'),
    }),
    description:
      'Send `If-None-Match` with the ETag of the copy you hold: 304 when it is still what the selector resolves to. Every 200 and 304 carries `X-Promptdeck-Epoch`, the serving epoch: a counter raised by every change of what any label resolves to, and never ahead of what the answer reflects. A client that has seen epoch E on any answer knows that a copy it cached from an answer with an epoch below E may be stale (the client libraries drop such copies).',
    responses: {
      200: { ...ok('The version served (a running canary\'s for its share of callers)', ServedVersionSchema), headers: SERVING_HEADERS },
      304: { ...ok('Not modified (If-None-Match matched)'), headers: SERVING_HEADERS },
    },
  },
  'PATCH /api/v1/prompts/{name}': { summary: 'Update description or tags; archive ({archived: true}) or restore', params: Name, body: UpdatePromptSchema, responses: { 200: ok('Updated', PromptSchema) } },
  'DELETE /api/v1/prompts/{name}': {
    summary: 'Delete a prompt with its versions and history (deployer); refused while a label points at one of its versions',
    params: Name,
    responses: { 204: ok('Deleted') },
    errors: { 409: 'prompt_in_use: labels point at its versions (details.labels)' },
  },
  'GET /api/v1/prompts/{name}/versions': { summary: 'List versions, newest first', params: Name, query: ListQuerySchema, responses: { 200: ok('Versions', page(VersionSchema)) } },
  'POST /api/v1/prompts/{name}/versions': {
    summary: 'Create the next version; nothing is created when it is identical to its parent',
    params: Name,
    body: CreateVersionSchema,
    responses: {
      201: ok('Created (created: true)', CreatedVersionSchema),
      200: ok('No changes: identical (template, model, params, guardrail) to parentVersion, default the latest. That version comes back with created: false; nothing is written, labels are not moved.', CreatedVersionSchema),
    },
    errors: { 409: 'approval_required: one of `labels` is protected (nothing is created)' },
  },
  'GET /api/v1/prompts/{name}/versions/{version}': {
    summary: 'Get one version',
    params: Name.extend({ version: z.number().int() }),
    responses: { 200: ok('Version', VersionSchema) },
  },
  'GET /api/v1/prompts/{name}/labels': { summary: 'List labels (with the automatic latest)', params: Name, responses: { 200: ok('Labels', page(LabelSchema)) } },
  'PUT /api/v1/prompts/{name}/labels/{label}': {
    summary: 'Point a label at a version',
    params: NameLabel,
    body: MoveLabelSchema,
    responses: { 200: ok('Moved; changed: false (and no history event) when it already pointed there', LabelPutSchema) },
    errors: { 409: 'label_conflict: the label moved meanwhile; details.currentVersion. approval_required: the label is protected (open a deploy request)' },
  },
  'DELETE /api/v1/prompts/{name}/labels/{label}': {
    summary: 'Remove a label',
    params: NameLabel,
    query: RemoveLabelQuerySchema,
    responses: { 204: ok('Removed') },
    errors: { 409: 'label_conflict: the label moved meanwhile; approval_required: the label is protected' },
  },
  'POST /api/v1/prompts/{name}/labels/{label}/rollback': {
    summary: 'Move a label back to where it pointed before its latest move',
    params: NameLabel,
    body: RollbackSchema,
    responses: { 200: ok('Rolled back', LabelMoveSchema) },
    errors: { 409: 'nothing_to_rollback or label_conflict' },
  },
  'GET /api/v1/prompts/{name}/labels/{label}/history': {
    summary: 'Label history, newest first',
    params: NameLabel,
    query: ListQuerySchema,
    responses: { 200: ok('Events', page(LabelEventSchema)) },
  },
  'GET /api/v1/prompts/{name}/history': { summary: 'History of all labels of a prompt', params: Name, query: ListQuerySchema, responses: { 200: ok('Events', page(LabelEventSchema)) } },
  'POST /api/v1/prompts/{name}/render': { summary: 'Render a version with variables', params: Name, body: RenderSchema, responses: { 200: ok('Rendered', RenderedSchema) } },
} satisfies Operations;
