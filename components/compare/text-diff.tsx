import { cn } from '@/lib/client/cn';
import { hasChanges, splitRows, unifiedLines, type Line } from './diff-model';

const LINE_BG = {
  same: '',
  removed: 'bg-red-50 dark:bg-red-950/40',
  added: 'bg-emerald-50 dark:bg-emerald-950/40',
} as const;
const WORD_BG = {
  same: '',
  removed: 'rounded-sm bg-red-200/80 text-red-900 dark:bg-red-800/60 dark:text-red-100',
  added: 'rounded-sm bg-emerald-200/80 text-emerald-900 dark:bg-emerald-700/60 dark:text-emerald-50',
} as const;
const SIGN = { same: ' ', removed: '−', added: '+' } as const;

function Cell({ line, empty }: { line: Line | null; empty?: boolean }) {
  if (!line) return <td colSpan={2} className={cn('bg-zinc-50 dark:bg-zinc-900/60', empty ? '' : '')} />;
  return (
    <>
      <td className={cn('w-10 border-r border-zinc-100 px-2 text-right align-top text-zinc-400 select-none dark:border-zinc-800', LINE_BG[line.kind])}>{line.no}</td>
      <td className={cn('px-2 align-top whitespace-pre-wrap', LINE_BG[line.kind])} data-diff={line.kind}>
        <span className="mr-1.5 text-zinc-400 select-none" aria-hidden>
          {SIGN[line.kind]}
        </span>
        {line.kind !== 'same' ? <span className="sr-only">{line.kind === 'added' ? 'added: ' : 'removed: '}</span> : null}
        {line.segs.map((s, i) => (
          <span key={i} className={s.changed ? WORD_BG[line.kind] : undefined}>
            {s.text}
          </span>
        ))}
      </td>
    </>
  );
}

/** Line diff with word-level highlights, side by side or unified. */
export function TextDiff({ a, b, view }: { a: string; b: string; view: 'split' | 'unified' }) {
  const rows = splitRows(a, b);
  if (!a && !b) return <p className="px-4 py-3 text-sm text-zinc-400 italic dark:text-zinc-500">Empty in both versions.</p>;
  const changed = hasChanges(rows);
  return (
    <div className="overflow-x-auto" data-testid="text-diff" data-changed={changed}>
      <table className="w-full table-fixed border-collapse font-mono text-[12.5px] leading-relaxed">
        {view === 'split' ? (
          <>
            <colgroup>
              <col className="w-10" />
              <col />
              <col className="w-10" />
              <col />
            </colgroup>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <Cell line={r.left} />
                  <Cell line={r.right} />
                </tr>
              ))}
            </tbody>
          </>
        ) : (
          <>
            <colgroup>
              <col className="w-10" />
              <col />
            </colgroup>
            <tbody>
              {unifiedLines(rows).map((l, i) => (
                <tr key={i}>
                  <Cell line={l} />
                </tr>
              ))}
            </tbody>
          </>
        )}
      </table>
    </div>
  );
}
