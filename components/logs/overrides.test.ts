import { describe, expect, it } from 'vitest';
import { overridesOf } from './overrides';

describe('overridesOf', () => {
  it('says what a run changed from its version, and nothing for a plain run', () => {
    expect(overridesOf({ metadata: null })).toBeNull();
    expect(overridesOf({ metadata: { userRef: 'u' } })).toBeNull();
    expect(overridesOf({ metadata: { overrides: { modelId: 'amazon.nova-pro-v1:0', params: { temperature: 0.9 } } } })).toEqual(['model amazon.nova-pro-v1:0', 'parameters (temperature)']);
    expect(overridesOf({ metadata: { overrides: { params: {} } } })).toEqual(['parameters (all at the model default)']);
    expect(overridesOf({ metadata: { overrides: { template: { messages: [] } } } })).toEqual(['template']);
  });
});
