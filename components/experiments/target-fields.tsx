'use client';

import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import { Field, fieldAria } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { usePickLists, useVersions } from './use-pick-lists';

export interface TargetValues {
  prompt: string;
  /** "label:<name>", "version:<n>" or "" (the production label, else the newest version). */
  target: string;
  dataset: string;
}

/** "label:staging" / "version:3" as the API's {label} / {version}. */
export function parseTarget(t: string): { label?: string; version?: number } {
  if (t.startsWith('label:')) return { label: t.slice(6) };
  if (t.startsWith('version:')) return { version: Number(t.slice(8)) };
  return {};
}

/** Prompt, the version to test (a label or a number) and the dataset. */
export function TargetFields<T extends TargetValues>({ form: typed, idPrefix, withDataset = true }: { form: UseFormReturn<T>; idPrefix: string; withDataset?: boolean }) {
  const form = typed as unknown as UseFormReturn<TargetValues>;
  const lists = usePickLists();
  // Controlled as well as registered: the options arrive after the values (from the page's
  // address), and a select whose options change under it would fall back to its first option.
  const prompt = form.watch('prompt');
  const dataset = form.watch('dataset');
  const target = form.watch('target');
  const versions = useVersions(prompt || undefined);
  const labels = lists.prompts.find((p) => p.name === prompt)?.labels ?? [];
  const errs = form.formState.errors as FieldErrors<TargetValues>;
  const id = (k: string) => `${idPrefix}-${k}`;
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Field id={id('prompt')} label="Prompt" error={errs.prompt?.message}>
        <Select {...fieldAria(id('prompt'), errs.prompt?.message)} {...form.register('prompt', { onChange: () => form.setValue('target', '') })} value={prompt}>
          <option value="">{lists.loading ? 'Loading…' : 'Pick a prompt'}</option>
          {/* A prompt chosen before the list arrives (from the page's address) stays shown. */}
          {prompt && !lists.prompts.some((p) => p.name === prompt) ? <option>{prompt}</option> : null}
          {lists.prompts.map((p) => (
            <option key={p.name}>{p.name}</option>
          ))}
        </Select>
      </Field>
      <Field id={id('target')} label="Version" error={errs.target?.message} hint="A label follows its moves; a number is fixed.">
        <Select {...fieldAria(id('target'), errs.target?.message, true)} {...form.register('target')} value={target} disabled={!prompt}>
          <option value="">{labels.includes('production') ? 'production label' : 'newest version'}</option>
          {target && !labels.some((l) => `label:${l}` === target) && !versions.some((v) => `version:${v.version}` === target) ? (
            <option value={target}>{target.replace(/^label:/, '').replace(/^version:/, 'v')}</option>
          ) : null}
          {labels.length ? (
            <optgroup label="Labels">
              {labels.map((l) => (
                <option key={l} value={`label:${l}`}>
                  {l}
                </option>
              ))}
            </optgroup>
          ) : null}
          {versions.length ? (
            <optgroup label="Versions">
              {versions.map((v) => (
                <option key={v.version} value={`version:${v.version}`}>
                  v{v.version}
                  {v.commitMessage ? ` · ${v.commitMessage.slice(0, 40)}` : ''}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
      </Field>
      {withDataset ? (
        <Field id={id('dataset')} label="Dataset" error={errs.dataset?.message}>
          <Select {...fieldAria(id('dataset'), errs.dataset?.message)} {...form.register('dataset')} value={dataset}>
            <option value="">{lists.loading ? 'Loading…' : 'Pick a dataset'}</option>
            {dataset && !lists.datasets.some((d) => d.name === dataset) ? <option value={dataset}>{dataset}</option> : null}
            {lists.datasets.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name} ({d.examples} example{d.examples === 1 ? '' : 's'})
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
    </div>
  );
}
