/** Catalog URLs: shared by the server page (pagination) and the client filters, so not a client module. */
export interface CatalogQuery {
  q?: string;
  /** Prompts carrying every one of these tags. */
  tags?: string[];
  /** Archived prompts listed too. */
  archived?: boolean;
}

export function catalogHref({ q, tags = [], archived }: CatalogQuery, cursor?: string): string {
  const sp = new URLSearchParams();
  if (q) sp.set('q', q);
  if (tags.length) sp.set('tag', tags.join(','));
  if (archived) sp.set('archived', 'include');
  if (cursor) sp.set('cursor', cursor);
  const s = sp.toString();
  return s ? `/prompts?${s}` : '/prompts';
}
