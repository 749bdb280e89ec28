import { get, set, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormSetError } from 'react-hook-form';
import type { ApiError } from './api';

/**
 * Puts the server's field errors (400 `details: [{path, message}]`) on the form. `mapPath` turns
 * an API path (e.g. `template.messages.0.content`) into a form field name; return null to skip.
 * Returns the issues that did not land on a field, so the caller can show them elsewhere.
 */
export function applyFieldIssues<T extends FieldValues>(
  err: ApiError,
  setError: UseFormSetError<T>,
  known: readonly string[] | ((path: string) => string | null),
): { path: string; message: string }[] {
  const rest: { path: string; message: string }[] = [];
  for (const issue of err.fieldIssues) {
    const field = typeof known === 'function' ? known(issue.path) : known.includes(issue.path) ? issue.path : null;
    if (field) setError(field as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: true });
    else rest.push(issue);
  }
  return rest;
}

/**
 * A react-hook-form resolver around one of the shared zod schemas, for forms whose fields differ
 * from the API body (numbers typed as text, tags as a comma-separated string...). `toInput` builds
 * the API body from the form values (and may report its own field errors, e.g. "Enter a number");
 * `mapPath` turns a schema issue path into a form field name.
 */
export function schemaResolver<TForm extends FieldValues, TOut>(
  schema: { safeParse(v: unknown): { success: true; data: TOut } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } },
  toInput: (values: TForm) => { input: unknown; errors?: { field: string; message: string }[] },
  mapPath: (path: string) => string | null,
): Resolver<TForm, unknown, TOut> {
  return (values) => {
    const { input, errors: own = [] } = toInput(values);
    const parsed = schema.safeParse(input);
    const issues = [...own];
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = mapPath(i.path.map(String).join('.'));
        issues.push({ field: field ?? 'root', message: field ? i.message : `${i.path.map(String).join('.')}: ${i.message}` });
      }
    }
    if (issues.length === 0 && parsed.success) return { values: parsed.data, errors: {} };
    const errors: FieldErrors<TForm> = {};
    for (const { field, message } of issues) {
      if (!get(errors, field)) set(errors, field, { type: 'validate', message });
    }
    return { values: {}, errors };
  };
}
