import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONE: Record<string, BadgeTone> = { open: 'amber', deployed: 'green', rejected: 'red', stale: 'subtle' };

export function RequestStatus({ status }: { status: string }) {
  return (
    <Badge tone={TONE[status] ?? 'neutral'} data-testid="request-status">
      {status}
    </Badge>
  );
}
