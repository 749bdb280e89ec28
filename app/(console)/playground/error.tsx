'use client';

import { ErrorState } from '@/components/ui/error-state';

export default function PlaygroundError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} title="The playground could not be loaded" />;
}
