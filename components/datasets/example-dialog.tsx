'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import type { ExampleDto } from '@/lib/datasets/responses';
import { api, type ApiError } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';

type Errors = Partial<Record<'variables' | 'expectedOutput' | 'tags', string>>;

function parseVariables(text: string): Record<string, unknown> | string {
  try {
    const v: unknown = JSON.parse(text.trim() || '{}');
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : 'Variables are a JSON object, e.g. {"comment": "..."}.';
  } catch (e) {
    return `Not valid JSON: ${e instanceof Error ? e.message : 'parse error'}`;
  }
}

const splitTags = (s: string) => [...new Set(s.split(/[,;\s]+/).filter(Boolean))];

/** Add a new example (no `example`) or edit one: variables as JSON, expected output, tags. */
export function ExampleDialog({ dataset, example, open, onOpenChange, onSaved }: { dataset: string; example?: ExampleDto; open: boolean; onOpenChange: (o: boolean) => void; onSaved: (revision: number) => void }) {
  const [variables, setVariables] = useState(() => JSON.stringify(example?.variables ?? {}, null, 2));
  const [expected, setExpected] = useState(example?.expectedOutput ?? '');
  const [tags, setTags] = useState((example?.tags ?? []).join(', '));
  const [errors, setErrors] = useState<Errors>({});

  const save = useMutation<number, ApiError, { variables: Record<string, unknown>; expectedOutput: string; tags: string[] }>({
    mutationFn: async (body) => {
      if (example) return (await api('PATCH /api/v1/datasets/{dataset}/examples/{id}', { params: { dataset, id: example.id }, body })).revision;
      return (await api('POST /api/v1/datasets/{dataset}/examples', { params: { dataset }, body })).revision;
    },
    onSuccess: (revision) => {
      toast.success(example ? `Example saved (revision ${revision})` : `Example added (revision ${revision})`);
      onSaved(revision);
      onOpenChange(false);
    },
    onError: (e) => {
      const next: Errors = {};
      for (const i of e.fieldIssues) {
        const k = i.path.split('.')[0];
        if (k === 'variables' || k === 'expectedOutput' || k === 'tags') next[k] = i.message;
      }
      setErrors(next);
    },
  });

  const submit = () => {
    const vars = parseVariables(variables);
    const next: Errors = {};
    if (typeof vars === 'string') next.variables = vars;
    const t = splitTags(tags);
    if (t.some((x) => x.length > 50)) next.tags = 'A tag is at most 50 characters.';
    setErrors(next);
    if (typeof vars === 'string' || Object.keys(next).length) return;
    save.mutate({ variables: vars, expectedOutput: expected, tags: t });
  };
  const failure = save.error && Object.keys(errors).length === 0 ? save.error.message : null;

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={example ? 'Edit example' : 'Add example'} description="The prompt's variables and the output that would be right." className="max-w-2xl">
      <form
        noValidate
        className="space-y-4"
        data-testid="example-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {failure ? <Alert>{failure}</Alert> : null}
        <Field id="ex-variables" label="Variables (JSON object)" error={errors.variables} hint='e.g. {"comment": "Buy now at spam.example"}'>
          <Textarea {...fieldAria('ex-variables', errors.variables, true)} autoFocus className="font-mono text-[13px]" rows={6} value={variables} onChange={(e) => setVariables(e.target.value)} spellCheck={false} />
        </Field>
        <Field id="ex-expected" label="Expected output" optional error={errors.expectedOutput} hint="What a right answer looks like; evaluators compare the output with it.">
          <Textarea {...fieldAria('ex-expected', errors.expectedOutput, true)} className="font-mono text-[13px]" rows={5} value={expected} onChange={(e) => setExpected(e.target.value)} spellCheck={false} />
        </Field>
        <Field id="ex-tags" label="Tags" optional error={errors.tags} hint="Separated by commas or spaces, e.g. spam, hard">
          <Input {...fieldAria('ex-tags', errors.tags, true)} value={tags} onChange={(e) => setTags(e.target.value)} autoComplete="off" />
        </Field>
        <DialogFooter>
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending} data-testid="example-save">
            {example ? 'Save' : 'Add example'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
