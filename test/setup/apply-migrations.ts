import { applyD1Migrations, env } from "cloudflare:test";

// The real migrations, applied to the pool's real (local) D1 before tests.
// applyD1Migrations is idempotent, so every test file may call it.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
