/** Display formats shared by the playground and the logs. */

/** Dollars with three significant digits for tiny amounts ($0.0000154); null stays null (no price). */
export function formatUsd(n: number | null | undefined): string | null {
  if (n === null || n === undefined) return null;
  if (n === 0) return '$0';
  if (n < 0) return `-${formatUsd(-n)}`;
  if (n < 1e-6) return `$${n.toExponential(2)}`;
  const digits = Math.min(10, Math.max(2, 2 - Math.floor(Math.log10(n))));
  return `$${String(Number(n.toFixed(digits)))}`;
}

/** 842 ms, 12.3 s; an em dash when unknown. */
export function formatMs(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`;
}
