export const weights = {} as const;
