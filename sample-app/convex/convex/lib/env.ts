/** Reads a deployment environment variable that an action needs, failing clearly when unset. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run \`npx convex env set ${name} <value>\``);
  }
  return value;
}
