import type { Guardrail, Template, Params } from './schemas';

/** The shapes the API returns (API.md). */
export interface PromptSummary {
  name: string;
  description: string;
  tags: string[];
  latestVersion: number | null;
  labels: Record<string, number>;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** When the prompt was archived (hidden from the catalog, still served); null when it is not. */
  archivedAt: string | null;
}

export interface VersionDto {
  name: string;
  version: number;
  template: Template;
  variables: string[];
  modelId: string;
  params: Params;
  guardrail: Guardrail | null;
  commitMessage: string;
  labels: string[];
  createdAt: string;
  createdBy: string;
}

export interface LabelDto {
  name: string;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  /** `latest` is maintained automatically and cannot be moved. */
  automatic: boolean;
}

export interface LabelMoveResult {
  label: string;
  version: number | null;
  previousVersion: number | null;
}

export interface LabelEventDto {
  id: number;
  label: string;
  action: 'deploy' | 'rollback' | 'remove';
  fromVersion: number | null;
  toVersion: number | null;
  actor: string;
  reason: string;
  at: string;
}

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
  v: { version: number; template: unknown; variables: string[]; modelId: string; params: unknown; guardrail: unknown; commitMessage: string; createdAt: Date; createdBy: string },
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
    commitMessage: v.commitMessage,
    labels: labelsOn(v.version, labels, latestVersion),
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
  };
}
