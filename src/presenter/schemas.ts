// Schema pieces shared by several presenters (spec presenter A4).
export const ID_SCHEMA = { type: "integer", minimum: 1 } as const;
export const ID_LIST_SCHEMA = { type: "array", items: ID_SCHEMA, uniqueItems: true } as const;
export const STRING_LIST_SCHEMA = { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true } as const;
