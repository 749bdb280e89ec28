import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { cloudWatch } from '../aws/cloudwatch';
import { toAwsApiError } from '../aws/errors';
import { findCatalogModel, modelCatalog, type CatalogModel } from '../aws/models';
import { bedrockQuotas, quotaForModel, type BedrockQuotas } from '../aws/quotas';
import { awsFailure } from './failure';
import { listQuotaOverrides } from './overrides';
import type { HeadroomItem, HeadroomMetric, HeadroomReport } from './responses';
import { HeadroomQuerySchema } from './schemas';

/**
 * Quota headroom: per model, the busiest minute of the window for requests and for tokens
 * (input + output), from the invocation log and from CloudWatch (which also sees calls that did
 * not go through Promptdeck), against the account's quotas (Service Quotas, or an admin
 * override). A source that cannot be read becomes a warning; the figures use the others.
 */
export const HEADROOM_THRESHOLD = 0.8;

interface Peak {
  value: number;
  at: string | null;
  source: 'log' | 'cloudwatch' | null;
}
interface Peaks {
  rpm: Peak;
  tpm: Peak;
}
const none = (): Peaks => ({ rpm: { value: 0, at: null, source: null }, tpm: { value: 0, at: null, source: null } });
const raise = (p: Peak, value: number, at: string, source: 'log' | 'cloudwatch') => {
  if (value > p.value) Object.assign(p, { value, at, source });
};

type Warning = HeadroomReport['warnings'][number];
const warningOf = (source: Warning['source'], err: unknown): Warning => {
  const e = awsFailure(err);
  return { source, code: e.code, message: e.message };
};

/** Busiest minute per model in the log: calls that reached the model (not throttled), and their tokens. */
async function logPeaks(ctx: ServiceContext, from: Date, to: Date): Promise<Map<string, Peaks>> {
  const rows = await ctx.db.$queryRaw<{ modelId: string; minute: Date; calls: bigint; tokens: bigint | null }[]>`
    SELECT "modelId", date_trunc('minute', "createdAt") AS minute, count(*) AS calls,
           sum(coalesce("inputTokens", 0) + coalesce("outputTokens", 0)) AS tokens
    FROM "Invocation"
    WHERE "createdAt" >= ${from} AND "createdAt" < ${to} AND status <> 'throttled'
    GROUP BY 1, 2`;
  const out = new Map<string, Peaks>();
  for (const r of rows) {
    const p = out.get(r.modelId) ?? none();
    const at = r.minute.toISOString();
    raise(p.rpm, Number(r.calls), at, 'log');
    raise(p.tpm, Number(r.tokens ?? 0), at, 'log');
    out.set(r.modelId, p);
  }
  return out;
}

/** Busiest minute per model in CloudWatch (AWS/Bedrock Invocations and token counts, 1-minute sums). */
export async function cloudWatchPeaks(client: CloudWatchClient, modelIds: readonly string[], from: Date, to: Date): Promise<Map<string, Peaks>> {
  const out = new Map<string, Peaks>();
  const metric = (id: string, name: string, modelId: string): MetricDataQuery => ({
    Id: id,
    MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName: name, Dimensions: [{ Name: 'ModelId', Value: modelId }] }, Period: 60, Stat: 'Sum' },
    ReturnData: true,
  });
  // GetMetricData takes at most 500 queries: three per model.
  for (let start = 0; start < modelIds.length; start += 150) {
    const chunk = modelIds.slice(start, start + 150);
    const queries = chunk.flatMap((m, i) => [metric(`r${i}`, 'Invocations', m), metric(`i${i}`, 'InputTokenCount', m), metric(`o${i}`, 'OutputTokenCount', m)]);
    const series = new Map<string, Map<number, number>>();
    let token: string | undefined;
    do {
      const res = await client.send(new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: from, EndTime: to, ScanBy: 'TimestampAscending', NextToken: token }));
      for (const r of res.MetricDataResults ?? []) {
        const s = series.get(r.Id ?? '') ?? new Map<number, number>();
        (r.Timestamps ?? []).forEach((t, k) => s.set(t.getTime(), (s.get(t.getTime()) ?? 0) + (r.Values?.[k] ?? 0)));
        series.set(r.Id ?? '', s);
      }
      token = res.NextToken;
    } while (token);
    chunk.forEach((modelId, i) => {
      const p = none();
      for (const [t, v] of series.get(`r${i}`) ?? []) raise(p.rpm, v, new Date(t).toISOString(), 'cloudwatch');
      const tokens = new Map(series.get(`i${i}`) ?? []);
      for (const [t, v] of series.get(`o${i}`) ?? []) tokens.set(t, (tokens.get(t) ?? 0) + v);
      for (const [t, v] of tokens) raise(p.tpm, v, new Date(t).toISOString(), 'cloudwatch');
      out.set(modelId, p);
    });
  }
  return out;
}

