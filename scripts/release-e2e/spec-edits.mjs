// @ts-check
// The two upstream spec changes release:e2e plays, as edits of the YAML text (so the rest of
// the document stays byte for byte as SignalWire wrote it, as a real new revision would).
// Each throws, saying what it looked for, when the spec no longer has that shape.

/**
 * @param {string[]} lines
 * @param {RegExp} pattern
 * @param {number} from
 * @param {number} until index where the search stops (exclusive)
 */
function find(lines, pattern, from = 0, until = lines.length) {
  for (let index = from; index < until; index += 1) if (pattern.test(lines[index] ?? "")) return index;
  return -1;
}

/** The index after the last line indented deeper than `indent`, from `start + 1`. @param {string[]} lines @param {number} start @param {number} indent */
function blockEnd(lines, start, indent) {
  let index = start + 1;
  while (index < lines.length) {
    const line = lines[index] ?? "";
    if (line.trim() !== "" && line.length - line.trimStart().length <= indent) break;
    index += 1;
  }
  return index;
}

const escapeRegExp = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Adds an optional query parameter to `paths[path][method].parameters`, first in the list, its
 * schema a `$ref` to a component schema.
 *
 * @example
 * addQueryParameter(spec, { path: "/logs", method: "get", name: "direction",
 *   description: "Only logs in this direction.", schemaRef: "#/components/schemas/VoiceDirection" })
 *
 * @param {string} text
 * @param {{ path: string; method: string; name: string; description: string; schemaRef: string }} parameter
 */
export function addQueryParameter(text, { path, method, name, description, schemaRef }) {
  const lines = text.split("\n");
  const where = `paths['${path}'].${method}.parameters`;
  const pathLine = find(lines, new RegExp(`^  ['"]?${escapeRegExp(path)}['"]?:\\s*$`));
  if (pathLine === -1) throw new Error(`The spec has no \`${path}\` under paths (looked for ${where}).`);
  const pathEnd = blockEnd(lines, pathLine, 2);
  const methodLine = find(lines, new RegExp(`^    ${method}:\\s*$`), pathLine + 1, pathEnd);
  if (methodLine === -1)
    throw new Error(`The spec has no ${method} operation on ${path} (looked for ${where}).`);
  const methodEnd = blockEnd(lines, methodLine, 4);
  const listLine = find(lines, /^ {6}parameters:\s*$/, methodLine + 1, methodEnd);
  if (listLine === -1)
    throw new Error(`${method.toUpperCase()} ${path} has no parameters list (looked for ${where}).`);
  if (find(lines, new RegExp(`^\\s*- name: ${escapeRegExp(name)}\\s*$`), listLine + 1, methodEnd) !== -1) {
    throw new Error(`${where} already has a parameter named ${name}.`);
  }
  const item = /^(\s*)- /.exec(lines[listLine + 1] ?? "")?.[1] ?? "        ";
  const inner = `${item}  `;
  lines.splice(
    listLine + 1,
    0,
    `${item}- name: ${name}`,
    `${inner}in: query`,
    `${inner}description: ${description}`,
    `${inner}required: false`,
    `${inner}schema:`,
    `${inner}  $ref: '${schemaRef}'`,
  );
  return lines.join("\n");
}

/**
 * Removes one value from the `enum` of `components.schemas[schema]`.
 *
 * @example
 * removeEnumValue(spec, "VoiceLogStatus", "joined")
 *
 * @param {string} text
 * @param {string} schema
 * @param {string} value
 */
export function removeEnumValue(text, schema, value) {
  const lines = text.split("\n");
  const where = `components.schemas.${schema}.enum`;
  const schemasLine = find(lines, /^ {2}schemas:\s*$/);
  const schemaLine = find(lines, new RegExp(`^    ['"]?${escapeRegExp(schema)}['"]?:\\s*$`), schemasLine + 1);
  if (schemasLine === -1 || schemaLine === -1)
    throw new Error(`The spec has no ${schema} schema (looked for ${where}).`);
  const schemaEnd = blockEnd(lines, schemaLine, 4);
  const enumLine = find(lines, /^ {6}enum:\s*$/, schemaLine + 1, schemaEnd);
  if (enumLine === -1) throw new Error(`${schema} has no enum list (looked for ${where}).`);
  const enumEnd = blockEnd(lines, enumLine, 6);
  const values = lines.slice(enumLine + 1, enumEnd).filter((line) => /^\s*- /.test(line));
  const valueLine = find(
    lines,
    new RegExp(`^\\s*- ['"]?${escapeRegExp(value)}['"]?\\s*$`),
    enumLine + 1,
    enumEnd,
  );
  if (valueLine === -1) throw new Error(`${where} has no value ${JSON.stringify(value)}.`);
  if (values.length < 2) throw new Error(`${where} would be empty without ${JSON.stringify(value)}.`);
  lines.splice(valueLine, 1);
  return lines.join("\n");
}
