'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';

/** A value (an ARN) in mono with a copy button. */
export function CopyValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="px-4 py-2">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 flex items-start gap-2">
        <code className="min-w-0 flex-1 font-mono text-xs break-all text-zinc-900 dark:text-zinc-100" data-testid={testId}>
          {value}
        </code>
        <button
          type="button"
          className="shrink-0 rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 dark:hover:bg-zinc-800"
          aria-label={`Copy ${label}`}
          title={`Copy ${label}`}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(
              () => {
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              },
              () => toast.error('Copying is not allowed here; select the text instead.'),
            );
          }}
        >
          {copied ? <Check className="size-3.5 text-emerald-600" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
        </button>
      </dd>
    </div>
  );
}
