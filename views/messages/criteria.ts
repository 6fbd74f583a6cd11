export const criteria = {} as const;
