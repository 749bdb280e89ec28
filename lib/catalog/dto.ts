import { bedrockLinkOf } from '../bedrock-catalog/link';
import { actorRefOf, type ActorType } from '../auth/actor-ref';
import type { VersionDto } from './responses';
import type { Bundle } from './bundle-schemas';
import type { Guardrail, Template, Params } from './schemas';

export type { LabelDto, LabelEventDto, LabelMoveResult, PromptSummary, VersionDto } from './responses';

type LabelRow = { name: string; version: number };

/** labels map including the automatic `latest`. */
export function labelMap(labels: LabelRow[], latestVersion: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of [...labels].sort((a, b) => a.name.localeCompare(b.name))) out[l.name] = l.version;
  if (latestVersion > 0) out.latest = latestVersion;
  return out;
}

export function labelsOn(version: number, labels: LabelRow[], latestVersion: number): string[] {
  const names = labels.filter((l) => l.version === version).map((l) => l.name).sort();
  if (version === latestVersion) names.push('latest');
  return names;
}

export function toVersionDto(
  promptName: string,
  v: {
    version: number;
    template: unknown;
    variables: string[];
    modelId: string;
    params: unknown;
    guardrail: unknown;
    tools?: unknown;
    toolChoice?: unknown;
    outputSchema?: unknown;
    cachePoints?: unknown;
    fallbacks?: string[];
    commitMessage: string;
    createdAt: Date;
    createdBy: string;
    createdByType: ActorType | null;
    createdById: string | null;
    bedrockImportedFrom?: string | null;
    bedrockPromptArn?: string | null;
    bedrockPromptVersionArn?: string | null;
    bedrockPublishedAt?: Date | null;
  },
  labels: LabelRow[],
  latestVersion: number,
): VersionDto {
  return {
    name: promptName,
    version: v.version,
    template: v.template as Template,
    variables: v.variables,
    modelId: v.modelId,
    params: (v.params ?? {}) as Params,
    guardrail: (v.guardrail ?? null) as Guardrail | null,
    ...bundleOf(v),
    commitMessage: v.commitMessage,
    labels: labelsOn(v.version, labels, latestVersion),
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
    createdByRef: actorRefOf(v, 'createdBy'),
    bedrock: bedrockLinkOf(v),
  };
}

/** A stored version's bundle (tools, tool choice, output schema, cache points, fallbacks), normalised. */
export function bundleOf(v: { tools?: unknown; toolChoice?: unknown; outputSchema?: unknown; cachePoints?: unknown; fallbacks?: string[] | null }): Bundle {
  return {
    tools: (v.tools ?? []) as Bundle['tools'],
    toolChoice: (v.toolChoice ?? null) as Bundle['toolChoice'],
    outputSchema: (v.outputSchema ?? null) as Bundle['outputSchema'],
    cachePoints: (v.cachePoints ?? []) as Bundle['cachePoints'],
    fallbacks: v.fallbacks ?? [],
  };
}
