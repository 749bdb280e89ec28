'use client';

import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Select } from '@/components/ui/input';
import { Labelled } from '@/components/filters/filter-fields';
import { usePickLists } from '@/components/experiments/use-pick-lists';
import { SuitesPanel } from './suites-panel';

/** "Run suite": pick a prompt, then run one of its saved suites with one click. */
export function RunSuiteCard({ canWrite }: { canWrite: boolean }) {
  const lists = usePickLists();
  const [prompt, setPrompt] = useState('');
  const picked = lists.prompts.find((p) => p.name === prompt);
  return (
    <div className="space-y-3">
      <Card className="p-4">
        <Labelled id="rs-prompt" label="Run a saved test suite of" className="w-full sm:w-72">
          <Select id="rs-prompt" value={prompt} onChange={(e) => setPrompt(e.target.value)}>
            <option value="">{lists.loading ? 'Loading…' : 'Pick a prompt'}</option>
            {lists.prompts.map((p) => (
              <option key={p.name}>{p.name}</option>
            ))}
          </Select>
        </Labelled>
      </Card>
      {prompt ? <SuitesPanel key={prompt} prompt={prompt} canWrite={canWrite} runOn={picked && !picked.labels.includes('production') && picked.latestVersion ? { version: picked.latestVersion } : {}} /> : null}
    </div>
  );
}
