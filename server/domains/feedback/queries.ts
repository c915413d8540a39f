import type { CreateFeedbackBody } from '../../../src/core/contract/feedback.js';
import type { Queryable } from '../../db/types.js';
import { notFound } from '../../http.js';
import { iso } from '../shared.js';

export interface FeedbackRow {
  id: string;
  created_at: Date;
  data: CreateFeedbackBody;
}

/** A stored feedback as staff see it (GET /staff/feedback). */
export const feedbackView = (r: FeedbackRow) => ({ id: r.id, feedback: r.data, createdAt: iso(r.created_at) });

export interface InvitationRow {
  id: string;
  stage: 'pre-travel' | 'in-clinic' | 'post-return';
  procedure_id: string | null;
  reference: string | null;
  expires_at: Date;
  feedback_id: string | null;
}

export interface ImprovementRow {
  id: string;
  data: { youSaid: Record<string, string>; weDid: Record<string, string>; aspects?: string[] };
  date: string;
}

export async function loadImprovement(db: Queryable, clinicId: string, id: string): Promise<ImprovementRow> {
  const { rows } = await db.query<ImprovementRow>('SELECT id, data, date::text AS date FROM improvements WHERE clinic_id = $1 AND id = $2', [clinicId, id]);
  if (!rows[0]) throw notFound('No such improvement');
  return rows[0];
}

/** An improvement as staff see it: every language. */
export const improvementView = (r: ImprovementRow) => ({ id: r.id, youSaid: r.data.youSaid, weDid: r.data.weDid, aspects: r.data.aspects ?? [], date: String(r.date).slice(0, 10) });
