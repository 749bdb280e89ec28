import { z } from 'zod';

/**
 * Runtime configuration of one stand-in instance: quotas, simulated latency and fault injection.
 * Everything here can be given to `startAwsSim`, changed with `sim.setConfig()`, or changed over
 * HTTP with `POST /__sim/config` (same JSON shape, any subset of fields).
 */

export const SERVER_ERROR_TYPES = ['ServiceUnavailableException', 'InternalServerException'] as const;
export const STREAM_ERROR_TYPES = [
  'throttlingException',
  'modelStreamErrorException',
  'internalServerException',
  'serviceUnavailableException',
  'validationException',
] as const;

const rate = z.number().min(0).max(1);
const ms = z.number().int().min(0).max(3_600_000);
const modelList = z.array(z.string().min(1)).max(1000);
const quota = z.object({ rpm: z.number().int().min(0).optional(), tpm: z.number().int().min(0).optional() }).strict();
const isoTime = z.iso.datetime({ offset: true });
const lifecycle = z
  .object({
    status: z.enum(['ACTIVE', 'LEGACY']),
    legacyTime: isoTime.optional(),
    publicExtendedAccessTime: isoTime.optional(),
    endOfLifeTime: isoTime.optional(),
  })
  .strict();
/** IAM-style action (`bedrock:ListPrompts`, `servicequotas:*`) or a bare operation name (`ListPrompts`). */
const deniedOperation = z.string().regex(/^((bedrock|servicequotas):)?([A-Z][A-Za-z]{1,80}|\*)$/, 'use an action such as bedrock:ListFoundationModels, servicequotas:*, or an operation name such as ListPrompts');

export const SimConfigSchema = z
  .object({
    /** Requests per minute per model id (sliding 60 s window). */
    rpm: z.number().int().min(0),
    /** Tokens (input + output) per minute per model id (sliding 60 s window). */
    tpm: z.number().int().min(0),
    /** Per-model overrides of rpm/tpm, keyed by model id as called or by base model id. */
    modelQuotas: z.record(z.string(), quota),
    latency: z
      .object({
        /** Time before the answer (Converse) or the first delta (ConverseStream). */
        baseMs: ms,
        /** Added per output token (Converse only; streams pace with streamDelayMs). */
        perOutputTokenMs: z.number().min(0).max(1000),
        /** Delay between two stream deltas. */
        streamDelayMs: ms,
      })
      .strict(),
    faults: z
      .object({
        /** Fraction of Bedrock calls answered with a 5xx (after quota checks). */
        serverErrorRate: rate,
        serverErrorType: z.enum(SERVER_ERROR_TYPES),
        /** The next N Bedrock calls fail with serverErrorType (counts down; deterministic transient fault). */
        failNext: z.number().int().min(0),
        /** Fraction of Bedrock calls that hang: held `hangMs` before answering, or never answered when null. */
        hangRate: rate,
        hangMs: ms.nullable(),
        /** Fraction of ConverseStream calls that break after `streamErrorAfterDeltas` deltas. */
        streamErrorRate: rate,
        streamErrorType: z.enum(STREAM_ERROR_TYPES),
        streamErrorAfterDeltas: z.number().int().min(0),
        /** Model ids answered with AccessDeniedException (403). */
        deniedModels: modelList,
        /** Model ids answered with ModelNotReadyException (429, retried by the SDK). */
        notReadyModels: modelList,
        /** Model ids answered with ResourceNotFoundException (404). */
        notFoundModels: modelList,
      })
      .strict(),
    /** Seed of the RNG that decides rate-based faults. Changing it restarts the sequence. */
    seed: z.number().int(),
    /**
     * Control plane (Bedrock ListFoundationModels..., Service Quotas, Bedrock Agent prompts):
     * requests per second per operation before ThrottlingException (TooManyRequestsException
     * for Service Quotas); 0 = unlimited.
     */
    controlPlaneRps: z.number().int().min(0).max(100_000),
    /** Control-plane operations answered AccessDeniedException (403). */
    deniedOperations: z.array(deniedOperation).max(200),
    /** Lifecycle overrides of built-in foundation models (ListFoundationModels, GetFoundationModel). */
    modelLifecycle: z.record(z.string(), lifecycle),
    /** Prompt caching: prefixes shorter than this are not cached (Bedrock: 1,024+ tokens per model; 0 = any). */
    promptCacheMinTokens: z.number().int().min(0).max(1_000_000),
  })
  .strict();

export type SimConfig = z.infer<typeof SimConfigSchema>;
export type SimFaults = SimConfig['faults'];
export type SimLatency = SimConfig['latency'];

/** A partial update: top-level fields, and fields of `latency` / `faults`, may be omitted. */
export const SimConfigPatchSchema = SimConfigSchema.extend({
  latency: SimConfigSchema.shape.latency.partial(),
  faults: SimConfigSchema.shape.faults.partial(),
})
  .partial()
  .strict();

export type SimConfigPatch = z.infer<typeof SimConfigPatchSchema>;

/** Defaults of `startAwsSim`: generous quotas, no latency, no faults (fast, deterministic tests). */
export function defaultSimConfig(): SimConfig {
  return {
    rpm: 600,
    tpm: 400_000,
    modelQuotas: {},
    latency: { baseMs: 0, perOutputTokenMs: 0, streamDelayMs: 0 },
    faults: {
      serverErrorRate: 0,
      serverErrorType: 'ServiceUnavailableException',
      failNext: 0,
      hangRate: 0,
      hangMs: null,
      streamErrorRate: 0,
      streamErrorType: 'throttlingException',
      streamErrorAfterDeltas: 2,
      deniedModels: [],
      notReadyModels: [],
      notFoundModels: [],
    },
    seed: 1,
    controlPlaneRps: 0,
    deniedOperations: [],
    modelLifecycle: {},
    promptCacheMinTokens: 0,
  };
}

/** Applies a patch (validated) to a configuration and returns the new configuration. */
export function applyConfigPatch(base: SimConfig, patch: unknown): SimConfig {
  const parsed = SimConfigPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    throw new SimConfigError(`Invalid stand-in configuration: ${lines.join('; ')}`);
  }
  const p = parsed.data;
  return SimConfigSchema.parse({
    ...base,
    ...p,
    latency: { ...base.latency, ...p.latency },
    faults: { ...base.faults, ...p.faults },
  });
}

export class SimConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimConfigError';
  }
}
