/**
 * SignalWire's Basic auth: `Authorization: Basic base64(project_id:token)`. The scheme name is
 * case-insensitive (RFC 7617); the credentials are compared exactly.
 */
const BASIC = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i;

export function isAuthorized(header: string | null, projectId: string, token: string): boolean {
  const encoded = header ? BASIC.exec(header)?.[1] : undefined;
  if (!encoded) return false;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon >= 0 && decoded.slice(0, colon) === projectId && decoded.slice(colon + 1) === token;
}
