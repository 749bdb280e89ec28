import type { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import type { ServiceContext } from '../context';
import type { Prisma } from '../db/client';
import { actorColumns } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import { requirePermission } from '../auth/roles';
import { AwsApiError } from '../aws/errors';
import { bedrockAgent, listBedrockPrompts, readBedrockPromptForImport, type BedrockPromptImport } from '../aws/prompt-management';
import { promptdeckNameFor } from '../aws/prompt-conversion';
import { isUniqueViolation } from '../catalog/prompts';
import { CreateVersionSchema } from '../catalog/schemas';
import { extractVariables } from '../catalog/template';
import { contentKey } from '../catalog/versions';
import { bumpServingEpoch, noteLocalChange } from '../serving/epoch';
import { viaAws } from './failure';
import type { BedrockPromptList, ImportResult } from './responses';
import { ImportInputSchema } from './schemas';

/**
 * Import from Amazon Bedrock Prompt Management: each Bedrock prompt becomes a Promptdeck prompt
 * (its name lower-cased), each numbered version (or the draft of a never-versioned prompt) a
 * Promptdeck version that records where it came from. Idempotent: what was imported before is
 * skipped with a reason, new Bedrock versions of an imported prompt are added. Everything is
 * read from Bedrock before anything is written, so an AWS failure leaves nothing half done.
 */

type Skipped = ImportResult['skipped'][number];

/** Whether a version's recorded source belongs to the Bedrock prompt with this ARN. */
const fromPrompt = (source: string | null, promptArn: string) => !!source && (source === promptArn || source.startsWith(`${promptArn}:`));

/** The account's Bedrock prompts, with what each imports as and whether it was imported. */
export async function listImportablePrompts(ctx: ServiceContext, opts: { client?: BedrockAgentClient } = {}): Promise<BedrockPromptList> {
  requirePermission(ctx.actor, 'admin');
  const prompts = await viaAws(() => listBedrockPrompts(opts.client ?? bedrockAgent()));
  const sources = await ctx.db.promptVersion.findMany({ where: { bedrockImportedFrom: { not: null } }, select: { bedrockImportedFrom: true, prompt: { select: { name: true } } } });
  return {
    items: prompts.map((p) => {
      const promptdeckName = promptdeckNameFor(p.name) ?? null;
      return {
        id: p.id,
        arn: p.arn,
        name: p.name,
        ...(p.description ? { description: p.description } : {}),
        updatedAt: p.updatedAt,
        promptdeckName,
        imported: sources.some((s) => s.prompt.name === promptdeckName && fromPrompt(s.bedrockImportedFrom, p.arn)),
      };
    }),
  };
}

/** "ABCDEFGHIJ", its ARN, or a versioned ARN -> what GetPrompt takes for the whole prompt. */
const wholePrompt = (id: string) => id.replace(/:(\d+|DRAFT)$/, '');

export async function importBedrockPrompts(ctx: ServiceContext, raw: unknown, opts: { client?: BedrockAgentClient } = {}): Promise<ImportResult> {
  requirePermission(ctx.actor, 'admin');
  const input = ImportInputSchema.parse(raw ?? {});
  const client = opts.client ?? bedrockAgent();
  const result: ImportResult = { imported: [], skipped: [] };

  const ids = input.promptIds ? [...new Set(input.promptIds.map(wholePrompt))] : (await viaAws(() => listBedrockPrompts(client))).map((p) => p.id);
  const read: BedrockPromptImport[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const p = await viaAws(() => readBedrockPromptForImport(client, id).catch((err: unknown) => (err instanceof AwsApiError && err.kind === 'not_found' ? null : Promise.reject(err))));
    if (!p) result.skipped.push({ id, reason: 'not_found', message: `Bedrock has no prompt ${id} in this account and region.` });
    else if (!seen.has(p.id)) {
      seen.add(p.id);
      read.push(p);
    }
  }

  for (const p of read) {
    if (!p.promptdeckName) {
      result.skipped.push({ id: p.id, reason: 'invalid_name', message: `"${p.name}" cannot be a Promptdeck prompt name (a-z, 0-9, ".", "_", "-"; starting with a letter or digit).` });
      continue;
    }
    let outcome: { versions: number[]; skipped: Skipped[] };
    try {
      outcome = await importOne(ctx, p, p.promptdeckName);
    } catch (err) {
      // Created concurrently by someone else: once more, now against the existing prompt.
      if (!isUniqueViolation(err)) throw err;
      outcome = await importOne(ctx, p, p.promptdeckName);
    }
    result.skipped.push(...outcome.skipped);
    if (outcome.versions.length) result.imported.push({ name: p.promptdeckName, versions: outcome.versions, bedrockPromptId: p.id });
  }
  if (result.imported.length) noteLocalChange();
  return result;
}

async function importOne(ctx: ServiceContext, p: BedrockPromptImport, name: string): Promise<{ versions: number[]; skipped: Skipped[] }> {
  const skipped: Skipped[] = [];
  const convertible = p.versions.filter((v) => {
    if (v.conversion.ok) return true;
    skipped.push({ id: p.id, version: v.bedrockVersion, reason: 'not_convertible', message: v.conversion.message });
    return false;
  });
  if (convertible.length === 0) return { versions: [], skipped };

  return ctx.db.$transaction(
    async (tx) => {
      let prompt = await lockPrompt(tx, name);
      if (prompt) {
        const sources = await tx.promptVersion.findMany({ where: { promptId: prompt.id, bedrockImportedFrom: { not: null } }, select: { bedrockImportedFrom: true } });
        if (!sources.some((s) => fromPrompt(s.bedrockImportedFrom, p.arn))) {
          skipped.push({ id: p.id, reason: 'name_taken', message: `A Promptdeck prompt named "${name}" exists and was not imported from this Bedrock prompt.` });
          return { versions: [], skipped };
        }
      } else {
        await tx.prompt.create({ data: { name, description: (p.description ?? '').slice(0, 2000), tags: ['bedrock'], ...actorColumns('createdBy', ctx.actor) } });
        prompt = await lockPrompt(tx, name);
        if (!prompt) throw new Error('prompt vanished during import');
      }
      const created: number[] = [];
      let latest = prompt.latestVersion;
      for (const v of convertible) {
        if (!v.conversion.ok) continue;
        const source = v.arn || p.arn;
        const existing = await tx.promptVersion.findFirst({ where: { promptId: prompt.id, bedrockImportedFrom: source }, select: { version: true } });
        if (existing) {
          skipped.push({ id: p.id, version: v.bedrockVersion, reason: 'already_imported', message: `Bedrock version ${v.bedrockVersion} is ${name} version ${existing.version}.` });
          continue;
        }
        const input = CreateVersionSchema.parse(v.conversion.version);
        const parent = latest > 0 ? await tx.promptVersion.findUnique({ where: { promptId_version: { promptId: prompt.id, version: latest } } }) : null;
        if (parent && contentKey(parent) === contentKey(input)) {
          skipped.push({ id: p.id, version: v.bedrockVersion, reason: 'identical_to_previous', message: `Bedrock version ${v.bedrockVersion} is identical to ${name} version ${latest}.` });
          continue;
        }
        const bumped = await tx.prompt.update({ where: { id: prompt.id }, data: { latestVersion: { increment: 1 } }, select: { latestVersion: true } });
        latest = bumped.latestVersion;
        await tx.promptVersion.create({
          data: {
            promptId: prompt.id,
            version: latest,
            template: input.template,
            variables: extractVariables(input.template),
            modelId: input.modelId,
            params: input.params ?? {},
            commitMessage: input.commitMessage ?? '',
            bedrockImportedFrom: source,
            ...actorColumns('createdBy', ctx.actor),
          },
        });
        created.push(latest);
      }
      if (created.length) {
        await bumpServingEpoch(tx);
        await audit(tx, ctx.actor, 'bedrock.import', name, { bedrockPromptId: p.id, bedrockPromptArn: p.arn, versions: created });
      }
      return { versions: created, skipped };
    },
    { timeout: 30_000, maxWait: 15_000 },
  );
}

async function lockPrompt(tx: Prisma.TransactionClient, name: string): Promise<{ id: string; latestVersion: number } | undefined> {
  const rows = await tx.$queryRaw<{ id: string; latestVersion: number }[]>`SELECT id, "latestVersion" FROM "Prompt" WHERE name = ${name} FOR UPDATE`;
  return rows[0];
}
