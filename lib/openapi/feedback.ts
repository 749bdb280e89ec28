import { z } from 'zod';
import { QueuePageSchema, ReviewItemSchema } from '../feedback/queue-responses';
import { FeedbackSchema as FeedbackResponse } from '../feedback/responses';
import { AssignSchema, DismissSchema, FeedbackSchema, QueueQuerySchema, ReopenSchema, ResolveSchema } from '../feedback/schemas';
import { ok, type Operations } from './helpers';

const Id = z.object({ id: z.string() });
const raced = 'conflict: another reviewer acted on the item first (details: status, closedBy, assignee, revision)';

/** Feedback and the review queue (datasets: lib/openapi/datasets.ts). */
export const feedbackOperations = {
  'POST /api/v1/invocations/{id}/feedback': {
    summary: 'Thumbs up/down on an invocation; the same voter (userRef, else the calling user or key) voting again replaces its vote',
    params: Id,
    body: FeedbackSchema,
    responses: { 201: ok('Feedback', FeedbackResponse) },
  },
  'GET /api/v1/review-queue': {
    summary: 'Review queue (reviewer): thumbs-down or commented invocations not yet reviewed',
    query: QueueQuerySchema,
    responses: { 200: ok('Items and counts', QueuePageSchema) },
  },
  'GET /api/v1/review-queue/{id}': { summary: 'One review item', params: Id, responses: { 200: ok('Item', ReviewItemSchema) } },
  'POST /api/v1/review-queue/{id}/resolve': { summary: 'Resolve with a category and note', params: Id, body: ResolveSchema, responses: { 200: ok('Item', ReviewItemSchema) }, errors: { 409: raced } },
  'POST /api/v1/review-queue/{id}/dismiss': { summary: 'Dismiss', params: Id, body: DismissSchema, responses: { 200: ok('Item', ReviewItemSchema) }, errors: { 409: raced } },
  'POST /api/v1/review-queue/{id}/reopen': {
    summary: 'Undo a resolve or dismiss: the item is open again (category, note and who closed it cleared)',
    params: Id,
    body: ReopenSchema,
    responses: { 200: ok('Item', ReviewItemSchema) },
    errors: { 409: 'conflict: the item changed since (expectedRevision), or it is open already' },
  },
  'POST /api/v1/review-queue/{id}/assign': {
    summary: 'Assign to me ({assignee: "me"}) or unassign ({assignee: null})',
    params: Id,
    body: AssignSchema,
    responses: { 200: ok('Item', ReviewItemSchema) },
    errors: { 409: raced },
  },
} satisfies Operations;
