'use client';

import { useEffect, useState } from 'react';
import { cn } from '@/lib/client/cn';

type Policy = typeof import('@/lib/auth/password-policy');

/**
 * A live strength hint under a new-password field: zxcvbn's verdict (the same check the server
 * makes) with the reason a password would be refused. The dictionaries are loaded on first
 * keystroke, not with the page. Renders inline content, so it can sit in a Field's hint.
 */
export function PasswordHint({ password, related = [] }: { password: string; related?: string[] }) {
  const [policy, setPolicy] = useState<Policy | null>(null);
  useEffect(() => {
    if (!password || policy) return;
    let live = true;
    void import('@/lib/auth/password-policy').then((m) => live && setPolicy(m));
    return () => {
      live = false;
    };
  }, [password, policy]);

  if (!password) return <>At least 8 characters; long, unusual passphrases are best.</>;
  if (!policy) return <>Checking strength…</>;
  const verdict = policy.judgePassword(password, related);
  const colour = verdict.ok ? (verdict.score === 4 ? 'bg-emerald-500' : 'bg-lime-500') : verdict.score >= 2 ? 'bg-amber-500' : 'bg-red-500';
  return (
    <span className="flex flex-col gap-1" data-testid="password-strength" data-score={verdict.score} data-ok={verdict.ok}>
      <span className="flex items-center gap-2">
        <span className="flex gap-0.5" aria-hidden>
          {[0, 1, 2, 3, 4].map((i) => (
            <span key={i} className={cn('h-1 w-6 rounded-full', i <= verdict.score ? colour : 'bg-zinc-200 dark:bg-zinc-700')} />
          ))}
        </span>
        <span aria-live="polite" className={cn('font-medium', verdict.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400')}>
          {policy.SCORE_LABELS[verdict.score]}
          {verdict.ok ? '' : ' — will be refused'}
        </span>
      </span>
      {verdict.problem ? <span>{verdict.problem}</span> : null}
    </span>
  );
}
