import type { VersionDto } from '@/lib/catalog/dto';
import { cn } from '@/lib/client/cn';
import { Table, TBody, Td, Th, THead } from '@/components/ui/table';
import { PARAM_ROWS, formatParam } from '@/components/version/params-table';

/** Model and parameters of both versions; changed rows highlighted. */
export function ParamsDiff({ a, b }: { a: VersionDto; b: VersionDto }) {
  const rows = [
    { key: 'model', label: 'Model', left: a.modelId, right: b.modelId },
    ...PARAM_ROWS.map((r) => ({ key: r.key, label: r.label, left: formatParam(a.params[r.key]), right: formatParam(b.params[r.key]) })),
  ];
  return (
    <Table aria-label="Model and parameter differences">
      <THead>
        <tr>
          <Th className="w-40">Setting</Th>
          <Th>v{a.version}</Th>
          <Th>v{b.version}</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => {
          const changed = r.left !== r.right;
          return (
            <tr key={r.key} data-testid="param-diff-row" data-changed={changed} className={cn(changed && 'bg-amber-50/70 dark:bg-amber-500/5')}>
              <Td className="text-zinc-600 dark:text-zinc-400">
                <span className="flex items-center gap-2">
                  {changed ? <span className="size-1.5 rounded-full bg-amber-500" aria-label="changed" /> : <span className="size-1.5" aria-hidden />}
                  {r.label}
                </span>
              </Td>
              <Td className={cn('font-mono text-[13px] break-all', !r.left && 'text-zinc-400 dark:text-zinc-500')}>{r.left || 'default'}</Td>
              <Td className={cn('font-mono text-[13px] break-all', !r.right && 'text-zinc-400 dark:text-zinc-500', changed && 'font-semibold')}>{r.right || 'default'}</Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
