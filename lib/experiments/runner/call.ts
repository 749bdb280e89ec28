import { bundleOf } from '../../catalog/dto';
import type { Bundle } from '../../catalog/bundle-schemas';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { Actor } from '../../auth/roles';
import type { ActorType } from '../../auth/actor-ref';
import { createBedrockClient } from '../../aws/bedrock';
import type { Params, Template } from '../../catalog/schemas';
import { renderTemplate } from '../../catalog/template';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../errors';
import { runInvocation, type PreparedInvocation } from '../../invocations/gateway';
import type { InvokeResult } from '../../invocations/responses';
import type { JudgeRunner } from '../evaluators';
import type { ExperimentRateLimiter } from '../rate';

/**
 * The model calls of an experiment go through the gateway's own path (runInvocation: the same
 * Converse call, the same invocation log, the same traffic reports), with source "experiment",
 * and through the experiment rate limiter, which paces them, yields to production and retries
 * throttles (so the Bedrock client here does not retry throttling itself: maxAttempts 1).
 */
const g = globalThis as unknown as { __promptdeckExperimentBedrock?: BedrockRuntimeClient };
export function experimentBedrock(): BedrockRuntimeClient {
  g.__promptdeckExperimentBedrock ??= createBedrockClient({ maxAttempts: 1 });
  return g.__promptdeckExperimentBedrock;
}

/** The run acts as whoever created it (the invocation log's caller); it needs no role of its own. */
export function runActor(row: { createdBy: string; createdByType: ActorType | null; createdById: string | null }): Actor {
  const kind = row.createdByType === 'user' ? 'user' : row.createdByType === 'api_key' ? 'apiKey' : 'system';
  return { kind, id: row.createdById ?? 'system', display: row.createdBy, role: 'viewer' };
}

export interface CallTarget {
  promptName: string;
  version: number;
  template: Template;
  modelId: string;
  params: Params;
  guardrail: { identifier: string; version: string } | null;
  /** The version's own model and parameters: others are recorded as overrides. */
  versionModelId: string;
  versionParams: Params;
  /** The version's tools, output schema, cache points and fallbacks (a tool call can be evaluated with json_field). */
  bundle: Bundle;
}

export interface CallEnv {
  db: Db;
  actor: Actor;
  client: BedrockRuntimeClient;
  limiter: ExperimentRateLimiter;
  signal: AbortSignal;
}

export interface CallOutcome {
  result: InvokeResult;
  throttled: number;
}

/** One logged call through the limiter. Throws the gateway's AppError when the model failed (not for throttling: retried). */
export async function callModel(env: CallEnv, t: CallTarget, variables: Record<string, unknown>, metadata: Record<string, unknown>): Promise<CallOutcome> {
  const rendered = renderTemplate(t.template, variables);
  const overridden = t.modelId !== t.versionModelId || JSON.stringify(t.params) !== JSON.stringify(t.versionParams);
  const p: PreparedInvocation = {
    ctx: { db: env.db, actor: env.actor },
    input: { variables, metadata, ...(overridden ? { overrides: { modelId: t.modelId, params: t.params } } : {}) },
    source: 'experiment',
    promptName: t.promptName,
    version: t.version,
    label: null,
    canary: false,
    client: env.client,
    fallbacks: t.bundle.fallbacks.filter((m) => m !== t.modelId),
    outputSchema: t.bundle.outputSchema,
    call: {
      modelId: t.modelId,
      system: rendered.system,
      messages: rendered.messages,
      params: t.params,
      guardrail: t.guardrail,
      tools: t.bundle.tools,
      toolChoice: t.bundle.toolChoice,
      cachePoints: t.bundle.cachePoints,
    },
  };
  const out = await env.limiter.forModel(t.modelId).run((s) => runInvocation(p, s ?? env.signal), { signal: env.signal });
  return { result: out.value, throttled: out.throttled };
}

/** The catalog version a judge names (label, version, or production), resolved once per run. */
async function judgeTarget(db: Db, prompt: string, sel: { label?: string; version?: number }): Promise<CallTarget> {
  const p = await db.prompt.findUnique({ where: { name: prompt }, select: { id: true, latestVersion: true, labels: { select: { name: true, version: true } } } });
  if (!p) throw notFound(`Judge prompt "${prompt}"`);
  const label = sel.label ?? 'production';
  const version = sel.version ?? (label === 'latest' ? p.latestVersion : p.labels.find((l) => l.name === label)?.version);
  if (!version) throw new AppError('not_found', `Judge prompt "${prompt}" has no label "${label}".`);
  const v = await db.promptVersion.findUnique({ where: { promptId_version: { promptId: p.id, version } } });
  if (!v) throw notFound(`Version ${version} of judge prompt "${prompt}"`);
  const params = (v.params ?? {}) as Params;
  return { promptName: prompt, version, template: v.template as Template, modelId: v.modelId, params, guardrail: (v.guardrail as CallTarget['guardrail']) ?? null, versionModelId: v.modelId, versionParams: params, bundle: bundleOf(v) };
}

/**
 * The llm_judge runner of one experiment: judge calls are logged invocations (source
 * experiment, metadata naming the result they judge) through the same limiter. Throttles met
 * are added to `onThrottle`; a failed judge call becomes the evaluator's per-result error.
 */
export function judgeRunner(env: CallEnv, experimentId: string): { forResult(resultId: string, onThrottle: (n: number) => void): JudgeRunner } {
  const targets = new Map<string, Promise<CallTarget>>();
  return {
    forResult(resultId, onThrottle) {
      return async (req) => {
        const key = `${req.prompt}\u0000${req.label ?? ''}\u0000${req.version ?? ''}`;
        let t = targets.get(key);
        if (!t) {
          t = judgeTarget(env.db, req.prompt, { label: req.label, version: req.version });
          targets.set(key, t);
          t.catch(() => targets.delete(key));
        }
        const target = await t;
        const out = await callModel({ ...env, signal: req.signal ?? env.signal }, target, { ...req.variables }, { sessionId: experimentId, tags: ['experiment', 'judge'], experimentId, judgeFor: resultId });
        onThrottle(out.throttled);
        return { text: out.result.output.text, invocationId: out.result.invocationId };
      };
    },
  };
}
