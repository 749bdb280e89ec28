import type { Prisma } from '../db/client';

export interface InvocationDto {
  id: string;
  promptName: string | null;
  promptVersion: number | null;
  label: string | null;
  modelId: string;
  status: 'ok' | 'throttled' | 'error';
  input: { system?: string | null; messages: { role: 'user' | 'assistant'; content: string }[] };
  variables: Record<string, unknown> | null;
  params: Record<string, unknown> | null;
  output: { text: string } | null;
  stopReason: string | null;
  usage: { inputTokens: number; outputTokens: number } | null;
  latencyMs: number | null;
  timeToFirstTokenMs: number | null;
  costUsd: number | null;
  attempts: number | null;
  awsRequestId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  source: 'api' | 'playground' | 'ingest';
  caller: string;
  metadata: Record<string, unknown> | null;
  createdAt: string;
}

export type InvocationRow = Prisma.InvocationGetPayload<object>;

export function toInvocationDto(r: InvocationRow): InvocationDto {
  return {
    id: r.id,
    promptName: r.promptName,
    promptVersion: r.promptVersion,
    label: r.label,
    modelId: r.modelId,
    status: r.status,
    input: r.input as InvocationDto['input'],
    variables: (r.variables ?? null) as InvocationDto['variables'],
    params: (r.params ?? null) as InvocationDto['params'],
    output: (r.output ?? null) as InvocationDto['output'],
    stopReason: r.stopReason,
    usage: r.inputTokens !== null || r.outputTokens !== null ? { inputTokens: r.inputTokens ?? 0, outputTokens: r.outputTokens ?? 0 } : null,
    latencyMs: r.latencyMs,
    timeToFirstTokenMs: r.timeToFirstTokenMs,
    costUsd: r.costUsd,
    attempts: r.attempts,
    awsRequestId: r.awsRequestId,
    errorCode: r.errorCode,
    errorMessage: r.errorMessage,
    source: r.source,
    caller: r.caller,
    metadata: (r.metadata ?? null) as InvocationDto['metadata'],
    createdAt: r.createdAt.toISOString(),
  };
}

/** What the gateway answers (API.md). */
export interface InvokeResult {
  invocationId: string;
  version: number;
  modelId: string;
  output: { text: string };
  stopReason: string | null;
  usage: { inputTokens: number; outputTokens: number };
  latencyMs: number;
  timeToFirstTokenMs: number | null;
  costUsd: number | null;
}
