export { Promptdeck, VERSION, type PromptdeckOptions } from './client.js';
export { PromptdeckError, TemplateError } from './errors.js';
export { PromptCache, type CacheEntry, type CacheOptions } from './cache.js';
export type { ClientEvent, ErrorHook } from './events.js';
export type { FallbackPrompt, GetPromptOptions, ServedPrompt } from './prompts.js';
export type { Invocation, InvokeOptions, InvokeStreamEvent } from './invoke.js';
export type { IngestionOptions, IngestionStats } from './ingest.js';
export { renderTemplate, extractVariables, MAX_SECTION_DEPTH, type Rendered } from './template.js';
export {
  converseInput,
  converseModels,
  modelFamily,
  recordUsage,
  toolConfig,
  type CachePoint,
  type ContentBlock,
  type ConverseInput,
  type ConverseOptions,
  type ConversePrompt,
  type ConverseUsage,
  type JsonValue,
  type RecordUsage,
  type Tool,
  type ToolChoice,
  type ToolConfig,
} from './converse.js';
export type * from './types.js';
