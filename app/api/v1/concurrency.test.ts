import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startApi, type ApiEnv, type ApiResponse } from '@/lib/test/api';
import { uniqueName } from '@/lib/test/db';
import { versionBody } from '@/lib/test/helpers';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/**
 * Concurrent writers against the embedded PostgreSQL server (whatever TEST_DATABASE_URL says):
 * ingestion batches, version creates and label races at the same time, over the route handlers
 * and one connection pool. Every acknowledged write must be read back, and nothing may answer
 * 500. (The PGlite-over-a-socket embedded database of earlier versions lost acknowledged
 * batches and answered 500s here: its pooled connections shared one session.)
 */
let api: ApiEnv;
let r: Routes;
beforeAll(async () => {
  api = await startApi({ server: 'embedded' });
  r = await loadRoutes();
});
afterAll(async () => {
  await api?.close();
});

const WRITERS = 23;
const BATCHES_PER_WRITER = 4;
const BATCH = 40;
const VERSION_CREATES = 40;
const LABEL_ROUNDS = 8;
const MOVERS = 10;

function record(prompt: string, writer: number, batch: number, i: number) {
  return {
    promptName: prompt,
    promptVersion: 1,
    modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    input: { messages: [{ role: 'user', content: `writer ${writer} batch ${batch} item ${i}` }] },
    output: { text: 'ok' },
    usage: { inputTokens: 10 + i, outputTokens: 5 },
    latencyMs: 100 + i,
    status: 'ok',
    metadata: { userRef: `w${writer}`, tags: [`b${writer}-${batch}`] },
  };
}

describe('concurrent writers on the embedded PostgreSQL', () => {
  it('acknowledges every write once, reads every acknowledged one back, and never answers 500', async () => {
    expect(api.t.kind).toBe('embedded');
    const ingestPrompt = uniqueName('conc-ingest');
    const versionsPrompt = uniqueName('conc-versions');
    const labelPrompt = uniqueName('conc-label');
    const editor = api.tokens.editor;
    const deployer = api.tokens.deployer;
    const created = async (name: string) =>
      expect((await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: editor, body: { name } })).status).toBe(201);
    await created(versionsPrompt);
    await created(labelPrompt);
    for (let i = 0; i < 4; i++) {
      const v = await call(r.versions.POST, 'POST', `/api/v1/prompts/${labelPrompt}/versions`, { token: editor, params: { name: labelPrompt }, body: versionBody() });
      expect(v.status, v.text).toBe(201);
    }

    const all: ApiResponse[] = [];
    const seen = (res: ApiResponse) => {
      all.push(res);
      return res;
    };

    // 1. Ingestion: 23 writers, each sending its batches one after another.
    const acknowledged = new Set<string>();
    const ingest = Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let b = 0; b < BATCHES_PER_WRITER; b++) {
          const items = Array.from({ length: BATCH }, (_, i) => record(ingestPrompt, w, b, i));
          const res = seen(await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: editor, body: { items } }));
          if (res.status === 202) for (const id of res.json.ids as string[]) acknowledged.add(id);
        }
      }),
    );

    // 2. Version creates on one prompt, all at once.
    const versions = Promise.all(
      Array.from({ length: VERSION_CREATES }, () =>
        call(r.versions.POST, 'POST', `/api/v1/prompts/${versionsPrompt}/versions`, { token: editor, params: { name: versionsPrompt }, body: versionBody() }).then(seen),
      ),
    );

    // 3. Label races: each round, ten deployers move `production` with the same expectedVersion.
    const moves: { round: number; res: ApiResponse }[] = [];
    const labels = (async () => {
      let current: number | null = null;
      for (let round = 0; round < LABEL_ROUNDS; round++) {
        const target: number = current === null ? 1 : (current % 4) + 1;
        const results = await Promise.all(
          Array.from({ length: MOVERS }, () =>
            call(r.label.PUT, 'PUT', `/api/v1/prompts/${labelPrompt}/labels/production`, {
              token: deployer,
              params: { name: labelPrompt, label: 'production' },
              body: { version: target, expectedVersion: current, reason: `round ${round}` },
            }).then(seen),
          ),
        );
        for (const res of results) moves.push({ round, res });
        expect(results.filter((x) => x.status === 200), `round ${round}`).toHaveLength(1);
        expect(results.filter((x) => x.status === 409), `round ${round}`).toHaveLength(MOVERS - 1);
        current = target;
      }
      return current;
    })();

    const [, created40, finalLabel] = await Promise.all([ingest, versions, labels]);

    // Nothing failed: every answer is an acknowledgement (or, for the races, a clean 409).
    const failures = all.filter((x) => x.status >= 500);
    expect(failures.map((x) => x.text)).toEqual([]);

    // Ingestion: every batch acknowledged, every acknowledged id read back through the API.
    expect(acknowledged.size).toBe(WRITERS * BATCHES_PER_WRITER * BATCH);
    const listed = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await call(r.invocations.GET, 'GET', `/api/v1/invocations?prompt=${ingestPrompt}&limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token: api.tokens.viewer });
      expect(page.status, page.text).toBe(200);
      for (const item of page.json.items as { id: string }[]) listed.add(item.id);
      cursor = page.json.nextCursor as string | null;
    } while (cursor);
    expect([...acknowledged].filter((id) => !listed.has(id))).toEqual([]);
    expect(listed.size).toBe(acknowledged.size);
    for (const id of [...acknowledged].slice(0, 50)) {
      const one = await call(r.invocation.GET, 'GET', `/api/v1/invocations/${id}`, { token: api.tokens.viewer, params: { id } });
      expect(one.status, one.text).toBe(200);
    }

    // Versions: 40 creates, 40 distinct numbers 1..40, all listed.
    expect(created40.map((x) => x.status)).toEqual(Array(VERSION_CREATES).fill(201));
    const numbers = created40.map((x) => x.json.version as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: VERSION_CREATES }, (_, i) => i + 1));
    const listedVersions = await call(r.versions.GET, 'GET', `/api/v1/prompts/${versionsPrompt}/versions?limit=200`, { token: api.tokens.viewer, params: { name: versionsPrompt } });
    expect((listedVersions.json.items as { version: number }[]).map((v) => v.version).sort((a, b) => a - b)).toEqual(numbers);

    // Labels: one event per acknowledged move, chained from -> to, ending where the label is.
    const history = await call(r.labelHistory.GET, 'GET', `/api/v1/prompts/${labelPrompt}/labels/production/history?limit=200`, {
      token: api.tokens.viewer,
      params: { name: labelPrompt, label: 'production' },
    });
    const events = (history.json.items as { fromVersion: number | null; toVersion: number | null; reason: string }[]).slice().reverse();
    const won = moves.filter((m) => m.res.status === 200);
    expect(events.map((e) => e.reason)).toEqual(won.map((m) => `round ${m.round}`));
    for (let i = 1; i < events.length; i++) expect(events[i]!.fromVersion).toBe(events[i - 1]!.toVersion);
    const served = await call(r.prompt.GET, 'GET', `/api/v1/prompts/${labelPrompt}?label=production`, { token: api.tokens.viewer, params: { name: labelPrompt } });
    expect(served.json.version).toBe(finalLabel);
    expect(events.at(-1)!.toVersion).toBe(finalLabel);
  });
});
