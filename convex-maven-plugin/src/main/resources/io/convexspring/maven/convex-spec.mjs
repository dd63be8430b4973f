// Produces a Convex project's function spec (the format of `npx convex function-spec`) and its
// schema export without a deployment: it bundles the functions folder with the esbuild that the
// project's `convex` package depends on, imports each module, and asks every registered function
// for its validators, as the backend does at deploy time. Object fields keep declaration order.
//
// usage: node convex-spec.mjs <projectDir> <functionsDir> <workDir>
// prints {"spec": "<JSON text>", "schema": "<JSON text>" | null} on stdout; on failure prints one line on
// stderr and exits with 2.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [projectDir, functionsDir, workDir] = process.argv.slice(2);

function fail(message) {
  process.stderr.write(message + "\n");
  process.exit(2);
}

const ENTRY_POINT_EXTENSIONS = [".js", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".jsx"];

// The CLI's rules (convex/src/bundler/index.ts, entryPoints()).
function entryPoints(dir) {
  const found = [];
  const walk = (current) => {
    if (current !== dir && fs.existsSync(path.join(current, "convex.config.ts"))) {
      return; // a component: deployed on its own
    }
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const rel = path.relative(dir, full);
      const base = entry.name;
      if (!ENTRY_POINT_EXTENSIONS.some((ext) => rel.endsWith(ext))) continue;
      if (rel.startsWith("_generated" + path.sep) || rel.startsWith("node_modules" + path.sep)) continue;
      if (base.startsWith(".") || base.startsWith("#")) continue;
      if (base === "schema.ts" || base === "schema.js") continue;
      if ((base.match(/\./g) || []).length > 1) continue;
      if (rel.includes(" ")) continue;
      if (base.endsWith(".d.ts")) continue;
      found.push(full);
    }
  };
  walk(dir);
  return found;
}

function schemaFile(dir) {
  for (const name of ["schema.ts", "schema.js"]) {
    if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

// The JSDoc right before `export const name` (or `export default`), for the generated Javadoc.
function jsDocs(source) {
  const docs = new Map();
  const pattern = /\/\*\*((?:[^*]|\*(?!\/))*)\*\/\s*export\s+(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)|(default)\b)/g;
  for (const match of source.matchAll(pattern)) {
    const text = match[1]
      .split("\n")
      .map((line) => line.replace(/^\s*\*? ?/, "").trimEnd())
      .join("\n")
      .trim();
    docs.set(match[2] ?? "default", text);
  }
  return docs;
}

function modulePath(file) {
  const rel = path.relative(functionsDir, file).split(path.sep).join("/");
  return rel.replace(/\.[^./]+$/, "") + ".js";
}

let esbuild;
try {
  const convexRequire = createRequire(path.join(projectDir, "node_modules", "convex", "package.json"));
  esbuild = convexRequire("esbuild");
} catch (error) {
  fail(`cannot load esbuild from the project's convex package (${error.message}): run \`npm ci\` in ${projectDir}`);
}

const entries = entryPoints(functionsDir);
const schemaEntry = schemaFile(functionsDir);
const outdir = path.join(workDir, "bundle");
fs.rmSync(outdir, { recursive: true, force: true });
const all = schemaEntry ? [...entries, schemaEntry] : entries;
try {
  await esbuild.build({
    entryPoints: all.map((file) => ({ in: file, out: path.relative(functionsDir, file).replace(/\.[^./]+$/, "") })),
    bundle: true,
    format: "esm",
    platform: "node",
    packages: "external",
    conditions: ["convex", "module"],
    outdir,
    outExtension: { ".js": ".mjs" },
    write: true,
    logLevel: "silent",
    absWorkingDir: projectDir,
  });
} catch (error) {
  const first = error.errors?.[0];
  const where = first?.location ? `${first.location.file}:${first.location.line}: ` : "";
  fail(`the Convex functions do not build: ${where}${first?.text ?? error.message}`);
}

async function load(file) {
  const out = path.join(outdir, path.relative(functionsDir, file).replace(/\.[^./]+$/, "") + ".mjs");
  try {
    return await import(pathToFileURL(out).href);
  } catch (error) {
    fail(`module ${path.relative(functionsDir, file)} fails to load: ${error?.message ?? error}`);
  }
}

const kinds = [["isQuery", "Query"], ["isMutation", "Mutation"], ["isAction", "Action"]];
const functions = [];
for (const file of entries) {
  const module = await load(file);
  const docs = jsDocs(fs.readFileSync(file, "utf8"));
  const identifierBase = modulePath(file);
  for (const name of Object.keys(module).sort()) {
    const exported = module[name];
    if (exported === null || (typeof exported !== "object" && typeof exported !== "function")) continue;
    if (exported.isRouter === true && name === "default" && identifierBase === "http.js") {
      for (const [routePath, method] of exported.getRoutes()) {
        functions.push({ functionType: "HttpAction", method, path: routePath });
      }
      continue;
    }
    const flags = kinds.filter(([flag]) => exported[flag] === true);
    if (flags.length !== 1 || typeof exported.exportArgs !== "function") continue;
    const entry = {
      args: JSON.parse(exported.exportArgs()),
      functionType: flags[0][1],
      identifier: `${identifierBase}:${name}`,
      returns: JSON.parse(exported.exportReturns()),
      visibility: { kind: exported.isInternal === true ? "internal" : "public" },
    };
    if (docs.has(name)) entry.docs = docs.get(name);
    functions.push(entry);
  }
}

let schema = null;
if (schemaEntry) {
  const module = await load(schemaEntry);
  if (module.default && typeof module.default.export === "function") {
    schema = JSON.parse(module.default.export());
  }
}

// deterministic: functions by identifier, then HTTP routes by path and method
const key = (f) => f.identifier ?? `~${f.path} ${f.method}`;
functions.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
// pretty-printed as `npx convex function-spec` prints, so the files read well in reviews
process.stdout.write(JSON.stringify({
  spec: JSON.stringify({ functions }, null, 2) + "\n",
  schema: schema === null ? null : JSON.stringify(schema, null, 2) + "\n",
}));
