import type { CatalogModel } from '../../aws/models';
import { modelCatalog } from '../../aws/models';
import { bedrockQuotas, quotaForModel, type BedrockQuotas } from '../../aws/quotas';
import { listQuotaOverrides } from '../../bedrock-catalog/overrides';
import type { Db } from '../../db/client';

/**
 * A model's requests-per-minute quota for the experiment limiter, from the same figures the
 * quota headroom page shows: an admin's override first, else the account's Service Quotas value
 * (cached 15 minutes by lib/aws/quotas), else the configured default (none: the limiter learns
 * the capacity from throttles). Never throws: a source that cannot be read is skipped.
 */
export interface KnownCapacity {
  perMin: number;
  source: 'override' | 'service_quotas' | 'default';
}

export type CapacityLookup = (modelId: string) => Promise<KnownCapacity | null>;

export interface AccountCapacityDeps {
  db: () => Db;
  quotas?: () => Promise<BedrockQuotas>;
  catalog?: () => Promise<CatalogModel[]>;
  defaultPerMin?: number | null;
}

export function accountCapacity(deps: AccountCapacityDeps): CapacityLookup {
  const quotas = deps.quotas ?? (async () => (await bedrockQuotas()).value);
  const catalog = deps.catalog ?? (async () => (await modelCatalog()).value);
  return async (modelId) => {
    const override = await listQuotaOverrides(deps.db()).then(
      (all) => all.find((o) => o.modelId === modelId),
      () => undefined,
    );
    if (override?.rpm) return { perMin: override.rpm, source: 'override' };
    try {
      const [q, c] = await Promise.all([quotas(), catalog().catch(() => [] as CatalogModel[])]);
      const rpm = quotaForModel(q, modelId, c)?.rpm;
      if (rpm) return { perMin: rpm, source: 'service_quotas' };
    } catch {
      // Service Quotas unreadable (no permission, offline): fall through.
    }
    return deps.defaultPerMin ? { perMin: deps.defaultPerMin, source: 'default' } : null;
  };
}
