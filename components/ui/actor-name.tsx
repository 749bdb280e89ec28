'use client';

import { Bot, KeyRound } from 'lucide-react';
import type { ActorRef } from '@/lib/auth/actor-ref';
import { cn } from '@/lib/client/cn';
import { usePeople } from '@/components/shell/people';
import { Tooltip } from './tooltip';

/**
 * Who did something, as a person reads it: a user's current name (email on hover/focus), an API
 * key's name with a key icon, or, for the instance itself and records from before typed actors,
 * the display snapshot that was stored. `you` marks the signed-in user.
 */
export function ActorName({ display, actorRef, className, you = false }: { display: string | null; actorRef: ActorRef | null; className?: string; you?: boolean }) {
  const { people, me } = usePeople();
  if (display === null && !actorRef) return <span className={cn('text-zinc-500 dark:text-zinc-400', className)}>—</span>;
  const person = actorRef?.type === 'user' ? people[actorRef.id] : undefined;
  const name = person?.name ?? actorRef?.display ?? display ?? '';
  const isMe = !!actorRef && !!me && me.type === actorRef.type && me.id === actorRef.id;
  const tip =
    actorRef?.type === 'api_key'
      ? `API key "${actorRef.display}"`
      : person
        ? `${person.name} <${person.email}>`
        : actorRef
          ? `${name} (no longer a user here)`
          : `${name}: recorded by the instance itself, or before users and keys were told apart`;
  return (
    <Tooltip content={tip}>
      <span
        tabIndex={0}
        title={tip}
        className={cn('inline-flex max-w-full min-w-0 items-center gap-1 align-bottom', className)}
        data-testid="actor-name"
        data-actor-type={actorRef?.type ?? 'untyped'}
        data-actor-id={actorRef?.id ?? ''}
      >
        {actorRef?.type === 'api_key' ? <KeyRound className="size-3 shrink-0 text-zinc-400" aria-label="API key" /> : null}
        {!actorRef ? <Bot className="size-3 shrink-0 text-zinc-400" aria-hidden /> : null}
        <span className="truncate">{name}</span>
        {you || isMe ? <span className="text-zinc-500 dark:text-zinc-400">{' (you)'}</span> : null}
      </span>
    </Tooltip>
  );
}
