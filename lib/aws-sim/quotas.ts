import type { SimConfig } from './config';

/**
 * Per-model requests-per-minute and tokens-per-minute quotas over a sliding 60-second window.
 * Only admitted calls use quota; a throttled call does not.
 */

const WINDOW_MS = 60_000;

interface Use {
  at: number;
  tokens: number;
}

export interface QuotaLimits {
  rpm: number;
  tpm: number;
}

/**
 * The limits of one quota bucket: the per-model override for the id (as called, e.g. `us.x`),
 * else the one for its base model, else the defaults. Converse admission and the Service Quotas
 * API both use this, so what ListServiceQuotas reports is what throttles.
 */
export function quotaLimits(config: Pick<SimConfig, 'rpm' | 'tpm' | 'modelQuotas'>, quotaId: string, baseId: string): QuotaLimits {
  return { rpm: config.rpm, tpm: config.tpm, ...(config.modelQuotas[quotaId] ?? config.modelQuotas[baseId]) };
}

export type QuotaDecision = { ok: true } | { ok: false; reason: 'requests' | 'tokens' };

export class QuotaTracker {
  private readonly uses = new Map<string, Use[]>();

  constructor(private readonly now: () => number) {}

  /** Admits a call of `tokens` tokens for `modelKey` if both quotas allow it, and records it. */
  admit(modelKey: string, tokens: number, limits: QuotaLimits): QuotaDecision {
    const now = this.now();
    const recent = (this.uses.get(modelKey) ?? []).filter((u) => u.at > now - WINDOW_MS);
    this.uses.set(modelKey, recent);
    if (recent.length + 1 > limits.rpm) return { ok: false, reason: 'requests' };
    const used = recent.reduce((sum, u) => sum + u.tokens, 0);
    if (used + tokens > limits.tpm) return { ok: false, reason: 'tokens' };
    recent.push({ at: now, tokens });
    return { ok: true };
  }

  reset(): void {
    this.uses.clear();
  }
}
