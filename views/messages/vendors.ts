export const vendors = {} as const;
