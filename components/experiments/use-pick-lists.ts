'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';

/** Prompts and datasets for the pickers of the experiment pages (names, newest version, size). */
export function usePickLists() {
  const prompts = useQuery({
    queryKey: ['pick', 'prompts'],
    queryFn: () => api('GET /api/v1/prompts', { query: { limit: 200 } }),
    staleTime: 30_000,
  });
  const datasets = useQuery({
    queryKey: ['pick', 'datasets'],
    queryFn: () => api('GET /api/v1/datasets', { query: { limit: 200 } }),
    staleTime: 30_000,
  });
  return {
    prompts: (prompts.data?.items ?? []).map((p) => ({ name: p.name, latestVersion: p.latestVersion, labels: Object.keys(p.labels ?? {}) })),
    datasets: (datasets.data?.items ?? []).map((d) => ({ id: d.id, name: d.name, examples: d.examples })),
    loading: prompts.isPending || datasets.isPending,
    error: prompts.error ?? datasets.error,
  };
}

/** The versions of one prompt, newest first (for version pickers). */
export function useVersions(prompt: string | undefined) {
  const q = useQuery({
    queryKey: ['pick', 'versions', prompt],
    queryFn: () => api('GET /api/v1/prompts/{name}/versions', { params: { name: prompt! }, query: { limit: 200 } }),
    enabled: !!prompt,
    staleTime: 30_000,
  });
  return q.data?.items ?? [];
}
