-- Bedrock Prompt Management interop (issue 12 item 6). A version remembers where it came from
-- (the Bedrock prompt version it was imported from: re-imports skip it) and where it was
-- published (the Bedrock prompt and prompt version a publish created). Versions stay immutable
-- in content; these columns are links, written once by import or publish.
ALTER TABLE "PromptVersion" ADD COLUMN "bedrockImportedFrom" TEXT;
ALTER TABLE "PromptVersion" ADD COLUMN "bedrockPromptArn" TEXT;
ALTER TABLE "PromptVersion" ADD COLUMN "bedrockPromptVersionArn" TEXT;
ALTER TABLE "PromptVersion" ADD COLUMN "bedrockPublishedAt" TIMESTAMP(3);

CREATE INDEX "PromptVersion_bedrockImportedFrom_idx" ON "PromptVersion" ("bedrockImportedFrom");
