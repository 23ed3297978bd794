import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new migration here after server/db/schema.ts changes.
// Never edit a released migration; add a new one.
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/schema.ts',
  out: './drizzle',
});
