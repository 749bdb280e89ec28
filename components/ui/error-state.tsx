'use client';

import { AlertOctagon, RotateCcw } from 'lucide-react';
import Link from 'next/link';
import { useEffect } from 'react';
import { Button } from './button';

/** Body of every error.tsx: what happened, a retry, a way out. */
export function ErrorState({ error, reset, title = 'This page could not be loaded' }: { error: Error & { digest?: string }; reset: () => void; title?: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto mt-10 max-w-lg rounded-xl border border-red-200 bg-white p-6 text-center shadow-xs dark:border-red-900/50 dark:bg-zinc-900">
      <div className="mx-auto mb-3 flex size-10 items-center justify-center rounded-full bg-red-50 text-red-600 dark:bg-red-950/50 dark:text-red-400">
        <AlertOctagon className="size-5" aria-hidden />
      </div>
      <h1 className="text-base font-semibold text-zinc-900 dark:text-zinc-50">{title}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Something went wrong while loading data. It may be temporary; try again.
        {error.digest ? <span className="mt-1 block font-mono text-xs text-zinc-400">Reference: {error.digest}</span> : null}
      </p>
      <div className="mt-4 flex justify-center gap-2">
        <Button variant="primary" onClick={reset}>
          <RotateCcw aria-hidden />
          Try again
        </Button>
        <Button asChild>
          <Link href="/prompts">Go to prompts</Link>
        </Button>
      </div>
    </div>
  );
}
