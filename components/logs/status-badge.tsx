import { Badge } from '@/components/ui/badge';

const TONE = { ok: 'green', throttled: 'amber', error: 'red' } as const;

export function StatusBadge({ status }: { status: 'ok' | 'throttled' | 'error' }) {
  return (
    <Badge tone={TONE[status]} data-testid="status-badge">
      <span aria-hidden className={status === 'ok' ? 'size-1.5 rounded-full bg-emerald-500' : status === 'throttled' ? 'size-1.5 rounded-full bg-amber-500' : 'size-1.5 rounded-full bg-red-500'} />
      {status}
    </Badge>
  );
}
