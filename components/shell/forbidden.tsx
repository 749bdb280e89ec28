import Link from 'next/link';
import { ShieldAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** The 403 page's body: what the role cannot do here and whom to ask. */
export function Forbidden({ what, need, role }: { what: string; need?: string; role?: string }) {
  return (
    <div className="mx-auto mt-10 max-w-lg rounded-xl border border-zinc-200 bg-white p-8 text-center shadow-xs dark:border-zinc-800 dark:bg-zinc-900" data-testid="forbidden">
      <div className="mx-auto mb-3 flex size-11 items-center justify-center rounded-full bg-amber-50 text-amber-600 dark:bg-amber-500/10 dark:text-amber-400">
        <ShieldAlert className="size-5" aria-hidden />
      </div>
      <p className="font-mono text-sm text-amber-600 dark:text-amber-400">403</p>
      <h1 className="mt-1 text-lg font-semibold text-zinc-900 dark:text-zinc-50">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Your role{role ? ` (${role})` : ''} does not allow you to {what}.{need ? ` Ask an administrator for the ${need} role.` : ''}
      </p>
      <Button asChild className="mt-5">
        <Link href="/prompts">Back to prompts</Link>
      </Button>
    </div>
  );
}
