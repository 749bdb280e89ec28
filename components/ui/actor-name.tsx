import { KeyRound } from 'lucide-react';
import { cn } from '@/lib/client/cn';

/**
 * Who did something, as people read it: the person's name (or the API key's name), with the
 * email (or "API key") on hover and for screen readers. `display` is the display snapshot
 * stored with the action; `email` is shown on hover when known. Legacy snapshots ("key:<name>",
 * or an email where a name is missing) are shown as well as they allow.
 */
export function ActorName({ display, email, kind, className }: { display: string | null | undefined; email?: string | null; kind?: 'user' | 'api_key' | 'apiKey'; className?: string }) {
  const text = display?.trim() || email || 'unknown';
  const isKey = kind === 'api_key' || kind === 'apiKey' || (!kind && text.startsWith('key:'));
  const name = isKey ? text.replace(/^key:/, '') : text;
  const detail = isKey ? `API key ${name}` : email && email !== name ? email : null;
  return (
    <span className={cn('inline-flex max-w-full min-w-0 items-center gap-1 align-bottom text-zinc-700 dark:text-zinc-300', className)} title={detail ?? undefined} data-testid="actor-name" data-email={email ?? undefined}>
      {isKey ? <KeyRound className="size-3 shrink-0 text-zinc-400" aria-hidden /> : null}
      <span className="truncate">{name}</span>
      {detail ? <span className="sr-only"> ({detail})</span> : null}
    </span>
  );
}
