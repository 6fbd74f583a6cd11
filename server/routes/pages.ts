import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { requirePageUser } from '../middleware/auth.js';
import { authPages } from './pages-auth.js';
import { homePages } from './pages-home.js';
import { overviewPages } from './pages-overview.js';

/** Every HTML page; each resource's pages live in their own module. */
export const pages = new Hono<AppEnv>();
pages.route('/', authPages);
pages.route('/', homePages);
pages.use('/evaluations/*', requirePageUser);
pages.route('/', overviewPages);
