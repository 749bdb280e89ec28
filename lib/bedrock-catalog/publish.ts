import type { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import type { ServiceContext } from '../context';
import { audit } from '../auth/audit';
import { requirePermission } from '../auth/roles';
import { bedrockAgent, publishToBedrock } from '../aws/prompt-management';
import type { Guardrail, Params, Template } from '../catalog/schemas';
import { PromptNameSchema } from '../catalog/schemas';
import { isInt4 } from '../pagination';
import { notFound } from '../errors';
import { viaAws } from './failure';
import type { PublishResult } from './responses';

/**
 * "Publish to Bedrock": a version becomes a Bedrock prompt version (UpdatePrompt or CreatePrompt,
 * then CreatePromptVersion), so applications that call prompt ARNs keep working; the ARNs are
 * recorded on the version. The Bedrock prompt is the one an earlier publish of this prompt (or
 * its import) used, else one of the same name, else a new one. Publishing a version twice gives
 * back what the first publish recorded. Publishes of one prompt queue behind its row lock, so
 * two at once cannot cut two Bedrock versions for one Promptdeck version.
 */

const PROMPT_ID = /:prompt\/([0-9A-Za-z]{10})(?::[^/]*)?$/;
export const bedrockPromptIdOf = (arn: string | null | undefined) => (arn ? PROMPT_ID.exec(arn)?.[1] : undefined);


export async function publishVersion(ctx: ServiceContext, name: string, versionNo: number, opts: { client?: BedrockAgentClient } = {}): Promise<PublishResult> {
  requirePermission(ctx.actor, 'labels:move');
  if (!PromptNameSchema.safeParse(name).success || !isInt4(versionNo) || versionNo < 1) throw notFound(`Version ${versionNo} of "${name}"`);
  const client = opts.client ?? bedrockAgent();
  return ctx.db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string; description: string }[]>`SELECT id, description FROM "Prompt" WHERE name = ${name} FOR UPDATE`;
      const prompt = locked[0];
      if (!prompt) throw notFound(`Prompt "${name}"`);
      const v = await tx.promptVersion.findUnique({ where: { promptId_version: { promptId: prompt.id, version: versionNo } } });
      if (!v) throw notFound(`Version ${versionNo} of "${name}"`);
      if (v.bedrockPromptArn && v.bedrockPromptVersionArn && v.bedrockPublishedAt) {
        return { promptArn: v.bedrockPromptArn, promptVersionArn: v.bedrockPromptVersionArn, publishedAt: v.bedrockPublishedAt.toISOString(), created: false, notes: [] };
      }
      // The Bedrock prompt this prompt was last published to, else the one it was imported from.
      const linked = await tx.promptVersion.findFirst({
        where: { promptId: prompt.id, OR: [{ bedrockPromptArn: { not: null } }, { bedrockImportedFrom: { not: null } }] },
        orderBy: [{ bedrockPublishedAt: { sort: 'desc', nulls: 'last' } }, { version: 'desc' }],
        select: { bedrockPromptArn: true, bedrockImportedFrom: true },
      });
      const bedrockPromptId = bedrockPromptIdOf(linked?.bedrockPromptArn) ?? bedrockPromptIdOf(linked?.bedrockImportedFrom) ?? null;
      const published = await viaAws(() =>
        publishToBedrock(client, {
          promptName: name,
          ...(prompt.description ? { description: prompt.description } : {}),
          version: { number: v.version, template: v.template as Template, modelId: v.modelId, params: (v.params ?? {}) as Params, guardrail: (v.guardrail ?? null) as Guardrail | null, commitMessage: v.commitMessage },
          bedrockPromptId,
        }),
      );
      const publishedAt = new Date();
      await tx.promptVersion.update({
        where: { id: v.id },
        data: { bedrockPromptArn: published.promptArn, bedrockPromptVersionArn: published.promptVersionArn, bedrockPublishedAt: publishedAt },
      });
      await audit(tx, ctx.actor, 'bedrock.publish', `${name}@${v.version}`, {
        promptArn: published.promptArn,
        promptVersionArn: published.promptVersionArn,
        bedrockVersion: published.bedrockVersion,
        createdPrompt: published.created,
      });
      return { promptArn: published.promptArn, promptVersionArn: published.promptVersionArn, publishedAt: publishedAt.toISOString(), created: true, notes: published.notes };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
