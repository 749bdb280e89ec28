'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { Play } from 'lucide-react';
import { applyFieldIssues } from '@/lib/client/form';
import { isApiError, type ApiError } from '@/lib/client/api';
import { MODEL_PRESETS } from '@/lib/client/models';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { draftField, newDraft, toEvaluators, type EvaluatorDraft } from './evaluator-model';
import { EvaluatorsBuilder } from './evaluators-builder';
import { expApi, type NewExperiment } from './exp-api';
import { parseTarget, TargetFields } from './target-fields';
import { usePickLists } from './use-pick-lists';
import { parseParams, type ParamsText } from './params-text';

export interface ExperimentForm extends ParamsText {
  name: string;
  prompt: string;
  target: string;
  dataset: string;
  evaluators: EvaluatorDraft[];
  modelId: string;
  repetitions: string;
  concurrency: string;
}

type Issue = { field: string; message: string };

/** The form as the API body, or its problems in the form's words. */
export function buildExperiment(v: ExperimentForm): { body: NewExperiment | null; errors: Issue[] } {
  const errors: Issue[] = [];
  if (!v.prompt) errors.push({ field: 'prompt', message: 'Pick the prompt to test.' });
  if (!v.dataset) errors.push({ field: 'dataset', message: 'Pick the dataset to test it against.' });
  const ev = toEvaluators(v.evaluators);
  errors.push(...ev.errors);
  const params = parseParams(v);
  errors.push(...params.errors);
  const reps = Number(v.repetitions);
  if (!(Number.isInteger(reps) && reps >= 1 && reps <= 5)) errors.push({ field: 'repetitions', message: 'Run each example 1 to 5 times.' });
  const conc = Number(v.concurrency);
  if (!(Number.isInteger(conc) && conc >= 1 && conc <= 16)) errors.push({ field: 'concurrency', message: 'Between 1 and 16 calls at a time.' });
  if (errors.length) return { body: null, errors };
  return {
    body: {
      prompt: v.prompt,
      ...parseTarget(v.target),
      dataset: v.dataset,
      evaluators: ev.evaluators,
      ...(v.modelId ? { modelId: v.modelId } : {}),
      ...(params.params ? { params: params.params } : {}),
      repetitions: reps,
      concurrency: conc,
      ...(v.name.trim() ? { name: v.name.trim() } : {}),
    },
    errors: [],
  };
}

const resolver: Resolver<ExperimentForm> = (values) => {
  const { errors } = buildExperiment(values);
  if (!errors.length) return { values, errors: {} };
  const out: Record<string, unknown> = {};
  for (const e of errors) {
    const path = e.field.split('.');
    let node = out as Record<string, unknown>;
    path.slice(0, -1).forEach((k) => (node = (node[k] ??= {}) as Record<string, unknown>));
    const last = path[path.length - 1]!;
    if (!node[last]) node[last] = { type: 'validate', message: e.message };
  }
  return { values: {}, errors: out as FieldErrors<ExperimentForm> };
};

export function NewExperimentForm() {
  const router = useRouter();
  const sp = useSearchParams();
  const lists = usePickLists();
  const form = useForm<ExperimentForm>({
    resolver,
    defaultValues: {
      name: '',
      prompt: sp.get('prompt') ?? '',
      target: sp.get('version') ? `version:${sp.get('version')}` : '',
      dataset: sp.get('dataset') ?? '',
      evaluators: [newDraft('exact')],
      modelId: '',
      temperature: '',
      topP: '',
      maxTokens: '',
      repetitions: '1',
      concurrency: '8',
    },
  });
  const m = useMutation<Awaited<ReturnType<typeof expApi.create>>, ApiError, NewExperiment>({
    mutationFn: expApi.create,
    onSuccess: (e) => router.push(`/experiments/${encodeURIComponent(e.id)}`),
    onError: (e) => {
      if (isApiError(e)) applyFieldIssues(e, form.setError, (p) => draftField(p) ?? (['prompt', 'dataset', 'modelId', 'repetitions', 'concurrency', 'name'].includes(p) ? p : p.startsWith('params.') ? p.slice(7) : p === 'version' || p === 'label' ? 'target' : null));
    },
  });
  const errs = form.formState.errors;
  const onSubmit = form.handleSubmit((v) => {
    const { body } = buildExperiment(v);
    if (body) m.mutate(body);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <Card className="space-y-4 p-4">
        <TargetFields form={form} idPrefix="x" />
        <Field id="x-name" label="Run name" optional error={errs.name?.message}>
          <Input {...fieldAria('x-name', errs.name?.message)} placeholder="e.g. haiku vs stricter guideline" {...form.register('name')} />
        </Field>
      </Card>
      <Card className="p-4">
        <EvaluatorsBuilder form={form} prompts={lists.prompts.map((p) => p.name)} idPrefix="x-ev" />
      </Card>
      <Card className="space-y-4 p-4">
        <div>
          <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Run settings</h2>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Model and parameters override the version&apos;s for this run only; empty keeps the version&apos;s.</p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="x-model" label="Model" optional error={errs.modelId?.message} className="sm:col-span-2">
            <Select {...fieldAria('x-model', errs.modelId?.message)} {...form.register('modelId')}>
              <option value="">The version&apos;s model</option>
              {MODEL_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="x-temperature" label="Temperature" optional error={errs.temperature?.message}>
            <Input inputMode="decimal" placeholder="0-1" {...fieldAria('x-temperature', errs.temperature?.message)} {...form.register('temperature')} />
          </Field>
          <Field id="x-topP" label="Top P" optional error={errs.topP?.message}>
            <Input inputMode="decimal" placeholder="0-1" {...fieldAria('x-topP', errs.topP?.message)} {...form.register('topP')} />
          </Field>
          <Field id="x-maxTokens" label="Max tokens" optional error={errs.maxTokens?.message}>
            <Input inputMode="numeric" {...fieldAria('x-maxTokens', errs.maxTokens?.message)} {...form.register('maxTokens')} />
          </Field>
          <Field id="x-repetitions" label="Repetitions" hint="Runs of each example (1-5), to see variance." error={errs.repetitions?.message}>
            <Input inputMode="numeric" {...fieldAria('x-repetitions', errs.repetitions?.message, true)} {...form.register('repetitions')} />
          </Field>
          <Field id="x-concurrency" label="Concurrency" hint="Calls at a time (1-16)." error={errs.concurrency?.message}>
            <Input inputMode="numeric" {...fieldAria('x-concurrency', errs.concurrency?.message, true)} {...form.register('concurrency')} />
          </Field>
        </div>
      </Card>
      {m.error && !m.error.fieldIssues.length ? <Alert title="The experiment could not start">{m.error.message}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" loading={m.isPending}>
          <Play aria-hidden />
          Start experiment
        </Button>
      </div>
    </form>
  );
}
