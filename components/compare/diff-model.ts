import { diffLines, diffWordsWithSpace } from 'diff';

/** Pure diff model for the compare view: rows for side-by-side, lines for unified. */
export type Kind = 'same' | 'removed' | 'added';
export interface Seg {
  text: string;
  /** Highlighted as a word-level change inside a changed line. */
  changed: boolean;
}
export interface Line {
  kind: Kind;
  no: number;
  segs: Seg[];
}
export interface SplitRow {
  left: Line | null;
  right: Line | null;
}

function lines(value: string): string[] {
  const out = value.split('\n');
  if (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}

const plain = (text: string): Seg[] => [{ text, changed: false }];

function wordDiff(a: string, b: string): { left: Seg[]; right: Seg[] } {
  const parts = diffWordsWithSpace(a, b);
  return {
    left: parts.filter((p) => !p.added).map((p) => ({ text: p.value, changed: !!p.removed })),
    right: parts.filter((p) => !p.removed).map((p) => ({ text: p.value, changed: !!p.added })),
  };
}

export function splitRows(a: string, b: string): SplitRow[] {
  const changes = diffLines(a, b);
  const rows: SplitRow[] = [];
  let ln = 1;
  let rn = 1;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    if (!c) continue;
    if (!c.added && !c.removed) {
      for (const l of lines(c.value)) rows.push({ left: { kind: 'same', no: ln++, segs: plain(l) }, right: { kind: 'same', no: rn++, segs: plain(l) } });
      continue;
    }
    const next = changes[i + 1];
    const removed = c.removed ? lines(c.value) : [];
    const added = c.added ? lines(c.value) : next?.added && c.removed ? lines(next.value) : [];
    if (c.removed && next?.added) i++;
    const n = Math.max(removed.length, added.length);
    for (let k = 0; k < n; k++) {
      const l = removed[k];
      const r = added[k];
      if (l !== undefined && r !== undefined) {
        const w = wordDiff(l, r);
        rows.push({ left: { kind: 'removed', no: ln++, segs: w.left }, right: { kind: 'added', no: rn++, segs: w.right } });
      } else if (l !== undefined) {
        rows.push({ left: { kind: 'removed', no: ln++, segs: plain(l) }, right: null });
      } else if (r !== undefined) {
        rows.push({ left: null, right: { kind: 'added', no: rn++, segs: plain(r) } });
      }
    }
  }
  return rows;
}

/** Unified view: the same rows, removed lines before added ones within each change. */
export function unifiedLines(rows: SplitRow[]): Line[] {
  const out: Line[] = [];
  let pendingAdded: Line[] = [];
  const flush = () => {
    out.push(...pendingAdded);
    pendingAdded = [];
  };
  for (const r of rows) {
    if (r.left?.kind === 'same') {
      flush();
      out.push(r.left);
      continue;
    }
    if (r.left) out.push(r.left);
    if (r.right) pendingAdded.push(r.right);
  }
  flush();
  return out;
}

export const hasChanges = (rows: SplitRow[]) => rows.some((r) => r.left?.kind !== 'same' || r.right?.kind !== 'same');
