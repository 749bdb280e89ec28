'use client';

import { ErrorState } from '@/components/ui/error-state';

export default function ExperimentsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} title="The experiments could not be loaded" />;
}
