import { defineConfig } from 'prisma/config';

// The CLI is only used for `prisma generate` here: migrations are SQL files in
// prisma/migrations applied by scripts/db/migrate.ts (see ARCHITECTURE in README).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/cmonalternance' },
});