/** Models served by a label now (so a prompt about to go live shows up before it has traffic). */
async function servedModels(ctx: ServiceContext): Promise<string[]> {
  const rows = await ctx.db.$queryRaw<{ modelId: string }[]>`
    SELECT DISTINCT v."modelId" FROM "Label" l
    JOIN "PromptVersion" v ON v."promptId" = l."promptId" AND v.version = l.version
    JOIN "Prompt" p ON p.id = l."promptId" WHERE p."archivedAt" IS NULL`;
  return rows.map((r) => r.modelId);
}

function metricOf(peak: Peak, quota: number | null, quotaSource: HeadroomMetric['quotaSource']): HeadroomMetric {
  return {
    peak: peak.value,
    peakAt: peak.at,
    peakSource: peak.source,
    quota,
    quotaSource: quota === null ? null : quotaSource,
    utilisation: quota ? Math.round((peak.value / quota) * 10_000) / 10_000 : null,
  };
}

export function statusOf(rpm: HeadroomMetric, tpm: HeadroomMetric, threshold = HEADROOM_THRESHOLD): HeadroomItem['status'] {
  const u = [rpm.utilisation, tpm.utilisation].filter((x): x is number => x !== null);
  if (u.length === 0) return 'unknown';
  const worst = Math.max(...u);
  return worst >= 1 ? 'over' : worst >= threshold ? 'warning' : 'ok';
}

export async function quotaHeadroom(ctx: ServiceContext, raw: unknown, opts: { cloudWatch?: CloudWatchClient; now?: number } = {}): Promise<HeadroomReport> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = HeadroomQuerySchema.parse(raw ?? {});
  const now = opts.now ?? Date.now();
  const to = new Date(Math.ceil((now + 1) / 60_000) * 60_000);
  const from = new Date(to.getTime() - (q.hours ?? 24) * 3600_000);
  const warnings: Warning[] = [];

  const [log, served, overrides] = await Promise.all([logPeaks(ctx, from, to), servedModels(ctx), listQuotaOverrides(ctx.db)]);
  let catalog: CatalogModel[] = [];
  try {
    catalog = (await modelCatalog()).value;
  } catch (err) {
    warnings.push(warningOf('catalog', toAwsApiError(err, 'ListFoundationModels')));
  }
  let quotas: BedrockQuotas | undefined;
  try {
    const cached = await bedrockQuotas({ refresh: q.refresh === 'true' || q.refresh === '1' });
    quotas = cached.value;
    if (cached.stale && cached.error) warnings.push({ ...warningOf('service_quotas', toAwsApiError(cached.error, 'ListServiceQuotas')), message: `Service Quotas could not be read again; showing the quotas from ${cached.fetchedAt.toISOString()}. ${awsFailure(toAwsApiError(cached.error, 'ListServiceQuotas')).message}` });
  } catch (err) {
    warnings.push(warningOf('service_quotas', toAwsApiError(err, 'ListServiceQuotas')));
  }
  const modelIds = [...new Set([...log.keys(), ...served, ...overrides.map((o) => o.modelId)])].sort();
  let cw = new Map<string, Peaks>();
  try {
    if (modelIds.length) cw = await cloudWatchPeaks(opts.cloudWatch ?? cloudWatch(), modelIds, from, to);
  } catch (err) {
    warnings.push(warningOf('cloudwatch', toAwsApiError(err, 'GetMetricData')));
  }

  const items: HeadroomItem[] = modelIds.map((modelId) => {
    const p = none();
    for (const src of [log.get(modelId), cw.get(modelId)]) {
      if (!src) continue;
      if (src.rpm.at) raise(p.rpm, src.rpm.value, src.rpm.at, src.rpm.source ?? 'log');
      if (src.tpm.at) raise(p.tpm, src.tpm.value, src.tpm.at, src.tpm.source ?? 'log');
    }
    const override = overrides.find((o) => o.modelId === modelId);
    const account = quotas ? quotaForModel(quotas, modelId, catalog) : undefined;
    const rpm = override?.rpm != null ? metricOf(p.rpm, override.rpm, 'override') : metricOf(p.rpm, account?.rpm ?? null, 'service_quotas');
    const tpm = override?.tpm != null ? metricOf(p.tpm, override.tpm, 'override') : metricOf(p.tpm, account?.tpm ?? null, 'service_quotas');
    return { modelId, name: findCatalogModel(catalog, modelId)?.name ?? null, rpm, tpm, status: statusOf(rpm, tpm) };
  });
  const rank = { over: 0, warning: 1, ok: 2, unknown: 3 } as const;
  const worst = (i: HeadroomItem) => Math.max(i.rpm.utilisation ?? 0, i.tpm.utilisation ?? 0);
  items.sort((a, b) => rank[a.status] - rank[b.status] || worst(b) - worst(a) || a.modelId.localeCompare(b.modelId));
  return { from: from.toISOString(), to: to.toISOString(), threshold: HEADROOM_THRESHOLD, items, warnings };
}
