
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's1bdf09a7f584dce9': `Veuillez contacter directement la clinique. (Équipe web : voir la console du navigateur.)`,
's1d717c0ad566a87b': `Patientez un instant, puis réessayez.`,
's3107e42f7cb6fe6f': `La clinique n’a pas pu charger ce contenu. Veuillez réessayer.`,
's3430230c8f6c8b0a': `Trop de tentatives`,
's6ebc9bd6feae62a3': `Chargement…`,
's859ce3bcefd17e37': `Vous semblez hors ligne`,
's8a979917269e979e': `La clinique n’a pas pu accepter cette demande. Veuillez réessayer.`,
's9b393c4391626c77': `Cela prend trop de temps`,
'sac43f8ac1cfc19df': `La clinique n’a pas répondu à temps. Veuillez réessayer.`,
'sb9bd4f5a3810b77e': `Un problème est survenu`,
'scd1dd6ff53d0d01a': `Réessayer`,
'se30079a6216d1f16': `Ce service n’est pas disponible pour le moment`,
'se853d42aa3a15887': `Vérifiez votre connexion Internet, puis réessayez.`,
'sf7bab97895af4576': `Quelque chose ne va pas`,
    };
  