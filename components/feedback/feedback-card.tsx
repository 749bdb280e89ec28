'use client';

import { useRouter } from 'next/navigation';
import type { ActorKey } from '@/lib/auth/actor-ref';
import type { FeedbackDto } from '@/lib/feedback/votes';
import { Card, CardHeader } from '@/components/ui/card';
import { FeedbackButtons } from './feedback-buttons';
import { FeedbackList, summarize } from './feedback-list';

/** The invocation page's feedback: vote (your vote highlighted) and everyone's votes and comments. */
export function FeedbackCard({ invocationId, feedback, me }: { invocationId: string; feedback: FeedbackDto[]; me: ActorKey }) {
  const router = useRouter();
  return (
    <Card data-testid="feedback-card">
      <CardHeader
        title="Feedback"
        description="Thumbs down or a comment sends the invocation to the review queue."
        actions={<FeedbackButtons invocationId={invocationId} initial={summarize(feedback, me)} onVoted={() => router.refresh()} />}
      />
      <FeedbackList feedback={feedback} me={me} />
    </Card>
  );
}
