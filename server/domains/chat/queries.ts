import type { ChatAttachment, ChatContext, ChatMessage, FaqAnswer } from '../../../src/core/contract/chat.js';
import type { Queryable } from '../../db/types.js';
import { ApiError, notFound } from '../../http.js';
import { iso, json, sha256 } from '../shared.js';
import type { ClinicRow } from '../types.js';

interface MessageRow {
  id: string;
  conversation_id: string;
  author: ChatMessage['author'];
  author_name: string | null;
  body: string;
  created_at: Date;
  attachment?: ChatAttachment | null;
  faq?: FaqAnswer | null;
  /** Whether the assistant was asked (faq is then the answer or null). */
  faq_asked?: boolean;
}
export interface ConversationRow {
  id: string;
  status: 'open' | 'closed';
  name: string | null;
  email: string | null;
  locale: string;
  context: ChatContext;
  updated_at: Date;
  m_id: string | null;
  m_author: ChatMessage['author'];
  m_author_name: string | null;
  m_body: string;
  m_created_at: Date;
  m_attachment: ChatAttachment | null;
  unread: number;
  handled: boolean;
}

export const messageView = (m: MessageRow): ChatMessage => ({
  id: String(m.id),
  conversationId: m.conversation_id,
  author: m.author,
  authorName: m.author_name,
  body: m.body,
  createdAt: iso(m.created_at),
  ...(m.attachment ? { attachment: m.attachment } : {}),
  ...(m.faq_asked ? { faq: m.faq ?? null } : {}),
});
const MSG_COLS = 'id::text AS id, conversation_id, author, author_name, body, created_at, attachment, faq, faq_asked';

/** Messages after `afterId`, of one conversation or (conversationId null) of the whole clinic. */
export async function messagesAfter(db: Queryable, clinicId: string, conversationId: string | null, afterId: string): Promise<ChatMessage[]> {
  const { rows } = await db.query<MessageRow>(
    // ORDER BY the bigint column, not the text alias `id` of MSG_COLS: as text, '10' sorts before
    // '9', and a resume would replay out of order and then again from the wrong Last-Event-ID.
    `SELECT ${MSG_COLS} FROM chat_messages m WHERE clinic_id = $1 AND ($2::uuid IS NULL OR conversation_id = $2::uuid) AND m.id > $3::bigint ORDER BY m.id LIMIT 500`,
    [clinicId, conversationId, afterId],
  );
  return rows.map(messageView);
}

export async function insertMessage(
  db: Queryable,
  ctx: { clinic: ClinicRow; now: Date },
  conversationId: string,
  author: ChatMessage['author'],
  authorName: string | null,
  body: string,
  attachment: ChatAttachment | null = null,
  /** The FAQ assistant's answer (null: none), or undefined when it was not asked. */
  faq?: FaqAnswer | null,
) {
  const { rows } = await db.query<MessageRow>(
    `INSERT INTO chat_messages (clinic_id, conversation_id, author, author_name, body, created_at, attachment, faq, faq_asked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${MSG_COLS}`,
    [ctx.clinic.id, conversationId, author, authorName, body, ctx.now, attachment ? json(attachment) : null, faq ? json(faq) : null, faq !== undefined],
  );
  // A visitor writing again re-opens the question for staff: it is no longer "handled".
  await db.query(
    `UPDATE conversations SET updated_at = $3, handled_at = CASE WHEN $4 THEN NULL ELSE handled_at END WHERE clinic_id = $1 AND id = $2`,
    [ctx.clinic.id, conversationId, ctx.now, author === 'visitor'],
  );
  return messageView(rows[0]!);
}

export async function insertConversation(
  db: Queryable,
  v: { id: string; clinicId: string; tokenHash: string; name: string | null; email: string | null; locale: string; context: ChatContext; consentVersion: string; now: Date },
) {
  await db.query(
    'INSERT INTO conversations (id, clinic_id, token_hash, name, email, locale, context, consent_version, consented_at, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$9,$9)',
    [v.id, v.clinicId, v.tokenHash, v.name, v.email, v.locale, json(v.context), v.consentVersion, v.now],
  );
}

/** The conversation `id` of the clinic if `token` is its visitor token; 404 / 403 otherwise. */
export async function conversationForToken(db: Queryable, clinicId: string, id: string, token: string) {
  const { rows } = await db.query<{ id: string; status: 'open' | 'closed'; token_hash: string; locale: string }>(
    'SELECT id, status, token_hash, locale FROM conversations WHERE clinic_id = $1 AND id = $2',
    [clinicId, id],
  );
  const c = rows[0];
  if (!c) throw notFound('Conversation not found');
  if (c.token_hash !== sha256(token)) throw new ApiError(403, 'forbidden', 'Invalid conversation token');
  return c;
}

/** 404 unless conversation `id` belongs to the clinic. */
export async function assertConversation(db: Queryable, clinicId: string, id: string) {
  const { rows } = await db.query('SELECT 1 FROM conversations WHERE clinic_id = $1 AND id = $2', [clinicId, id]);
  if (!rows.length) throw notFound('Conversation not found');
}

