/**
 * Demo feedback content of Aurora: the aspects asked at each stage of the journey with their
 * labels in all seven languages, the public review page, and "you said, we did" improvements.
 */

type L7 = { en: string; ar: string; de: string; es: string; fr: string; ru: string; tr: string };

const aspect = (id: string, stages: string[], label: L7) => ({ id, stages, label });

export const FEEDBACK_CONFIG = {
  reviewUrl: 'https://g.page/r/aurora-hospital-demo/review',
  aspects: [
    aspect('planning', ['pre-travel'], { en: 'Treatment and travel planning', ar: 'تخطيط العلاج والسفر', de: 'Behandlungs- und Reiseplanung', es: 'Planificación del tratamiento y del viaje', fr: 'Organisation du traitement et du voyage', ru: 'Планирование лечения и поездки', tr: 'Tedavi ve seyahat planlaması' }),
    aspect('communication', ['pre-travel', 'in-clinic', 'post-return'], { en: 'Communication', ar: 'التواصل', de: 'Kommunikation', es: 'Comunicación', fr: 'Communication', ru: 'Общение', tr: 'İletişim' }),
    aspect('value', ['pre-travel', 'post-return'], { en: 'Value for money', ar: 'القيمة مقابل السعر', de: 'Preis-Leistungs-Verhältnis', es: 'Relación calidad-precio', fr: 'Rapport qualité-prix', ru: 'Соотношение цены и качества', tr: 'Fiyat-performans' }),
    aspect('medical', ['in-clinic', 'post-return'], { en: 'Medical care', ar: 'الرعاية الطبية', de: 'Medizinische Versorgung', es: 'Atención médica', fr: 'Soins médicaux', ru: 'Медицинская помощь', tr: 'Tıbbi bakım' }),
    aspect('interpreter', ['in-clinic'], { en: 'Interpreter', ar: 'الترجمة الفورية', de: 'Dolmetscher', es: 'Intérprete', fr: 'Interprète', ru: 'Переводчик', tr: 'Tercüman' }),
    aspect('facilities', ['in-clinic'], { en: 'Facilities', ar: 'المرافق', de: 'Räumlichkeiten', es: 'Instalaciones', fr: 'Locaux et équipements', ru: 'Условия в клинике', tr: 'Tesisler' }),
    aspect('accommodation', ['in-clinic'], { en: 'Travel and accommodation support', ar: 'دعم السفر والإقامة', de: 'Unterstützung bei Reise und Unterkunft', es: 'Apoyo con el viaje y el alojamiento', fr: 'Aide au voyage et à l’hébergement', ru: 'Помощь с поездкой и проживанием', tr: 'Seyahat ve konaklama desteği' }),
  ],
};

