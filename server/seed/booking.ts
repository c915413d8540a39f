/**
 * Demo clinic booking content: consultation types and doctors, with everything a patient reads in
 * all seven languages (en, ar, de, es, fr, ru, tr).
 */

type L = Record<'en' | 'ar' | 'de' | 'es' | 'fr' | 'ru' | 'tr', string>;
type Block = { day: string; start: string; end: string };
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const weekly = (days: readonly string[], ...ranges: [string, string][]): Block[] => days.flatMap((day) => ranges.map(([start, end]) => ({ day, start, end })));

export interface SeedService {
  id: string;
  kind: 'video' | 'in-person' | 'follow-up';
  duration: number;
  name: L;
  description: L;
  /** What the patient should prepare, one line each. */
  prepare: L[];
  /** null: free of charge. */
  price: { amount: number; currency: string } | null;
}

export const BOOKING_SERVICES: SeedService[] = [
  {
    id: 'video-consultation',
    kind: 'video',
    duration: 20,
    price: null,
    name: { en: 'Video consultation', ar: 'استشارة بالفيديو', de: 'Videosprechstunde', es: 'Videoconsulta', fr: 'Téléconsultation', ru: 'Видеоконсультация', tr: 'Görüntülü görüşme' },
    description: {
      en: 'A 20-minute video call with a specialist to review your case and photos or scans.',
      ar: 'مكالمة فيديو مدتها 20 دقيقة مع طبيب مختص لمراجعة حالتك وصورك أو صور الأشعة.',
      de: 'Ein 20-minütiges Videogespräch mit einer Fachärztin oder einem Facharzt, um Ihren Fall und Ihre Fotos oder Aufnahmen zu besprechen.',
      es: 'Una videollamada de 20 minutos con un especialista para revisar su caso y sus fotos o pruebas de imagen.',
      fr: 'Un appel vidéo de 20 minutes avec un spécialiste pour examiner votre dossier et vos photos ou examens d’imagerie.',
      ru: '20-минутный видеозвонок со специалистом: обсуждение вашего случая, фотографий и снимков.',
      tr: 'Vakanızı, fotoğraflarınızı veya görüntülemelerinizi değerlendirmek için bir uzmanla 20 dakikalık görüntülü görüşme.',
    },
    prepare: [
      { en: 'A quiet place with a stable internet connection', ar: 'مكان هادئ مع اتصال إنترنت مستقر', de: 'Ein ruhiger Ort mit stabiler Internetverbindung', es: 'Un lugar tranquilo con una conexión a internet estable', fr: 'Un endroit calme avec une connexion internet stable', ru: 'Тихое место и стабильное подключение к интернету', tr: 'Sessiz bir ortam ve kesintisiz internet bağlantısı' },
      { en: 'Recent photos, X-rays or scan reports (upload them through the secure link we email you)', ar: 'صور حديثة أو صور أشعة أو تقارير فحوصات (ارفعها عبر الرابط الآمن الذي نرسله إليك بالبريد)', de: 'Aktuelle Fotos, Röntgenbilder oder Befunde (über den sicheren Link aus unserer E-Mail hochladen)', es: 'Fotos recientes, radiografías o informes de pruebas (súbalos mediante el enlace seguro que le enviamos por correo)', fr: 'Photos récentes, radiographies ou comptes rendus d’examens (à déposer via le lien sécurisé envoyé par e-mail)', ru: 'Свежие фото, рентгеновские снимки или заключения (загрузите их по защищённой ссылке из нашего письма)', tr: 'Güncel fotoğraflar, röntgenler veya tetkik raporları (e-postayla gönderdiğimiz güvenli bağlantıdan yükleyin)' },
      { en: 'A list of the medicines you take', ar: 'قائمة بالأدوية التي تتناولها', de: 'Eine Liste Ihrer Medikamente', es: 'Una lista de los medicamentos que toma', fr: 'La liste de vos médicaments', ru: 'Список принимаемых лекарств', tr: 'Kullandığınız ilaçların listesi' },
    ],
  },
  {
    id: 'in-person-consultation',
    kind: 'in-person',
    duration: 30,
    price: { amount: 5000, currency: 'EUR' },
    name: { en: 'In-person consultation', ar: 'استشارة حضورية', de: 'Persönliche Beratung', es: 'Consulta presencial', fr: 'Consultation sur place', ru: 'Очная консультация', tr: 'Yüz yüze muayene' },
    description: {
      en: '30 minutes at the hospital in Istanbul, examination included. The fee is deducted from your treatment if you go ahead.',
      ar: '30 دقيقة في المستشفى في إسطنبول، تشمل الفحص. تُخصم الرسوم من تكلفة علاجك إذا قررت المتابعة.',
      de: '30 Minuten im Krankenhaus in Istanbul, Untersuchung inklusive. Die Gebühr wird bei einer Behandlung angerechnet.',
      es: '30 minutos en el hospital de Estambul, exploración incluida. El importe se descuenta del tratamiento si decide seguir adelante.',
      fr: '30 minutes à l’hôpital d’Istanbul, examen compris. Le montant est déduit de votre traitement si vous le poursuivez.',
      ru: '30 минут в клинике в Стамбуле, осмотр включён. Стоимость засчитывается в лечение, если вы решите его пройти.',
      tr: 'İstanbul’daki hastanemizde muayene dahil 30 dakika. Tedaviye karar verirseniz ücret tedavi bedelinden düşülür.',
    },
    prepare: [
      { en: 'Your passport or ID', ar: 'جواز سفرك أو بطاقة هويتك', de: 'Ihr Reisepass oder Personalausweis', es: 'Su pasaporte o documento de identidad', fr: 'Votre passeport ou pièce d’identité', ru: 'Паспорт или удостоверение личности', tr: 'Pasaportunuz veya kimlik kartınız' },
      { en: 'Previous test results and scans, on paper or on your phone', ar: 'نتائج الفحوصات والأشعة السابقة، ورقياً أو على هاتفك', de: 'Frühere Befunde und Aufnahmen, auf Papier oder auf dem Handy', es: 'Resultados y pruebas de imagen anteriores, en papel o en el móvil', fr: 'Résultats et imageries antérieurs, sur papier ou sur votre téléphone', ru: 'Прежние анализы и снимки — на бумаге или в телефоне', tr: 'Önceki tahlil ve görüntüleme sonuçlarınız (kâğıt ya da telefonda)' },
      { en: 'Arrive 15 minutes early for registration', ar: 'احضر قبل الموعد بخمس عشرة دقيقة للتسجيل', de: 'Kommen Sie 15 Minuten früher zur Anmeldung', es: 'Llegue 15 minutos antes para el registro', fr: 'Arrivez 15 minutes en avance pour l’enregistrement', ru: 'Приходите за 15 минут до приёма для регистрации', tr: 'Kayıt için 15 dakika erken gelin' },
    ],
  },
  {
    id: 'follow-up',
    kind: 'follow-up',
    duration: 15,
    price: null,
    name: { en: 'Follow-up call', ar: 'مكالمة متابعة', de: 'Nachsorge-Gespräch', es: 'Seguimiento', fr: 'Suivi', ru: 'Контрольная консультация', tr: 'Kontrol görüşmesi' },
    description: {
      en: 'A 15-minute video follow-up after your treatment, free of charge.',
      ar: 'متابعة بالفيديو لمدة 15 دقيقة بعد علاجك، مجاناً.',
      de: 'Eine kostenlose 15-minütige Video-Nachsorge nach Ihrer Behandlung.',
      es: 'Un seguimiento por vídeo de 15 minutos tras su tratamiento, sin coste.',
      fr: 'Un suivi vidéo gratuit de 15 minutes après votre traitement.',
      ru: 'Бесплатная 15-минутная видеоконсультация после лечения.',
      tr: 'Tedavinizden sonra 15 dakikalık ücretsiz görüntülü kontrol.',
    },
    prepare: [
      { en: 'Photos of the treated area taken in daylight', ar: 'صور للمنطقة المعالجة ملتقطة في ضوء النهار', de: 'Bei Tageslicht aufgenommene Fotos der behandelten Stelle', es: 'Fotos de la zona tratada hechas con luz natural', fr: 'Des photos de la zone traitée prises à la lumière du jour', ru: 'Фото области лечения при дневном свете', tr: 'Tedavi edilen bölgenin gün ışığında çekilmiş fotoğrafları' },
      { en: 'Any questions or symptoms you noticed', ar: 'أي أسئلة أو أعراض لاحظتها', de: 'Ihre Fragen und beobachtete Beschwerden', es: 'Sus preguntas o los síntomas que haya notado', fr: 'Vos questions ou les symptômes remarqués', ru: 'Вопросы и замеченные симптомы', tr: 'Aklınızdaki sorular ve fark ettiğiniz belirtiler' },
    ],
  },
];

