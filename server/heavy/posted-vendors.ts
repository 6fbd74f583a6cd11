import type { RankVendor } from '../domain/types.js';

/**
 * The vendors of a task's inputs as one JSON text for the post to a pool thread (issue 15, promise
 * 1): a structured clone of the landscape's 14,000 vendor objects took about 20 ms of the loop at
 * load 10, while one string is copied whole. The text is the one the heavy key digests
 * (data-key.ts), made once per loaded list. A vendor is `{ id, name, price }` with a finite price
 * or null, which JSON gives back unchanged; a list with a price of -0 (JSON's 0) is cloned as before.
 */
const texts = new WeakMap<readonly RankVendor[], string>();
export function vendorsText(vendors: readonly RankVendor[]): string {
  let t = texts.get(vendors);
  if (t === undefined) texts.set(vendors, (t = JSON.stringify(vendors)));
  return t;
}

/** Below this many vendors the clone is cheaper than the text and its parse. */
const AS_TEXT_FROM = 1000;

type WithInputs = { inputs: { vendors: readonly RankVendor[] } };
const hasInputs = (task: object): task is WithInputs => 'inputs' in task && typeof task.inputs === 'object' && task.inputs !== null && Array.isArray((task.inputs as { vendors?: unknown }).vendors);

/** The task as posted: a long vendor list replaced by its text (`vendorsText` beside `vendors: []`). */
export function postedTask<T extends object>(task: T): T {
  if (!hasInputs(task) || task.inputs.vendors.length < AS_TEXT_FROM || task.inputs.vendors.some((v) => Object.is(v.price, -0))) return task;
  return { ...task, inputs: { ...task.inputs, vendors: [], vendorsText: vendorsText(task.inputs.vendors) } };
}

/** In the thread: the task with its vendors back as objects. */
export function receivedTask<T extends object>(task: T): T {
  if (!hasInputs(task)) return task;
  const { vendorsText: text, ...inputs } = task.inputs as WithInputs['inputs'] & { vendorsText?: string };
  return text === undefined ? task : { ...task, inputs: { ...inputs, vendors: JSON.parse(text) as RankVendor[] } };
}
