
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's1bdf09a7f584dce9': `Bitte wenden Sie sich direkt an die Klinik. (Website-Team: Details in der Browser-Konsole.)`,
's1d717c0ad566a87b': `Bitte warten Sie einen Moment und versuchen Sie es dann erneut.`,
's3107e42f7cb6fe6f': `Die Klinik konnte dies gerade nicht laden. Bitte versuchen Sie es erneut.`,
's3430230c8f6c8b0a': `Zu viele Versuche`,
's6ebc9bd6feae62a3': `Wird geladen…`,
's859ce3bcefd17e37': `Sie scheinen offline zu sein`,
's8a979917269e979e': `Die Klinik konnte diese Anfrage nicht annehmen. Bitte versuchen Sie es erneut.`,
's9b393c4391626c77': `Das dauert zu lange`,
'sac43f8ac1cfc19df': `Die Klinik hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.`,
'sb9bd4f5a3810b77e': `Etwas ist schiefgelaufen`,
'scd1dd6ff53d0d01a': `Erneut versuchen`,
'se30079a6216d1f16': `Dieser Dienst ist gerade nicht verfügbar`,
'se853d42aa3a15887': `Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.`,
'sf7bab97895af4576': `Etwas stimmt nicht`,
    };
  