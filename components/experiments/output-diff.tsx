import { diffWordsWithSpace } from 'diff';

const MAX = 20_000;

/** Expected output beside the actual output, the words that differ highlighted on each side. */
export function OutputDiff({ expected, output }: { expected: string | null; output: string | null }) {
  const a = expected ?? '';
  const b = output ?? '';
  const parts = a && b && a.length + b.length < MAX ? diffWordsWithSpace(a, b) : null;
  const box = 'min-w-0 rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-2 font-mono text-[12.5px] leading-relaxed break-words whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-950/40';
  const head = 'mb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400';
  const none = (what: string) => <span className="text-zinc-400 italic dark:text-zinc-500">{what}</span>;
  return (
    <div className="grid min-w-0 gap-2 md:grid-cols-2">
      <div className="min-w-0">
        <p className={head}>Expected</p>
        <div className={box} data-testid="expected-output">
          {expected === null ? none('No expected output') : parts ? parts.filter((p) => !p.added).map((p, i) => (p.removed ? <del key={i} className="rounded-sm bg-red-200/80 text-red-900 no-underline dark:bg-red-800/60 dark:text-red-100">{p.value}</del> : <span key={i}>{p.value}</span>)) : a || none('Empty')}
        </div>
      </div>
      <div className="min-w-0">
        <p className={head}>Output</p>
        <div className={box} data-testid="actual-output">
          {output === null ? none('No output') : parts ? parts.filter((p) => !p.removed).map((p, i) => (p.added ? <ins key={i} className="rounded-sm bg-emerald-200/80 text-emerald-900 no-underline dark:bg-emerald-700/60 dark:text-emerald-50">{p.value}</ins> : <span key={i}>{p.value}</span>)) : b || none('Empty')}
        </div>
      </div>
    </div>
  );
}
