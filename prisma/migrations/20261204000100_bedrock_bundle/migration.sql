-- The Bedrock bundle: what else decides how a Bedrock call behaves travels with the version.
-- tools: [{name, description, inputSchema}]; toolChoice: "auto" | "any" | {"tool": name};
-- outputSchema: a JSON Schema the answer must satisfy; cachePoints: ["system" | message index];
-- fallbacks: model ids tried in order when the primary is throttled or unavailable.
ALTER TABLE "PromptVersion" ADD COLUMN "tools" JSONB;
ALTER TABLE "PromptVersion" ADD COLUMN "toolChoice" JSONB;
ALTER TABLE "PromptVersion" ADD COLUMN "outputSchema" JSONB;
ALTER TABLE "PromptVersion" ADD COLUMN "cachePoints" JSONB;
ALTER TABLE "PromptVersion" ADD COLUMN "fallbacks" TEXT[];

-- Invocations: prompt-cache tokens (Converse usage), what they saved at the prices of the day,
-- and which model answered instead of the version's (fallbackFrom = the model that was asked).
ALTER TABLE "Invocation" ADD COLUMN "cacheReadInputTokens" INTEGER;
ALTER TABLE "Invocation" ADD COLUMN "cacheWriteInputTokens" INTEGER;
ALTER TABLE "Invocation" ADD COLUMN "cacheSavingsUsd" DOUBLE PRECISION;
ALTER TABLE "Invocation" ADD COLUMN "fallbackFrom" TEXT;
ALTER TABLE "Invocation" ADD COLUMN "fallbackReason" TEXT;

-- Prices of prompt-cache reads and writes ($ per 1M tokens); null = priced as input tokens.
ALTER TABLE "ModelPrice" ADD COLUMN "cacheReadPerMTokUsd" DOUBLE PRECISION;
ALTER TABLE "ModelPrice" ADD COLUMN "cacheWritePerMTokUsd" DOUBLE PRECISION;
