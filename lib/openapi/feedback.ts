import { z } from 'zod';
import { AddExampleSchema, AssignSchema, CreateDatasetSchema, DismissSchema, FeedbackSchema, QueueQuerySchema, ReopenSchema, ResolveSchema } from '../feedback/schemas';
import { body, ErrorSchema, list, ok, type PathAdder } from './helpers';

const Feedback = z
  .object({ id: z.string(), invocationId: z.string(), score: z.union([z.literal(1), z.literal(-1)]), comment: z.string().nullable(), userRef: z.string().nullable(), voter: z.string(), createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'Feedback' });
const ReviewItem = z
  .object({
    invocationId: z.string(),
    status: z.enum(['open', 'resolved', 'dismissed']),
    enteredAt: z.string(),
    assignee: z.string().nullable(),
    category: z.string().nullable(),
    note: z.string().nullable(),
    closedBy: z.string().nullable(),
    closedAt: z.string().nullable(),
    revision: z.number().int(),
    invocation: z.record(z.string(), z.unknown()),
    feedback: z.array(Feedback),
    versionLabels: z.array(z.string()),
    datasets: z.array(z.string()).describe('Datasets that already hold an example made from this invocation'),
  })
  .meta({ id: 'ReviewItem' });
const Dataset = z.object({ id: z.string(), name: z.string(), description: z.string(), examples: z.number().int(), createdAt: z.string(), createdBy: z.string() }).meta({ id: 'Dataset' });
const Id = z.object({ id: z.string() });
const conflict = ok('Another reviewer acted on the item first', ErrorSchema);

/** Feedback, review queue and dataset endpoints. */
export function registerFeedbackPaths(p: PathAdder): void {
  p('post', '/api/v1/invocations/{id}/feedback', 'Thumbs up/down on an invocation; the same userRef voting again replaces its vote', {
    request: { params: Id, body: body(FeedbackSchema) },
    responses: { 201: ok('Feedback', Feedback) },
  });
  p('get', '/api/v1/review-queue', 'Review queue (reviewer): thumbs-down or commented invocations not yet reviewed', {
    request: { query: QueueQuerySchema },
    responses: { 200: ok('Items and counts', list(ReviewItem).extend({ counts: z.object({ open: z.number(), resolvedToday: z.number(), mine: z.number() }) })) },
  });
  p('get', '/api/v1/review-queue/{id}', 'One review item', { request: { params: Id }, responses: { 200: ok('Item', ReviewItem) } });
  p('post', '/api/v1/review-queue/{id}/resolve', 'Resolve with a category and note', { request: { params: Id, body: body(ResolveSchema) }, responses: { 200: ok('Item', ReviewItem), 409: conflict } });
  p('post', '/api/v1/review-queue/{id}/dismiss', 'Dismiss', { request: { params: Id, body: body(DismissSchema) }, responses: { 200: ok('Item', ReviewItem), 409: conflict } });
  p('post', '/api/v1/review-queue/{id}/reopen', 'Undo a resolve or dismiss: open again (category and note cleared)', {
    request: { params: Id, body: body(ReopenSchema) },
    responses: { 200: ok('Item', ReviewItem), 409: ok('Changed since, or open already', ErrorSchema) },
  });
  p('post', '/api/v1/review-queue/{id}/assign', 'Assign to me ({assignee: "me"}) or unassign ({assignee: null})', { request: { params: Id, body: body(AssignSchema) }, responses: { 200: ok('Item', ReviewItem), 409: conflict } });
  p('get', '/api/v1/datasets', 'Ground-truth datasets', { responses: { 200: ok('Datasets', list(Dataset)) } });
  p('post', '/api/v1/datasets', 'Create a dataset (reviewer)', { request: { body: body(CreateDatasetSchema) }, responses: { 201: ok('Dataset', Dataset), 409: ok('Name in use', ErrorSchema) } });
  p('get', '/api/v1/datasets/{dataset}', 'A dataset (id or name) with its newest examples', { request: { params: z.object({ dataset: z.string() }) }, responses: { 200: ok('Dataset') } });
  p('post', '/api/v1/datasets/{dataset}/examples', 'Add a ground-truth example (reviewer)', { request: { params: z.object({ dataset: z.string() }), body: body(AddExampleSchema) }, responses: { 201: ok('Example') } });
}
