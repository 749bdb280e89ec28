/**
 * The API's route modules, imported lazily: call after startApi() has pointed DATABASE_URL at
 * the test database.
 */
export async function loadRoutes() {
  return {
    prompts: await import('@/app/api/v1/prompts/route'),
    prompt: await import('@/app/api/v1/prompts/[name]/route'),
    versions: await import('@/app/api/v1/prompts/[name]/versions/route'),
    version: await import('@/app/api/v1/prompts/[name]/versions/[version]/route'),
    labels: await import('@/app/api/v1/prompts/[name]/labels/route'),
    label: await import('@/app/api/v1/prompts/[name]/labels/[label]/route'),
    rollback: await import('@/app/api/v1/prompts/[name]/labels/[label]/rollback/route'),
    labelHistory: await import('@/app/api/v1/prompts/[name]/labels/[label]/history/route'),
    promptHistory: await import('@/app/api/v1/prompts/[name]/history/route'),
    render: await import('@/app/api/v1/prompts/[name]/render/route'),
    apiKeys: await import('@/app/api/v1/api-keys/route'),
    apiKey: await import('@/app/api/v1/api-keys/[id]/route'),
    users: await import('@/app/api/v1/users/route'),
    user: await import('@/app/api/v1/users/[id]/route'),
    session: await import('@/app/api/v1/auth/session/route'),
    setup: await import('@/app/api/v1/auth/setup/route'),
    openapi: await import('@/app/api/v1/openapi.json/route'),
    catchAll: await import('@/app/api/[...path]/route'),
    invoke: await import('@/app/api/v1/prompts/[name]/invoke/route'),
    invocations: await import('@/app/api/v1/invocations/route'),
    invocation: await import('@/app/api/v1/invocations/[id]/route'),
    prices: await import('@/app/api/v1/settings/prices/route'),
    price: await import('@/app/api/v1/settings/prices/[modelId]/route'),
    feedback: await import('@/app/api/v1/invocations/[id]/feedback/route'),
    queue: await import('@/app/api/v1/review-queue/route'),
    queueItem: await import('@/app/api/v1/review-queue/[id]/route'),
    resolve: await import('@/app/api/v1/review-queue/[id]/resolve/route'),
    dismiss: await import('@/app/api/v1/review-queue/[id]/dismiss/route'),
    assign: await import('@/app/api/v1/review-queue/[id]/assign/route'),
    datasets: await import('@/app/api/v1/datasets/route'),
    dataset: await import('@/app/api/v1/datasets/[dataset]/route'),
    examples: await import('@/app/api/v1/datasets/[dataset]/examples/route'),
    example: await import('@/app/api/v1/datasets/[dataset]/examples/[id]/route'),
    fromInvocations: await import('@/app/api/v1/datasets/[dataset]/examples/from-invocations/route'),
    datasetImport: await import('@/app/api/v1/datasets/[dataset]/import/route'),
    datasetExport: await import('@/app/api/v1/datasets/[dataset]/export/route'),
    bedrockMetrics: await import('@/app/api/v1/metrics/bedrock/route'),
    promptMetrics: await import('@/app/api/v1/metrics/prompts/[name]/route'),
  };
}

export type Routes = Awaited<ReturnType<typeof loadRoutes>>;
