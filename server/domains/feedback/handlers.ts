import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/types.js';
import { ApiError, notFound, ok } from '../../http.js';
import { loadStoredProcedure, localizeProcedure } from '../catalog/queries.js';
import { iso, json, newToken, pick, sha256 } from '../shared.js';
import type { Handlers } from '../types.js';
import { improvementView, loadImprovement, type ImprovementRow, type InvitationRow } from './queries.js';

const INVITATION_DAYS = 90;

type FeedbackEndpoints =
  | 'createFeedback'
  | 'listImprovements'
  | 'getFeedbackInvitation'
  | 'staffCreateImprovement'
  | 'staffPatchImprovement'
  | 'staffDeleteImprovement'
  | 'staffCreateFeedbackInvitation';

async function loadInvitation(db: Queryable, clinicId: string, token: string, now: Date): Promise<InvitationRow> {
  const { rows } = await db.query<InvitationRow>('SELECT * FROM feedback_invitations WHERE clinic_id = $1 AND token_hash = $2', [clinicId, sha256(token)]);
  const inv = rows[0];
  if (!inv || new Date(inv.expires_at) <= now) throw notFound('This feedback link is not valid or has expired');
  return inv;
}

/**
 * The stored answer of an invitation, as POST /feedback first gave it, marked `alreadyAnswered`:
 * this request's own answer was not stored, and the patient must be told so rather than "sent".
 */
async function answerOf(db: Queryable, feedbackId: string) {
  const { rows } = await db.query<{ id: string; created_at: Date; story_pending: boolean }>('SELECT id, created_at, story_pending FROM feedback WHERE id = $1', [feedbackId]);
  const r = rows[0]!;
  return { id: r.id, createdAt: iso(r.created_at), storyPending: r.story_pending, alreadyAnswered: true as const };
}

class AlreadyAnswered extends Error {}

/** A one-line title for a story: its first sentence, at most 60 characters. */
const storyTitle = (text: string) => {
  const first = text.trim().split(/(?<=[.!?؟。])\s/u)[0] ?? '';
  return first.length > 60 ? `${[...first].slice(0, 57).join('').trimEnd()}…` : first;
};

