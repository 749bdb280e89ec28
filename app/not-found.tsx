import Link from 'next/link';
import { FileQuestion } from 'lucide-react';
import { Button } from '@/components/ui/button';

export default function NotFound() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">
        <FileQuestion className="size-6" aria-hidden />
      </div>
      <p className="font-mono text-sm text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="mt-1 text-xl font-semibold text-zinc-900 dark:text-zinc-50">Not found</h1>
      <p className="mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">This page, prompt or version does not exist. It may have been mistyped, or the link is out of date.</p>
      <Button asChild variant="primary" className="mt-6">
        <Link href="/prompts">Back to prompts</Link>
      </Button>
    </div>
  );
}
