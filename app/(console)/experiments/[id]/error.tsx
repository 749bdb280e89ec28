'use client';

import { ErrorState } from '@/components/ui/error-state';

export default function ExperimentError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} title="This experiment could not be loaded" />;
}