/** POST /feedback, GET /improvements ("you said, we did"), invitations, staff improvements. */
export const feedbackHandlers: Pick<Handlers, FeedbackEndpoints> = {
  async createFeedback({ db, clinic, body, now }) {
    const inv = body.invitation ? await loadInvitation(db, clinic.id, body.invitation, now) : undefined;
    // An invitation accepts one answer: a second submit (another key, another tab) gets the first.
    if (inv?.feedback_id) return ok(await answerOf(db, inv.feedback_id), 201);
    const procedureId = inv?.procedure_id ?? body.procedureId;
    const reference = inv?.reference ?? body.reference;
    const stage = inv?.stage ?? body.stage;
    // A reference to a procedure the clinic does not offer is refused, not stored blindly.
    if (body.procedureId && !(await loadStoredProcedure(db, clinic.id, body.procedureId))) {
      throw new ApiError(422, 'unprocessable', 'Unknown procedure', { procedureId: 'Unknown procedure' });
    }
    const comment = body.comment?.trim() ?? '';
    if (body.publishConsent) {
      // A story needs a text, who to show (display name or initials, country) and a treatment.
      const missing: Record<string, string> = {};
      if (!comment) missing['comment'] = 'Required to publish a story';
      if (!body.displayName?.trim()) missing['displayName'] = 'Required to publish a story';
      if (!body.country) missing['country'] = 'Required to publish a story';
      if (!procedureId) missing['procedureId'] = 'Required to publish a story';
      if (Object.keys(missing).length) throw new ApiError(422, 'unprocessable', 'A story needs a comment, a display name, a country and a treatment', missing);
    }
    const id = randomUUID();
    const storyPending = !!body.publishConsent;
    const stored = { ...body, ...(procedureId ? { procedureId } : {}), ...(reference ? { reference } : {}), ...(stage ? { stage } : {}) };
    delete stored.invitation; // the token is a credential: never stored in clear
    try {
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO feedback (id, clinic_id, data, nps, story_pending, stage, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [id, clinic.id, json(stored), body.nps, storyPending, stage ?? null, now]);
        if (inv) {
          const r = await tx.query('UPDATE feedback_invitations SET feedback_id = $2 WHERE id = $1 AND feedback_id IS NULL', [inv.id, id]);
          if (!r.rowCount) throw new AlreadyAnswered();
        }
        if (storyPending && procedureId) {
          // Verified: it came through an invitation of the clinic or a real booking's reference.
          const booked = reference ? (await tx.query('SELECT 1 FROM bookings WHERE clinic_id = $1 AND reference = $2', [clinic.id, reference])).rows.length > 0 : false;
          const ratings = Object.values(body.ratings) as number[];
          const rating = ratings.length ? Math.round(ratings.reduce((a, b) => a + b, 0) / ratings.length) : Math.max(1, Math.round(body.nps / 2));
          await tx.query(
            "INSERT INTO stories (clinic_id, id, procedure_id, language, country, consented, published, date, data, status, verified, feedback_id, consent_version) VALUES ($1, $2, $3, $4, $5, true, true, $6, $7, 'pending', $8, $9, $10)",
            [clinic.id, `fb-${id}`, procedureId, body.locale, body.country, iso(now).slice(0, 10), json({ displayName: body.displayName!.trim(), title: storyTitle(comment), body: comment, rating, image: null }), !!inv || !!booked, id, body.publishConsent!.version],
          );
        }
      });
    } catch (err) {
      if (err instanceof AlreadyAnswered && inv) {
        const again = await loadInvitation(db, clinic.id, body.invitation!, now);
        return ok(await answerOf(db, again.feedback_id!), 201);
      }
      throw err;
    }
    return ok({ id, createdAt: iso(now), storyPending }, 201);
  },

  async listImprovements({ db, clinic, query }) {
    const locale = query.locale ?? clinic.config.defaultLocale;
    const { rows } = await db.query<ImprovementRow>('SELECT id, data, date::text AS date FROM improvements WHERE clinic_id = $1 ORDER BY date DESC, id', [clinic.id]);
    return ok({ improvements: rows.map((r) => ({ id: r.id, youSaid: pick(r.data.youSaid, locale), weDid: pick(r.data.weDid, locale), date: String(r.date).slice(0, 10), aspects: r.data.aspects ?? [] })) });
  },

  async getFeedbackInvitation({ db, clinic, params, query, now }) {
    const inv = await loadInvitation(db, clinic.id, params.token, now);
    const proc = inv.procedure_id ? await loadStoredProcedure(db, clinic.id, inv.procedure_id) : undefined;
    const procedureName = proc ? localizeProcedure(proc, query.locale ?? clinic.config.defaultLocale).name : null;
    return ok({ stage: inv.stage, procedureId: inv.procedure_id, procedureName, reference: inv.reference, answered: !!inv.feedback_id });
  },

  async staffCreateImprovement({ db, clinic, body, now }) {
    const lang = clinic.config.defaultLocale;
    const missing: Record<string, string> = {};
    if (!body.youSaid[lang]?.trim()) missing[`youSaid.${lang}`] = `Required in the clinic's default language (${lang})`;
    if (!body.weDid[lang]?.trim()) missing[`weDid.${lang}`] = `Required in the clinic's default language (${lang})`;
    if (Object.keys(missing).length) throw new ApiError(400, 'invalid_request', 'Texts are needed in the clinic\'s default language', missing);
    const id = `imp-${randomUUID().slice(0, 8)}`;
    const date = body.date ?? iso(now).slice(0, 10);
    await db.query('INSERT INTO improvements (clinic_id, id, data, date) VALUES ($1, $2, $3, $4)', [clinic.id, id, json({ youSaid: body.youSaid, weDid: body.weDid, aspects: body.aspects }), date]);
    return ok({ improvement: improvementView(await loadImprovement(db, clinic.id, id)) }, 201);
  },

  async staffPatchImprovement({ db, clinic, params, body }) {
    const cur = await loadImprovement(db, clinic.id, params.id);
    const data = {
      youSaid: { ...cur.data.youSaid, ...body.youSaid },
      weDid: { ...cur.data.weDid, ...body.weDid },
      aspects: body.aspects ?? cur.data.aspects ?? [],
    };
    await db.query('UPDATE improvements SET data = $3, date = $4 WHERE clinic_id = $1 AND id = $2', [clinic.id, params.id, json(data), body.date ?? cur.date]);
    return ok({ improvement: improvementView(await loadImprovement(db, clinic.id, params.id)) });
  },

  async staffDeleteImprovement({ db, clinic, params }) {
    const cur = await loadImprovement(db, clinic.id, params.id);
    await db.query('DELETE FROM improvements WHERE clinic_id = $1 AND id = $2', [clinic.id, params.id]);
    return ok({ improvement: improvementView(cur) });
  },

  async staffCreateFeedbackInvitation({ db, clinic, body, now }) {
    if (body.procedureId && !(await loadStoredProcedure(db, clinic.id, body.procedureId))) {
      throw new ApiError(422, 'unprocessable', 'Unknown procedure', { procedureId: 'Unknown procedure' });
    }
    const id = randomUUID();
    const token = newToken();
    const expires = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    await db.query(
      'INSERT INTO feedback_invitations (id, clinic_id, token_hash, stage, procedure_id, reference, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [id, clinic.id, sha256(token), body.stage, body.procedureId ?? null, body.reference ?? null, now, expires],
    );
    let link: string | null = null;
    if (body.pageUrl) {
      const u = new URL(body.pageUrl);
      u.searchParams.set('prm-feedback', token);
      link = u.toString();
    }
    return ok({ id, token, link, expiresAt: iso(expires) }, 201);
  },
};
