export const ranking = {} as const;
