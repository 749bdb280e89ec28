'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import type { CatalogModelDto } from '@/lib/bedrock-catalog/responses';

/** The Bedrock model catalog (GET /api/v1/models), shared by every picker on the page. */
export function useModels() {
  return useQuery({ queryKey: ['models'], queryFn: () => api('GET /api/v1/models'), staleTime: 5 * 60_000, retry: 1 });
}

/** Labels serving LEGACY models: all, or one prompt's. */
export function useLegacyUsage(prompt?: string) {
  return useQuery({
    queryKey: ['models', 'legacy-usage', prompt ?? null],
    queryFn: () => api('GET /api/v1/models/legacy-usage', { query: { prompt } }),
    staleTime: 60_000,
    retry: 1,
  });
}

export const KIND_LABEL: Record<CatalogModelDto['kind'], string> = {
  foundation: 'Model',
  inference_profile: 'Cross-region profile',
  application_inference_profile: 'Application profile',
};

/** "Text, Image → Text" */
export const modalityText = (m: CatalogModelDto['modalities']) => {
  const word = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
  return `${m.input.map(word).join(', ')} → ${m.output.map(word).join(', ')}`;
};

export const formatDate = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }) : null);

/** Case-insensitive match of every word of `q` against the model's name, id, provider, kind and modalities. */
export function matchesModel(m: CatalogModelDto, q: string): boolean {
  const hay = `${m.name} ${m.modelId} ${m.provider} ${KIND_LABEL[m.kind]} ${m.modalities.input.join(' ')} ${m.status === 'LEGACY' ? 'legacy' : ''}`.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}
