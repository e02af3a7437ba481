// Documents as the fuzzer builds them: plain JSON values plus `Raw` pieces of text that JSON.stringify
// cannot write (NaN, Infinity, 1e400, 30-digit integers, deep nesting), written out by `toJsonText`; and
// how a generated file is encoded on disk (UTF-8, with a byte-order mark, UTF-16, Latin-1).
import { writeFileSync } from 'node:fs';

/** Text written into the JSON as it is: `NaN`, `1e400`, `[[[[0]]]]`. */
export class Raw {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Doc = unknown;

/** JSON text of `value`, Raw pieces written verbatim, own `__proto__` keys kept; `indent` 0 for one line. */
export function toJsonText(value: Doc, indent = 0): string {
  const pad = (depth: number) => (indent > 0 ? '\n' + ' '.repeat(indent * depth) : '');
  const sep = indent > 0 ? ': ' : ':';
  const write = (v: Doc, depth: number): string => {
    if (v instanceof Raw) return v.text;
    if (v === undefined) return 'null';
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return '[' + v.map((x) => pad(depth + 1) + write(x, depth + 1)).join(',') + pad(depth) + ']';
    }
    if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length === 0) return '{}';
      return '{' + keys.map((k) => pad(depth + 1) + JSON.stringify(k) + sep + write((v as Record<string, Doc>)[k], depth + 1)).join(',') + pad(depth) + '}';
    }
    // -0 is written as text so that the file really holds it (JSON.stringify writes 0).
    if (Object.is(v, -0)) return '-0';
    return JSON.stringify(v) ?? 'null';
  };
  return write(value, 0);
}

/** Set a key as an own, enumerable property, even `__proto__`. */
export function defineKey(target: Record<string, Doc>, key: string, value: Doc): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const isObject = (v: Doc): v is Record<string, Doc> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Raw);

/** A deep copy of a document (Raw pieces shared, they are immutable). */
export function copyDoc(v: Doc): Doc {
  if (Array.isArray(v)) return v.map(copyDoc);
  if (isObject(v)) {
    const out: Record<string, Doc> = {};
    for (const k of Object.keys(v)) defineKey(out, k, copyDoc(v[k]));
    return out;
  }
  return v;
}

/** Where a document can be changed: object keys and list indexes. */
export type DocPath = readonly (string | number)[];

/** Every path in `doc` (the root excluded), parents before children. */
export function docPaths(doc: Doc, at: DocPath = []): DocPath[] {
  const out: DocPath[] = [];
  if (Array.isArray(doc)) doc.forEach((x, i) => out.push([...at, i], ...docPaths(x, [...at, i])));
  else if (isObject(doc)) for (const k of Object.keys(doc)) out.push([...at, k], ...docPaths(doc[k], [...at, k]));
  return out;
}

export function getAt(doc: Doc, path: DocPath): Doc {
  let v = doc;
  for (const k of path) {
    if (Array.isArray(v) && typeof k === 'number') v = v[k];
    else if (isObject(v) && typeof k === 'string' && Object.hasOwn(v, k)) v = v[k];
    else return undefined;
  }
  return v;
}

/** `doc` with `value` at `path` (objects created where missing or not objects); `doc` is not changed. */
export function setAt(doc: Doc, path: DocPath, value: Doc): Doc {
  if (path.length === 0) return value;
  const [k, ...rest] = path;
  if (typeof k === 'number' && Array.isArray(doc)) {
    const out = doc.slice();
    out[Math.min(k, out.length)] = setAt(doc[k], rest, value);
    return out;
  }
  const out = isObject(doc) ? (copyDoc(doc) as Record<string, Doc>) : {};
  defineKey(out, String(k), setAt(isObject(doc) && Object.hasOwn(doc, String(k)) ? doc[String(k)] : undefined, rest, value));
  return out;
}

/** `doc` without the key or item at `path`. */
export function deleteAt(doc: Doc, path: DocPath): Doc {
  if (path.length === 0) return undefined;
  const parent = getAt(doc, path.slice(0, -1));
  const last = path[path.length - 1];
  let changed: Doc;
  if (Array.isArray(parent) && typeof last === 'number') changed = parent.filter((_, i) => i !== last);
  else if (isObject(parent)) {
    const out: Record<string, Doc> = {};
    for (const k of Object.keys(parent)) if (k !== last) defineKey(out, k, parent[k]);
    changed = out;
  } else return doc;
  return setAt(doc, path.slice(0, -1), changed);
}

/** How a file's text is turned into bytes. */
export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16le-bom' | 'utf16be-bom' | 'latin1';

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be-bom': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    case 'latin1':
      return Buffer.from(text, 'latin1');
  }
}

/** A file the fuzzer writes: its text and encoding. */
export interface FileSpec {
  text: string;
  encoding: Encoding;
}

export function writeSpec(path: string, spec: FileSpec): void {
  writeFileSync(path, encode(spec.text, spec.encoding));
}
