import { runHeavy, type HeavyTask } from './tasks.js';

// A pool thread (ADR 017): runs one heavy task on the structured-cloned inputs and returns plain data.
export default function run(task: HeavyTask): unknown {
  return runHeavy(task);
}
