/** Optional parameter overrides typed as text, checked against Bedrock's limits (API.md). */
import type { Params } from './types';

export interface ParamsText {
  temperature: string;
  topP: string;
  maxTokens: string;
}

export function parseParams(v: ParamsText): { params: Params | null; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const params: Params = {};
  const t = v.temperature.trim();
  if (t) {
    const n = Number(t);
    if (!(n >= 0 && n <= 1)) errors.push({ field: 'temperature', message: 'Temperature is from 0 to 1.' });
    else params.temperature = n;
  }
  const p = v.topP.trim();
  if (p) {
    const n = Number(p);
    if (!(n >= 0 && n <= 1)) errors.push({ field: 'topP', message: 'Top P is from 0 to 1.' });
    else params.topP = n;
  }
  const m = v.maxTokens.trim();
  if (m) {
    const n = Number(m);
    if (!(Number.isInteger(n) && n >= 1)) errors.push({ field: 'maxTokens', message: 'Max tokens is a whole number from 1.' });
    else params.maxTokens = n;
  }
  return { params: Object.keys(params).length ? params : null, errors };
}
