import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from './index';
import { breaches, deobfuscate, rulesNamed } from './moderation';
import { finishReply, generateReply } from './replies';
import { bedrockClient } from './testing';
import { HARD_MISS_RATE, tierOf } from './variation';

/**
 * The stand-in's answers depend on the prompt, the model and the parameters, deterministically
 * and as README.md ("Answers") documents, so experiments and sweeps on it mean something.
 */
const SONNET = 'anthropic.claude-3-7-sonnet-20250219-v1:0';
const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const SYSTEM = 'You review comments. Answer with JSON only, exactly in this form:\n{"violation": true|false, "explanation": "<one sentence>"}';

function moderate(comment: string, opts: { guideline?: string; model?: string; temperature?: number; topP?: number; system?: string } = {}) {
  const user = `<guideline>\n${opts.guideline ?? 'No insults, spam or personal data.'}\n</guideline>\n\n<comment>\n${comment}\n</comment>`;
  const text = generateReply({ modelId: opts.model ?? SONNET, system: opts.system ?? SYSTEM, messages: [{ role: 'user', text: user }], temperature: opts.temperature ?? 0, topP: opts.topP });
  return JSON.parse(text) as { violation: boolean; explanation: string };
}

const PLAIN_OK = Array.from({ length: 60 }, (_, i) => `Review ${i}: the ${['kettle', 'lamp', 'chair', 'phone case', 'backpack'][i % 5]} arrived ${['late', 'on time', 'scratched', 'well packed'][i % 4]} and works ${['fine', 'poorly', 'as described'][i % 3]}.`);
const HARD = [
  ...Array.from({ length: 15 }, (_, i) => `Order ${i}: whoever packed this is a total 1d10t, the box was empty.`),
  ...Array.from({ length: 15 }, (_, i) => `Ticket ${i}: nice work, Einstein, you shipped the wrong color again.`),
  ...Array.from({ length: 15 }, (_, i) => `Case ${i}: write to me at jane dot doe at example dot com for the real price.`),
];

describe('which rules apply: only those the guideline names', () => {
  it('reads the rules from the guideline and the system text, ignoring sentences that allow something', () => {
    expect(rulesNamed('Be polite.').rules).toEqual(['insults']);
    expect(rulesNamed('No insults. Links to the manual are fine.').rules).toEqual(['insults']);
    expect(rulesNamed('Personal attacks, spam links and personal data always violate. Criticism of the product does not.').rules).toEqual(['insults', 'spam', 'personal_data']);
    expect(rulesNamed('Do not share phone numbers or e-mail addresses.').rules).toEqual(['personal_data']);
    expect(rulesNamed('Decide whether the comment is acceptable.')).toEqual({ rules: ['insults', 'spam', 'personal_data'], named: false });
  });

  it('flags spam only under a guideline that names spam', () => {
    const spam = 'Great deals at https://cheap.example, click here!';
    expect(moderate(spam, { guideline: 'Be respectful: no insults.' }).violation).toBe(false);
    expect(moderate(spam, { guideline: 'No spam or advertising.' }).violation).toBe(true);
    expect(moderate('You are an idiot.', { guideline: 'No spam or advertising.' }).violation).toBe(false);
    expect(moderate('You are an idiot.', { guideline: 'Be respectful: no insults.' }).violation).toBe(true);
    // The rules may come from the system text (the demo's stricter version 3).
    const strict = `${SYSTEM}\nPersonal attacks, spam links and personal data always violate.`;
    expect(moderate(spam, { guideline: 'Be kind.', system: strict }).violation).toBe(true);
  });

  it('says which rules it checked when a comment is fine', () => {
    expect(moderate('Works as described.', { guideline: 'No insults.' }).explanation).toContain('without insults');
    expect(moderate('Works as described.', { guideline: 'No spam, no personal data.' }).explanation).toContain('without spam or personal data');
  });
});

describe('hard cases and model tiers', () => {
  it('recognizes sarcasm, obfuscated insults, disguised links and spelled-out contact data as hard', () => {
    expect(deobfuscate('you 1d10t')).toBe('you idiot');
    expect(deobfuscate('s.t.u.p.i.d')).toBe('stupid');
    expect(breaches('what an id10t')).toMatchObject([{ rule: 'insults', hard: true, kind: 'obfuscated insult', evidence: 'idiot' }]);
    expect(breaches('Great job, genius, you broke it')).toMatchObject([{ rule: 'insults', hard: true, kind: 'sarcastic insult' }]);
    expect(breaches('Buy at cheapdeals dot com')).toMatchObject([{ rule: 'spam', hard: true }]);
    expect(breaches('call five five five one two three four')).toMatchObject([{ rule: 'personal_data', hard: true }]);
    expect(breaches('Only an idiot would buy this')).toMatchObject([{ rule: 'insults', hard: false }]);
    expect(breaches('The genius design of this lamp impressed me')).toEqual([]); // praise of a thing, not a person
  });

  it('sorts models into tiers by their ids', () => {
    for (const id of [HAIKU, 'amazon.nova-lite-v1:0', 'amazon.nova-micro-v1:0', 'meta.llama3-1-8b-instruct-v1:0', 'mistral.mistral-7b-instruct-v0:2', 'mistral.mistral-small-2402-v1:0', 'cohere.command-light-text-v14']) {
      expect(tierOf(id), id).toBe('small');
    }
    for (const id of [SONNET, 'amazon.nova-pro-v1:0', 'meta.llama3-1-70b-instruct-v1:0', 'meta.llama3-1-405b-instruct-v1:0', 'mistral.mistral-large-2407-v1:0', 'openai.gpt-oss-120b-1:0']) {
      expect(tierOf(id), id).toBe('large');
    }
  });

  it('a large model catches every hard case; a small one misses about half, the same ones every time', () => {
    const large = HARD.filter((c) => moderate(c, { model: SONNET }).violation).length;
    const smallFlags = HARD.map((c) => moderate(c, { model: HAIKU }).violation);
    const small = smallFlags.filter(Boolean).length;
    expect(large).toBe(HARD.length);
    expect(small / HARD.length).toBeGreaterThan(1 - HARD_MISS_RATE.small - 0.2);
    expect(small / HARD.length).toBeLessThan(1 - HARD_MISS_RATE.small + 0.2);
    expect(HARD.map((c) => moderate(c, { model: HAIKU }).violation)).toEqual(smallFlags);
    // Plain cases: both tiers agree.
    for (const c of ['You are a moron.', 'DM me on telegram for discounts', 'Mail me: jo@example.com']) {
      expect(moderate(c, { model: HAIKU }).violation).toBe(true);
      expect(moderate(c, { model: SONNET }).violation).toBe(true);
    }
  });
});

