import {
  BedrockAgentClient,
  CreatePromptCommand,
  CreatePromptVersionCommand,
  GetPromptCommand,
  paginateListPrompts,
  UpdatePromptCommand,
  type GetPromptResponse,
  type PromptSummary,
} from '@aws-sdk/client-bedrock-agent';
import type { Guardrail, Params, Template } from '../catalog/schemas';
import { AwsApiError, toAwsApiError } from './errors';
import { clientConfig, type ControlClientOptions } from './clients';
import { bedrockNameFor, fromBedrockPrompt, promptdeckNameFor, type ImportResult, type Note } from './prompt-conversion';
import { toBedrockVariant, type PublishNoteCode, type PublishRefusal } from './prompt-publish';

/**
 * Amazon Bedrock Prompt Management (`@aws-sdk/client-bedrock-agent`): read prompts and their
 * versions for import as Promptdeck versions, and publish a Promptdeck version as a Bedrock prompt
 * version (CreatePrompt or UpdatePrompt, then CreatePromptVersion) so applications that call
 * prompt ARNs keep working. Endpoint, region and credentials: the SDK's usual sources
 * (AWS_ENDPOINT_URL_BEDROCK_AGENT...).
 */

export function createBedrockAgentClient(opts: ControlClientOptions = {}): BedrockAgentClient {
  return new BedrockAgentClient(clientConfig(opts));
}

const g = globalThis as unknown as { __promptdeckBedrockAgent?: BedrockAgentClient };
export function bedrockAgent(): BedrockAgentClient {
  g.__promptdeckBedrockAgent ??= createBedrockAgentClient();
  return g.__promptdeckBedrockAgent;
}

export interface BedrockPromptSummary {
  id: string;
  arn: string;
  name: string;
  description?: string;
  /** "DRAFT" or "1", "2", ... */
  version: string;
  createdAt: string;
  updatedAt: string;
}

const summary = (s: PromptSummary): BedrockPromptSummary => ({
  id: s.id ?? '',
  arn: s.arn ?? '',
  name: s.name ?? '',
  ...(s.description ? { description: s.description } : {}),
  version: s.version ?? 'DRAFT',
  createdAt: s.createdAt?.toISOString() ?? '',
  updatedAt: s.updatedAt?.toISOString() ?? '',
});

async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAwsApiError(err, operation);
  }
}

async function listAll(client: BedrockAgentClient, promptIdentifier: string | undefined, pageSize: number): Promise<BedrockPromptSummary[]> {
  return call('ListPrompts', async () => {
    const out: BedrockPromptSummary[] = [];
    for await (const page of paginateListPrompts({ client, pageSize }, promptIdentifier ? { promptIdentifier } : {})) out.push(...(page.promptSummaries ?? []).map(summary));
    return out;
  });
}

/** Every prompt in the account and region (their DRAFT summaries), following nextToken. */
export function listBedrockPrompts(client: BedrockAgentClient, opts: { pageSize?: number } = {}): Promise<BedrockPromptSummary[]> {
  return listAll(client, undefined, opts.pageSize ?? 100);
}

/** A prompt's numbered versions, oldest first (DRAFT left out). */
export async function listBedrockPromptVersions(client: BedrockAgentClient, promptIdentifier: string, opts: { pageSize?: number } = {}): Promise<BedrockPromptSummary[]> {
  const all = await listAll(client, promptIdentifier, opts.pageSize ?? 100);
  return all.filter((s) => s.version !== 'DRAFT').sort((a, b) => Number(a.version) - Number(b.version));
}

/** One prompt version as Bedrock stores it (DRAFT when `version` is omitted). */
export function getBedrockPrompt(client: BedrockAgentClient, promptIdentifier: string, version?: string): Promise<GetPromptResponse> {
  return call('GetPrompt', () => client.send(new GetPromptCommand({ promptIdentifier, ...(version ? { promptVersion: version } : {}) })));
}

export interface ImportedVersion {
  /** "1", "2", ... or "DRAFT" for a prompt that was never versioned. */
  bedrockVersion: string;
  arn: string;
  conversion: ImportResult;
}

export interface BedrockPromptImport {
  id: string;
  arn: string;
  name: string;
  /** The Promptdeck prompt name it maps to; undefined when the Bedrock name cannot be one. */
  promptdeckName?: string;
  description?: string;
  /** Oldest first: the numbered versions, or the DRAFT alone when there are none. */
  versions: ImportedVersion[];
}

