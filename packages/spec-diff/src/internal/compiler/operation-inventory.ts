import { deref } from "../describe.js";
import { HTTP_METHODS } from "../directions.js";
import { getAt, joinPointer, splitPointer } from "../json-pointer.js";
import { isObject, type Json, type JsonObject } from "../parsed-spec.js";

/** The parameter locations openapi-typescript gives a type each: `parameters[in]`. */
export const parameterLocations = ["path", "query", "header", "cookie"] as const;
export type ParameterLocation = (typeof parameterLocations)[number];

/** What one operation declares, as far as its generated type has parts to compare. */
export interface OperationShape {
  /** `GET /logs`, or `POST webhooks/callStatus` for a webhook. */
  key: string;
  /**
   * `paths`, or `webhooks`: requests SignalWire sends to the user's server, whose code receives
   * the request and sends the response, so the checker turns each flow around.
   */
  root: "paths" | "webhooks";
  /** The path (`/logs`), or the webhook's name. */
  path: string;
  method: string;
  /** `#/paths/~1logs/get` */
  pointer: string;
  /** The key of its type in the generated `operations`, when it has one. */
  operationId?: string;
  /** Locations with at least one parameter (path-level ones included). */
  parameters: Set<ParameterLocation>;
  hasRequestBody: boolean;
  /** Status code → the content types its response declares. */
  responses: Map<string, string[]>;
  /** The status codes whose response declares headers. */
  responseHeaders: Set<string>;
  /** Every component (`#/components/schemas/Log`) the operation reaches through `$ref`s. */
  components: Set<string>;
}

/**
 * Every operation of a bundled document, by `METHOD /path`, with the parts its generated type
 * has and the components it reaches: what the checker compares, and how a rule's change in a
 * component is traced to the operations that use it.
 *
 * @example
 * ```ts
 * const shape = operationInventory(doc).get("GET /logs");
 * shape?.responses.get("200"); // ["application/json"]
 * ```
 */
export function operationInventory(doc: JsonObject): Map<string, OperationShape> {
  const found = new Map<string, OperationShape>();
  const reach = reachability(doc);
  for (const { root, path, method, item, operation } of everyOperation(doc)) {
    const key = `${method.toUpperCase()} ${root === "paths" ? path : `webhooks/${path}`}`;
    const parameters = new Set<ParameterLocation>();
    for (const raw of [...list(item.parameters), ...list(operation.parameters)]) {
      const location = resolve(doc, raw)?.in;
      if (parameterLocations.includes(location as ParameterLocation)) {
        parameters.add(location as ParameterLocation);
      }
    }
    const responses = new Map<string, string[]>();
    const responseHeaders = new Set<string>();
    const declared = isObject(operation.responses) ? operation.responses : {};
    for (const [status, raw] of Object.entries(declared)) {
      const response = resolve(doc, raw);
      responses.set(status, isObject(response?.content) ? Object.keys(response.content) : []);
      if (isObject(response?.headers) && Object.keys(response.headers).length > 0)
        responseHeaders.add(status);
    }
    const components = new Set<string>();
    for (const part of [item.parameters, operation.parameters, operation.requestBody, operation.responses]) {
      reach(part, components);
    }
    found.set(key, {
      key,
      root,
      path,
      method,
      pointer: joinPointer([root, path, method]),
      ...(typeof operation.operationId === "string" ? { operationId: operation.operationId } : {}),
      parameters,
      hasRequestBody: operation.requestBody !== undefined,
      responses,
      responseHeaders,
      components,
    });
  }
  return found;
}

/** The operations of `paths` and of `webhooks` (OpenAPI 3.1), with their path items. */
function* everyOperation(doc: JsonObject) {
  for (const root of ["paths", "webhooks"] as const) {
    const items = isObject(doc[root]) ? doc[root] : {};
    for (const [path, raw] of Object.entries(items)) {
      const item = resolve(doc, raw);
      if (!item) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (isObject(operation)) yield { root, path, method, item, operation };
      }
    }
  }
}

const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);

/** The object itself, or the one its internal `$ref` names (bundles have no other kind). */
function resolve(doc: JsonObject, node: Json | undefined): JsonObject | undefined {
  const target = deref(doc, node);
  return isObject(target) ? target : undefined;
}

/** Adds to `into` every component a node reaches, following `$ref`s through components. */
function reachability(doc: JsonObject): (node: Json | undefined, into: Set<string>) => void {
  const visit = (node: Json | undefined, into: Set<string>): void => {
    if (Array.isArray(node)) for (const entry of node) visit(entry, into);
    if (!isObject(node)) return;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/components/")) {
      const component = joinPointer(splitPointer(node.$ref).slice(0, 3));
      if (into.has(component)) return;
      into.add(component);
      visit(getAt(doc, splitPointer(component)), into);
      return;
    }
    for (const value of Object.values(node)) visit(value, into);
  };
  return visit;
}
