'use client';

import { ErrorState } from '@/components/ui/error-state';

export default function PricingError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} title="Prices could not be loaded" />;
}
