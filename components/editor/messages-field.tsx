'use client';

import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { cn } from '@/lib/client/cn';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { Select, Textarea } from '@/components/ui/input';
import type { EditorValues } from './editor-values';

/** Chat messages: add, remove, reorder; role per message. The schema checks the order rules. */
export function MessagesField() {
  const { control, register, formState, getValues } = useFormContext<EditorValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'messages' });
  const errors = formState.errors.messages;
  const rootError = errors?.root?.message ?? errors?.message;

  const addMessage = () => {
    const last = getValues('messages').at(-1);
    append({ role: last?.role === 'user' ? 'assistant' : 'user', content: '' }, { shouldFocus: true });
  };

  return (
    <fieldset className="space-y-3">
      <legend className="mb-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">Messages</legend>
      <p className="-mt-1 text-xs text-zinc-500 dark:text-zinc-400">The conversation starts with the user and alternates user / assistant (Bedrock Converse rules).</p>
      {rootError ? <FieldError id="messages-error">{rootError}</FieldError> : null}
      <ol className="space-y-3">
        {fields.map((f, i) => {
          const err = errors?.[i];
          const roleErr = err?.role?.message;
          const contentErr = err?.content?.message;
          return (
            <li
              key={f.id}
              className={cn('rounded-lg border bg-white dark:bg-zinc-900', roleErr || contentErr ? 'border-red-300 dark:border-red-900' : 'border-zinc-200 dark:border-zinc-800')}
              data-testid="message-editor"
            >
              <div className="flex items-center gap-2 border-b border-zinc-100 px-2 py-1.5 dark:border-zinc-800">
                <span className="w-6 text-center font-mono text-xs text-zinc-400">{i + 1}</span>
                <Select
                  aria-label={`Role of message ${i + 1}`}
                  aria-invalid={roleErr ? true : undefined}
                  aria-describedby={roleErr ? `messages-${i}-role-error` : undefined}
                  className="w-36"
                  {...register(`messages.${i}.role` as const)}
                >
                  <option value="user">user</option>
                  <option value="assistant">assistant</option>
                </Select>
                <div className="ml-auto flex items-center">
                  <Button size="icon" variant="ghost" aria-label={`Move message ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    <ArrowUp aria-hidden />
                  </Button>
                  <Button size="icon" variant="ghost" aria-label={`Move message ${i + 1} down`} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)}>
                    <ArrowDown aria-hidden />
                  </Button>
                  <Button size="icon" variant="ghost" aria-label={`Remove message ${i + 1}`} disabled={fields.length === 1} onClick={() => remove(i)}>
                    <Trash2 aria-hidden />
                  </Button>
                </div>
              </div>
              <div className="space-y-1.5 p-2">
                {roleErr ? <FieldError id={`messages-${i}-role-error`}>{roleErr}</FieldError> : null}
                <Textarea
                  aria-label={`Message ${i + 1} content`}
                  aria-invalid={contentErr ? true : undefined}
                  aria-describedby={contentErr ? `messages-${i}-content-error` : undefined}
                  rows={5}
                  spellCheck={false}
                  className="max-h-[60vh] min-h-28 border-0 font-mono text-[13px] shadow-none [field-sizing:content] focus-visible:outline-1"
                  placeholder={i === 0 ? 'e.g. Summarize this ticket: {{ticket}}' : ''}
                  {...register(`messages.${i}.content` as const)}
                />
                {contentErr ? <FieldError id={`messages-${i}-content-error`}>{contentErr}</FieldError> : null}
              </div>
            </li>
          );
        })}
      </ol>
      <Button size="sm" onClick={addMessage}>
        <Plus aria-hidden />
        Add message
      </Button>
    </fieldset>
  );
}
