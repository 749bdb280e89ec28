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
