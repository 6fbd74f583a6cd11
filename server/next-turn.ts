/**
 * Resolves on the event loop's next turn (after pending I/O), so a long piece of work done in steps
 * lets other requests be answered between them (issue 15, promise 1: nobody waits).
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
