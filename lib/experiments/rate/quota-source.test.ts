import { describe, expect, it } from 'vitest';
import type { BedrockQuotas } from '../../aws/quotas';
import type { Db } from '../../db/client';
import { accountCapacity } from './quota-source';

/** The experiment limiter's capacity: an admin override, else Service Quotas, else the default. */
const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';

const dbWith = (overrides: Record<string, { rpm: number | null; tpm: number | null }>, fail = false) =>
  (() => ({
    setting: {
      findMany: async () => {
        if (fail) throw new Error('database down');
        return Object.entries(overrides).map(([modelId, o]) => ({ key: `quota-override:${modelId}`, value: JSON.stringify({ ...o, by: 'admin', byType: null, byId: null }), updatedAt: new Date() }));
      },
    },
  })) as unknown as () => Db;

const quotas = (rpm: number | null): (() => Promise<BedrockQuotas>) => async () => ({
  region: 'us-east-1',
  items: [{ modelId: MODEL, baseModelId: MODEL, scope: 'on_demand', rpm, tpm: 1_000_000, adjustable: true }],
  unmatched: [],
});

describe('accountCapacity', () => {
  it('takes an admin override first', async () => {
    const lookup = accountCapacity({ db: dbWith({ [MODEL]: { rpm: 250, tpm: null } }), quotas: quotas(4000), catalog: async () => [] });
    expect(await lookup(MODEL)).toEqual({ perMin: 250, source: 'override' });
  });

  it('else the account’s Service Quotas value (an override of tokens only does not count)', async () => {
    const lookup = accountCapacity({ db: dbWith({ [MODEL]: { rpm: null, tpm: 5000 } }), quotas: quotas(4000), catalog: async () => [] });
    expect(await lookup(MODEL)).toEqual({ perMin: 4000, source: 'service_quotas' });
  });

  it('else the configured default, else nothing; unreadable sources are skipped', async () => {
    const broken = async () => Promise.reject(new Error('AccessDeniedException'));
    expect(await accountCapacity({ db: dbWith({}, true), quotas: broken, catalog: async () => [], defaultPerMin: 300 })(MODEL)).toEqual({ perMin: 300, source: 'default' });
    expect(await accountCapacity({ db: dbWith({}), quotas: quotas(null), catalog: async () => [] })(MODEL)).toBeNull();
    expect(await accountCapacity({ db: dbWith({}), quotas: quotas(4000), catalog: async () => [] })('amazon.nova-lite-v1:0')).toBeNull();
  });
});
