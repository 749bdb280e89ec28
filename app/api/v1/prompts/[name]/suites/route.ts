import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { listSuites } from '@/lib/experiments/suites';

export const GET = handler<{ name: string }>(async ({ ctx, params }) => json(await listSuites(ctx, params.name)));
