'use client';

import { useSyncExternalStore } from 'react';
import { CopyButton } from '@/components/ui/copy-button';

const noSubscribe = () => () => {};

/** This console's address, as the browser sees it (known after hydration). */
function useOrigin(): string {
  return useSyncExternalStore(noSubscribe, () => window.location.origin, () => 'http://localhost:3000');
}

/** The two snippets a new key is shown with: fetch a prompt's production version with it. */
export function keySnippets(origin: string, key: string, prompt: string): { curl: string; ts: string } {
  const url = `${origin}/api/v1/prompts/${encodeURIComponent(prompt)}`;
  return {
    curl: `curl -s "${url}?label=production" \\\n  -H "Authorization: Bearer ${key}"`,
    ts: [
      `const res = await fetch('${url}?label=production', {`,
      `  headers: { Authorization: 'Bearer ${key}' },`,
      `});`,
      `if (!res.ok) throw new Error(\`Promptdeck answered \${res.status}\`);`,
      `const prompt = await res.json(); // { version, template, modelId, params, ... }`,
    ].join('\n'),
  };
}

function Snippet({ title, code, testId }: { title: string; code: string; testId: string }) {
  return (
    <div className="overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800">
      <div className="flex items-center justify-between border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
        {title}
        <CopyButton value={code} label={`Copy the ${title} example`} size="sm" variant="ghost" className="h-6 px-1.5" />
      </div>
      <pre className="overflow-x-auto bg-white px-3 py-2 font-mono text-[11.5px] leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200" data-testid={testId}>
        {code}
      </pre>
    </div>
  );
}

/** How to use a new key: a curl command and TypeScript, with the key and this console's address. */
export function KeyUsage({ apiKey, prompt }: { apiKey: string; prompt: string }) {
  const s = keySnippets(useOrigin(), apiKey, prompt);
  return (
    <div className="space-y-2" data-testid="key-usage">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Fetch what <span className="font-mono">{prompt}</span>&apos;s production label points at (any prompt works the same way):
      </p>
      <Snippet title="curl" code={s.curl} testId="key-usage-curl" />
      <Snippet title="TypeScript" code={s.ts} testId="key-usage-ts" />
    </div>
  );
}
