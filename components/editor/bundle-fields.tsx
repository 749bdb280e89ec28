'use client';

import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { EditorValues } from './editor-values';

/** Prompt-cache points: after the system prompt and after chosen messages (at most 4). */
export function CachePointsField() {
  const { register, formState, control } = useFormContext<EditorValues>();
  const system = useWatch({ control, name: 'system' }) ?? '';
  const messages = useWatch({ control, name: 'messages' }) ?? [];
  const err = (formState.errors.cachePoints as { message?: string } | undefined)?.message;
  return (
    <fieldset className="space-y-2" aria-describedby="cache-points-hint">
      <legend className="sr-only">Cache points</legend>
      <p id="cache-points-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
        The prompt up to a cache point is cached by Bedrock for 5 minutes: later calls read it at the cache price. At most 4.
      </p>
      {err ? <FieldError>{err}</FieldError> : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" value="system" disabled={!system.trim()} className="size-4 accent-indigo-600" {...register('cachePoints')} />
        After the system prompt {system.trim() ? null : <span className="text-xs text-zinc-500">(no system prompt)</span>}
      </label>
      {messages.map((m, i) => (
        <label key={i} className="flex items-center gap-2 text-sm">
          <input type="checkbox" value={String(i)} className="size-4 accent-indigo-600" {...register('cachePoints')} />
          After message {i + 1} <span className="text-xs text-zinc-500">({m.role})</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Fallback models, tried in this order when the primary is throttled or unavailable (at most 3). */
export function FallbacksField() {
  const { control, register, formState } = useFormContext<EditorValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'fallbacks' });
  const errors = formState.errors.fallbacks;
  return (
    <div className="space-y-3">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Tried in order when the model is throttled or unavailable after retries, e.g. a cross-region profile, then a smaller model.</p>
      {errors?.root?.message ? <FieldError>{errors.root.message}</FieldError> : null}
      <ol className="space-y-2">
        {fields.map((f, i) => (
          <li key={f.id} className="space-y-1">
            <div className="flex items-center gap-1">
              <span className="w-5 shrink-0 text-center font-mono text-xs text-zinc-400">{i + 1}</span>
              <Input
                aria-label={`Fallback model ${i + 1}`}
                aria-invalid={errors?.[i]?.value?.message ? true : undefined}
                autoComplete="off"
                spellCheck={false}
                className="min-w-0 flex-1 font-mono text-[13px]"
                placeholder="us.anthropic.claude-3-5-haiku-20241022-v1:0"
                {...register(`fallbacks.${i}.value` as const)}
              />
              <Button size="icon" variant="ghost" aria-label={`Move fallback ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                <ArrowUp aria-hidden />
              </Button>
              <Button size="icon" variant="ghost" aria-label={`Move fallback ${i + 1} down`} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)}>
                <ArrowDown aria-hidden />
              </Button>
              <Button size="icon" variant="ghost" aria-label={`Remove fallback ${i + 1}`} onClick={() => remove(i)}>
                <Trash2 aria-hidden />
              </Button>
            </div>
            {errors?.[i]?.value?.message ? <FieldError>{errors[i]?.value?.message}</FieldError> : null}
          </li>
        ))}
      </ol>
      <Button size="sm" disabled={fields.length >= 3} onClick={() => append({ value: '' }, { shouldFocus: true })}>
        <Plus aria-hidden />
        Add fallback
      </Button>
    </div>
  );
}
