'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronDown, ChevronRight, Send, Trash2, Webhook } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { api, type ApiError } from '@/lib/client/api';
import type { WebhookDto } from '@/lib/webhooks/responses';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { DeliveriesLog } from './deliveries-log';

const TONE = { succeeded: 'green', pending: 'amber', failed: 'red' } as const;

function Row({ w }: { w: WebhookDto }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const test = useMutation<{ deliveryId: string }, ApiError>({
    mutationFn: () => api('POST /api/v1/webhooks/{id}/test', { params: { id: w.id }, body: {} }),
    onSuccess: () => {
      toast.success('Test delivery queued');
      setOpen(true);
      void qc.invalidateQueries({ queryKey: ['webhook-deliveries', w.id] });
    },
    onError: (e) => toast.error(e.message),
  });
  const remove = useMutation<void, ApiError>({
    mutationFn: async () => {
      await api('DELETE /api/v1/webhooks/{id}', { params: { id: w.id } });
    },
    onSuccess: () => {
      toast.success('Webhook deleted');
      void qc.invalidateQueries({ queryKey: ['webhooks'] });
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <li data-testid="webhook-row" data-url={w.url}>
      <div className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center">
        <button type="button" className="flex min-w-0 flex-1 items-start gap-2 text-left" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? <ChevronDown className="mt-0.5 size-4 shrink-0" aria-hidden /> : <ChevronRight className="mt-0.5 size-4 shrink-0" aria-hidden />}
          <span className="min-w-0">
            <span className="block font-mono text-sm break-all text-zinc-900 dark:text-zinc-100">{w.url}</span>
            <span className="mt-1 flex flex-wrap gap-1">
              {w.events.map((e) => (
                <Badge key={e} tone="subtle" className="font-mono">
                  {e}
                </Badge>
              ))}
            </span>
          </span>
        </button>
        <div className="flex shrink-0 flex-wrap items-center gap-2 text-xs text-zinc-500">
          {w.lastDelivery ? (
            <>
              <Badge tone={TONE[w.lastDelivery.status]}>{w.lastDelivery.status}</Badge>
              <RelativeTime iso={w.lastDelivery.at} />
            </>
          ) : (
            <span>No deliveries yet</span>
          )}
          <Button size="sm" onClick={() => test.mutate()} loading={test.isPending} data-testid="webhook-test">
            <Send aria-hidden />
            Send test
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Delete ${w.url}`}
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the webhook to ${w.url}? Its deliveries log goes with it.`)) remove.mutate();
            }}
          >
            <Trash2 aria-hidden />
          </Button>
        </div>
      </div>
      {open ? <DeliveriesLog id={w.id} /> : null}
    </li>
  );
}

export function WebhookList() {
  const q = useQuery({ queryKey: ['webhooks'], queryFn: () => api('GET /api/v1/webhooks', { query: { limit: 200 } }), refetchInterval: 10_000 });
  if (q.isPending)
    return (
      <Card className="space-y-3 p-4">
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-5 w-1/2" />
      </Card>
    );
  if (q.isError) return <ErrorState title="Webhooks could not be loaded" error={q.error as Error} reset={() => void q.refetch()} />;
  return (
    <Card className="overflow-hidden">
      {q.data.items.length === 0 ? (
        <EmptyState icon={<Webhook />} title="No webhooks yet" description="Add one to hear about label moves, deploy requests and canaries." />
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Webhooks">
          {q.data.items.map((w) => (
            <Row key={w.id} w={w} />
          ))}
        </ul>
      )}
    </Card>
  );
}
