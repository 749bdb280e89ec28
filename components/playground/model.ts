import type { LabelDto, VersionDto } from '@/lib/catalog/dto';
import type { Params, Template } from '@/lib/catalog/schemas';

/** What a playground column runs: a label (resolved at run time) or a fixed version. */
export type Target = { kind: 'label'; label: string } | { kind: 'version'; version: number };

/** Model, parameters or template for this column's runs only (never saved unless "Save as new version"). */
export interface Overrides {
  modelId?: string;
  params?: Params;
  template?: Template;
}

export interface Column {
  id: string;
  target: Target;
  overrides: Overrides | null;
}

export const MAX_COLUMNS = 4;

export const targetKey = (t: Target) => (t.kind === 'label' ? `label:${t.label}` : `version:${t.version}`);

export function parseTargetKey(key: string): Target | null {
  const [kind, value = ''] = key.split(/:(.*)/s);
  if (kind === 'label' && value) return { kind: 'label', label: value };
  if (kind === 'version' && /^\d{1,9}$/.test(value)) return { kind: 'version', version: Number(value) };
  return null;
}

export const targetText = (t: Target) => (t.kind === 'label' ? t.label : `v${t.version}`);

/** The version number a target points at now (null when the label does not exist). */
export function resolveTarget(t: Target, labels: LabelDto[] | undefined): number | null {
  if (t.kind === 'version') return t.version;
  return labels?.find((l) => l.name === t.label)?.version ?? null;
}

/** Production when the prompt has it, else latest. */
export function defaultTarget(labels: LabelDto[]): Target {
  return labels.some((l) => l.name === 'production') ? { kind: 'label', label: 'production' } : { kind: 'label', label: 'latest' };
}

/** Stable JSON for comparing params (key order does not matter). */
export function paramsJson(p: Params | undefined): string {
  const o = (p ?? {}) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => [k, o[k]])));
}

/** Only what differs from the version; null when nothing does. An edited template is kept. */
export function diffOverrides(v: Pick<VersionDto, 'modelId' | 'params'>, next: { modelId: string; params: Params }, template?: Template): Overrides | null {
  const out: Overrides = {};
  if (next.modelId !== v.modelId) out.modelId = next.modelId;
  if (paramsJson(next.params) !== paramsJson(v.params)) out.params = next.params;
  if (template) out.template = template;
  return out.modelId === undefined && out.params === undefined && out.template === undefined ? null : out;
}

/** The overrides with the template set (or dropped: null), or null when nothing is left. */
export function withTemplate(o: Overrides | null, template: Template | null): Overrides | null {
  const { template: _old, ...rest } = o ?? {};
  const next: Overrides = { ...rest, ...(template ? { template } : {}) };
  return Object.keys(next).length ? next : null;
}

/** Where an edited template waits for the editor (too long for a URL). */
export const templateHandoffKey = (prompt: string) => `promptdeck:playground-template:${prompt}`;

/**
 * The editor link that starts a new version from `version` with these overrides. Model and
 * parameters travel in the URL; an edited template in sessionStorage (`storeHandoff` on click).
 */
export function saveAsVersionHref(prompt: string, version: number, o: Overrides): string {
  const sp = new URLSearchParams({ from: String(version) });
  if (o.modelId) sp.set('modelId', o.modelId);
  if (o.params) sp.set('params', JSON.stringify(o.params));
  if (o.template) sp.set('template', 'playground');
  return `/prompts/${encodeURIComponent(prompt)}/new?${sp.toString()}`;
}

export function storeHandoff(prompt: string, o: Overrides): void {
  try {
    if (o.template) window.sessionStorage.setItem(templateHandoffKey(prompt), JSON.stringify(o.template));
  } catch {
    // Storage disabled: the editor opens with the version's template and says so.
  }
}

let n = 0;
export const newColumnId = () => `col-${Date.now().toString(36)}-${(n++).toString(36)}`;