/** Reads a prompt and each of its versions, converted (conversion problems are per version). */
export async function readBedrockPromptForImport(client: BedrockAgentClient, promptIdentifier: string): Promise<BedrockPromptImport> {
  const draft = await getBedrockPrompt(client, promptIdentifier);
  const numbered = await listBedrockPromptVersions(client, draft.id ?? promptIdentifier);
  const versions: ImportedVersion[] = [];
  if (numbered.length === 0) versions.push({ bedrockVersion: 'DRAFT', arn: draft.arn ?? '', conversion: fromBedrockPrompt(draft) });
  for (const v of numbered) {
    const p = await getBedrockPrompt(client, draft.id ?? promptIdentifier, v.version);
    versions.push({ bedrockVersion: v.version, arn: p.arn ?? v.arn, conversion: fromBedrockPrompt(p) });
  }
  const name = draft.name ?? '';
  const promptdeckName = promptdeckNameFor(name);
  return {
    id: draft.id ?? '',
    arn: draft.arn ?? '',
    name,
    ...(promptdeckName ? { promptdeckName } : {}),
    ...(draft.description ? { description: draft.description } : {}),
    versions,
  };
}

/** A version that cannot be expressed as a Bedrock prompt (sections, dotted variables...). */
export class PromptConversionError extends Error {
  constructor(
    readonly reason: PublishRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'PromptConversionError';
  }
}

export interface PublishInput {
  /** Promptdeck prompt name (becomes the Bedrock name, dots as "-"). */
  promptName: string;
  description?: string;
  version: { number: number; template: Template; modelId: string; params: Params; guardrail?: Guardrail | null; commitMessage?: string };
  /** The Bedrock prompt a previous publish created (recorded on an earlier version), if any. */
  bedrockPromptId?: string | null;
}

export interface PublishResult {
  promptId: string;
  promptArn: string;
  promptVersionArn: string;
  /** Bedrock's version number, "1", "2", ... */
  bedrockVersion: string;
  /** Whether this publish created the Bedrock prompt (else it updated an existing one). */
  created: boolean;
  notes: Note<PublishNoteCode>[];
}

const clip = (s: string | undefined, n: number) => (s ? s.slice(0, n) : undefined);

/**
 * Publishes a version: updates the Bedrock prompt's DRAFT (the one given, else the one with the
 * same name, else a new prompt) and cuts a version from it. Throws PromptConversionError for
 * templates Bedrock cannot express and AwsApiError for AWS's refusals (access, validation,
 * ServiceQuotaExceeded past Bedrock's 10 versions per prompt, throttling after retries...).
 */
export async function publishToBedrock(client: BedrockAgentClient, input: PublishInput): Promise<PublishResult> {
  const converted = toBedrockVariant(input.version);
  if (!converted.ok) throw new PromptConversionError(converted.reason, converted.message);
  const body = {
    name: bedrockNameFor(input.promptName),
    ...(clip(input.description, 200) ? { description: clip(input.description, 200) } : {}),
    variants: [converted.variant],
    defaultVariant: converted.variant.name,
  };
  const update = (promptIdentifier: string) => call('UpdatePrompt', () => client.send(new UpdatePromptCommand({ promptIdentifier, ...body })));

  let prompt: { id?: string; arn?: string } | undefined;
  let created = false;
  if (input.bedrockPromptId) {
    try {
      prompt = await update(input.bedrockPromptId);
    } catch (err) {
      if (!(err instanceof AwsApiError && err.kind === 'not_found')) throw err;
    }
  }
  if (!prompt) {
    try {
      prompt = await call('CreatePrompt', () => client.send(new CreatePromptCommand(body)));
      created = true;
    } catch (err) {
      if (!(err instanceof AwsApiError && err.kind === 'conflict')) throw err;
      const existing = (await listBedrockPrompts(client)).find((p) => p.name === body.name);
      if (!existing) throw err;
      prompt = await update(existing.id);
    }
  }
  const promptId = prompt.id ?? '';
  const v = input.version;
  const description = clip(`Promptdeck ${input.promptName} v${v.number}${v.commitMessage ? `: ${v.commitMessage}` : ''}`, 200);
  const version = await call('CreatePromptVersion', () => client.send(new CreatePromptVersionCommand({ promptIdentifier: promptId, ...(description ? { description } : {}) })));
  return {
    promptId,
    promptArn: prompt.arn ?? '',
    promptVersionArn: version.arn ?? '',
    bedrockVersion: version.version ?? '',
    created,
    notes: converted.notes,
  };
}
