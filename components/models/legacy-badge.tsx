import { Badge } from '@/components/ui/badge';
import { formatDate } from './use-models';

/** LEGACY, with the end-of-life date when Bedrock gives one. */
export function LegacyBadge({ endOfLife, className }: { endOfLife?: string | null; className?: string }) {
  const date = formatDate(endOfLife);
  return (
    <Badge tone="amber" className={className} title={date ? `Bedrock retires this model on ${date}` : 'Bedrock lists this model as LEGACY'} data-testid="legacy-badge">
      LEGACY{date ? ` · ends ${date}` : ''}
    </Badge>
  );
}
