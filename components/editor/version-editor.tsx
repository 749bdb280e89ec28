'use client';

import { useMutation } from '@tanstack/react-query';
import { Save } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { VersionDto } from '@/lib/catalog/dto';
import type { CreatedVersionDto } from '@/lib/catalog/responses';
import { CreateVersionSchema, type CreateVersionInput } from '@/lib/catalog/schemas';
import { api, isApiError, type ApiError } from '@/lib/client/api';
import { applyFieldIssues, schemaResolver } from '@/lib/client/form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Kbd } from '@/components/ui/kbd';
import { RelativeTime } from '@/components/ui/relative-time';
import { shortModelName } from '@/lib/client/models';
import { formatParam } from '@/components/version/params-table';
import { mapPath, prefilledValues, templateWhereToField, toInput, type EditorPrefill, type EditorValues } from './editor-values';
import { CachePointsField, FallbacksField } from './bundle-fields';
import { GuardrailFields } from './guardrail-fields';
import { LabelsField } from './labels-field';
import { MessagesField } from './messages-field';
import { ModelField } from './model-field';
import { ParamsFields } from './params-fields';
import { useDraft } from './use-draft';
import { useLeaveGuard } from './use-leave-guard';
import { ToolsField, JsonSchemaBox } from './tools-field';
import { useTemplateHandoff } from './use-template-handoff';
import { VariablesPreview } from './variables-preview';

const resolver = schemaResolver<EditorValues, CreateVersionInput>(CreateVersionSchema, toInput, mapPath);

interface Props {
  prompt: string;
  base: VersionDto | null;
  canMove: boolean;
  existingLabels: string[];
  /** Model / parameters handed over from the playground (applied on top of `base`). */
  prefill?: EditorPrefill | null;
  /** The playground left an edited template in sessionStorage: apply it on top. */
  templateHandoff?: boolean;
}

