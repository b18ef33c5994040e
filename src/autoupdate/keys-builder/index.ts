// The key request language of autoupdate (spec autoupdate-and-streaming.md 3): parse and
// validate requests, then expand them against a (restricted) source of values.
export { parseKeyRequests, requestsFromKeys, TooManyIdsError } from "./parse.js";
export { PersonalValue, expandKeys, expandKeysInSlices, type DeferredRequest, type Expansion, type FieldKey, type KeyValueSource } from "./expand.js";
export { KeyRequestError, type KeyRequestErrorType } from "./errors.js";
export type { FieldDescriptor, FieldMap, KeyRequest } from "./request.js";
export { unrestrictedSource, type FieldReader } from "./state-source.js";
