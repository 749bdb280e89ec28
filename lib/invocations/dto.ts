import { actorRefOf } from '../auth/actor-ref';
import type { Prisma } from '../db/client';
import type { InvocationDto } from './responses';

export type { InvocationDto, InvokeResult } from './responses';

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
    usage:
      r.inputTokens !== null || r.outputTokens !== null
        ? { inputTokens: r.inputTokens ?? 0, outputTokens: r.outputTokens ?? 0, cacheReadInputTokens: r.cacheReadInputTokens, cacheWriteInputTokens: r.cacheWriteInputTokens }
        : null,
    cacheSavingsUsd: r.cacheSavingsUsd,
    fallbackFrom: r.fallbackFrom,
    fallbackReason: r.fallbackReason,
    latencyMs: r.latencyMs,
    timeToFirstTokenMs: r.timeToFirstTokenMs,
    costUsd: r.costUsd,
    attempts: r.attempts,
    awsRequestId: r.awsRequestId,
    errorCode: r.errorCode,
    errorMessage: r.errorMessage,
    source: r.source,
    caller: r.caller,
    callerRef: actorRefOf(r, 'caller'),
    metadata: (r.metadata ?? null) as InvocationDto['metadata'],
    createdAt: r.createdAt.toISOString(),
  };
}
