'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';

const TONE = { succeeded: 'green', pending: 'amber', failed: 'red' } as const;

/** The deliveries of one webhook with every attempt (status code, error, duration). */
export function DeliveriesLog({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['webhook-deliveries', id], queryFn: () => api('GET /api/v1/webhooks/{id}/deliveries', { params: { id }, query: { limit: 20 } }), refetchInterval: 3_000 });
  if (q.isPending) return <Skeleton className="mx-4 mb-3 h-16" />;
  if (q.isError) return <p className="px-4 pb-3 text-sm text-red-600">{(q.error as Error).message}</p>;
  if (q.data.items.length === 0) return <p className="px-4 pb-3 text-sm text-zinc-500">No deliveries yet. Send a test to try the endpoint.</p>;
  return (
    <div className="border-t border-zinc-100 bg-zinc-50/60 px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900/40" data-testid="deliveries-log">
      <ul className="space-y-3">
        {q.data.items.map((d) => (
          <li key={d.id} className="text-sm" data-testid="delivery">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={TONE[d.status]}>{d.status}</Badge>
              <span className="font-mono text-xs">{d.event}</span>
              <span className="text-xs text-zinc-500">
                <RelativeTime iso={d.createdAt} /> · {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
                {d.nextAttemptAt ? (
                  <>
                    {' '}
                    · next <RelativeTime iso={d.nextAttemptAt} />
                  </>
                ) : null}
              </span>
            </div>
            {d.log.length > 0 ? (
              <ol className="mt-1 space-y-0.5 pl-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">
                {d.log.map((a) => (
                  <li key={a.attempt} className="break-all">
                    #{a.attempt} {a.statusCode ?? '—'} · {a.durationMs} ms{a.error ? ` · ${a.error}` : ''}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
