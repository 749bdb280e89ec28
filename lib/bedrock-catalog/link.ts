import type { BedrockLink } from './responses';

/** A version's Bedrock link columns as the API shows them (null: neither imported nor published). */
export function bedrockLinkOf(v: { bedrockImportedFrom?: string | null; bedrockPromptArn?: string | null; bedrockPromptVersionArn?: string | null; bedrockPublishedAt?: Date | null }): BedrockLink | null {
  if (!v.bedrockImportedFrom && !v.bedrockPromptVersionArn) return null;
  return {
    importedFrom: v.bedrockImportedFrom ?? null,
    promptArn: v.bedrockPromptArn ?? null,
    promptVersionArn: v.bedrockPromptVersionArn ?? null,
    publishedAt: v.bedrockPublishedAt?.toISOString() ?? null,
  };
}