export const IMPROVEMENTS: { id: string; date: string; aspects: string[]; youSaid: L7; weDid: L7 }[] = [
  {
    id: 'imp-transfers',
    date: '2026-10-02',
    aspects: ['accommodation', 'planning'],
    youSaid: { en: 'Drivers were hard to find at Sabiha Gökçen arrivals.', ar: 'كان من الصعب العثور على السائقين في صالة الوصول بمطار صبيحة كوكجن.', de: 'Die Fahrer waren in der Ankunftshalle von Sabiha Gökçen schwer zu finden.', es: 'Era difícil encontrar a los conductores en las llegadas de Sabiha Gökçen.', fr: 'Les chauffeurs étaient difficiles à trouver aux arrivées de Sabiha Gökçen.', ru: 'В зоне прилёта Сабихи Гёкчен было трудно найти водителей.', tr: 'Sabiha Gökçen dış hatlar gelişte şoförleri bulmak zordu.' },
    weDid: { en: 'Drivers now send a photo and live location on WhatsApp 30 minutes before landing.', ar: 'يرسل السائقون الآن صورة وموقعاً مباشراً عبر واتساب قبل الهبوط بثلاثين دقيقة.', de: 'Die Fahrer senden jetzt 30 Minuten vor der Landung ein Foto und ihren Live-Standort per WhatsApp.', es: 'Ahora los conductores envían una foto y su ubicación en tiempo real por WhatsApp 30 minutos antes del aterrizaje.', fr: 'Les chauffeurs envoient désormais une photo et leur position en direct sur WhatsApp 30 minutes avant l’atterrissage.', ru: 'Теперь водители за 30 минут до посадки присылают в WhatsApp фото и геолокацию в реальном времени.', tr: 'Şoförler artık inişten 30 dakika önce WhatsApp’tan fotoğraf ve canlı konum gönderiyor.' },
  },
  {
    id: 'imp-arabic',
    date: '2026-08-15',
    aspects: ['interpreter'],
    youSaid: { en: 'Evening appointments had no Arabic interpreter.', ar: 'لم يتوفر مترجم عربي في المواعيد المسائية.', de: 'Bei Abendterminen gab es keinen Arabisch-Dolmetscher.', es: 'En las citas de la tarde no había intérprete de árabe.', fr: 'Les rendez-vous du soir n’avaient pas d’interprète arabe.', ru: 'На вечерних приёмах не было переводчика с арабского.', tr: 'Akşam randevularında Arapça tercüman yoktu.' },
    weDid: { en: 'An Arabic interpreter is now on site until 20:00 every weekday.', ar: 'يتوفر الآن مترجم عربي في الموقع حتى الساعة 20:00 كل أيام الأسبوع.', de: 'Ein Arabisch-Dolmetscher ist jetzt werktags bis 20:00 Uhr vor Ort.', es: 'Ahora hay un intérprete de árabe en el centro hasta las 20:00 todos los días laborables.', fr: 'Un interprète arabe est désormais sur place jusqu’à 20 h chaque jour de semaine.', ru: 'Теперь переводчик с арабского работает в клинике до 20:00 каждый будний день.', tr: 'Artık hafta içi her gün saat 20:00’ye kadar hastanede Arapça tercüman bulunuyor.' },
  },
  {
    id: 'imp-invoice',
    date: '2026-06-30',
    aspects: ['value'],
    youSaid: { en: 'Invoices did not match the line items of the quote.', ar: 'لم تتطابق الفواتير مع بنود عرض السعر.', de: 'Die Rechnungen entsprachen nicht den Positionen des Angebots.', es: 'Las facturas no coincidían con las partidas del presupuesto.', fr: 'Les factures ne correspondaient pas aux lignes du devis.', ru: 'Счета не совпадали с позициями предложения.', tr: 'Faturalar teklifteki kalemlerle uyuşmuyordu.' },
    weDid: { en: 'Invoices now use the same itemised lines as your quote, with the quote reference.', ar: 'تستخدم الفواتير الآن البنود نفسها الواردة في عرض السعر، مع رقمه المرجعي.', de: 'Rechnungen verwenden jetzt dieselben Positionen wie Ihr Angebot, mit der Angebotsnummer.', es: 'Las facturas usan ahora las mismas partidas que su presupuesto, con su referencia.', fr: 'Les factures reprennent désormais les mêmes lignes que votre devis, avec sa référence.', ru: 'Теперь счета содержат те же позиции, что и ваше предложение, с его номером.', tr: 'Faturalar artık teklifinizle aynı kalemleri ve teklif numarasını içeriyor.' },
  },
  {
    id: 'imp-wait',
    date: '2026-05-10',
    aspects: ['communication'],
    youSaid: { en: 'It took days to get an answer by email.', ar: 'استغرق الحصول على رد عبر البريد الإلكتروني أياماً.', de: 'Eine Antwort per E-Mail dauerte Tage.', es: 'Tardaban días en responder por correo electrónico.', fr: 'Il fallait des jours pour obtenir une réponse par e-mail.', ru: 'Ответа по электронной почте приходилось ждать несколько дней.', tr: 'E-postayla yanıt almak günler sürüyordu.' },
    weDid: { en: 'Live chat with our coordinators is open 08:00–20:00 Istanbul time, six days a week.', ar: 'الدردشة المباشرة مع منسقينا متاحة من 08:00 إلى 20:00 بتوقيت إسطنبول، ستة أيام في الأسبوع.', de: 'Der Live-Chat mit unseren Koordinatoren ist sechs Tage die Woche von 08:00 bis 20:00 Uhr Istanbuler Zeit geöffnet.', es: 'El chat en directo con nuestros coordinadores está abierto de 08:00 a 20:00, hora de Estambul, seis días a la semana.', fr: 'Le chat en direct avec nos coordinateurs est ouvert de 8 h à 20 h, heure d’Istanbul, six jours sur sept.', ru: 'Онлайн-чат с нашими координаторами работает с 08:00 до 20:00 по стамбульскому времени шесть дней в неделю.', tr: 'Koordinatörlerimizle canlı sohbet haftada altı gün, İstanbul saatiyle 08:00–20:00 arası açık.' },
  },
  {
    id: 'imp-aftercare',
    date: '2026-04-02',
    aspects: ['medical', 'communication'],
    youSaid: { en: 'After flying home I did not know whom to ask about my recovery.', ar: 'بعد عودتي لم أكن أعرف بمن أتواصل بشأن تعافيّ.', de: 'Nach dem Heimflug wusste ich nicht, wen ich zu meiner Genesung fragen sollte.', es: 'Al volver a casa no sabía a quién preguntar sobre mi recuperación.', fr: 'De retour chez moi, je ne savais pas à qui m’adresser pour ma convalescence.', ru: 'Вернувшись домой, я не знал(а), к кому обратиться по поводу восстановления.', tr: 'Eve döndükten sonra iyileşmemle ilgili kime soracağımı bilmiyordum.' },
    weDid: { en: 'Every patient now has a named aftercare nurse and video check-ups at 1 week, 1 month and 3 months.', ar: 'لكل مريض الآن ممرضة متابعة باسمها ومكالمات فيديو للمتابعة بعد أسبوع وشهر وثلاثة أشهر.', de: 'Jeder Patient hat jetzt eine feste Nachsorge-Pflegekraft und Video-Kontrollen nach 1 Woche, 1 Monat und 3 Monaten.', es: 'Cada paciente tiene ahora una enfermera de seguimiento asignada y controles por vídeo a la semana, al mes y a los tres meses.', fr: 'Chaque patient a désormais une infirmière de suivi attitrée et des contrôles vidéo à 1 semaine, 1 mois et 3 mois.', ru: 'Теперь у каждого пациента есть персональная медсестра и видеоконтроль через неделю, месяц и три месяца.', tr: 'Artık her hastanın adı belli bir bakım hemşiresi ve 1. hafta, 1. ay ve 3. ayda görüntülü kontrolleri var.' },
  },
];
