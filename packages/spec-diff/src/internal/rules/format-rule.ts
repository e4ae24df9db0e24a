import { getAt, splitPointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../parsed-spec.js";
import { valuesOf } from "../values.js";
import { inRequest, type RuleInput, type Verdict, where } from "./rule.js";

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const numberFormats = new Set(["int32", "int64", "float", "double"]);

/**
 * A numeric `format` (int32, int64, float, double) added to an integer or number. The generated
 * TypeScript type is `number` before and after (openapi-typescript ignores these formats) and the
 * generated client (openapi-fetch) validates nothing, so no caller's code changes: the engine's
 * "constraint changed" (major) is overruled. What remains is what a validator built from the
 * spec (ajv-formats) would now refuse:
 * - float, double: nothing (ajv-formats accepts any number; a JavaScript number is a double);
 * - int64 on an integer: nothing a JavaScript number can hold exactly;
 * - int32 on an integer whose own bounds already lie inside ±2^31: nothing;
 * - int32 past its bounds, or int32/int64 on a `number`: a request value the format excludes
 *   (2^31, or 1.5) is refused by such a validator. Minor, not major: no TypeScript code stops
 *   compiling, and the format writes down the server's field (a value past 32 bits never
 *   worked), it does not introduce a limit. Not patch either: the contract a validating caller
 *   checks against has changed, and it should hear of it.
 * Everything else is patch: documentation of a limit the generated types do not show.
 */
export function numberFormatAdded(input: RuleInput): Verdict | undefined {
  const { change } = input;
  const format = change.revision?.value;
  if (change.property !== "format" || change.base?.value !== undefined || typeof format !== "string")
    return undefined;
  if (!numberFormats.has(format)) return undefined;
  const schema = schemaOf(input.head, change.revision?.pointer);
  const types = valuesOf(schema?.type);
  if (!schema || types.length === 0 || !types.every((type) => type === "integer" || type === "number"))
    return undefined;
  const integral = format === "int32" || format === "int64";
  const refuses =
    inRequest(input) &&
    ((integral && types.includes("number")) || (format === "int32" && !withinInt32(schema)));
  return {
    severity: refuses ? "minor" : "patch",
    kind: "number-format-added",
    message: `${where(input)}: \`format: ${format}\` was added; the generated type stays \`number\`${
      refuses ? `, but a validator built from the spec now refuses values outside ${format}` : ""
    }.`,
  };
}

function schemaOf(doc: JsonObject, pointer: string | undefined): JsonObject | undefined {
  if (pointer === undefined) return undefined;
  const segments = splitPointer(pointer);
  const node = getAt(doc, segments.at(-1) === "format" ? segments.slice(0, -1) : segments);
  return isObject(node) ? node : undefined;
}

function withinInt32(schema: JsonObject): boolean {
  const low = [schema.minimum, schema.exclusiveMinimum].find((bound) => typeof bound === "number");
  const high = [schema.maximum, schema.exclusiveMaximum].find((bound) => typeof bound === "number");
  return typeof low === "number" && typeof high === "number" && low >= int32.min && high <= int32.max;
}
