/**
 * What the booking's calendar file says, in the seven languages a patient books in (en, ar, de,
 * es, fr, ru, tr): the description's lines and the location of a video consultation. The wording
 * is the widget's own where the confirmation says the same (xliff/*.xlf: "Booking reference …",
 * "Your time", the video-link notes, "Change or cancel this booking"), so the calendar and the
 * screen never disagree. A language without a table (a booking made in Portuguese) reads English.
 */

export type IcsLocale = 'en' | 'ar' | 'de' | 'es' | 'fr' | 'ru' | 'tr';

export interface IcsText {
  reference: (ref: string) => string;
  yourTime: (when: string) => string;
  clinicTime: (when: string) => string;
  /** In person: what the patient should do on the day. */
  arrive: string;
  /** How the video link arrives, by channel: [sooner than a day, more than a day ahead]. */
  video: Record<'email' | 'whatsapp' | 'other', [string, string]>;
  interpreter: (language: string) => string;
  manage: (url: string) => string;
  /** LOCATION of a video consultation. */
  videoCall: string;
}

export const ICS_TEXT: Record<IcsLocale, IcsText> = {
  en: {
    reference: (r) => `Booking reference ${r}.`,
    yourTime: (w) => `Your time: ${w}.`,
    clinicTime: (w) => `Clinic time: ${w}.`,
    arrive: 'Please arrive 15 minutes early.',
    video: {
      email: ['The video link arrives by email before the consultation.', 'The video link arrives by email 24 hours before the consultation.'],
      whatsapp: ['The video link arrives on WhatsApp before the consultation.', 'The video link arrives on WhatsApp 24 hours before the consultation.'],
      other: ['The clinic sends you the video link before the consultation.', 'The clinic sends you the video link 24 hours before the consultation.'],
    },
    interpreter: (l) => `Interpreter requested: ${l}.`,
    manage: (u) => `Change or cancel this booking: ${u}`,
    videoCall: 'Video call',
  },
  ar: {
    reference: (r) => `رقم الحجز ${r}.`,
    yourTime: (w) => `توقيتك: ${w}.`,
    clinicTime: (w) => `توقيت العيادة: ${w}.`,
    arrive: 'يُرجى الحضور قبل الموعد بخمس عشرة دقيقة.',
    video: {
      email: ['يصلك رابط الفيديو بالبريد الإلكتروني قبل الاستشارة.', 'يصلك رابط الفيديو بالبريد الإلكتروني قبل الاستشارة بـ 24 ساعة.'],
      whatsapp: ['يصلك رابط الفيديو عبر واتساب قبل الاستشارة.', 'يصلك رابط الفيديو عبر واتساب قبل الاستشارة بـ 24 ساعة.'],
      other: ['ترسل إليك العيادة رابط الفيديو قبل الاستشارة.', 'ترسل إليك العيادة رابط الفيديو قبل الاستشارة بـ 24 ساعة.'],
    },
    interpreter: (l) => `طلبت مترجماً: ${l}.`,
    manage: (u) => `لتعديل هذا الحجز أو إلغائه: ${u}`,
    videoCall: 'مكالمة فيديو',
  },
  de: {
    reference: (r) => `Buchungsnummer ${r}.`,
    yourTime: (w) => `Ihre Uhrzeit: ${w}.`,
    clinicTime: (w) => `Uhrzeit der Klinik: ${w}.`,
    arrive: 'Bitte kommen Sie 15 Minuten früher.',
    video: {
      email: ['Der Videolink kommt vor der Beratung per E-Mail.', 'Den Videolink erhalten Sie 24 Stunden vor der Beratung per E-Mail.'],
      whatsapp: ['Der Videolink kommt vor der Beratung per WhatsApp.', 'Der Videolink kommt 24 Stunden vor der Beratung per WhatsApp.'],
      other: ['Die Klinik schickt Ihnen den Videolink vor der Beratung.', 'Die Klinik schickt Ihnen den Videolink 24 Stunden vor der Beratung.'],
    },
    interpreter: (l) => `Dolmetscher angefragt: ${l}.`,
    manage: (u) => `Diese Buchung ändern oder stornieren: ${u}`,
    videoCall: 'Videogespräch',
  },
  es: {
    reference: (r) => `Referencia de la reserva ${r}.`,
    yourTime: (w) => `Su hora: ${w}.`,
    clinicTime: (w) => `Hora de la clínica: ${w}.`,
    arrive: 'Le rogamos que llegue 15 minutos antes.',
    video: {
      email: ['El enlace de vídeo le llegará por correo electrónico antes de la consulta.', 'El enlace de vídeo le llegará por correo 24 horas antes de la consulta.'],
      whatsapp: ['El enlace de vídeo le llegará por WhatsApp antes de la consulta.', 'El enlace de vídeo le llegará por WhatsApp 24 horas antes de la consulta.'],
      other: ['La clínica le enviará el enlace de vídeo antes de la consulta.', 'La clínica le enviará el enlace de vídeo 24 horas antes de la consulta.'],
    },
    interpreter: (l) => `Intérprete solicitado: ${l}.`,
    manage: (u) => `Cambiar o cancelar esta reserva: ${u}`,
    videoCall: 'Videollamada',
  },
  fr: {
    reference: (r) => `Référence de réservation ${r}.`,
    yourTime: (w) => `Votre heure\u00a0: ${w}.`,
    clinicTime: (w) => `Heure de la clinique\u00a0: ${w}.`,
    arrive: 'Merci d’arriver 15 minutes en avance.',
    video: {
      email: ['Le lien vidéo vous parviendra par e-mail avant la consultation.', 'Le lien vidéo vous parviendra par e-mail 24 heures avant la consultation.'],
      whatsapp: ['Le lien vidéo vous parviendra sur WhatsApp avant la consultation.', 'Le lien vidéo vous parviendra sur WhatsApp 24 heures avant la consultation.'],
      other: ['La clinique vous envoie le lien vidéo avant la consultation.', 'La clinique vous envoie le lien vidéo 24 heures avant la consultation.'],
    },
    interpreter: (l) => `Interprète demandé\u00a0: ${l}.`,
    manage: (u) => `Modifier ou annuler cette réservation\u00a0: ${u}`,
    videoCall: 'Appel vidéo',
  },
  ru: {
    reference: (r) => `Номер записи ${r}.`,
    yourTime: (w) => `Ваше время: ${w}.`,
    clinicTime: (w) => `Время клиники: ${w}.`,
    arrive: 'Пожалуйста, приходите за 15 минут до приёма.',
    video: {
      email: ['Ссылка на видеозвонок придёт по электронной почте до консультации.', 'Ссылка на видеозвонок придёт на почту за 24 часа до консультации.'],
      whatsapp: ['Ссылка на видеозвонок придёт в WhatsApp до консультации.', 'Ссылка на видеозвонок придёт в WhatsApp за 24 часа до консультации.'],
      other: ['Клиника пришлёт вам ссылку на видеозвонок до консультации.', 'Клиника пришлёт вам ссылку на видеозвонок за 24 часа до консультации.'],
    },
    interpreter: (l) => `Запрошен переводчик: ${l}.`,
    manage: (u) => `Изменить или отменить запись: ${u}`,
    videoCall: 'Видеозвонок',
  },
  tr: {
    reference: (r) => `Randevu numarası ${r}.`,
    yourTime: (w) => `Sizin saatiniz: ${w}.`,
    clinicTime: (w) => `Klinik saati: ${w}.`,
    arrive: 'Lütfen 15 dakika erken gelin.',
    video: {
      email: ['Video bağlantısı görüşmeden önce e-postayla gelir.', 'Görüntülü görüşme bağlantısı görüşmeden 24 saat önce e-postayla gelir.'],
      whatsapp: ["Video bağlantısı görüşmeden önce WhatsApp'tan gelir.", "Video bağlantısı görüşmeden 24 saat önce WhatsApp'tan gelir."],
      other: ['Klinik, video bağlantısını görüşmeden önce size gönderir.', 'Klinik, video bağlantısını görüşmeden 24 saat önce size gönderir.'],
    },
    interpreter: (l) => `Tercüman istendi: ${l}.`,
    manage: (u) => `Bu randevuyu değiştirmek veya iptal etmek için: ${u}`,
    videoCall: 'Görüntülü görüşme',
  },
};

/** The table of a booking's language: `ar-SA` reads Arabic; a language without one, English. */
export function icsText(locale: string): IcsText {
  return ICS_TEXT[locale as IcsLocale] ?? ICS_TEXT[locale.split('-')[0]!.toLowerCase() as IcsLocale] ?? ICS_TEXT.en;
}
