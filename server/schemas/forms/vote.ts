import { z } from 'zod';

/**
 * A stakeholder's vote form: the method (an unknown one is read as `points`, as the page always
 * has) and, for the ranking without JavaScript, the ↑/↓ button pressed (`move`). The method's own
 * fields (`p.<id>`, `r.<id>`, `k.<id>`, `a.<id>.<id>`) depend on the evaluation's criteria: the route
 * builds the API's vote body from them and the service checks it, as it does the API's.
 */
export const VoteFormSchema = z.object({ method: z.enum(['points', 'rating', 'rank', 'ahp']).catch('points'), move: z.string().optional() });