export function VersionEditor({ prompt, base, canMove, existingLabels, prefill = null, templateHandoff = false }: Props) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const initial = useMemo(() => prefilledValues(base, prefill), [base, prefill]);
  const form = useForm<EditorValues, unknown, CreateVersionInput>({ resolver, defaultValues: initial, mode: 'onSubmit', reValidateMode: 'onChange' });
  const draft = useDraft(prompt, base?.version ?? null, form, initial, { autoRestore: !prefill && !templateHandoff });
  const handoff = useTemplateHandoff(prompt, templateHandoff, form);
  const { errors, isDirty } = form.formState;
  const [unchanged, setUnchanged] = useState<number | null>(null);
  const guard = useLeaveGuard(isDirty && !saved, 'The new version is not saved.');

  const save = useMutation<CreatedVersionDto, ApiError, CreateVersionInput>({
    mutationFn: (input) => api('POST /api/v1/prompts/{name}/versions', { params: { name: prompt }, body: { ...input, ...(base ? { parentVersion: base.version } : {}) } }),
    onMutate: () => {
      setUnchanged(null);
      draft.flush();
    },
    onSuccess: (v) => {
      if (!v.created) {
        // Identical to the version it started from: nothing was created, the edits stay.
        setUnchanged(v.version);
        return;
      }
      setSaved(true);
      draft.saveSucceeded();
      toast.success(`Saved ${prompt} v${v.version}`, { description: v.labels.filter((l) => l !== 'latest').length ? `Labels: ${v.labels.join(', ')}` : undefined });
      const to = `/prompts/${prompt}/versions/${v.version}`;
      if (guard.release()) router.replace(to);
      else router.push(to);
      router.refresh();
    },
    onError: (e) => {
      if (!isApiError(e)) return;
      if (e.code === 'template_error') {
        const field = templateWhereToField(e.detail('where'));
        if (field) form.setError(field as 'system', { type: 'server', message: e.message }, { shouldFocus: true });
      } else {
        applyFieldIssues(e, form.setError, mapPath);
      }
    },
  });
  const failure = save.error && save.error.fieldIssues.length === 0 && save.error.code !== 'template_error' ? save.error.message : null;
  const submit = form.handleSubmit((input) => save.mutate(input));
  const rootError = errors.root?.message;

  return (
    <FormProvider {...form}>
      {guard.dialog}
      <form
        noValidate
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void submit();
          }
        }}
        aria-label={`New version of ${prompt}`}
        className="space-y-4"
      >
        {draft.restored ? (
          <Alert
            tone="info"
            title="Restored your unsaved draft"
            action={
              <Button size="sm" variant="ghost" onClick={draft.discard}>
                Discard draft
              </Button>
            }
          >
            Saved <RelativeTime iso={draft.restored.savedAt} />
            {draft.restored.from ? ` · started from v${draft.restored.from}` : ''}.
          </Alert>
        ) : null}
        {handoff ? (
          <Alert tone="info" title="Prompt edited in the playground">
            {handoff === 'applied' ? `The system prompt and messages you edited there are filled in below (on top of v${base?.version}). Review and save to keep them.` : 'The edited prompt could not be brought over (it was not found in this browser tab); the template below is the version’s.'}
          </Alert>
        ) : null}
        {prefill && base ? (
          <Alert tone="info" title="Prefilled from the playground" className="[&_code]:font-mono">
            Starts from v{base.version} with the overrides you ran:{' '}
            {[
              ...(prefill.modelId ? [`model ${shortModelName(prefill.modelId)}`] : []),
              ...Object.entries(prefill.params ?? {}).map(([k, v]) => `${k} ${formatParam(v)}`),
              ...(prefill.params && Object.keys(prefill.params).length === 0 ? ['all parameters at the model default'] : []),
            ].join(', ')}
            . Review and save to keep them.
          </Alert>
        ) : null}
        {draft.pending ? (
          <Alert
            tone="warning"
            title="You also have an unsaved draft"
            action={
              <Button size="sm" variant="ghost" onClick={draft.restorePending}>
                Restore draft
              </Button>
            }
          >
            Saved <RelativeTime iso={draft.pending.savedAt} />. Editing this form replaces it.
          </Alert>
        ) : null}
        {failure ? <Alert title="The version was not saved">{failure} Your changes are kept in this browser as a draft.</Alert> : null}
        {unchanged !== null ? (
          <Alert tone="warning" title="Nothing to save" className="[&_a]:font-medium [&_a]:underline">
            This is identical to <Link href={`/prompts/${prompt}/versions/${unchanged}`}>v{unchanged}</Link> (template, model, parameters, guardrail, tools, output schema, cache points and fallbacks), so no version was created. Change something first
            {canMove ? <>, or deploy v{unchanged} from its page</> : null}.
          </Alert>
        ) : null}
        {rootError ? <Alert>{rootError}</Alert> : null}
        {Object.keys(errors).length > 0 && form.formState.isSubmitted ? (
          <p role="status" className="sr-only">
            Some fields need attention.
          </p>
        ) : null}

        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <Card>
              <CardHeader title="Template" description="Logic-less mustache: {{variable}}, {{#section}}…{{/section}}." />
              <div className="space-y-5 p-4">
                <Field id="system" label="System prompt" optional error={errors.system?.message}>
                  <Textarea {...fieldAria('system', errors.system?.message)} rows={6} spellCheck={false} className="max-h-[60vh] min-h-32 font-mono text-[13px] [field-sizing:content]" {...form.register('system')} />
                </Field>
                <MessagesField />
              </div>
            </Card>
            <Card>
              <CardHeader title="Tools" description="Passed to Converse as toolConfig; the answer's tool calls come back as output.toolCalls." />
              <div className="p-4">
                <ToolsField />
              </div>
            </Card>
            <Card>
              <CardHeader title="Structured output" description="Optional JSON Schema the answer must satisfy; a mismatch is answered as invalid_output and logged." />
              <div className="p-4">
                <JsonSchemaBox id="output-schema" name="outputSchema" label="Output schema (JSON Schema)" hint="Leave empty to accept any answer." optional />
              </div>
            </Card>
            <Card>
              <CardHeader title="Commit" />
              <div className="space-y-4 p-4">
                <Field id="commit-message" label="Commit message" optional hint="What changed and why; shown in the versions list." error={errors.commitMessage?.message}>
                  <Input {...fieldAria('commit-message', errors.commitMessage?.message, true)} autoComplete="off" {...form.register('commitMessage')} />
                </Field>
                {canMove ? <LabelsField existing={existingLabels} /> : null}
              </div>
            </Card>
          </div>
          <div className="space-y-6">
            <Card>
              <div className="p-4">
                <VariablesPreview />
              </div>
            </Card>
            <Card>
              <CardHeader title="Model" />
              <div className="p-4">
                <ModelField />
              </div>
            </Card>
            <Card>
              <CardHeader title="Parameters" />
              <div className="p-4">
                <ParamsFields />
              </div>
            </Card>
            <Card>
              <CardHeader title="Prompt caching" />
              <div className="p-4">
                <CachePointsField />
              </div>
            </Card>
            <Card>
              <CardHeader title="Fallbacks" />
              <div className="p-4">
                <FallbacksField />
              </div>
            </Card>
            <Card>
              <CardHeader title="Guardrail" description="Optional: a Bedrock guardrail applied to every call." />
              <div className="p-4">
                <GuardrailFields />
              </div>
            </Card>
          </div>
        </div>

        <div className="sticky bottom-0 -mx-4 flex items-center justify-end gap-3 border-t border-zinc-200 bg-zinc-50/90 px-4 py-3 backdrop-blur md:-mx-8 md:px-8 dark:border-zinc-800 dark:bg-zinc-950/90">
          <span className="mr-auto hidden text-xs text-zinc-500 sm:inline dark:text-zinc-400">
            <Kbd>Ctrl</Kbd> / <Kbd>⌘</Kbd> + <Kbd>Enter</Kbd> to save
          </span>
          <Button asChild variant="ghost">
            <Link href={`/prompts/${prompt}`}>Cancel</Link>
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {save.isPending ? null : <Save aria-hidden />}
            Save version
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
