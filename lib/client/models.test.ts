import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRICES } from '../aws/pricing';
import { MODEL_NAMES, MODEL_PRESETS, shortModelName } from './models';

describe('shortModelName', () => {
  it('names every built-in priced model, one name per id', () => {
    const ids = Object.keys(BUILT_IN_PRICES);
    for (const id of ids) expect(MODEL_NAMES[id], id).toBeTruthy();
    const names = ids.map(shortModelName);
    expect(new Set(names).size).toBe(ids.length);
    expect(shortModelName('anthropic.claude-3-5-sonnet-20240620-v1:0')).not.toBe(shortModelName('anthropic.claude-3-5-sonnet-20241022-v2:0'));
  });

  it('names the picker presets and inference profiles with their geography', () => {
    for (const p of MODEL_PRESETS) expect(shortModelName(p.id), p.id).toMatch(/^[A-Z]/); // a name, not a slug
    expect(shortModelName('us.anthropic.claude-3-7-sonnet-20250219-v1:0')).toBe('Claude 3.7 Sonnet (US)');
    expect(shortModelName('arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.amazon.nova-lite-v1:0')).toBe('Amazon Nova Lite (EU)');
    expect(shortModelName('ai21.jamba-1-5-large-v1:0')).toBe('jamba-1-5-large');
  });
});
