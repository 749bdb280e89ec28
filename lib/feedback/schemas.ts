import { z } from 'zod';
import { coercedInt4, int4 } from '../pagination';
import { PromptNameSchema } from '../catalog/schemas';

export const FeedbackSchema = z
  .object({
    score: z.union([z.literal(1), z.literal(-1)], { message: 'score is 1 (thumbs up) or -1 (thumbs down).' }),
    comment: z.string().trim().max(5000, 'At most 5000 characters.').optional(),
    userRef: z.string().trim().min(1).max(200, 'At most 200 characters.').optional(),
  })
  .strict();
export type FeedbackInput = z.infer<typeof FeedbackSchema>;

export const REVIEW_CATEGORIES = ['wrong_facts', 'format', 'tone', 'safety', 'refusal', 'other'] as const;
export const REVIEW_CATEGORY_LABELS: Record<(typeof REVIEW_CATEGORIES)[number], string> = {
  wrong_facts: 'Wrong facts',
  format: 'Format',
  tone: 'Tone',
  safety: 'Safety',
  refusal: 'Refusal',
  other: 'Other',
};

/** A category as people read it ("Wrong facts"), the same everywhere. */
export function categoryLabel(c: string | null | undefined): string | null {
  if (!c) return null;
  return (REVIEW_CATEGORY_LABELS as Record<string, string>)[c] ?? c.replace(/_/g, ' ').replace(/^./, (x) => x.toUpperCase());
}

const Revision = int4(0, 'expectedRevision').optional();

export const ResolveSchema = z
  .object({ category: z.enum(REVIEW_CATEGORIES, { message: `category is one of ${REVIEW_CATEGORIES.join(', ')}.` }), note: z.string().trim().max(5000).optional(), expectedRevision: Revision })
  .strict();
export const DismissSchema = z.object({ note: z.string().trim().max(5000).optional(), expectedRevision: Revision }).strict();
/** Undo a resolve or dismiss: back to open, as long as nobody changed it since. */
export const ReopenSchema = z.object({ expectedRevision: Revision }).strict();
export const AssignSchema = z.object({ assignee: z.enum(['me']).nullable(), expectedRevision: Revision }).strict();

export const QueueQuerySchema = z.object({
  status: z.enum(['open', 'resolved', 'dismissed']).default('open'),
  prompt: PromptNameSchema.optional(),
  version: coercedInt4(1, 'version').optional(),
  modelId: z.string().max(2048).optional(),
  /** Only items older than this many hours (e.g. 24 = waiting more than a day). */
  minAgeHours: z.coerce.number().min(0).max(24 * 365).optional(),
  maxAgeHours: z.coerce.number().min(0).max(24 * 365).optional(),
  assignee: z.enum(['me', 'unassigned', 'any']).default('any'),
  order: z.enum(['oldest', 'newest']).default('oldest'),
  limit: z.coerce.number().int().min(1, 'limit is 1 to 200.').max(200, 'limit is 1 to 200.').default(50),
  cursor: z.string().max(500).optional(),
});

// Datasets are defined in lib/datasets/schemas.ts (kept importable from here).
export { CreateDatasetSchema, DatasetNameSchema } from '../datasets/schemas';
