import { z } from 'zod';
import type { SimRequest, SimResponse } from './http';
import { BEDROCK_NAMESPACE, computeSeries, isKnownMetric, isSupportedStat, listSeries, type CallRecord } from './metrics';

/**
 * CloudWatch over AWS JSON 1.0 (what @aws-sdk/client-cloudwatch speaks since 3.949): `POST /` with
 * `x-amz-target: GraniteServiceVersion20100801.<Operation>`. GetMetricData supports MetricStat
 * queries only; metric math (Expression) is answered with InvalidParameterValueException.
 */

const TARGET_PREFIX = 'GraniteServiceVersion20100801.';
const JSON_10 = 'application/x-amz-json-1.0';

const Dimension = z.object({ Name: z.string(), Value: z.string() });
const Query = z.object({
  Id: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, 'must start with a lowercase letter and contain only letters, digits and _'),
  MetricStat: z
    .object({
      Metric: z.object({ Namespace: z.string().optional(), MetricName: z.string().optional(), Dimensions: z.array(Dimension).optional() }),
      Period: z.number().int().positive(),
      Stat: z.string(),
      Unit: z.string().optional(),
    })
    .optional(),
  Expression: z.string().optional(),
  Label: z.string().optional(),
  ReturnData: z.boolean().optional(),
  Period: z.number().optional(),
  AccountId: z.string().optional(),
});
const GetMetricDataInput = z.object({
  MetricDataQueries: z.array(Query).min(1).max(500),
  StartTime: z.number(),
  EndTime: z.number(),
  NextToken: z.string().optional(),
  ScanBy: z.enum(['TimestampDescending', 'TimestampAscending']).optional(),
  MaxDatapoints: z.number().int().optional(),
  LabelOptions: z.object({ Timezone: z.string().optional() }).optional(),
});
const ListMetricsInput = z.object({
  Namespace: z.string().optional(),
  MetricName: z.string().optional(),
  Dimensions: z.array(z.object({ Name: z.string(), Value: z.string().optional() })).optional(),
});

class CwError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly queryCode: string,
    message: string,
  ) {
    super(message);
  }
}

const invalid = (message: string) => new CwError(400, 'InvalidParameterValueException', 'InvalidParameterValue', message);

function parse<T>(schema: z.ZodType<T>, body: Buffer): T {
  let json: unknown;
  try {
    json = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    throw new CwError(400, 'SerializationException', 'SerializationException', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new CwError(400, 'MissingRequiredParameterException', 'MissingParameter', `Invalid request: ${i?.path.join('.') ?? ''}: ${i?.message ?? ''}`);
  }
  return parsed.data;
}

function validPeriod(p: number): boolean {
  return p >= 60 ? p % 60 === 0 : [1, 5, 10, 30].includes(p);
}

function getMetricData(body: Buffer, calls: readonly CallRecord[]): unknown {
  const input = parse(GetMetricDataInput, body);
  if (input.EndTime <= input.StartTime) throw invalid('The parameter StartTime must be less than the parameter EndTime.');
  const results = [];
  for (const q of input.MetricDataQueries) {
    if (q.Expression !== undefined) {
      throw invalid(`Query '${q.Id}': metric math expressions are not supported by the local AWS stand-in; use MetricStat queries.`);
    }
    const ms = q.MetricStat;
    if (!ms) throw invalid(`Query '${q.Id}' must have exactly one of MetricStat or Expression.`);
    if (!validPeriod(ms.Period)) throw invalid(`Query '${q.Id}': Period must be 1, 5, 10, 30 or a multiple of 60.`);
    if (!isSupportedStat(ms.Stat)) throw invalid(`Query '${q.Id}': unsupported statistic '${ms.Stat}' (use Sum, Average, Maximum, Minimum, SampleCount or pNN).`);
    if (q.ReturnData === false) continue;
    const name = ms.Metric.MetricName ?? '';
    const dims = ms.Metric.Dimensions ?? [];
    const modelDim = dims.length === 1 && dims[0]?.Name === 'ModelId' ? dims[0].Value : undefined;
    const matches = ms.Metric.Namespace === BEDROCK_NAMESPACE && isKnownMetric(name) && (dims.length === 0 || modelDim !== undefined);
    const series = matches
      ? computeSeries(calls, { metricName: name, modelId: modelDim, start: input.StartTime, end: input.EndTime, period: ms.Period, stat: ms.Stat })
      : { timestamps: [], values: [] };
    if (input.ScanBy !== 'TimestampAscending') {
      series.timestamps.reverse();
      series.values.reverse();
    }
    results.push({ Id: q.Id, Label: q.Label ?? name, Timestamps: series.timestamps, Values: series.values, StatusCode: 'Complete', Messages: [] });
  }
  return { MetricDataResults: results, Messages: [] };
}

function listMetrics(body: Buffer, calls: readonly CallRecord[]): unknown {
  const input = parse(ListMetricsInput, body);
  if (input.Namespace !== undefined && input.Namespace !== BEDROCK_NAMESPACE) return { Metrics: [] };
  const metrics = listSeries(calls)
    .filter((s) => input.MetricName === undefined || s.metricName === input.MetricName)
    .filter((s) => (input.Dimensions ?? []).every((d) => d.Name === 'ModelId' && (d.Value === undefined || d.Value === s.modelId)))
    .map((s) => ({ Namespace: BEDROCK_NAMESPACE, MetricName: s.metricName, Dimensions: [{ Name: 'ModelId', Value: s.modelId }] }));
  return { Metrics: metrics };
}

export function isCloudWatchRequest(req: SimRequest): boolean {
  return req.method === 'POST' && req.path === '/' && (req.headers['x-amz-target'] ?? '').startsWith(TARGET_PREFIX);
}

/** Answers one CloudWatch JSON 1.0 call. */
export function handleCloudWatch(req: SimRequest, res: SimResponse, calls: readonly CallRecord[]): void {
  const headers = { 'content-type': JSON_10, 'x-amzn-requestid': req.requestId };
  const operation = (req.headers['x-amz-target'] ?? '').slice(TARGET_PREFIX.length);
  try {
    let out: unknown;
    if (operation === 'GetMetricData') out = getMetricData(req.body, calls);
    else if (operation === 'ListMetrics') out = listMetrics(req.body, calls);
    else throw new CwError(400, 'UnknownOperationException', 'UnknownOperation', `Operation ${operation} is not supported by the local AWS stand-in.`);
    res.send(200, headers, JSON.stringify(out));
  } catch (err) {
    if (!(err instanceof CwError)) throw err;
    res.send(err.status, { ...headers, 'x-amzn-query-error': `${err.queryCode};Sender` }, JSON.stringify({ __type: `com.amazonaws.cloudwatch#${err.type}`, message: err.message }));
  }
}

/** A request to POST / whose x-amz-target is not CloudWatch's. */
export function unknownOperation(req: SimRequest, res: SimResponse): void {
  res.send(
    400,
    { 'content-type': JSON_10, 'x-amzn-requestid': req.requestId },
    JSON.stringify({ __type: 'com.amazon.coral.service#UnknownOperationException', message: `Unknown operation ${req.headers['x-amz-target'] ?? '(no x-amz-target)'}` }),
  );
}
