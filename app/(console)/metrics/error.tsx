'use client';

import { ErrorState } from '@/components/ui/error-state';

export default function MetricsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} title="The metrics could not be loaded" />;
}
