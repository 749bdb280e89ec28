import { importBedrockPrompts, listImportablePrompts } from '@/lib/bedrock-catalog/import';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Admin: the account's Bedrock Prompt Management prompts. */
export const GET = handler(async ({ ctx }) => json(await listImportablePrompts(ctx)));

/** Admin: import prompts (all when `promptIds` is left out) as Promptdeck prompts and versions. */
export const POST = handler(async ({ ctx, body }) => json(await importBedrockPrompts(ctx, await body())));
