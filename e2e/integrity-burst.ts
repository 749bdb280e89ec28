import { expect } from '@playwright/test';

/**
 * The writes of e2e/integrity.spec.ts: concurrent writers that keep going until the server is
 * killed, a ledger of what the server acknowledged (a response fully received with 202/201/200),
 * and the checks that every acknowledged write survived and nothing is half-written.
 */
const BATCH = 25;
const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const INGEST_WRITERS = 8;
const VERSION_WRITERS = 3;
const LABEL_MOVERS = 3;
/** Kill once this much was acknowledged in the round: a count, not a time. */
const KILL_AFTER = { batches: 40, versions: 15, moves: 6 };

interface Prompts {
  ingest: string;
  versions: string;
  label: string;
}

export class Ledger {
  readonly batches: { tag: string; ids: string[] }[] = [];
  readonly versions: { version: number; commitMessage: string }[] = [];
  readonly moves: { reason: string; from: number | null; to: number }[] = [];

  constructor(
    readonly base: string,
    private readonly key: string,
    readonly prompts: Prompts,
  ) {}

  request(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  }

  async json<T>(path: string): Promise<T> {
    const res = await this.request('GET', path);
    expect(res.status, `GET ${path}`).toBe(200);
    return (await res.json()) as T;
  }

  async setUp(): Promise<void> {
    for (const name of Object.values(this.prompts)) expect((await this.request('POST', '/api/v1/prompts', { name })).status).toBe(201);
    for (let i = 1; i <= 4; i++) expect((await this.request('POST', `/api/v1/prompts/${this.prompts.label}/versions`, version(`label target ${i}`))).status).toBe(201);
  }

  /** Every item of a paginated list. */
  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: T[]; nextCursor: string | null } = await this.json(`${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}

/** Each version differs from the last (one identical to its parent would not be created). */
function version(commitMessage: string) {
  return { template: { messages: [{ role: 'user', content: `Summarise (${commitMessage}): {{text}}` }] }, modelId: MODEL, params: { temperature: 0.2 }, commitMessage };
}

export class Round {
  batches = 0;
  versions = 0;
  moves = 0;
  conflicts = 0;
  killed = false;
  readonly failures: string[] = [];
  describe(): string {
    return `${this.batches} batches (${this.batches * BATCH} ids), ${this.versions} versions, ${this.moves} label moves (${this.conflicts} clean 409s) acknowledged before the connections dropped`;
  }
}

/** Runs the writers until the server goes away; calls kill() once enough was acknowledged. */
export async function burst(ledger: Ledger, phase: string, kill: () => void): Promise<Round> {
  const round = new Round();
  const { ingest, versions, label } = ledger.prompts;
  /** One request; undefined once the server is unreachable (the writer stops). */
  const send = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown } | undefined> => {
    try {
      const res = await ledger.request(method, path, body);
      const text = await res.text();
      if (res.status >= 500 && !round.killed) round.failures.push(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
      return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
    } catch {
      return undefined; // connection refused or reset: not acknowledged
    }
  };

  const ingestWriter = async (w: number) => {
    for (let n = 0; ; n++) {
      const tag = `${phase}-w${w}-b${n}`;
      const items = Array.from({ length: BATCH }, (_, i) => ({
        promptName: ingest,
        modelId: MODEL,
        input: { messages: [{ role: 'user', content: `${tag} item ${i}` }] },
        output: { text: 'ok' },
        usage: { inputTokens: 12, outputTokens: 3 },
        status: 'ok',
        metadata: { tags: [tag] },
      }));
      const r = await send('POST', '/api/v1/invocations', { items });
      if (!r || r.status >= 500) return;
      if (r.status !== 202) return void round.failures.push(`ingest answered ${r.status}`);
      ledger.batches.push({ tag, ids: (r.json as { ids: string[] }).ids });
      round.batches++;
    }
  };
  const versionWriter = async (w: number) => {
    for (let n = 0; ; n++) {
      const commitMessage = `${phase}-v${w}-${n}`;
      const r = await send('POST', `/api/v1/prompts/${versions}/versions`, version(commitMessage));
      if (!r || r.status >= 500) return;
      if (r.status !== 201) return void round.failures.push(`version create answered ${r.status}`);
      ledger.versions.push({ version: (r.json as { version: number }).version, commitMessage });
      round.versions++;
    }
  };
  const labelMover = async (w: number) => {
    for (let n = 0; ; n++) {
      const current = await send('GET', `/api/v1/prompts/${label}?label=production`);
      if (!current || current.status >= 500) return;
      const from = current.status === 200 ? (current.json as { version: number }).version : null;
      const to = from === null ? 1 : (from % 4) + 1;
      const reason = `${phase}-m${w}-${n}`;
      const r = await send('PUT', `/api/v1/prompts/${label}/labels/production`, { version: to, expectedVersion: from, reason });
      if (!r || r.status >= 500) return;
      if (r.status === 409) round.conflicts++;
      else if (r.status === 200) {
        ledger.moves.push({ reason, from, to });
        round.moves++;
      } else round.failures.push(`label move answered ${r.status}`);
    }
  };

  let running = 0;
  const track = (p: Promise<void>) => {
    running++;
    return p.finally(() => running--);
  };
  const writers = [
    ...Array.from({ length: INGEST_WRITERS }, (_, w) => track(ingestWriter(w))),
    ...Array.from({ length: VERSION_WRITERS }, (_, w) => track(versionWriter(w))),
    ...Array.from({ length: LABEL_MOVERS }, (_, w) => track(labelMover(w))),
  ];
  while (round.batches < KILL_AFTER.batches || round.versions < KILL_AFTER.versions || round.moves < KILL_AFTER.moves) {
    if (running === 0) throw new Error(`the writers stopped before the kill: ${round.describe()}; ${round.failures.join('; ')}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  round.killed = true;
  kill();
  await Promise.all(writers);
  expect(round.failures, 'answers before the kill').toEqual([]);
  return round;
}

