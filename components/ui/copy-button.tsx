'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { Button, type ButtonProps } from './button';

/**
 * Copies `value` to the clipboard and says "Copied" for two seconds. Where the browser does not
 * allow copying it stays "Copy" (the value is shown beside it to select by hand).
 */
export function CopyButton({ value, label, ...props }: { value: string; /** aria-label, e.g. "Copy API key" */ label: string } & Omit<ButtonProps, 'onClick' | 'children'>) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      aria-label={label}
      {...props}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          setCopied(false);
        }
      }}
    >
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}
