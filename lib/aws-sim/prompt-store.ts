import { randomBytes } from 'node:crypto';
import { ACCOUNT_ID } from './catalog';
import { ApiError } from './control';
import type { CreatePromptInput, CreateVersionInput, PromptVariant, UpdatePromptInput } from './prompt-schemas';

/**
 * Bedrock Prompt Management state of one stand-in instance: prompts with a DRAFT and immutable
 * numbered versions ("1", "2", ...), ARNs `arn:aws:bedrock:<region>:<account>:prompt/<id>[:<n>]`.
 */

/** Bedrock's quotas: prompts per account, versions per prompt. */
export const MAX_PROMPTS = 500;
export const MAX_VERSIONS_PER_PROMPT = 10;

interface Snapshot {
  name: string;
  description?: string;
  customerEncryptionKeyArn?: string;
  defaultVariant?: string;
  variants: PromptVariant[];
  createdAt: string;
  updatedAt: string;
}

interface StoredPrompt {
  id: string;
  arn: string;
  draft: Snapshot;
  versions: Map<string, Snapshot>;
  nextVersion: number;
  tags: Record<string, string>;
}

/** What GetPrompt, CreatePrompt, UpdatePrompt and CreatePromptVersion answer. */
export interface PromptView extends Snapshot {
  id: string;
  arn: string;
  version: string;
}

export type PromptSummaryView = Omit<PromptView, 'variants' | 'defaultVariant' | 'customerEncryptionKeyArn'>;

const notFound = (identifier: string, version?: string) =>
  new ApiError(404, 'ResourceNotFoundException', version ? `Version ${version} of prompt ${identifier} was not found.` : `The prompt ${identifier} was not found.`);

const PROMPT_ARN = /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:\d{12}:prompt\/([0-9a-zA-Z]{10})(?::(\d{1,5}|DRAFT))?$/;

export class PromptStore {
  private readonly prompts = new Map<string, StoredPrompt>();
  private readonly tokens = new Map<string, PromptView>();

  constructor(private readonly now: () => number) {}

  /** A prompt id or ARN (optionally with `:<version>`): the prompt and the version the ARN names. */
  private find(identifier: string): { prompt: StoredPrompt; arnVersion?: string } {
    const arn = PROMPT_ARN.exec(identifier);
    const prompt = this.prompts.get(arn?.[2] ?? identifier);
    if (!prompt) throw notFound(identifier);
    return arn?.[3] ? { prompt, arnVersion: arn[3] } : { prompt };
  }

  private checkName(name: string, exceptId?: string): void {
    for (const p of this.prompts.values()) {
      if (p.id !== exceptId && p.draft.name === name) throw new ApiError(409, 'ConflictException', `A prompt named ${name} already exists (${p.id}).`);
    }
  }