interface Invocation {
  id: string;
  metadata: { tags?: string[] } | null;
}

/** Every acknowledged write is stored; batches are whole; versions gap-free; label history consistent. */
export async function verifyLedger(ledger: Ledger): Promise<string> {
  const { ingest, versions, label } = ledger.prompts;
  const stored = await ledger.all<Invocation>(`/api/v1/invocations?prompt=${ingest}`);
  const storedIds = new Set(stored.map((i) => i.id));
  const acknowledged = ledger.batches.flatMap((b) => b.ids);
  expect(acknowledged.filter((id) => !storedIds.has(id)), 'acknowledged invocation ids missing').toEqual([]);
  const perBatch = new Map<string, number>();
  for (const i of stored) perBatch.set(i.metadata?.tags?.[0] ?? '?', (perBatch.get(i.metadata?.tags?.[0] ?? '?') ?? 0) + 1);
  const partial = [...perBatch].filter(([, n]) => n !== BATCH);
  expect(partial, 'batches stored in part').toEqual([]);

  const stVersions = await ledger.all<{ version: number; commitMessage: string }>(`/api/v1/prompts/${versions}/versions`);
  const numbers = stVersions.map((v) => v.version).sort((a, b) => a - b);
  expect(numbers, 'version numbers 1..n').toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  const byNumber = new Map(stVersions.map((v) => [v.version, v.commitMessage]));
  for (const v of ledger.versions) expect(byNumber.get(v.version), `acknowledged version ${v.version}`).toBe(v.commitMessage);
  const latest = await ledger.json<{ version: number }>(`/api/v1/prompts/${versions}?label=latest`);
  expect(latest.version).toBe(numbers.length);

  const events = (await ledger.all<{ fromVersion: number | null; toVersion: number | null; reason: string }>(`/api/v1/prompts/${label}/labels/production/history`)).reverse();
  for (let i = 1; i < events.length; i++) expect(events[i]!.fromVersion, `event ${i} continues event ${i - 1}`).toBe(events[i - 1]!.toVersion);
  const reasons = events.map((e) => e.reason);
  for (const m of ledger.moves) expect(reasons.filter((r) => r === m.reason), `acknowledged move ${m.reason}`).toHaveLength(1);
  for (const m of ledger.moves) expect(events.find((e) => e.reason === m.reason)).toMatchObject({ fromVersion: m.from, toVersion: m.to });
  const current = await ledger.json<{ version: number }>(`/api/v1/prompts/${label}?label=production`);
  expect(current.version).toBe(events.at(-1)!.toVersion);

  return (
    `${acknowledged.length} acknowledged invocation ids (${ledger.batches.length} batches) all present, ${stored.length} stored in ${perBatch.size} whole batches; ` +
    `${ledger.versions.length} acknowledged versions present, numbers 1..${numbers.length} gap-free; ` +
    `${ledger.moves.length} acknowledged label moves present in a consistent history of ${events.length} events`
  );
}
