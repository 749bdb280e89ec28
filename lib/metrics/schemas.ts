import { z } from 'zod';
import { ModelIdSchema } from '../catalog/schemas';

const Time = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date-time.' });

export const BedrockMetricsQuerySchema = z
  .object({
    modelId: ModelIdSchema.optional(),
    from: Time.optional(),
    to: Time.optional(),
    /** Seconds; a multiple of 60. Chosen automatically when absent. */
    period: z.coerce.number().int().min(60, 'period is at least 60 seconds.').max(86_400 * 7).refine((p) => p % 60 === 0, 'period is a multiple of 60 seconds.').optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to.', path: ['from'] });

export const PromptMetricsQuerySchema = z
  .object({ from: Time.optional(), to: Time.optional() })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to.', path: ['from'] });
