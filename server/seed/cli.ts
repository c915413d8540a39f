/** `npm run seed`: migrate and seed the configured database (DATABASE_URL or PGlite `.data/`) when empty. */
import { openDb } from '../db/index.js';
import { DEMO_STAFF_TOKEN, seedIfEmpty } from './index.js';

const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.PRM_DATA_DIR ?? '.data' });
console.log((await seedIfEmpty(db)) ? `Seeded. Demo staff token (dev only): ${DEMO_STAFF_TOKEN}` : 'Database already has clinics; nothing seeded.');
await db.close();
