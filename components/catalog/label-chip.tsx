import { Badge, type BadgeTone } from '@/components/ui/badge';
import { cn } from '@/lib/client/cn';

export function labelTone(label: string): BadgeTone {
  if (label === 'production' || label === 'prod') return 'green';
  if (label === 'staging') return 'amber';
  if (label === 'latest') return 'subtle';
  return 'neutral';
}

/** A label name, optionally with the version it points at ("production v3"). */
export function LabelChip({ label, version, className }: { label: string; version?: number; className?: string }) {
  return (
    <Badge tone={labelTone(label)} className={cn('font-mono text-[11px]', className)} data-testid="label-chip" data-label={label}>
      {label === 'production' ? <span aria-hidden className="size-1.5 rounded-full bg-emerald-500" /> : null}
      {label}
      {version !== undefined ? <span className="opacity-70">v{version}</span> : null}
    </Badge>
  );
}

/** Labels sorted for display: production, staging, others, latest last. */
export function sortLabels(labels: string[]): string[] {
  const rank = (l: string) => (l === 'production' ? 0 : l === 'staging' ? 1 : l === 'latest' ? 3 : 2);
  return [...labels].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
