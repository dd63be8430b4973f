// Convex exposes the deployment's environment variables (set with `npx convex env set`) as
// `process.env`. Declared here so that the functions typecheck without @types/node; remove this
// declaration if the project adds @types/node.
declare const process: { readonly env: Record<string, string | undefined> };
