'use client';

import { ErrorState } from '@/components/ui/error-state';

export default function ReviewError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} title="The review queue could not be loaded" />;
}
