'use client';

import { format, formatDistanceToNowStrict } from 'date-fns';
import { Tooltip } from './tooltip';

/** "3 hours ago", with the exact timestamp on hover/focus and in the title. */
export function RelativeTime({ iso, className }: { iso: string | null | undefined; className?: string }) {
  if (!iso) return <span className={className}>—</span>;
  const d = new Date(iso);
  const exact = format(d, "yyyy-MM-dd HH:mm:ss 'local'");
  return (
    <Tooltip content={`${exact} · ${d.toISOString()}`}>
      <time dateTime={iso} title={exact} className={className} tabIndex={0} suppressHydrationWarning>
        {formatDistanceToNowStrict(d, { addSuffix: true })}
      </time>
    </Tooltip>
  );
}
