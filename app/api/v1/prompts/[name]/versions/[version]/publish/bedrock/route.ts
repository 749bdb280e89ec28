import { publishVersion } from '@/lib/bedrock-catalog/publish';
import { PublishInputSchema } from '@/lib/bedrock-catalog/schemas';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Deployer: publish a version as a Bedrock Prompt Management prompt version (no body, or `{}`). */
export const POST = handler<{ name: string; version: string }>(async ({ ctx, params, body }) => {
  PublishInputSchema.parse(await body());
  return json(await publishVersion(ctx, params.name, /^\d{1,10}$/.test(params.version) ? Number(params.version) : NaN));
});
