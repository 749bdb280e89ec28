'use client';

import { ErrorState } from '@/components/ui/error-state';

export default function DatasetsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} title="The datasets could not be loaded" />;
}
