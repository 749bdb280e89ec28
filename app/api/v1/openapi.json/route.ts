import { publicHandler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { openApiDocument } from '@/lib/openapi/document';

/** Public: also the readiness probe. */
export const GET = publicHandler(async () => json(openApiDocument()));