  private snapshot(input: UpdatePromptInput, createdAt: string, updatedAt: string): Snapshot {
    const variants = input.variants ?? [];
    if (input.defaultVariant !== undefined && !variants.some((v) => v.name === input.defaultVariant)) {
      throw new ApiError(400, 'ValidationException', `The default variant ${input.defaultVariant} is not one of the prompt's variants.`, {
        fieldList: [{ name: 'defaultVariant', message: 'Must name one of the variants.' }],
      });
    }
    return {
      name: input.name,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.customerEncryptionKeyArn !== undefined ? { customerEncryptionKeyArn: input.customerEncryptionKeyArn } : {}),
      ...(input.defaultVariant !== undefined ? { defaultVariant: input.defaultVariant } : variants[0] ? { defaultVariant: variants[0].name } : {}),
      variants: structuredClone(variants),
      createdAt,
      updatedAt,
    };
  }

  private view(p: StoredPrompt, version: string, s: Snapshot): PromptView {
    return { ...structuredClone(s), id: p.id, arn: version === 'DRAFT' ? p.arn : `${p.arn}:${version}`, version };
  }

  create(input: CreatePromptInput, region: string): PromptView {
    const replay = input.clientToken ? this.tokens.get(`create:${input.clientToken}`) : undefined;
    if (replay) return structuredClone(replay);
    this.checkName(input.name);
    if (this.prompts.size >= MAX_PROMPTS) throw new ApiError(402, 'ServiceQuotaExceededException', `This account already has the maximum number of prompts (${MAX_PROMPTS}).`);
    const at = new Date(this.now()).toISOString();
    const id = randomId();
    const prompt: StoredPrompt = { id, arn: `arn:aws:bedrock:${region}:${ACCOUNT_ID}:prompt/${id}`, draft: this.snapshot(input, at, at), versions: new Map(), nextVersion: 1, tags: input.tags ?? {} };
    this.prompts.set(id, prompt);
    const out = this.view(prompt, 'DRAFT', prompt.draft);
    if (input.clientToken) this.tokens.set(`create:${input.clientToken}`, out);
    return structuredClone(out);
  }

  get(identifier: string, version?: string): PromptView {
    const { prompt, arnVersion } = this.find(identifier);
    const v = version ?? arnVersion ?? 'DRAFT';
    if (v === 'DRAFT') return this.view(prompt, 'DRAFT', prompt.draft);
    const s = prompt.versions.get(v);
    if (!s) throw notFound(identifier, v);
    return this.view(prompt, v, s);
  }

  update(identifier: string, input: UpdatePromptInput): PromptView {
    const { prompt } = this.find(identifier);
    this.checkName(input.name, prompt.id);
    prompt.draft = this.snapshot(input, prompt.draft.createdAt, new Date(this.now()).toISOString());
    return this.view(prompt, 'DRAFT', prompt.draft);
  }

  createVersion(identifier: string, input: CreateVersionInput): PromptView {
    const replay = input.clientToken ? this.tokens.get(`version:${input.clientToken}`) : undefined;
    if (replay) return structuredClone(replay);
    const { prompt } = this.find(identifier);
    if (prompt.versions.size >= MAX_VERSIONS_PER_PROMPT) {
      throw new ApiError(402, 'ServiceQuotaExceededException', `Prompt ${prompt.id} already has the maximum number of versions (${MAX_VERSIONS_PER_PROMPT}). Delete a version before you create another.`);
    }
    if (prompt.draft.variants.length === 0) throw new ApiError(400, 'ValidationException', 'A prompt version needs at least one variant.', { fieldList: [{ name: 'variants', message: 'The draft has no variant.' }] });
    const at = new Date(this.now()).toISOString();
    const version = String(prompt.nextVersion++);
    const snapshot: Snapshot = { ...structuredClone(prompt.draft), ...(input.description !== undefined ? { description: input.description } : {}), createdAt: at, updatedAt: at };
    prompt.versions.set(version, snapshot);
    const out = this.view(prompt, version, snapshot);
    if (input.clientToken) this.tokens.set(`version:${input.clientToken}`, out);
    return structuredClone(out);
  }

  /** Deletes one numbered version, or the whole prompt when no version is given. */
  delete(identifier: string, version?: string): { id: string; version: string } {
    const { prompt } = this.find(identifier);
    if (version === undefined) {
      this.prompts.delete(prompt.id);
      return { id: prompt.id, version: 'DRAFT' };
    }
    if (version === 'DRAFT') throw new ApiError(400, 'ValidationException', 'To delete the DRAFT version, delete the prompt.', { fieldList: [{ name: 'promptVersion', message: 'Cannot delete DRAFT.' }] });
    if (!prompt.versions.delete(version)) throw notFound(identifier, version);
    return { id: prompt.id, version };
  }

  /** Without an identifier: each prompt's DRAFT. With one: that prompt's DRAFT and its versions. */
  list(identifier?: string): PromptSummaryView[] {
    const summary = (p: StoredPrompt, version: string, s: Snapshot): PromptSummaryView => {
      const { name, description, createdAt, updatedAt, id, arn } = this.view(p, version, s);
      return { name, ...(description !== undefined ? { description } : {}), createdAt, updatedAt, id, arn, version };
    };
    if (identifier === undefined) return [...this.prompts.values()].map((p) => summary(p, 'DRAFT', p.draft));
    const { prompt } = this.find(identifier);
    return [summary(prompt, 'DRAFT', prompt.draft), ...[...prompt.versions].map(([v, s]) => summary(prompt, v, s))];
  }
}

function randomId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}
