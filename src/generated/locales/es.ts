
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's1bdf09a7f584dce9': `Ponte en contacto directamente con la clínica. (Equipo web: consulta la consola del navegador.)`,
's1d717c0ad566a87b': `Espera un momento y vuelve a intentarlo.`,
's3107e42f7cb6fe6f': `La clínica no pudo cargar esto ahora. Inténtalo de nuevo.`,
's3430230c8f6c8b0a': `Demasiados intentos`,
's6ebc9bd6feae62a3': `Cargando…`,
's859ce3bcefd17e37': `Parece que no tienes conexión`,
's8a979917269e979e': `La clínica no pudo aceptar esta solicitud. Inténtalo de nuevo.`,
's9b393c4391626c77': `Esto está tardando demasiado`,
'sac43f8ac1cfc19df': `La clínica no respondió a tiempo. Inténtalo de nuevo.`,
'sb9bd4f5a3810b77e': `Algo salió mal`,
'scd1dd6ff53d0d01a': `Reintentar`,
'se30079a6216d1f16': `Este servicio no está disponible en este momento`,
'se853d42aa3a15887': `Comprueba tu conexión a internet y vuelve a intentarlo.`,
'sf7bab97895af4576': `Algo no está bien`,
    };
  