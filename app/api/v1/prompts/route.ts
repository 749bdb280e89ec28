import { createPrompt, listPrompts } from '@/lib/catalog/prompts';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler(async ({ ctx, query }) => json(await listPrompts(ctx, query)));

export const POST = handler(async ({ ctx, body }) => json(await createPrompt(ctx, await body()), 201));