export interface SeedDoctor {
  id: string;
  name: string;
  title: L;
  specialties: string[];
  languages: string[];
  schedule: Block[];
}

export const BOOKING_DOCTORS: SeedDoctor[] = [
  { id: 'dr-aydin', name: 'Dr. Elif Aydın', specialties: ['dental'], languages: ['tr', 'en', 'de'], schedule: weekly(WEEKDAYS, ['09:00', '12:30'], ['14:00', '17:00']),
    title: { en: 'Oral and maxillofacial surgeon', ar: 'جراحة الفم والوجه والفكين', de: 'Mund-, Kiefer- und Gesichtschirurgin', es: 'Cirujana oral y maxilofacial', fr: 'Chirurgienne maxillo-faciale', ru: 'Челюстно-лицевой хирург', tr: 'Ağız, diş ve çene cerrahı' } },
  { id: 'dr-kaya', name: 'Dr. Mehmet Kaya', specialties: ['hair'], languages: ['tr', 'en', 'ar'], schedule: weekly(['mon', 'wed', 'fri', 'sat'], ['10:00', '16:00']),
    title: { en: 'Hair restoration surgeon', ar: 'جرّاح زراعة الشعر', de: 'Chirurg für Haartransplantation', es: 'Cirujano de injerto capilar', fr: 'Chirurgien en greffe de cheveux', ru: 'Хирург по трансплантации волос', tr: 'Saç ekimi cerrahı' } },
  { id: 'dr-demir', name: 'Prof. Dr. Zeynep Demir', specialties: ['ivf'], languages: ['tr', 'en', 'ru'], schedule: weekly(['tue', 'wed', 'thu'], ['09:00', '15:00']),
    title: { en: 'Reproductive endocrinologist', ar: 'أخصائية الغدد الصماء التناسلية', de: 'Reproduktionsmedizinerin', es: 'Endocrinóloga de la reproducción', fr: 'Endocrinologue de la reproduction', ru: 'Репродуктолог-эндокринолог', tr: 'Üreme endokrinolojisi uzmanı' } },
  { id: 'dr-schneider', name: 'Dr. Anna Schneider', specialties: ['orthopaedics'], languages: ['de', 'en', 'tr'], schedule: weekly(['mon', 'tue', 'thu'], ['08:30', '12:00']),
    title: { en: 'Orthopaedic surgeon', ar: 'جرّاحة عظام', de: 'Orthopädische Chirurgin', es: 'Cirujana ortopédica', fr: 'Chirurgienne orthopédiste', ru: 'Хирург-ортопед', tr: 'Ortopedi cerrahı' } },
  { id: 'dr-haddad', name: 'Dr. Omar Haddad', specialties: ['bariatric', 'cosmetic'], languages: ['ar', 'en', 'fr', 'tr'], schedule: weekly(['sun', 'mon', 'tue', 'wed'], ['11:00', '18:00']),
    title: { en: 'Bariatric and plastic surgeon', ar: 'جرّاح السمنة والتجميل', de: 'Adipositas- und plastischer Chirurg', es: 'Cirujano bariátrico y plástico', fr: 'Chirurgien bariatrique et plasticien', ru: 'Бариатрический и пластический хирург', tr: 'Obezite ve plastik cerrahı' } },
  { id: 'dr-petrova', name: 'Dr. Irina Petrova', specialties: ['eye'], languages: ['ru', 'en', 'tr'], schedule: weekly(WEEKDAYS, ['09:00', '13:00']),
    title: { en: 'Ophthalmic surgeon', ar: 'جرّاحة عيون', de: 'Augenchirurgin', es: 'Cirujana oftalmológica', fr: 'Chirurgienne ophtalmologiste', ru: 'Офтальмохирург', tr: 'Göz cerrahı' } },
  { id: 'dr-ozturk', name: 'Assoc. Prof. Can Öztürk', specialties: ['cardiac'], languages: ['tr', 'en', 'es'], schedule: weekly(['mon', 'wed', 'fri'], ['13:00', '18:00']),
    title: { en: 'Cardiologist', ar: 'طبيب قلب', de: 'Kardiologe', es: 'Cardiólogo', fr: 'Cardiologue', ru: 'Кардиолог', tr: 'Kardiyolog' } },
];

/** Stored JSON of a service (`booking_services.data`). */
export const serviceData = (s: SeedService) => ({ name: s.name, description: s.description, prepare: s.prepare, price: s.price });

/** Stored JSON of a doctor (`doctors.data`); the photo is served by `/v1/assets/doctors/…`. */
export const doctorData = (d: SeedDoctor, services: string[]) => ({
  name: d.name,
  title: d.title,
  specialties: d.specialties,
  languages: d.languages,
  services,
  photo: true,
});
