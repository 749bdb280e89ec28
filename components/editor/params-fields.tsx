'use client';

import { Plus, X } from 'lucide-react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, FieldError, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { EditorValues } from './editor-values';

const NUMBERS = [
  { name: 'temperature', label: 'Temperature', hint: '0 – 1', step: '0.05', inputMode: 'decimal' },
  { name: 'topP', label: 'Top P', hint: '0 – 1', step: '0.05', inputMode: 'decimal' },
  { name: 'topK', label: 'Top K', hint: 'integer ≥ 0 (Anthropic)', step: '1', inputMode: 'numeric' },
  { name: 'maxTokens', label: 'Max tokens', hint: 'integer ≥ 1', step: '1', inputMode: 'numeric' },
] as const;

export function ParamsFields() {
  const { control, register, formState } = useFormContext<EditorValues>();
  const stops = useFieldArray({ control, name: 'stopSequences' });
  const errors = formState.errors;
  const stopRoot = errors.stopSequences?.root?.message ?? errors.stopSequences?.message;
  return (
    <div className="space-y-4">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Leave a parameter empty to use the model&apos;s default.</p>
      <div className="grid grid-cols-2 gap-3">
        {NUMBERS.map((p) => {
          const err = errors[p.name]?.message;
          return (
            <Field key={p.name} id={`param-${p.name}`} label={p.label} hint={p.hint} error={err}>
              <Input {...fieldAria(`param-${p.name}`, err, true)} type="text" inputMode={p.inputMode} autoComplete="off" placeholder="default" className="font-mono" {...register(p.name)} />
            </Field>
          );
        })}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Stop sequences</legend>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Up to 4. Generation stops when one appears. Write a newline as <code className="font-mono">{'\\n'}</code>.</p>
        {stops.fields.map((f, i) => {
          const err = errors.stopSequences?.[i]?.value?.message;
          return (
            <div key={f.id}>
              <div className="flex items-center gap-2">
                <Input aria-label={`Stop sequence ${i + 1}`} aria-invalid={err ? true : undefined} className="font-mono" {...register(`stopSequences.${i}.value` as const)} />
                <Button size="icon" variant="ghost" aria-label={`Remove stop sequence ${i + 1}`} onClick={() => stops.remove(i)}>
                  <X aria-hidden />
                </Button>
              </div>
              {err ? <FieldError>{err}</FieldError> : null}
            </div>
          );
        })}
        {stopRoot ? <FieldError>{stopRoot}</FieldError> : null}
        <Button size="sm" variant="ghost" disabled={stops.fields.length >= 4} onClick={() => stops.append({ value: '' }, { shouldFocus: true })}>
          <Plus aria-hidden />
          Add stop sequence
        </Button>
      </fieldset>
    </div>
  );
}
