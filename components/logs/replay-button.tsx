'use client';

import { FlaskConical } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { storeVariables } from '@/components/playground/use-variables';

/** Opens the playground on the invocation's version with its variables filled in. */
export function ReplayButton({ prompt, version, variables }: { prompt: string; version: number; variables: Record<string, unknown> | null }) {
  const router = useRouter();
  return (
    <Button
      onClick={() => {
        const strings = Object.fromEntries(Object.entries(variables ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
        storeVariables(prompt, strings);
        router.push(`/playground?prompt=${encodeURIComponent(prompt)}&version=${version}`);
      }}
    >
      <FlaskConical aria-hidden />
      Open in playground
    </Button>
  );
}
