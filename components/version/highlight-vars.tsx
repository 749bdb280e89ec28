import { Fragment } from 'react';

// {{name}}, {{{name}}}, {{#section}}, {{/section}}, {{^inverted}}, {{! comment}}
const TAG = /(\{\{\{?[^{}]*\}?\}\})/g;

/** Template text with mustache tags highlighted. Whitespace is kept (render inside `whitespace-pre-wrap`). */
export function HighlightVars({ text }: { text: string }) {
  const parts = text.split(TAG);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="rounded bg-indigo-100 px-0.5 font-semibold text-indigo-700 dark:bg-indigo-500/20 dark:text-indigo-300" data-testid="template-variable">
            {p}
          </mark>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}
