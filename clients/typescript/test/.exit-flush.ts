import { Promptdeck } from '../src/index';
const c = new Promptdeck({ url: process.argv[2], apiKey: 'k', ingestion: { flushIntervalMs: 60_000 } });
for (let n = 0; n < 1200; n++) c.log({ modelId: 'm', input: { messages: [{ role: 'user', content: 'x' }] }, status: 'ok', metadata: { n } });
