'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { MODEL_PRESETS } from '@/lib/client/models';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import type { EditorValues } from './editor-values';

/** A preset picker that fills the model id, plus free entry (base ids, inference profiles, ARNs). */
export function ModelField() {
  const { control, register, setValue, formState } = useFormContext<EditorValues>();
  const modelId = useWatch({ control, name: 'modelId' });
  const preset = MODEL_PRESETS.some((m) => m.id === modelId) ? modelId : '';
  const error = formState.errors.modelId?.message;
  const providers = [...new Set(MODEL_PRESETS.map((m) => m.provider))];
  return (
    <div className="space-y-3">
      <Field id="model-preset" label="Model">
        <Select
          id="model-preset"
          value={preset}
          onChange={(e) => {
            if (e.target.value) setValue('modelId', e.target.value, { shouldDirty: true, shouldValidate: formState.isSubmitted });
          }}
        >
          <option value="">{modelId ? 'Custom model id' : 'Choose a model…'}</option>
          {providers.map((p) => (
            <optgroup key={p} label={p}>
              {MODEL_PRESETS.filter((m) => m.provider === p).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field id="model-id" label="Model ID" hint="A base model id, a cross-region inference profile (us., eu., apac., global.) or an ARN." error={error}>
        <Input {...fieldAria('model-id', error, true)} spellCheck={false} autoComplete="off" className="font-mono text-[13px]" placeholder="anthropic.claude-3-5-haiku-20241022-v1:0" {...register('modelId')} />
      </Field>
    </div>
  );
}
