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

/** How alike two lines are, 0..1: the share of their characters a word diff keeps in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const total = a.length + b.length;
  if (total === 0 || !a.trim() || !b.trim()) return 0;
  const common = diffWordsWithSpace(a, b)
    .filter((p) => !p.added && !p.removed && p.value.trim())
    .reduce((n, p) => n + p.value.length, 0);
  return (2 * common) / total;
}

/** Lines this alike are shown side by side with word highlights; less alike, as removed + added. */
export const PAIR_THRESHOLD = 0.4;
/** Beyond this many line pairs in one change, lines are paired in order (the alignment is quadratic). */
const MAX_ALIGN = 40_000;

/**
 * Pairs removed with added lines of one change, in order, maximising how alike the pairs are
 * (a weighted LCS): an edited line meets its new version even when lines were added or removed
 * around it, and unrelated lines are not paired at all.
 */
export function pairLines(removed: string[], added: string[]): [number | null, number | null][] {
  const m = removed.length;
  const n = added.length;
  if (m * n > MAX_ALIGN) {
    return Array.from({ length: Math.max(m, n) }, (_, k) => [k < m ? k : null, k < n ? k : null] as [number | null, number | null]);
  }
  const sim = removed.map((r) => added.map((a) => similarity(r, a)));
  // best[i][j]: the best total similarity pairing removed[i..] with added[j..].
  const best = Array.from({ length: m + 1 }, () => new Float64Array(n + 1));
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      const s = sim[i]![j]!;
      const pair = s >= PAIR_THRESHOLD ? s + best[i + 1]![j + 1]! : -1;
      best[i]![j] = Math.max(pair, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const out: [number | null, number | null][] = [];
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    const s = sim[i]![j]!;
    if (s >= PAIR_THRESHOLD && best[i]![j] === s + best[i + 1]![j + 1]!) out.push([i++, j++]);
    else if (best[i]![j] === best[i + 1]![j]) out.push([i++, null]);
    else out.push([null, j++]);
  }
  while (i < m) out.push([i++, null]);
  while (j < n) out.push([null, j++]);
  return out;
}

/** Line diff first, then, within each change, alike lines paired and diffed word by word. */
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
    // One change: the removed and added parts next to each other (in either order).
    const removed: string[] = [];
    const added: string[] = [];
    for (; i < changes.length && (changes[i]!.added || changes[i]!.removed); i++) (changes[i]!.removed ? removed : added).push(...lines(changes[i]!.value));
    i--;
    for (const [l, r] of pairLines(removed, added)) {
      const left = l === null ? undefined : removed[l];
      const right = r === null ? undefined : added[r];
      if (left !== undefined && right !== undefined) {
        const w = wordDiff(left, right);
        rows.push({ left: { kind: 'removed', no: ln++, segs: w.left }, right: { kind: 'added', no: rn++, segs: w.right } });
      } else if (left !== undefined) {
        rows.push({ left: { kind: 'removed', no: ln++, segs: plain(left) }, right: null });
      } else if (right !== undefined) {
        rows.push({ left: null, right: { kind: 'added', no: rn++, segs: plain(right) } });
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