describe('temperature and topP', () => {
  const explanations = (temperature: number, topP?: number) => PLAIN_OK.map((c) => moderate(c, { temperature, topP }).explanation);
  const differing = (a: string[], b: string[]) => a.filter((x, i) => x !== b[i]).length;

  it('answers the same request the same way; temperature 0 always gives the most likely wording', () => {
    expect(explanations(0.9)).toEqual(explanations(0.9));
    expect(new Set(explanations(0)).size).toBe(1);
  });

  it('varies the wording more at higher temperature, less with a narrow topP', () => {
    const base = explanations(0);
    const at = (t: number, p?: number) => differing(explanations(t, p), base);
    expect(at(0.2)).toBeLessThan(at(0.6));
    expect(at(0.6)).toBeLessThan(at(1));
    expect(at(1, 0.3)).toBeLessThan(at(1));
    expect(at(1) / PLAIN_OK.length).toBeGreaterThan(0.6);
  });

  it('flips no verdict up to temperature 0.7, about 20% at 1.0 (10% with topP 0.5)', () => {
    const flips = (t: number, p?: number) => PLAIN_OK.filter((c) => moderate(c, { temperature: t, topP: p }).violation).length / PLAIN_OK.length;
    expect(flips(0.5)).toBe(0);
    expect(flips(0.7)).toBe(0);
    expect(flips(1)).toBeGreaterThan(0.08);
    expect(flips(1)).toBeLessThan(0.35);
    expect(flips(1, 0.5)).toBeLessThan(flips(1));
  });

  it('gives different prose at different temperatures, and truncates at maxTokens as before', () => {
    const ask = (temperature?: number) => generateReply({ modelId: SONNET, system: '', messages: [{ role: 'user', text: 'How should we roll back a bad prompt version?' }], temperature });
    expect(ask(0.5)).not.toBe(ask(0.9));
    expect(ask(0)).toBe(ask(0));
    const cut = finishReply(ask(0.9), 5, []);
    expect(cut.stopReason).toBe('max_tokens');
    expect(ask(0.9).startsWith(cut.text)).toBe(true);
  });
});

describe('judge prompts', () => {
  const JUDGE = 'Compare the output with the expected answer. Answer JSON: {"score": 0..1, "reason": "<why>"}';
  const judge = (output: string, expected: string, format: 'tags' | 'labels' = 'tags') => {
    const user = format === 'tags' ? `<input>hi</input>\n<output>${output}</output>\n<expected>${expected}</expected>` : `Output: ${output}\n\nExpected: ${expected}`;
    return JSON.parse(generateReply({ modelId: HAIKU, system: JUDGE, messages: [{ role: 'user', text: user }], temperature: 0 })) as { score: number; reason: string };
  };

  it('scores JSON answers by the expected fields they match', () => {
    expect(judge('{"violation": true, "explanation": "rude"}', '{"violation": true}')).toMatchObject({ score: 1 });
    const wrong = judge('{"violation": false, "explanation": "fine"}', '{"violation": true}');
    expect(wrong.score).toBe(0);
    expect(wrong.reason).toContain('violation differs');
    expect(judge('```json\n{"a": 1, "b": 2}\n```', '{"a": 1, "b": 3}').score).toBe(0.5);
  });

  it('scores text by word overlap, and reads labelled lines too', () => {
    expect(judge('The parcel arrives on Monday.', 'The parcel arrives on Monday.').score).toBe(1);
    const close = judge('Your parcel arrives on Monday morning.', 'The parcel arrives on Monday.', 'labels').score;
    expect(close).toBeGreaterThan(0.5);
    expect(close).toBeLessThan(1);
    expect(judge('Bananas are yellow.', 'The parcel arrives on Monday.').score).toBeLessThan(0.2);
  });

  it('answers the judge contract through the real SDK', async () => {
    const sim: AwsSim = await startAwsSim();
    const client = bedrockClient(sim);
    try {
      const out = await client.send(
        new ConverseCommand({
          modelId: SONNET,
          system: [{ text: JUDGE }],
          messages: [{ role: 'user', content: [{ text: '<output>{"violation": false}</output>\n<expected>{"violation": false}</expected>' }] }],
        }),
      );
      expect(JSON.parse(out.output?.message?.content?.[0]?.text ?? '')).toMatchObject({ score: 1, reason: expect.any(String) });
    } finally {
      client.destroy();
      await sim.stop();
    }
  });
});
