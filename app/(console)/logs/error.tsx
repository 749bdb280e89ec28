'use client';

import { ErrorState } from '@/components/ui/error-state';

export default function LogsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} title="The logs could not be loaded" />;
}