/** The clinic's 200 most recently active conversations with their last message. */
export async function listConversations(db: Queryable, clinicId: string) {
  const { rows } = await db.query<ConversationRow>(
    `SELECT c.*, m.id::text AS m_id, m.author AS m_author, m.author_name AS m_author_name, m.body AS m_body, m.created_at AS m_created_at, m.attachment AS m_attachment,
       (SELECT count(*)::int FROM chat_messages u WHERE u.conversation_id = c.id AND u.author = 'visitor' AND u.id > c.staff_read_id) AS unread,
       c.handled_at IS NOT NULL AS handled
     FROM conversations c
     LEFT JOIN LATERAL (SELECT * FROM chat_messages WHERE conversation_id = c.id ORDER BY id DESC LIMIT 1) m ON true
     WHERE c.clinic_id = $1 ORDER BY c.updated_at DESC LIMIT 200`,
    [clinicId],
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    name: r.name,
    email: r.email,
    locale: r.locale,
    context: r.context,
    lastMessage: r.m_id ? messageView({ id: r.m_id, conversation_id: r.id, author: r.m_author, author_name: r.m_author_name, body: r.m_body, created_at: r.m_created_at, attachment: r.m_attachment }) : null,
    updatedAt: iso(r.updated_at),
    unread: r.unread,
    handled: r.handled,
  }));
}

/** FAQ entries, one per id, in `locale` (then its language, then English, then any). */
export async function listFaq(db: Queryable, clinicId: string, locale: string) {
  const { rows } = await db.query<{ id: string; locale: string; question: string; answer: string; keywords: string[] }>(
    'SELECT id, locale, question, answer, keywords FROM faq WHERE clinic_id = $1 ORDER BY position, id',
    [clinicId],
  );
  const byId = new Map<string, Map<string, (typeof rows)[number]>>();
  for (const r of rows) (byId.get(r.id) ?? byId.set(r.id, new Map()).get(r.id)!).set(r.locale, r);
  const lang = locale.split('-')[0]!;
  return [...byId.values()].map((m) => {
    const r = m.get(locale) ?? m.get(lang) ?? m.get('en') ?? [...m.values()][0]!;
    return { id: r.id, question: r.question, answer: r.answer, keywords: r.keywords };
  });
}

/** Whether `now` is within the clinic's office hours. */
export function staffOnline(clinic: ClinicRow, now: Date): boolean {
  const tz = clinic.config.officeHours.timeZone;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const day = get('weekday').toLowerCase().slice(0, 3);
  const hm = `${get('hour').padStart(2, '0')}:${get('minute')}`;
  return clinic.config.officeHours.days.some((d) => d.day === day && d.open <= hm && hm < d.close);
}

/** Unread count and handled state of one conversation, as the staff stream announces them. */
export async function conversationSummary(db: Queryable, clinicId: string, id: string): Promise<{ conversationId: string; unread: number; handled: boolean } | undefined> {
  const { rows } = await db.query<{ unread: number; handled: boolean }>(
    `SELECT (SELECT count(*)::int FROM chat_messages u WHERE u.conversation_id = c.id AND u.author = 'visitor' AND u.id > c.staff_read_id) AS unread,
       c.handled_at IS NOT NULL AS handled
     FROM conversations c WHERE c.clinic_id = $1 AND c.id = $2`,
    [clinicId, id],
  );
  return rows[0] ? { conversationId: id, unread: rows[0].unread, handled: rows[0].handled } : undefined;
}

/** Staff messages the visitor has not seen yet (after their read marker). */
export async function visitorUnread(db: Queryable, conversationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM chat_messages m JOIN conversations c ON c.id = m.conversation_id
     WHERE m.conversation_id = $1 AND m.author = 'staff' AND m.id > c.visitor_read_id`,
    [conversationId],
  );
  return rows[0]?.n ?? 0;
}

/** Moves a read marker forward (never back: a late request from another tab must not re-raise the count). */
export async function markRead(db: Queryable, clinicId: string, id: string, side: 'visitor' | 'staff', lastReadId: string) {
  const col = side === 'visitor' ? 'visitor_read_id' : 'staff_read_id';
  await db.query(`UPDATE conversations SET ${col} = greatest(${col}, $3::bigint) WHERE clinic_id = $1 AND id = $2`, [clinicId, id, lastReadId]);
}

export async function setHandled(db: Queryable, clinicId: string, id: string, handled: boolean, now: Date) {
  await db.query('UPDATE conversations SET handled_at = $3 WHERE clinic_id = $1 AND id = $2', [clinicId, id, handled ? now : null]);
}

export async function insertAttachment(
  db: Queryable,
  v: { id: string; clinicId: string; conversationId: string; name: string; mediaType: ChatAttachment['mediaType']; data: Uint8Array; sha256: string; consentVersion: string; now: Date },
) {
  await db.query(
    'INSERT INTO chat_attachments (id, clinic_id, conversation_id, name, media_type, size, sha256, consent_version, data, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)',
    [v.id, v.clinicId, v.conversationId, v.name, v.mediaType, v.data.byteLength, v.sha256, v.consentVersion, v.data, v.now],
  );
}

export async function getAttachment(db: Queryable, clinicId: string, conversationId: string, id: string) {
  const { rows } = await db.query<{ name: string; media_type: ChatAttachment['mediaType']; data: Uint8Array }>(
    'SELECT name, media_type, data FROM chat_attachments WHERE clinic_id = $1 AND conversation_id = $2 AND id = $3',
    [clinicId, conversationId, id],
  );
  if (!rows[0]) throw notFound('Attachment not found');
  return rows[0];
}
