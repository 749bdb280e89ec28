'use client';

import { useQuery } from '@tanstack/react-query';
import { AlertTriangle } from 'lucide-react';
import { api } from '@/lib/client/api';
import { cn } from '@/lib/client/cn';
import type { HeadroomItem, HeadroomMetric } from '@/lib/bedrock-catalog/responses';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { QuotaOverrideDialog } from './quota-override-dialog';

const num = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '');

function Bar({ m, threshold, label }: { m: HeadroomMetric; threshold: number; label: string }) {
  const u = m.utilisation;
  const tone = u === null ? 'bg-zinc-300 dark:bg-zinc-700' : u >= 1 ? 'bg-red-500' : u >= threshold ? 'bg-amber-500' : 'bg-emerald-500';
  return (
    <div className="min-w-36" data-testid={`headroom-${label}`}>
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="font-mono text-zinc-800 tabular-nums dark:text-zinc-200">
          {num(m.peak)}
          <span className="text-zinc-400"> / {m.quota === null ? '?' : num(m.quota)}</span>
        </span>
        <span className={cn('tabular-nums', u !== null && u >= threshold ? 'font-semibold text-amber-700 dark:text-amber-300' : 'text-zinc-500')}>{u === null ? 'no quota' : `${Math.round(u * 100)}%`}</span>
      </div>
      <div
        className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
        role="meter"
        aria-label={`${label} peak against quota`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={u === null ? undefined : Math.min(100, Math.round(u * 100))}
      >
        <div className={cn('h-full rounded-full', tone)} style={{ width: `${u === null ? 0 : Math.min(100, Math.max(2, u * 100))}%` }} />
      </div>
      <div className="mt-0.5 text-[11px] text-zinc-400">
        {m.quotaSource === 'override' ? 'admin quota' : m.quotaSource === 'service_quotas' ? 'Service Quotas' : 'no quota known'}
        {m.peakAt ? ` · peak ${time(m.peakAt)}` : ''}
      </div>
    </div>
  );
}

const STATUS: Record<HeadroomItem['status'], { tone: 'green' | 'amber' | 'red' | 'subtle'; text: string }> = {
  ok: { tone: 'green', text: 'OK' },
  warning: { tone: 'amber', text: 'Near quota' },
  over: { tone: 'red', text: 'At quota' },
  unknown: { tone: 'subtle', text: 'Unknown' },
};

/** Quota headroom per model: busiest minute (log and CloudWatch) against the account's quotas. */
export function QuotaHeadroomCard({ canAdmin }: { canAdmin: boolean }) {
  const report = useQuery({ queryKey: ['quota-headroom'], queryFn: () => api('GET /api/v1/metrics/quota-headroom'), staleTime: 60_000 });
  const data = report.data;
  const hot = (data?.items ?? []).filter((i) => i.status === 'warning' || i.status === 'over');
  return (
    <Card className="overflow-hidden" data-testid="quota-headroom-card">
      <CardHeader
        title="Quota headroom"
        description="Per model, the busiest minute of the last 24 hours (invocation log and CloudWatch) against the account's requests- and tokens-per-minute quotas."
      />
      {report.isLoading ? (
        <p className="px-5 pb-5 text-sm text-zinc-500">Loading…</p>
      ) : report.isError ? (
        <p className="px-5 pb-5 text-sm text-red-600 dark:text-red-400">Could not load quota headroom: {report.error.message}</p>
      ) : data ? (
        <>
          <div className="space-y-2 px-5">
            {hot.length ? (
              <Alert tone="warning" title={`${hot.length} model${hot.length === 1 ? ' is' : 's are'} at ${Math.round(data.threshold * 100)}% of a quota or more`}>
                Throttling is likely at the next peak: raise the quota in Service Quotas, spread load over a cross-region profile, or add a fallback model.
              </Alert>
            ) : null}
            {data.warnings.map((w) => (
              <p key={w.source} className="flex items-start gap-1.5 text-xs text-amber-700 dark:text-amber-300" data-testid="headroom-source-warning">
                <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
                {w.message}
              </p>
            ))}
          </div>
          {data.items.length === 0 ? (
            <p className="px-5 pt-2 pb-5 text-sm text-zinc-500 dark:text-zinc-400">No model has been called or is served by a label yet.</p>
          ) : (
            <div className="mt-2 overflow-x-auto">
              <Table aria-label="Quota headroom">
                <THead>
                  <tr>
                    <Th>Model</Th>
                    <Th>Requests / min</Th>
                    <Th>Tokens / min</Th>
                    <Th>Status</Th>
                    {canAdmin ? <Th className="sr-only">Actions</Th> : null}
                  </tr>
                </THead>
                <TBody>
                  {data.items.map((i) => (
                    <Tr key={i.modelId} data-testid="headroom-row" data-model-id={i.modelId} data-status={i.status}>
                      <Td className="max-w-60">
                        <span className="block text-sm">{i.name ?? 'Custom model'}</span>
                        <span className="block font-mono text-xs break-all text-zinc-500">{i.modelId}</span>
                      </Td>
                      <Td>
                        <Bar m={i.rpm} threshold={data.threshold} label="requests" />
                      </Td>
                      <Td>
                        <Bar m={i.tpm} threshold={data.threshold} label="tokens" />
                      </Td>
                      <Td>
                        <Badge tone={STATUS[i.status].tone}>{STATUS[i.status].text}</Badge>
                      </Td>
                      {canAdmin ? (
                        <Td className="text-right">
                          <QuotaOverrideDialog item={i} />
                        </Td>
                      ) : null}
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </div>
          )}
        </>
      ) : null}
    </Card>
  );
}
