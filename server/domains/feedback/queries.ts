import type { CreateFeedbackBody } from '../../../src/core/contract/feedback.js';
import { iso } from '../shared.js';

export interface FeedbackRow {
  id: string;
  created_at: Date;
  data: CreateFeedbackBody;
}

/** A stored feedback as staff see it (GET /staff/feedback). */
export const feedbackView = (r: FeedbackRow) => ({ id: r.id, feedback: r.data, createdAt: iso(r.created_at) });
