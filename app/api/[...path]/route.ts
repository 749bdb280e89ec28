import { json } from '@/lib/http/respond';

/** Unknown API paths answer in JSON, never with an HTML page. */
const notFound = (req: Request) =>
  json({ error: { code: 'not_found', message: `No API endpoint at ${req.method} ${new URL(req.url).pathname}. See /api/v1/openapi.json.` } }, 404);

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
