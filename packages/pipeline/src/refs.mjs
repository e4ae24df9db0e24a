// @ts-check
// Local `$ref`s of a bundled OpenAPI document: every generator of the pipeline reads through them.

/**
 * A function that follows `node`'s local `$ref` (and the `$ref` it lands on, up to 32 deep) in `doc`.
 * @example
 * const resolve = resolver(doc);
 * resolve({ $ref: "#/components/schemas/VoiceLog" }) // { anyOf: [...] }
 * @param {any} doc a bundled OpenAPI document
 * @returns {(node: any) => any}
 */
export function resolver(doc) {
  return (node) => {
    for (let seen = 0; node?.$ref && seen < 32; seen++) {
      node = node.$ref
        .slice(2)
        .split("/")
        .reduce(
          (/** @type {any} */ at, /** @type {string} */ key) =>
            at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")],
          doc,
        );
    }
    return node;
  };
}

/**
 * Each response body schema of each operation: `[operation, status, schema]`, where operation
 * is `"GET /logs/{id}"` (as the client keys them) and the schema is the `application/json` one.
 * @example
 * for (const [operation, status, schema] of responseSchemas(doc)) console.log(operation, status);
 * @param {any} doc a bundled OpenAPI document
 * @returns {Generator<[operation: string, status: string, schema: any, operationId: string | undefined]>}
 */
export function* responseSchemas(doc) {
  const resolve = resolver(doc);
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(/** @type {Record<string, any>} */ (item))) {
      if (typeof operation !== "object" || !operation?.responses) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        const schema = resolve(response)?.content?.["application/json"]?.schema;
        if (schema) yield [`${method.toUpperCase()} ${path}`, status, schema, operation.operationId];
      }
    }
  }
}
