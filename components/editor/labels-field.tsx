'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { cn } from '@/lib/client/cn';
import { Field, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { splitList, type EditorValues } from './editor-values';

/** Deployers may point labels at the new version as it is created. */
export function LabelsField({ existing }: { existing: string[] }) {
  const { control, register, setValue, formState } = useFormContext<EditorValues>();
  const value = useWatch({ control, name: 'labels' });
  const chosen = splitList(value ?? '');
  const error = formState.errors.labels?.message;
  const toggle = (l: string) => {
    const next = chosen.includes(l) ? chosen.filter((c) => c !== l) : [...chosen, l];
    setValue('labels', next.join(', '), { shouldDirty: true, shouldValidate: formState.isSubmitted });
  };
  return (
    <Field id="also-labels" label="Also point labels at it" optional hint="Comma-separated label names, e.g. staging. Recorded in each label's history." error={error}>
      <Input {...fieldAria('also-labels', error, true)} autoComplete="off" spellCheck={false} className="font-mono" placeholder="staging" {...register('labels')} />
      {existing.length > 0 ? (
        <div className="flex flex-wrap gap-1.5 pt-1" role="group" aria-label="Existing labels">
          {existing.map((l) => {
            const on = chosen.includes(l);
            return (
              <button
                key={l}
                type="button"
                aria-pressed={on}
                onClick={() => toggle(l)}
                className={cn(
                  'cursor-pointer rounded-md px-2 py-0.5 font-mono text-xs ring-1 transition-colors ring-inset',
                  on ? 'bg-indigo-600 text-white ring-indigo-600 dark:bg-indigo-500' : 'text-zinc-600 ring-zinc-300 hover:bg-zinc-100 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800',
                )}
              >
                {l}
              </button>
            );
          })}
        </div>
      ) : null}
    </Field>
  );
}
