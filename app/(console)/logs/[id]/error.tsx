'use client';

import { ErrorState } from '@/components/ui/error-state';

export default function InvocationError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} title="This invocation could not be loaded" />;
}
