import { z } from "zod";
import type { ModelRequest } from "../provider/model-gateway.ts";

const schemaText = new WeakMap<z.ZodType, string>();

/**
 * Everything a call sends as input: system, prompt and the JSON Schema that goes out as the
 * structured-output response_format, which providers bill as input tokens too.
 */
export function requestInputText(request: Pick<ModelRequest, "system" | "prompt" | "schema">): string {
  let schema = schemaText.get(request.schema);
  if (schema === undefined) {
    schema = JSON.stringify(z.toJSONSchema(request.schema));
    schemaText.set(request.schema, schema);
  }
  return `${request.system}\n${request.prompt}\n${schema}`;
}
