import { z } from 'zod';

/** The process environment, parsed once at start-up so a typo fails loudly instead of at the first request. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('data/cxbench.db'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL must start with postgres://' })
    .optional(),
  /** Connections in the PostgreSQL pool of one process (issue 13); unused with SQLite. */
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Cookies get the Secure flag when the app is served over HTTPS. */
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For hop (sign-in limits per address). */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** E-mail (server/mail): smtp://user:pass@host:port (smtps:// for TLS from the start); unset = e-mail off, links shown to copy. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, { error: 'SMTP_URL must look like smtp://user:pass@host:port' }).optional(),
  MAIL_FROM: z.string().min(3).default('cxbench <no-reply@localhost>'),
  /** The absolute address of the app, for links in e-mails (e.g. https://cxbench.example.com). */
  APP_URL: z.url({ error: 'APP_URL must be an absolute URL such as https://cxbench.example.com' }).optional(),
  /** How much the structured log (pino, JSON lines on stdout) says; default info, silent in tests. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** The Bearer token a Prometheus scraper sends to GET /metrics; unset = no /metrics. */
  METRICS_TOKEN: z.string().min(16, { error: 'METRICS_TOKEN must be at least 16 characters' }).optional(),
  /** The Chromium that prints the board report's PDF (Debian's /usr/bin/chromium when unset). */
  CHROMIUM_PATH: z.string().min(1).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
