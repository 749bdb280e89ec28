'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';

/** Copies the whole object as pretty JSON. */
export function CopyJsonButton({ value, label = 'Copy as JSON' }: { value: unknown; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(JSON.stringify(value, null, 2));
          setCopied(true);
          toast.success('Copied the invocation as JSON');
          setTimeout(() => setCopied(false), 1500);
        } catch {
          toast.error('The browser did not allow copying to the clipboard.');
        }
      }}
    >
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {label}
    </Button>
  );
}
