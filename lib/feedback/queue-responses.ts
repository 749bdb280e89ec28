import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';
import { InvocationSchema } from '../invocations/responses';
import { FeedbackSchema } from './responses';

/** What the review-queue endpoints answer, defined once (see lib/catalog/responses.ts). */
const Time = z.iso.datetime();

export const ReviewItemSchema = z
  .object({
    invocationId: z.string(),
    status: z.enum(['open', 'resolved', 'dismissed']),
    enteredAt: Time,
    assignee: z.string().nullable().describe('Display snapshot of the reviewer holding the item (see assigneeRef).'),
    assigneeRef: NullableActorRefSchema,
    category: z.string().nullable(),
    note: z.string().nullable(),
    closedBy: z.string().nullable(),
    closedByRef: NullableActorRefSchema,
    closedAt: Time.nullable(),
    revision: z.number().int().describe('Send it back as expectedRevision: a stale write is refused (409).'),
    invocation: InvocationSchema,
    feedback: z.array(FeedbackSchema),
    versionLabels: z.array(z.string()).describe("Labels that point at the invocation's version now."),
    datasets: z.array(z.string()).describe('Datasets that already hold an example made from this invocation.'),
  })
  .meta({ id: 'ReviewItem' });
export type ReviewItemDto = z.infer<typeof ReviewItemSchema>;

export const QueueCountsSchema = z
  .object({ open: z.number().int(), resolvedToday: z.number().int(), mine: z.number().int().describe('Open items assigned to the caller.') })
  .meta({ id: 'QueueCounts' });
export type QueueCounts = z.infer<typeof QueueCountsSchema>;

export const QueuePageSchema = z
  .object({ items: z.array(ReviewItemSchema), nextCursor: z.string().nullable(), counts: QueueCountsSchema })
  .meta({ id: 'ReviewQueuePage' });
export type QueuePage = z.infer<typeof QueuePageSchema>;
