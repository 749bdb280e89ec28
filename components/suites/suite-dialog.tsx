'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { toast } from 'sonner';
import { applyFieldIssues } from '@/lib/client/form';
import { isApiError, type ApiError } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { draftField, fromEvaluator, newDraft, toEvaluators, type EvaluatorDraft } from '@/components/experiments/evaluator-model';
import { EvaluatorsBuilder } from '@/components/experiments/evaluators-builder';
import { expApi, type SuiteInput } from '@/components/experiments/exp-api';
import { usePickLists } from '@/components/experiments/use-pick-lists';
import type { Suite } from '@/components/experiments/types';

interface SuiteForm {
  name: string;
  dataset: string;
  evaluators: EvaluatorDraft[];
  minPassRate: string;
  isDefault: boolean;
}

const NAME_RE = /^[a-z0-9][a-z0-9._-]{0,59}$/;

/** The form as the PUT body and the suite's name, or its problems in the form's words. */
export function buildSuite(v: SuiteForm): { name: string; body: SuiteInput | null; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const name = v.name.trim();
  if (!NAME_RE.test(name)) errors.push({ field: 'name', message: 'Use 1-60 characters: a-z, 0-9, "-", "_", "."; start with a letter or digit.' });
  else if (name === 'default') errors.push({ field: 'name', message: '"default" stands for the default suite; pick a name and tick "Default suite".' });
  if (!v.dataset) errors.push({ field: 'dataset', message: 'Pick the dataset the suite runs on.' });
  const ev = toEvaluators(v.evaluators);
  errors.push(...ev.errors);
  let minPassRate: number | null = null;
  if (v.minPassRate.trim()) {
    const n = Number(v.minPassRate.replace('%', ''));
    if (!(n >= 0 && n <= 100)) errors.push({ field: 'minPassRate', message: 'A pass rate from 0 to 100 (percent).' });
    else minPassRate = n / 100;
  }
  if (errors.length) return { name, body: null, errors };
  return { name, body: { dataset: v.dataset, evaluators: ev.evaluators, minPassRate, ...(v.isDefault ? { isDefault: true } : {}) }, errors };
}

const resolver: Resolver<SuiteForm> = (values) => {
  const { errors } = buildSuite(values);
  if (!errors.length) return { values, errors: {} };
  const out: Record<string, unknown> = {};
  for (const e of errors) {
    const path = e.field.split('.');
    let node = out;
    path.slice(0, -1).forEach((k) => (node = (node[k] ??= {}) as Record<string, unknown>));
    const last = path[path.length - 1]!;
    if (!node[last]) node[last] = { type: 'validate', message: e.message };
  }
  return { values: {}, errors: out as FieldErrors<SuiteForm> };
};

/** Define a new test suite, or edit one (its name stays). */
export function SuiteDialog({ prompt, suite, first, trigger }: { prompt: string; suite?: Suite; first?: boolean; trigger: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const qc = useQueryClient();
  const lists = usePickLists();
  const form = useForm<SuiteForm>({
    resolver,
    defaultValues: suite
      ? { name: suite.name, dataset: suite.datasetName ?? suite.dataset, evaluators: suite.evaluators.map((e) => fromEvaluator(e as never)), minPassRate: suite.minPassRate == null ? '' : String(Math.round(suite.minPassRate * 1000) / 10), isDefault: suite.isDefault }
      : { name: first ? 'smoke' : '', dataset: '', evaluators: [newDraft('exact')], minPassRate: '90', isDefault: !!first },
  });
  const m = useMutation<Suite, ApiError, SuiteForm>({
    mutationFn: (v) => {
      const { name, body } = buildSuite(v);
      return expApi.putSuite(prompt, name, body!);
    },
    onSuccess: (s) => {
      toast.success(`${suite ? 'Saved' : 'Created'} suite ${s.name}`);
      setOpen(false);
      if (!suite) form.reset();
      void qc.invalidateQueries({ queryKey: ['suites', prompt] });
    },
    onError: (e) => {
      if (isApiError(e)) applyFieldIssues(e, form.setError, (p) => draftField(p) ?? (['dataset', 'minPassRate', 'isDefault'].includes(p) ? p : p === 'suite' ? 'name' : null));
    },
  });
  const errs = form.formState.errors;
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), o ? undefined : m.reset())} trigger={trigger} title={suite ? `Edit suite ${suite.name}` : 'New test suite'} description="A dataset, evaluators and the pass rate a version needs; run it with one click or `promptdeck eval`." className="max-w-2xl">
      <form onSubmit={form.handleSubmit((v) => m.mutate(v))} noValidate>
        <div className="space-y-4 px-5 py-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="suite-name" label="Name" error={errs.name?.message} hint={suite ? 'A suite keeps its name.' : 'e.g. smoke, regression'}>
              <Input {...fieldAria('suite-name', errs.name?.message, true)} autoComplete="off" disabled={!!suite} {...form.register('name')} />
            </Field>
            <Field id="suite-dataset" label="Dataset" error={errs.dataset?.message}>
              <Select {...fieldAria('suite-dataset', errs.dataset?.message)} {...form.register('dataset')}>
                <option value="">{lists.loading ? 'Loading…' : 'Pick a dataset'}</option>
                {lists.datasets.map((d) => (
                  <option key={d.id} value={d.name}>
                    {d.name} ({d.examples})
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="suite-min" label="Minimum pass rate (%)" optional error={errs.minPassRate?.message} hint="Below it, a run of the suite fails the gate.">
              <Input inputMode="decimal" {...fieldAria('suite-min', errs.minPassRate?.message, true)} {...form.register('minPassRate')} />
            </Field>
            <label className="mt-7 inline-flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
              <input type="checkbox" className="size-4 accent-indigo-600" {...form.register('isDefault')} />
              Default suite (shown in the versions table)
            </label>
          </div>
          <EvaluatorsBuilder form={form} prompts={lists.prompts.map((p) => p.name)} idPrefix="suite-ev" />
          {m.error && !m.error.fieldIssues.length ? <Alert title="The suite could not be saved">{m.error.message}</Alert> : null}
        </div>
        <DialogFooter className="mt-0 border-t border-zinc-200 px-5 py-3 dark:border-zinc-800">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" loading={m.isPending}>
            {suite ? 'Save suite' : 'Create suite'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
