import type { components, paths } from './generated/openapi.js';

/** Shapes of the HTTP API, from the generated OpenAPI types (src/generated/openapi.ts). */
type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Version = components['schemas']['Version'];
export type Template = Version['template'];
export type Message = Template['messages'][number];
export type Params = Version['params'];
export type Guardrail = NonNullable<Version['guardrail']>;
export type InvokeResult = components['schemas']['InvokeResult'];
export type IngestResult = components['schemas']['IngestResult'];
export type Feedback = components['schemas']['Feedback'];
export type InvokeBody = JsonBody<NonNullable<paths['/api/v1/prompts/{name}/invoke']['post']['requestBody']>>;
export type InvocationMetadata = NonNullable<InvokeBody['metadata']>;
export type FeedbackBody = JsonBody<NonNullable<paths['/api/v1/invocations/{id}/feedback']['post']['requestBody']>>;
type IngestBody = JsonBody<NonNullable<paths['/api/v1/invocations']['post']['requestBody']>>;
/** One record for POST /api/v1/invocations (a call the application made to Bedrock itself). */
export type InvocationRecord = Exclude<IngestBody, { items: unknown }>;
export type { components, paths };
