'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { Grid3x3 } from 'lucide-react';
import { applyFieldIssues } from '@/lib/client/form';
import { isApiError, type ApiError } from '@/lib/client/api';
import { MODEL_PRESETS, shortModelName } from '@/lib/client/models';
import { cn } from '@/lib/client/cn';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, FieldError, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { draftField, newDraft, toEvaluators, type EvaluatorDraft } from '@/components/experiments/evaluator-model';
import { EvaluatorsBuilder } from '@/components/experiments/evaluators-builder';
import { expApi, type NewSweep } from '@/components/experiments/exp-api';
import { parseTarget, TargetFields } from '@/components/experiments/target-fields';
import { usePickLists } from '@/components/experiments/use-pick-lists';
import { ParamsSummary } from '@/components/prompt/params-summary';
import { cellCount, GRID_PARAMS, gridCells, MAX_CELLS, PRESETS, toGrid, type GridDraft } from './grid-model';

export interface SweepForm extends GridDraft {
  prompt: string;
  target: string;
  dataset: string;
  evaluators: EvaluatorDraft[];
  repetitions: string;
}

type Issue = { field: string; message: string };

export function buildSweep(v: SweepForm): { body: NewSweep | null; errors: Issue[] } {
  const errors: Issue[] = [];
  if (!v.prompt) errors.push({ field: 'prompt', message: 'Pick the prompt to sweep.' });
  if (!v.dataset) errors.push({ field: 'dataset', message: 'Pick the dataset to test every cell on.' });
  const ev = toEvaluators(v.evaluators);
  errors.push(...ev.errors);
  const g = toGrid(v);
  errors.push(...g.errors);
  const reps = Number(v.repetitions);
  if (!(Number.isInteger(reps) && reps >= 1 && reps <= 5)) errors.push({ field: 'repetitions', message: 'Run each example 1 to 5 times.' });
  if (errors.length) return { body: null, errors };
  return { body: { prompt: v.prompt, ...parseTarget(v.target), dataset: v.dataset, evaluators: ev.evaluators, grid: g.grid, repetitions: reps }, errors: [] };
}

const resolver: Resolver<SweepForm> = (values) => {
  const { errors } = buildSweep(values);
  if (!errors.length) return { values, errors: {} };
  const out: Record<string, unknown> = {};
  for (const e of errors) {
    const path = e.field.split('.');
    let node = out;
    path.slice(0, -1).forEach((k) => (node = (node[k] ??= {}) as Record<string, unknown>));
    const last = path[path.length - 1]!;
    if (!node[last]) node[last] = { type: 'validate', message: e.message };
  }
  return { values: {}, errors: out as FieldErrors<SweepForm> };
};

