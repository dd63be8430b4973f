// Runs the official Convex codec (convex/values from the pinned `convex` npm package) on
// values sent by the Java test ConvexNodeInteropTests.
//
// stdin:  {"decode": [<wire value>, ...], "encode": [<typed value>, ...]}
// stdout: {"decoded": [...], "encoded": [...]}
//
//   decoded[i] = {"ok": true, "typed": <typed>, "reencoded": convexToJson(jsonToConvex(wire))}
//              | {"ok": false, "error": "<message thrown by the official codec>"}
//   encoded[i] = {"ok": true, "wire": convexToJson(<JS value built from the typed value>)}
//              | {"ok": false, "error": "<message thrown by the official codec>"}
//
// Typed values (the Java test builds and compares exactly these):
//   {"type":"null"}
//   {"type":"boolean","value":true}
//   {"type":"float64","value":"1.5"}       String(x); "NaN", "Infinity", "-Infinity", "-0"
//   {"type":"int64","value":"-42"}         decimal string of the bigint
//   {"type":"string","value":"..."}
//   {"type":"bytes","hex":"00ff"}          lowercase hex
//   {"type":"array","items":[<typed>...]}
//   {"type":"object","fields":{"name":<typed>, ...}}
//
// Exit status: 0 whenever the document was processed (codec errors are reported per entry);
// 2 on a harness failure (unreadable stdin, malformed request or typed value).

import { convexToJson, jsonToConvex } from "convex/values";

class HarnessError extends Error {}

function errorMessage(e) {
  return e instanceof Error ? e.message : String(e);
}

// ---------------------------------------------------------------------------
// JS value -> typed description

function describeFloat(x) {
  if (Object.is(x, -0)) {
    return "-0";
  }
  // String() already gives "NaN", "Infinity", "-Infinity" for the special values.
  return String(x);
}

function toHex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

function describe(v) {
  if (v === null) {
    return { type: "null" };
  }
  switch (typeof v) {
    case "boolean":
      return { type: "boolean", value: v };
    case "number":
      return { type: "float64", value: describeFloat(v) };
    case "bigint":
      return { type: "int64", value: v.toString(10) };
    case "string":
      return { type: "string", value: v };
    default:
      break;
  }
  if (v instanceof ArrayBuffer) {
    return { type: "bytes", hex: toHex(v) };
  }
  if (Array.isArray(v)) {
    return { type: "array", items: v.map(describe) };
  }
  if (typeof v === "object") {
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) {
      // A null-prototype object so that a field named "__proto__" stays an ordinary field.
      const fields = Object.create(null);
      for (const [k, fv] of Object.entries(v)) {
        fields[k] = describe(fv);
      }
      return { type: "object", fields };
    }
  }
  const name = v?.constructor?.name ?? typeof v;
  throw new Error(`jsonToConvex returned a value with no typed description: ${name} ${String(v)}`);
}

// ---------------------------------------------------------------------------
// typed description -> JS value

const SPECIAL_FLOATS = new Map([
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
  ["-0", -0],
]);

function isPlainJsonObject(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function requireString(t, key) {
  if (typeof t[key] !== "string") {
    throw new HarnessError(`typed ${t.type} needs a string "${key}": ${JSON.stringify(t)}`);
  }
  return t[key];
}

function parseFloat64(s) {
  if (SPECIAL_FLOATS.has(s)) {
    return SPECIAL_FLOATS.get(s);
  }
  const x = Number(s);
  if (s.trim() === "" || Number.isNaN(x)) {
    throw new HarnessError(`not a float64: ${JSON.stringify(s)}`);
  }
  return x;
}

function fromHex(hex) {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) {
    throw new HarnessError(`not a hex string: ${JSON.stringify(hex)}`);
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.substring(2 * i, 2 * i + 2), 16);
  }
  return bytes.buffer;
}

function build(t) {
  if (!isPlainJsonObject(t) || typeof t.type !== "string") {
    throw new HarnessError(`not a typed value: ${JSON.stringify(t)}`);
  }
  switch (t.type) {
    case "null":
      return null;
    case "boolean":
      if (typeof t.value !== "boolean") {
        throw new HarnessError(`typed boolean needs a boolean "value": ${JSON.stringify(t)}`);
      }
      return t.value;
    case "float64":
      return parseFloat64(requireString(t, "value"));
    case "int64": {
      const s = requireString(t, "value");
      if (!/^-?[0-9]+$/.test(s)) {
        throw new HarnessError(`not a decimal integer: ${JSON.stringify(s)}`);
      }
      // No range check here: the official encoder is the one to refuse values beyond int64.
      return BigInt(s);
    }
    case "string":
      return requireString(t, "value");
    case "bytes":
      return fromHex(requireString(t, "hex"));
    case "array":
      if (!Array.isArray(t.items)) {
        throw new HarnessError(`typed array needs "items": ${JSON.stringify(t)}`);
      }
      return t.items.map(build);
    case "object": {
      if (!isPlainJsonObject(t.fields)) {
        throw new HarnessError(`typed object needs "fields": ${JSON.stringify(t)}`);
      }
      const out = {};
      for (const [k, fv] of Object.entries(t.fields)) {
        // defineProperty keeps "__proto__" an own field instead of setting the prototype.
        Object.defineProperty(out, k, {
          value: build(fv),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    default:
      throw new HarnessError(`unknown typed value type ${JSON.stringify(t.type)}`);
  }
}

// ---------------------------------------------------------------------------

function decodeOne(wire) {
  try {
    const v = jsonToConvex(wire);
    return { ok: true, typed: describe(v), reencoded: convexToJson(v) };
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}

function encodeOne(typed) {
  // A malformed typed value is the test's own mistake: let it fail the harness.
  const value = build(typed);
  try {
    return { ok: true, wire: convexToJson(value) };
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
}

function listOf(request, key) {
  const list = request[key];
  if (list === undefined) {
    return [];
  }
  if (!Array.isArray(list)) {
    throw new HarnessError(`"${key}" must be an array`);
  }
  return list;
}

async function main() {
  let request;
  try {
    request = JSON.parse(await readStdin());
  } catch (e) {
    throw new HarnessError(`cannot read the request from stdin: ${errorMessage(e)}`);
  }
  if (!isPlainJsonObject(request)) {
    throw new HarnessError("the request must be a JSON object");
  }
  const decode = listOf(request, "decode");
  const encode = listOf(request, "encode");
  const response = {
    decoded: decode.map(decodeOne),
    encoded: encode.map(encodeOne),
  };
  process.stdout.write(JSON.stringify(response) + "\n");
}

main().catch((e) => {
  process.stderr.write(`interop.mjs: ${e instanceof HarnessError ? e.message : e?.stack ?? e}\n`);
  process.exitCode = 2;
});
