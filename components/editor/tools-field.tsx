'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, FieldError, fieldAria } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { parseJsonText, type EditorValues } from './editor-values';

const EXAMPLE_SCHEMA = '{\n  "type": "object",\n  "properties": {\n    "query": { "type": "string" }\n  },\n  "required": ["query"]\n}';

/** A JSON Schema text box that says at once whether its text is JSON (the server checks the schema itself). */
export function JsonSchemaBox({ id, name, label, hint, optional }: { id: string; name: `tools.${number}.inputSchema` | 'outputSchema'; label: string; hint: string; optional?: boolean }) {
  const { register, formState, control } = useFormContext<EditorValues>();
  const text = useWatch({ control, name }) ?? '';
  const parts = name.split('.');
  const err = (parts.length === 3 ? formState.errors.tools?.[Number(parts[1])]?.inputSchema : formState.errors.outputSchema)?.message;
  const live = text.trim() ? parseJsonText(text) : null;
  const liveError = live && !live.ok ? live.message : undefined;
  return (
    <Field id={id} label={label} optional={optional} error={err ?? liveError} hint={live?.ok ? `Valid JSON. ${hint}` : hint}>
      <Textarea {...fieldAria(id, err ?? liveError, true)} rows={6} spellCheck={false} className="max-h-[50vh] min-h-28 font-mono text-[13px] [field-sizing:content]" {...register(name)} />
    </Field>
  );
}

/** Tool specs (name, description, input JSON Schema) and toolChoice. */
export function ToolsField() {
  const { control, register, formState } = useFormContext<EditorValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'tools' });
  const tools = useWatch({ control, name: 'tools' }) ?? [];
  const errors = formState.errors.tools;
  const choiceError = formState.errors.toolChoice?.message;
  return (
    <div className="space-y-4">
      {errors?.root?.message ? <FieldError>{errors.root.message}</FieldError> : null}
      {fields.length === 0 ? <p className="text-sm text-zinc-500 dark:text-zinc-400">No tools: the model answers in text.</p> : null}
      <ol className="space-y-4">
        {fields.map((f, i) => (
          <li key={f.id} className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid="tool-editor">
            <div className="flex items-start gap-2">
              <Field id={`tool-${i}-name`} label={`Tool ${i + 1} name`} className="min-w-0 flex-1" error={errors?.[i]?.name?.message} hint="a-z, A-Z, 0-9, _ and -">
                <Input {...fieldAria(`tool-${i}-name`, errors?.[i]?.name?.message, true)} autoComplete="off" spellCheck={false} className="font-mono text-[13px]" {...register(`tools.${i}.name` as const)} />
              </Field>
              <Button size="icon" variant="ghost" className="mt-6" aria-label={`Remove tool ${i + 1}`} onClick={() => remove(i)}>
                <Trash2 aria-hidden />
              </Button>
            </div>
            <Field id={`tool-${i}-description`} label="Description" error={errors?.[i]?.description?.message} hint="What the tool does; the model reads it to decide.">
              <Input {...fieldAria(`tool-${i}-description`, errors?.[i]?.description?.message, true)} autoComplete="off" {...register(`tools.${i}.description` as const)} />
            </Field>
            <JsonSchemaBox id={`tool-${i}-schema`} name={`tools.${i}.inputSchema`} label="Input schema (JSON Schema)" hint='An object schema: "type": "object".' />
          </li>
        ))}
      </ol>
      <Button size="sm" onClick={() => append({ name: '', description: '', inputSchema: EXAMPLE_SCHEMA }, { shouldFocus: true })}>
        <Plus aria-hidden />
        Add tool
      </Button>
      {fields.length > 0 ? (
        <Field id="tool-choice" label="Tool choice" error={choiceError} hint="auto: the model decides; any: it must call a tool; or one tool by name.">
          <Select {...fieldAria('tool-choice', choiceError, true)} {...register('toolChoice')}>
            <option value="">Model default (auto)</option>
            <option value="auto">auto</option>
            <option value="any">any tool</option>
            {tools
              .filter((t) => t.name.trim())
              .map((t) => (
                <option key={t.name} value={`tool:${t.name.trim()}`}>
                  tool: {t.name.trim()}
                </option>
              ))}
          </Select>
        </Field>
      ) : null}
    </div>
  );
}
