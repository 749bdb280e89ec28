'use client';

import { useFormContext } from 'react-hook-form';
import { Field, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { EditorValues } from './editor-values';

/** Optional Bedrock guardrail applied to every call of the version (both fields, or neither). */
export function GuardrailFields() {
  const { register, formState } = useFormContext<EditorValues>();
  const idError = formState.errors.guardrailIdentifier?.message;
  const versionError = formState.errors.guardrailVersion?.message;
  return (
    <div className="space-y-3">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Leave both empty for no guardrail.</p>
      <Field id="guardrail-identifier" label="Guardrail ID" hint="e.g. abc123xyz, or the guardrail's ARN." error={idError}>
        <Input {...fieldAria('guardrail-identifier', idError, true)} spellCheck={false} autoComplete="off" className="font-mono text-[13px]" {...register('guardrailIdentifier')} />
      </Field>
      <Field id="guardrail-version" label="Guardrail version" hint="DRAFT or a version number." error={versionError}>
        <Input {...fieldAria('guardrail-version', versionError, true)} spellCheck={false} autoComplete="off" className="font-mono text-[13px]" placeholder="1" {...register('guardrailVersion')} />
      </Field>
    </div>
  );
}
