/**
 * Text helpers shared by the evaluators. Strings are compared after Unicode NFC normalization,
 * so a composed "é" (U+00E9) equals "e" + combining acute (U+0065 U+0301): they are the same
 * text to a reader, and models and editors produce either.
 */
export const nfc = (s: string): string => s.normalize('NFC');

/** Case folding good enough for comparisons: "Straße" ~ "STRASSE", "ΣΊΣΥΦΟΣ" ~ "σίσυφος". */
export const fold = (s: string): string => nfc(s).toUpperCase().toLowerCase().normalize('NFC');

/** At most `max` characters (code points), with an ellipsis when cut. */
export function clip(text: string, max = 80): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** A value shown in a reason: JSON (strings quoted and escaped), shortened. */
export function show(value: unknown, max = 80): string {
  return clip(value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value)), max);
}

/** Where two strings first differ (in characters, 1-based), for "differs at character n". */
export function firstDifference(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}

/** Deep equality of JSON values: object key order ignored, arrays in order, strings NFC. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return nfc(a) === nfc(b);
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && jsonEqual((a as Record<string, unknown>)[k], rb[k]));
}

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}
