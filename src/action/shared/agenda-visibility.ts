// An agenda item is hidden (internal) when its own type says so or when its parent is.
export const isHiddenItem = (type: unknown, parentHidden: unknown): boolean => type === "hidden" || Boolean(parentHidden);
export const isInternalItem = (type: unknown, parentInternal: unknown): boolean => type === "internal" || Boolean(parentInternal);
