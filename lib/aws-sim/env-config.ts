import { env } from '../env';
import type { SimConfigPatch } from './config';
import { DEMO_BEDROCK_PROMPTS } from './demo-prompts';
import type { SeedPrompt } from './prompt-schemas';

const list = (csv: string) =>
  csv
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The stand-in's configuration from PROMPTDECK_SIM_* variables (via lib/env.ts), with demo-friendly
 * latency. `startAwsSim` itself never reads the environment: pass this as its `config` option.
 */
export function simConfigFromEnv(): SimConfigPatch {
  const e = env();
  return {
    rpm: e.PROMPTDECK_SIM_RPM,
    tpm: e.PROMPTDECK_SIM_TPM,
    latency: {
      baseMs: e.PROMPTDECK_SIM_LATENCY_MS,
      perOutputTokenMs: e.PROMPTDECK_SIM_MS_PER_TOKEN,
      streamDelayMs: e.PROMPTDECK_SIM_STREAM_DELAY_MS,
    },
    faults: {
      serverErrorRate: e.PROMPTDECK_SIM_ERROR_RATE,
      serverErrorType: e.PROMPTDECK_SIM_ERROR_TYPE,
      hangRate: e.PROMPTDECK_SIM_HANG_RATE,
      hangMs: e.PROMPTDECK_SIM_HANG_MS ?? null,
      streamErrorRate: e.PROMPTDECK_SIM_STREAM_ERROR_RATE,
      streamErrorType: e.PROMPTDECK_SIM_STREAM_ERROR_TYPE,
      deniedModels: list(e.PROMPTDECK_SIM_DENIED_MODELS),
      notReadyModels: list(e.PROMPTDECK_SIM_NOT_READY_MODELS),
      notFoundModels: list(e.PROMPTDECK_SIM_NOT_FOUND_MODELS),
    },
    seed: e.PROMPTDECK_SIM_SEED,
    controlPlaneRps: e.PROMPTDECK_SIM_CONTROL_PLANE_RPS,
    deniedOperations: list(e.PROMPTDECK_SIM_DENIED_OPERATIONS),
  };
}

/** Prompts the stand-in's Prompt Management starts with: the demo set, or none (PROMPTDECK_SIM_BEDROCK_PROMPTS). */
export function simPromptsFromEnv(): SeedPrompt[] {
  return env().PROMPTDECK_SIM_BEDROCK_PROMPTS === 'demo' ? DEMO_BEDROCK_PROMPTS : [];
}

/** Port for the CLI entry (PROMPTDECK_SIM_PORT, default 4599). */
export function simPortFromEnv(): number {
  return env().PROMPTDECK_SIM_PORT;
}
