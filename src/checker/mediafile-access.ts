// Who may see a meeting mediafile: its own access groups narrowed by what the parent folder
// allows. No groups anywhere means public unless the parent is known to be restricted.
export function inheritedAccess(
  accessGroupIds: readonly number[] | null | undefined,
  parentIsPublic: boolean | null | undefined,
  parentInherited: readonly number[] | null | undefined,
): [isPublic: boolean, inheritedAccessGroupIds: number[]] {
  const own = accessGroupIds ?? [];
  const fromParent = parentInherited ?? [];
  if (fromParent.length > 0 && own.length > 0) return [false, own.filter((id) => fromParent.includes(id))];
  if (own.length > 0) return [false, parentIsPublic === false ? [] : [...own]];
  if (fromParent.length > 0) return [false, [...fromParent]];
  return [parentIsPublic !== false, []];
}
