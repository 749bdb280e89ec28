'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { ModelPicker } from '@/components/models/model-picker';
import type { EditorValues } from './editor-values';

/** The model: Bedrock's catalog in a searchable picker, or any model id typed in (profiles, ARNs). */
export function ModelField() {
  const { control, setValue, formState } = useFormContext<EditorValues>();
  const modelId = useWatch({ control, name: 'modelId' });
  const error = formState.errors.modelId?.message;
  return (
    <Field id="model-id" label="Model" hint="Search Bedrock's catalog, or type a base model id, a cross-region inference profile (us., eu., apac., global.) or an ARN." error={error}>
      <ModelPicker
        id="model-id"
        value={modelId ?? ''}
        invalid={!!error}
        describedBy={error ? 'model-id-error' : 'model-id-hint'}
        onChange={(id) => setValue('modelId', id, { shouldDirty: true, shouldValidate: formState.isSubmitted })}
      />
    </Field>
  );
}
