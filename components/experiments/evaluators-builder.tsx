'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useFieldArray, type FieldErrors, type UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, FieldError, fieldAria } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { EVALUATOR_CHOICES, newDraft, type EvaluatorDraft } from './evaluator-model';

export interface WithEvaluators {
  evaluators: EvaluatorDraft[];
}

function Check({ id, label, ...props }: { id: string; label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label htmlFor={id} className="inline-flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <input id={id} type="checkbox" className="size-4 accent-indigo-600" {...props} />
      {label}
    </label>
  );
}

/**
 * Every evaluator type with its own fields; messages come from the form's resolver (the same
 * words as evaluator-model.ts) or from the server's field errors.
 */
export function EvaluatorsBuilder<T extends WithEvaluators>({ form: typed, prompts, idPrefix = 'ev' }: { form: UseFormReturn<T>; prompts: string[]; idPrefix?: string }) {
  const form = typed as unknown as UseFormReturn<WithEvaluators>;
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'evaluators' });
  const errs = form.formState.errors as FieldErrors<WithEvaluators>;
  const listError = errs.evaluators?.message ?? errs.evaluators?.root?.message;
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Evaluators</legend>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">A result passes when every evaluator passes.</p>
      {fields.map((f, i) => {
        const type = form.watch(`evaluators.${i}.type`);
        const e = errs.evaluators?.[i];
        const id = (k: string) => `${idPrefix}-${i}-${k}`;
        const hint = EVALUATOR_CHOICES.find((c) => c.type === type)?.hint;
        return (
          <div key={f.id} className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid="evaluator">
            <div className="flex flex-wrap items-end gap-3">
              <Field id={id('type')} label={`Evaluator ${i + 1}`} className="w-full sm:w-52" error={e?.type?.message} hint={hint}>
                <Select
                  {...fieldAria(id('type'), e?.type?.message)}
                  {...form.register(`evaluators.${i}.type`, {
                    onChange: (ev: React.ChangeEvent<HTMLSelectElement>) => {
                      const t = ev.target.value as EvaluatorDraft['type'];
                      if (t === 'max_latency_ms' || t === 'max_cost_usd') form.setValue(`evaluators.${i}.limit`, newDraft(t).limit);
                    },
                  })}
                >
                  {EVALUATOR_CHOICES.map((c) => (
                    <option key={c.type} value={c.type}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id={id('name')} label="Name" optional className="min-w-0 flex-1" error={e?.name?.message}>
                <Input {...fieldAria(id('name'), e?.name?.message)} placeholder={type} autoComplete="off" {...form.register(`evaluators.${i}.name`)} />
              </Field>
              <Button variant="ghost" size="icon" aria-label={`Remove evaluator ${i + 1}`} onClick={() => remove(i)} className="mb-0.5">
                <Trash2 aria-hidden />
              </Button>
            </div>
            {type === 'exact' || type === 'contains' ? (
              <div className="flex flex-wrap items-center gap-4">
                <Check id={id('case')} label="Case-sensitive" {...form.register(`evaluators.${i}.caseSensitive`)} />
                {type === 'exact' ? <Check id={id('trim')} label="Ignore surrounding spaces" {...form.register(`evaluators.${i}.trim`)} /> : null}
              </div>
            ) : null}
            {type === 'contains' ? (
              <Field id={id('value')} label="Text to find" optional hint="Leave empty to look for the expected output." error={e?.value?.message}>
                <Input {...fieldAria(id('value'), e?.value?.message, true)} {...form.register(`evaluators.${i}.value`)} />
              </Field>
            ) : null}
            {type === 'regex' ? (
              <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
                <Field id={id('pattern')} label="Pattern" error={e?.pattern?.message}>
                  <Input className="font-mono" {...fieldAria(id('pattern'), e?.pattern?.message)} placeholder="^(allow|block)$" {...form.register(`evaluators.${i}.pattern`)} />
                </Field>
                <Field id={id('flags')} label="Flags" optional error={e?.flags?.message}>
                  <Input className="font-mono" {...fieldAria(id('flags'), e?.flags?.message)} placeholder="i" {...form.register(`evaluators.${i}.flags`)} />
                </Field>
              </div>
            ) : null}
            {type === 'json_schema' ? (
              <Field id={id('schema')} label="JSON Schema" error={e?.schema?.message}>
                <Textarea className="font-mono text-xs" rows={5} {...fieldAria(id('schema'), e?.schema?.message)} {...form.register(`evaluators.${i}.schema`)} />
              </Field>
            ) : null}
            {type === 'json_field' ? (
              <Field id={id('path')} label="Field path" hint="e.g. violation or a.b[0]; a tool call: toolCalls[0].input" error={e?.path?.message}>
                <Input className="font-mono" {...fieldAria(id('path'), e?.path?.message, true)} {...form.register(`evaluators.${i}.path`)} />
              </Field>
            ) : null}
            {type === 'llm_judge' ? (
              <div className="grid gap-3 sm:grid-cols-4">
                <Field id={id('prompt')} label="Judge prompt" className="sm:col-span-2" hint="Receives {{input}}, {{output}}, {{expected}}; answers {&quot;score&quot;, &quot;reason&quot;}." error={e?.prompt?.message}>
                  <Select {...fieldAria(id('prompt'), e?.prompt?.message, true)} {...form.register(`evaluators.${i}.prompt`)}>
                    <option value="">Pick a prompt</option>
                    {prompts.map((p) => (
                      <option key={p}>{p}</option>
                    ))}
                  </Select>
                </Field>
                <Field id={id('label')} label="Label" optional error={e?.label?.message}>
                  <Input {...fieldAria(id('label'), e?.label?.message)} placeholder="production" {...form.register(`evaluators.${i}.label`)} />
                </Field>
                <Field id={id('threshold')} label="Pass at score" error={e?.passThreshold?.message}>
                  <Input inputMode="decimal" {...fieldAria(id('threshold'), e?.passThreshold?.message)} {...form.register(`evaluators.${i}.passThreshold`)} />
                </Field>
              </div>
            ) : null}
            {type === 'max_latency_ms' || type === 'max_cost_usd' ? (
              <Field id={id('limit')} label={type === 'max_latency_ms' ? 'At most (ms)' : 'At most (USD)'} className="w-full sm:w-48" error={e?.limit?.message}>
                <Input inputMode="decimal" {...fieldAria(id('limit'), e?.limit?.message)} {...form.register(`evaluators.${i}.limit`)} />
              </Field>
            ) : null}
          </div>
        );
      })}
      {listError ? <FieldError>{listError}</FieldError> : null}
      <Button size="sm" onClick={() => append(newDraft('exact'))}>
        <Plus aria-hidden />
        Add evaluator
      </Button>
    </fieldset>
  );
}
