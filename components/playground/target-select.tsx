'use client';

import type { LabelDto } from '@/lib/catalog/dto';
import { Select } from '@/components/ui/input';
import { parseTargetKey, targetKey, type Target } from './model';

/** Label or version to run. Labels resolve when the run starts (a deploy meanwhile is picked up). */
export function TargetSelect({ id, labels, value, onChange, label, className }: { id: string; labels: LabelDto[]; value: Target; onChange: (t: Target) => void; label: string; className?: string }) {
  const latest = labels.find((l) => l.name === 'latest')?.version ?? 0;
  const named = [...labels.filter((l) => !l.automatic), ...labels.filter((l) => l.automatic)];
  const key = targetKey(value);
  const known = named.some((l) => `label:${l.name}` === key) || (value.kind === 'version' && value.version <= latest);
  return (
    <Select
      id={id}
      aria-label={label}
      value={key}
      onChange={(e) => {
        const t = parseTargetKey(e.target.value);
        if (t) onChange(t);
      }}
      className={className}
    >
      {!known ? <option value={key}>{value.kind === 'label' ? `${value.label} (missing)` : `v${value.version} (missing)`}</option> : null}
      <optgroup label="Labels">
        {named.map((l) => (
          <option key={l.name} value={`label:${l.name}`}>
            {l.name} → v{l.version}
          </option>
        ))}
      </optgroup>
      <optgroup label="Versions">
        {Array.from({ length: latest }, (_, i) => latest - i).map((n) => (
          <option key={n} value={`version:${n}`}>
            v{n}
          </option>
        ))}
      </optgroup>
    </Select>
  );
}
