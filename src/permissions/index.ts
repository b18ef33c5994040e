// The permission model shared by actions, presenters and autoupdate.
export * from "./errors.js";
export * from "./has-perm.js";
export * from "./management-levels.js";
export * from "./python-set-order.js";
export * from "./reader.js";
export * from "./user-scope.js";
