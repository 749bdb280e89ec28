'use client';

import { useEffect, useRef, useState } from 'react';
import { REVIEW_CATEGORIES, REVIEW_CATEGORY_LABELS } from '@/lib/feedback/schemas';
import { Button } from '@/components/ui/button';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { Kbd } from '@/components/ui/kbd';

export type Category = (typeof REVIEW_CATEGORIES)[number];

const box = 'space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/40 p-3 dark:border-indigo-900/60 dark:bg-indigo-950/20';

/**
 * Category (focused on open) and an optional note. Enter submits from either field (a native
 * select does not submit on Enter, so it is wired by hand); Esc cancels.
 */
export function ResolveForm({ pending, onSubmit, onCancel }: { pending: boolean; onSubmit: (v: { category: Category; note?: string }) => void; onCancel: () => void }) {
  const [category, setCategory] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => selectRef.current?.focus(), []);
  return (
    <form
      ref={formRef}
      className={box}
      data-testid="resolve-form"
      aria-label="Resolve"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const c = REVIEW_CATEGORIES.find((x) => x === category);
        if (!c) {
          setError('Choose a category.');
          selectRef.current?.focus();
          return;
        }
        onSubmit({ category: c, ...(note.trim() ? { note: note.trim() } : {}) });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-[14rem_1fr]">
        <Field id="resolve-category" label="Category" error={error} hint="Type a first letter to pick.">
          <Select
            ref={selectRef}
            {...fieldAria('resolve-category', error, true)}
            value={category}
            onChange={(e) => {
              setCategory(e.target.value);
              setError(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                formRef.current?.requestSubmit();
              }
            }}
          >
            <option value="">Choose…</option>
            {REVIEW_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {REVIEW_CATEGORY_LABELS[c]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="resolve-note" label="Note" optional>
          <Input id="resolve-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} placeholder="What was wrong, what to change" />
        </Field>
      </div>
      <div className="flex items-center justify-end gap-2">
        <span className="mr-auto text-xs text-zinc-500 dark:text-zinc-400">
          <Kbd>Enter</Kbd> resolves · <Kbd>Esc</Kbd> cancels
        </span>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="sm" type="submit" variant="primary" loading={pending} data-testid="resolve-submit">
          Resolve
        </Button>
      </div>
    </form>
  );
}

/** An optional note; Enter dismisses, Esc cancels. */
export function DismissForm({ pending, onSubmit, onCancel }: { pending: boolean; onSubmit: (v: { note?: string }) => void; onCancel: () => void }) {
  const [note, setNote] = useState('');
  return (
    <form
      className={box}
      data-testid="dismiss-form"
      aria-label="Dismiss"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(note.trim() ? { note: note.trim() } : {});
      }}
    >
      <Field id="dismiss-note" label="Why dismiss?" optional hint="e.g. The vote was a mistake; the output is fine.">
        <Input {...fieldAria('dismiss-note', undefined, true)} autoFocus value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} />
      </Field>
      <div className="flex items-center justify-end gap-2">
        <span className="mr-auto text-xs text-zinc-500 dark:text-zinc-400">
          <Kbd>Enter</Kbd> dismisses · <Kbd>Esc</Kbd> cancels
        </span>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="sm" type="submit" loading={pending} data-testid="dismiss-submit">
          Dismiss
        </Button>
      </div>
    </form>
  );
}
