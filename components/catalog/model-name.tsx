import { shortModelName } from '@/lib/client/models';
import { Tooltip } from '@/components/ui/tooltip';

/** Shortened model id with the full id on hover/focus. */
export function ModelName({ id }: { id: string }) {
  return (
    <Tooltip content={<span className="font-mono">{id}</span>}>
      <span tabIndex={0} className="inline-block max-w-56 truncate align-bottom text-zinc-700 dark:text-zinc-300" aria-label={`Model ${id}`} data-model-id={id}>
        {shortModelName(id)}
      </span>
    </Tooltip>
  );
}
