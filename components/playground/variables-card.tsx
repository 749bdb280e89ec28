'use client';

import { Braces } from 'lucide-react';
import { Card, CardHeader } from '@/components/ui/card';
import { Field, fieldAria } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';

export const variableFieldId = (name: string) => `var-${name.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

/**
 * One textarea per template variable (union over the versions being run). Values are sent as
 * strings; empty fields are not sent, so a variable the template needs is reported as missing.
 */
export function VariablesCard({ names, values, onChange, missing, wide }: { names: string[]; values: Record<string, string>; onChange: (name: string, value: string) => void; missing: Set<string>; wide?: boolean }) {
  return (
    <Card>
      <CardHeader title="Variables" description="Kept in this browser per prompt. Empty fields are not sent." />
      <div className={wide ? 'grid gap-4 p-4 md:grid-cols-2' : 'space-y-4 p-4'} data-testid="playground-variables">
        {names.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
            <Braces className="size-4" aria-hidden />
            This version has no variables.
          </p>
        ) : (
          names.map((name) => {
            const id = variableFieldId(name);
            const error = missing.has(name) ? 'Required by the template: fill it in and run again.' : undefined;
            return (
              <Field key={name} id={id} label={<code className="font-mono text-[13px]">{name}</code>} error={error}>
                <Textarea
                  {...fieldAria(id, error)}
                  data-variable={name}
                  rows={3}
                  spellCheck={false}
                  className="max-h-[40vh] font-mono text-[13px] [field-sizing:content]"
                  value={values[name] ?? ''}
                  onChange={(e) => onChange(name, e.target.value)}
                />
              </Field>
            );
          })
        )}
      </div>
    </Card>
  );
}
