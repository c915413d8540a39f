
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's1bdf09a7f584dce9': `Lütfen doğrudan klinikle iletişime geçin. (Web ekibi: ayrıntılar tarayıcı konsolunda.)`,
's1d717c0ad566a87b': `Lütfen biraz bekleyip tekrar deneyin.`,
's3107e42f7cb6fe6f': `Klinik şu anda bunu yükleyemedi. Lütfen tekrar deneyin.`,
's3430230c8f6c8b0a': `Çok fazla deneme`,
's6ebc9bd6feae62a3': `Yükleniyor…`,
's859ce3bcefd17e37': `Çevrimdışı görünüyorsunuz`,
's8a979917269e979e': `Klinik bu isteği kabul edemedi. Lütfen tekrar deneyin.`,
's9b393c4391626c77': `Bu çok uzun sürüyor`,
'sac43f8ac1cfc19df': `Klinik zamanında yanıt vermedi. Lütfen tekrar deneyin.`,
'sb9bd4f5a3810b77e': `Bir şeyler ters gitti`,
'scd1dd6ff53d0d01a': `Tekrar dene`,
'se30079a6216d1f16': `Bu hizmet şu anda kullanılamıyor`,
'se853d42aa3a15887': `İnternet bağlantınızı kontrol edip tekrar deneyin.`,
'sf7bab97895af4576': `Bir şeyler yolunda değil`,
    };
  