import { z } from 'zod';
import { Name } from '../common.js';
import { NewPassword } from '../accounts.js';

/** The join page's form: the name the panel sees and a new password. */
export const JoinSchema = z.object({ name: Name(100), password: NewPassword });
