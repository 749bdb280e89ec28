import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';

/** What the feedback, review-queue and dataset endpoints answer, defined once (see lib/catalog/responses.ts). */
const Time = z.iso.datetime();

export const FeedbackSchema = z
  .object({
    id: z.string(),
    invocationId: z.string(),
    score: z.union([z.literal(1), z.literal(-1)]),
    comment: z.string().nullable(),
    userRef: z.string().nullable().describe("The application's end user; a vote with a userRef belongs to that user."),
    voter: z.string().describe('Who the vote belongs to: `ref:<userRef>`, else the caller (display).'),
    caller: z.string().describe('Display snapshot of who sent the vote (see callerRef).'),
    callerRef: NullableActorRefSchema,
    createdAt: Time,
    updatedAt: Time,
  })
  .meta({ id: 'Feedback' });
export type FeedbackDto = z.infer<typeof FeedbackSchema>;

// Datasets are defined in lib/datasets/responses.ts (kept importable from here).
export { DatasetDetailSchema, DatasetSchema, ExampleSchema, type DatasetDetail, type DatasetDto, type ExampleDto } from '../datasets/responses';
