// The request body of /system/action/handle_request (spec action-service 2.4) and the check of
// one action's data item (3.2 a).
import { SCHEMA_VERSION } from "./schemas.js";
import { compileSchema, type JsonSchema } from "./validator.js";

export const ACTION_PAYLOAD_SCHEMA: JsonSchema = {
  $schema: SCHEMA_VERSION,
  title: "Schema for action API",
  description: "An array of actions",
  type: "array",
  items: {
    type: "object",
    properties: {
      action: { description: "Name of the action to be performed on the server", type: "string", minLength: 1 },
      data: { $schema: SCHEMA_VERSION, title: "Action data", type: "array", items: { type: "object" } },
    },
    required: ["action", "data"],
    additionalProperties: false,
  },
};

const validatePayload = compileSchema(ACTION_PAYLOAD_SCHEMA);

/** Upstream's message for a malformed request body (`data must be array`, `data[0] must contain ['action', 'data'] properties`, ...). */
export function actionPayloadError(payload: unknown): string | undefined {
  return validatePayload(payload);
}

/** `Action <name>: <message>` when the item violates the action's schema, else undefined. */
export function actionDataError(actionName: string, schema: JsonSchema, item: unknown): string | undefined {
  const message = compileSchema(schema)(item);
  return message === undefined ? undefined : `Action ${actionName}: ${message}`;
}
