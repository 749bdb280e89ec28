import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { runSuite } from '@/lib/experiments/suites';

export const POST = handler<{ name: string; suite: string }>(async ({ ctx, params, body }) => json(await runSuite(ctx, params.name, params.suite, await body()), 202));
