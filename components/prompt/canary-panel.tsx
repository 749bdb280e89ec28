'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { CircleStop, TrendingUp } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { CanaryDto, CanaryStatus, SideFigures } from '@/lib/canary/responses';
import { api, errorMessage, type ApiError } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmCancel, ConfirmDialog } from '@/components/ui/dialog';
import { Skeleton } from '@/components/ui/skeleton';
import { CanaryRequestDeploy, ProtectedCanaryHint } from './canary-request-deploy';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const ms = (x: number | null) => (x === null ? '—' : `${x} ms`);

const ROWS: { name: string; value: (s: SideFigures) => string }[] = [
  { name: 'Calls', value: (s) => String(s.calls) },
  { name: 'Error rate', value: (s) => pct(s.errorRate) },
  { name: 'Throttle rate', value: (s) => pct(s.throttleRate) },
  { name: 'p95 latency', value: (s) => ms(s.latencyP95Ms) },
  { name: 'Thumbs-down rate', value: (s) => pct(s.thumbsDownRate) },
];

function GuardBadge({ status }: { status: CanaryStatus }) {
  const g = status.guard;
  const c = status.canary;
  if (!g || !c || !status.baseline || !status.canarySide) return null;
  if (g.state === 'waiting') {
    return (
      <Badge tone="amber" data-testid="guard-state" data-state="waiting">
        Guard waiting: {Math.min(status.baseline.calls, status.canarySide.calls)}/{c.guard.minCalls} calls per side
      </Badge>
    );
  }
  return g.state === 'healthy' ? (
    <Badge tone="green" data-testid="guard-state" data-state="healthy">
      Guard: healthy
    </Badge>
  ) : (
    <Badge tone="red" data-testid="guard-state" data-state="breached">
      Guard: breached
    </Badge>
  );
}

/** A protected label: the approvals its policy needs, and what the deploy dialog needs. */
export interface CanaryProtection {
  approvals: number;
  labels: Record<string, number>;
  latestVersion: number;
}

/**
 * The live canary of a label: both sides over the guard window, refreshed every few seconds, with
 * promote (confirmed for production) and stop. On a protected label, promote is replaced by a
 * deploy request of the canary version (the API refuses the promotion). When the canary ends
 * elsewhere (the guard, another person, an approved request), the page reloads its labels.
 */
export function CanaryPanel({
  prompt,
  canary,
  canMove,
  canRequest = false,
  protection,
}: {
  prompt: string;
  canary: CanaryDto;
  canMove: boolean;
  /** Editors and up may open deploy requests (shown on protected labels). */
  canRequest?: boolean;
  protection?: CanaryProtection;
}) {
  const router = useRouter();
  const label = canary.label;
  const [failure, setFailure] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ['canary', prompt, label],
    queryFn: () => api('GET /api/v1/prompts/{name}/labels/{label}/canary', { params: { name: prompt, label } }),
    refetchInterval: 5_000,
  });
  const ended = status.data !== undefined && status.data.canary?.id !== canary.id;
  useEffect(() => {
    if (ended) router.refresh();
  }, [ended, router]);

  const done = (what: string) => () => {
    toast.success(what);
    router.refresh();
  };
  const stop = useMutation<unknown, ApiError, void>({
    mutationFn: () => api('DELETE /api/v1/prompts/{name}/labels/{label}/canary', { params: { name: prompt, label } }),
    onSuccess: done(`Canary on ${label} stopped: every caller gets v${canary.baselineVersion}`),
    onError: (e) => setFailure(errorMessage(e)),
  });
  const promote = useMutation<unknown, ApiError, void>({
    mutationFn: () =>
      api('POST /api/v1/prompts/{name}/labels/{label}/canary/promote', {
        params: { name: prompt, label },
        body: { expectedVersion: canary.baselineVersion, expectedCanaryVersion: canary.version },
      }),
    onSuccess: done(`${label} now points at v${canary.version}`),
    onError: (e) => setFailure(errorMessage(e)),
  });

  const promoteButton = (
    <Button size="sm" variant="primary" loading={promote.isPending} data-testid="canary-promote" onClick={label === 'production' ? undefined : () => promote.mutate()}>
      <TrendingUp aria-hidden />
      Promote v{canary.version}
    </Button>
  );

  const s = status.data;
  return (
    <section className="mt-3 rounded-md border border-sky-200 bg-sky-50/50 p-3 dark:border-sky-900/60 dark:bg-sky-950/20" data-testid="canary-panel" data-canary-version={canary.version} aria-label={`Canary on ${label}`}>
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          Canary v{canary.version} · {canary.weight}% of callers
        </p>
        {s ? <GuardBadge status={s} /> : null}
      </div>
      {status.isError ? (
        <Alert className="mt-2">{errorMessage(status.error)}</Alert>
      ) : !s || !s.baseline || !s.canarySide ? (
        ended ? null : <Skeleton className="mt-2 h-28 w-full" />
      ) : (
        <>
          <table className="mt-2 w-full text-xs" data-testid="canary-figures">
            <thead>
              <tr className="text-left text-zinc-500 dark:text-zinc-400">
                <th className="py-1 font-medium">Last {Math.round(canary.guard.windowSeconds / 60)} min</th>
                <th className="py-1 text-right font-medium">Baseline v{s.baseline.version}</th>
                <th className="py-1 text-right font-medium">Canary v{s.canarySide.version}</th>
              </tr>
            </thead>
            <tbody className="font-mono text-zinc-800 dark:text-zinc-200">
              {ROWS.map((r) => (
                <tr key={r.name} className="border-t border-sky-100 dark:border-sky-900/40">
                  <th scope="row" className="py-1 text-left font-sans font-normal text-zinc-600 dark:text-zinc-400">
                    {r.name}
                  </th>
                  <td className="py-1 text-right">{r.value(s.baseline!)}</td>
                  <td className="py-1 text-right">{r.value(s.canarySide!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.guard?.breaches.length ? <p className="mt-2 text-xs text-red-700 dark:text-red-400">{s.guard.breaches.join('; ')}</p> : null}
        </>
      )}
      {failure ? <Alert className="mt-2">{failure}</Alert> : null}
      {protection && (canMove || canRequest) ? <ProtectedCanaryHint label={label} version={canary.version} approvals={protection.approvals} /> : null}
      {canMove || (protection && canRequest) ? (
        <div className="mt-3 flex flex-wrap justify-end gap-2">
          {canMove ? (
            <Button size="sm" variant="danger-outline" loading={stop.isPending} onClick={() => stop.mutate()} data-testid="canary-stop">
              <CircleStop aria-hidden />
              Stop
            </Button>
          ) : null}
          {protection ? (
            <CanaryRequestDeploy prompt={prompt} canary={canary} approvals={protection.approvals} labels={protection.labels} latestVersion={protection.latestVersion} canMove={canMove} />
          ) : label === 'production' ? (
            <ConfirmDialog trigger={promoteButton} title={`Promote v${canary.version} to production?`} description={`Every caller of production gets v${canary.version} (it points at v${canary.baselineVersion} now). Rollback stays one click.`}>
              <div className="flex justify-end gap-2">
                <ConfirmCancel asChild>
                  <Button>Cancel</Button>
                </ConfirmCancel>
                <Button variant="primary" loading={promote.isPending} onClick={() => promote.mutate()} data-testid="canary-promote-confirm">
                  Promote to production
                </Button>
              </div>
            </ConfirmDialog>
          ) : (
            promoteButton
          )}
        </div>
      ) : null}
    </section>
  );
}
