import { z } from 'zod';

/** A POST that takes no input: no body, or `{}` (anything else, or the wrong content type, is a 4xx before the service runs). */
export const NoBodySchema = z.object({}).strict().optional();
