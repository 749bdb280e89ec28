import type { CacheCheckpoint } from './converse-input';

/**
 * Bedrock prompt caching, per stand-in instance: a cachePoint marks the prompt prefix before it
 * as cacheable. The first call with a prefix writes it (cacheWriteInputTokens); calls within the
 * TTL (5 minutes, renewed by every hit, as on Bedrock) read it (cacheReadInputTokens). The longest
 * cached prefix is read; the tokens from it up to the last cache point are written. Prefixes
 * shorter than `minTokens` are not cached (Bedrock's per-model minimum, 1,024+ tokens; the
 * stand-in's default is 0 so short test prompts cache). Per model (base id: a `us.` profile
 * shares its model's cache, the prefix key includes the model).
 */
export const CACHE_TTL_MS = 5 * 60_000;

export interface CacheUse {
  read: number;
  write: number;
}

export class PromptCache {
  private readonly entries = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  use(modelId: string, points: readonly CacheCheckpoint[], minTokens: number): CacheUse {
    const now = this.now();
    const eligible = points.filter((p) => p.tokens > 0 && p.tokens >= minTokens);
    if (eligible.length === 0) return { read: 0, write: 0 };
    let read = 0;
    for (const p of eligible) {
      const k = `${modelId}\u0000${p.key}`;
      const expires = this.entries.get(k);
      if (expires !== undefined && expires > now) read = Math.max(read, p.tokens);
    }
    const last = Math.max(...eligible.map((p) => p.tokens));
    for (const p of eligible) this.entries.set(`${modelId}\u0000${p.key}`, now + CACHE_TTL_MS);
    if (this.entries.size > 10_000) this.prune(now);
    return { read, write: Math.max(0, last - read) };
  }

  private prune(now: number): void {
    for (const [k, exp] of this.entries) if (exp <= now) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }
}
