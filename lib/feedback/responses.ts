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

export const DatasetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    examples: z.number().int().describe('How many examples it holds.'),
    revision: z.number().int().describe('Grows by one with every change to the examples (add, bulk add, edit, delete, import).'),
    createdAt: Time,
    updatedAt: Time.describe('When the examples last changed (or the dataset was created).'),
    createdBy: z.string(),
    createdByRef: NullableActorRefSchema,
  })
  .meta({ id: 'Dataset' });
export type DatasetDto = z.infer<typeof DatasetSchema>;

export const ExampleSchema = z
  .object({
    id: z.string(),
    promptName: z.string().nullable(),
    promptVersion: z.number().int().nullable(),
    invocationId: z.string().nullable(),
    variables: z.record(z.string(), z.unknown()),
    expectedOutput: z.string(),
    tags: z.array(z.string()),
    createdAt: Time,
    updatedAt: Time,
    createdBy: z.string(),
    createdByRef: NullableActorRefSchema,
  })
  .meta({ id: 'Example' });
export type ExampleDto = z.infer<typeof ExampleSchema>;

export const DatasetDetailSchema = z.object({ ...DatasetSchema.shape, items: z.array(ExampleSchema).describe('The newest examples (at most 500).') }).meta({ id: 'DatasetDetail' });
export type DatasetDetail = z.infer<typeof DatasetDetailSchema>;
