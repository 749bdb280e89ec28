import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { ServiceContext } from '../context';
import { actorRefOf } from '../auth/actor-ref';
import { requirePermission } from '../auth/roles';
import { cloudWatch, fetchBedrockSeries, type Point } from '../aws/cloudwatch';
import { toModelError } from '../aws/errors';
import { AppError } from '../errors';
import type { BedrockMetrics, DeployMarker } from './responses';
import { BedrockMetricsQuerySchema } from './schemas';

/**
 * Amazon Bedrock's CloudWatch metrics (namespace AWS/Bedrock) for one model or all, next to the
 * label moves made in the same window.
 */
export type { BedrockMetrics, DeployMarker };

const PERIODS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
const MAX_POINTS = 1440;
const TARGET_POINTS = 360;
const DAY = 86_400_000;

/**
 * A period CloudWatch can answer for this window: 1-minute data is kept 15 days, 5-minute 63
 * days, hourly after that; and at most about TARGET_POINTS points per series for a chart.
 */
export function choosePeriod(from: Date, to: Date, now = Date.now()): number {
  const age = now - from.getTime();
  const min = age > 63 * DAY ? 3600 : age > 15 * DAY ? 300 : 60;
  const span = (to.getTime() - from.getTime()) / 1000;
  return PERIODS.find((p) => p >= min && p % min === 0 && span / p <= TARGET_POINTS) ?? 86400;
}

const TTL_MS = 30_000;
const g = globalThis as unknown as { __promptdeckMetricsCache?: Map<string, { at: number; value: Promise<Record<string, Point[]>> }> };
const cache = (g.__promptdeckMetricsCache ??= new Map());

function cloudWatchFailure(err: unknown): AppError {
  const e = toModelError(err);
  if (e.kind === 'throttled') return new AppError('throttled', 'CloudWatch throttled the request. Wait a few seconds and refresh, or choose a longer period.', { awsCode: e.awsCode });
  if (e.awsCode === 'CredentialsProviderError' || /credential/i.test(e.message)) {
    return new AppError('upstream_error', 'No AWS credentials were found for CloudWatch. Configure credentials and a region (AWS_PROFILE, keys or an instance role), or run locally with the simulated Bedrock.', { type: 'no_credentials', awsCode: e.awsCode });
  }
  if (e.kind === 'access_denied') {
    return new AppError('upstream_error', 'CloudWatch denied access. The role Promptdeck runs as needs the cloudwatch:GetMetricData permission.', { type: 'access_denied', awsCode: e.awsCode });
  }
  return new AppError('upstream_error', `CloudWatch answered with an error: ${e.message}`, { type: e.kind, awsCode: e.awsCode });
}

export async function getBedrockMetrics(ctx: ServiceContext, raw: unknown, opts: { client?: CloudWatchClient; now?: number } = {}): Promise<BedrockMetrics> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = BedrockMetricsQuerySchema.parse(raw ?? {});
  const now = opts.now ?? Date.now();
  // "Now" rounded up to the next minute: the current minute is included, and repeated views
  // within a minute share the cached answer.
  const to = q.to ? new Date(q.to) : new Date(Math.ceil((now + 1) / 60_000) * 60_000);
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 3 * 3600_000);
  if (from.getTime() >= to.getTime()) {
    throw new AppError('validation_error', 'The window is empty: from must be before to (to defaults to now).', [{ path: 'from', message: 'from must be before to.' }]);
  }
  const period = q.period ?? choosePeriod(from, to, now);
  if ((to.getTime() - from.getTime()) / 1000 / period > MAX_POINTS) {
    throw new AppError('validation_error', `That window at a ${period} s period is more than ${MAX_POINTS} points per series; choose a longer period.`, [{ path: 'period', message: 'Too many points.' }]);
  }
  const modelId = q.modelId ?? null;
  const key = `${modelId}|${from.toISOString()}|${to.toISOString()}|${period}`;
  let hit = cache.get(key);
  if (!hit || now - hit.at > TTL_MS) {
    hit = { at: now, value: fetchBedrockSeries(opts.client ?? cloudWatch(), modelId, from, to, period) };
    if (cache.size > 500) cache.clear();
    cache.set(key, hit);
    hit.value.catch(() => cache.delete(key));
  }
  let series: Record<string, Point[]>;
  try {
    series = await hit.value;
  } catch (err) {
    throw cloudWatchFailure(err);
  }
  return { modelId, from: from.toISOString(), to: to.toISOString(), period, series, deploys: await deploysBetween(ctx, from, to) };
}

/** Every label move in the window, oldest first, with the models of the versions involved. */
export async function deploysBetween(ctx: ServiceContext, from: Date, to: Date): Promise<DeployMarker[]> {
  const events = await ctx.db.labelEvent.findMany({
    where: { at: { gte: from, lte: to } },
    orderBy: { at: 'asc' },
    take: 1000,
    include: { prompt: { select: { name: true } } },
  });
  const wanted = events.flatMap((e) => [e.fromVersion, e.toVersion].filter((v): v is number => v !== null).map((v) => ({ promptId: e.promptId, version: v })));
  const versions = wanted.length
    ? await ctx.db.promptVersion.findMany({ where: { OR: wanted.map((w) => ({ promptId: w.promptId, version: w.version })) }, select: { promptId: true, version: true, modelId: true } })
    : [];
  const model = new Map(versions.map((v) => [`${v.promptId}@${v.version}`, v.modelId]));
  return events.map((e) => ({
    prompt: e.prompt.name,
    label: e.label,
    action: e.action,
    fromVersion: e.fromVersion,
    toVersion: e.toVersion,
    actor: e.actor,
    actorRef: actorRefOf(e, 'actor'),
    reason: e.reason,
    at: e.at.toISOString(),
    modelIds: [...new Set([e.fromVersion, e.toVersion].map((v) => (v === null ? undefined : model.get(`${e.promptId}@${v}`))).filter((m): m is string => !!m))],
  }));
}