export function NewSweepForm() {
  const router = useRouter();
  const sp = useSearchParams();
  const lists = usePickLists();
  const form = useForm<SweepForm>({
    resolver,
    defaultValues: { prompt: sp.get('prompt') ?? '', target: '', dataset: sp.get('dataset') ?? '', evaluators: [newDraft('exact')], models: [], temperature: PRESETS.temperature.minMax, topP: '', maxTokens: '', repetitions: '1' },
  });
  const m = useMutation<Awaited<ReturnType<typeof expApi.createSweep>>, ApiError, NewSweep>({
    mutationFn: expApi.createSweep,
    onSuccess: (s) => router.push(`/experiments/sweeps/${encodeURIComponent(s.id)}`),
    onError: (e) => {
      if (isApiError(e)) applyFieldIssues(e, form.setError, (p) => draftField(p) ?? (['prompt', 'dataset', 'repetitions'].includes(p) ? p : p.startsWith('grid.') ? (p.split('.')[1] === 'modelId' ? 'models' : (p.split('.')[1] ?? 'grid')) : p === 'grid' ? 'grid' : null));
    },
  });
  const v = useWatch({ control: form.control }) as SweepForm;
  const g = toGrid(v);
  const n = cellCount(g.grid);
  const preview = gridCells(g.grid);
  const errs = form.formState.errors as FieldErrors<SweepForm> & { grid?: { message?: string } };
  const models = v.models ?? [];
  const toggleModel = (id: string) => form.setValue('models', models.includes(id) ? models.filter((x) => x !== id) : [...models, id], { shouldValidate: form.formState.isSubmitted });
  return (
    <form onSubmit={form.handleSubmit((vals) => { const { body } = buildSweep(vals); if (body) m.mutate(body); })} noValidate className="space-y-6">
      <Card className="p-4">
        <TargetFields form={form} idPrefix="s" />
      </Card>
      <Card className="space-y-4 p-4">
        <div>
          <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Grid</h2>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Every combination is one cell, run as its own experiment. Leave a row empty to keep the version&apos;s value.</p>
        </div>
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">Models</legend>
          <div className="flex flex-wrap gap-2" role="group" aria-label="Models">
            {MODEL_PRESETS.map((p) => (
              <label key={p.id} className={cn('inline-flex cursor-pointer items-center gap-1.5 rounded-md border px-2 py-1 text-xs', models.includes(p.id) ? 'border-indigo-400 bg-indigo-50 text-indigo-800 dark:border-indigo-700 dark:bg-indigo-950/40 dark:text-indigo-200' : 'border-zinc-300 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300')}>
                <input type="checkbox" className="size-3.5 accent-indigo-600" checked={models.includes(p.id)} onChange={() => toggleModel(p.id)} />
                {p.name}
              </label>
            ))}
          </div>
          {errs.models?.message ? <FieldError>{errs.models.message}</FieldError> : null}
        </fieldset>
        <div className="grid gap-4 md:grid-cols-3">
          {GRID_PARAMS.map((p) => (
            <Field key={p.key} id={`s-${p.key}`} label={p.label} error={errs[p.key]?.message} hint={`Comma-separated, ${p.min} to ${p.max}.`}>
              <div className="flex gap-2">
                <Input className="font-mono" inputMode="decimal" {...fieldAria(`s-${p.key}`, errs[p.key]?.message, true)} {...form.register(p.key)} />
                <Button size="sm" className="h-9" onClick={() => form.setValue(p.key, PRESETS[p.key].minMax, { shouldValidate: form.formState.isSubmitted })} title={PRESETS[p.key].label}>
                  min/max
                </Button>
              </div>
            </Field>
          ))}
        </div>
        <Field id="s-repetitions" label="Repetitions" hint="Runs of each example per cell (1-5): the spread shows the variance." error={errs.repetitions?.message} className="w-full sm:w-64">
          <Input inputMode="numeric" {...fieldAria('s-repetitions', errs.repetitions?.message, true)} {...form.register('repetitions')} />
        </Field>
        <div className="rounded-md bg-zinc-50 p-3 dark:bg-zinc-950/40" aria-live="polite">
          <p className={cn('text-sm font-medium', n > MAX_CELLS ? 'text-red-700 dark:text-red-400' : 'text-zinc-800 dark:text-zinc-200')} data-testid="cell-count">
            {n} cell{n === 1 ? '' : 's'} of at most {MAX_CELLS}
          </p>
          {errs.grid?.message ? <FieldError>{errs.grid.message}</FieldError> : null}
          {n <= MAX_CELLS ? (
            <ol className="mt-2 grid gap-1 text-xs sm:grid-cols-2 lg:grid-cols-4">
              {preview.map((c, i) => (
                <li key={i} className="flex min-w-0 gap-1.5">
                  <span className="text-zinc-400 tabular-nums">{i + 1}.</span>
                  <span className="min-w-0 truncate">{c.modelId ? shortModelName(c.modelId) : "version's model"}</span>
                  <ParamsSummary params={c.params} />
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      </Card>
      <Card className="p-4">
        <EvaluatorsBuilder form={form} prompts={lists.prompts.map((p) => p.name)} idPrefix="s-ev" />
      </Card>
      {m.error && !m.error.fieldIssues.length ? <Alert title="The sweep could not start">{m.error.message}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" loading={m.isPending} disabled={n > MAX_CELLS}>
          <Grid3x3 aria-hidden />
          Start sweep ({n} cell{n === 1 ? '' : 's'})
        </Button>
      </div>
    </form>
  );
}
