// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// A reader for the YAML subset Unity writes in scenes, prefabs and assets (`--- !u!<class> &<fileID>` documents of
// block mappings, compact sequences, flow mappings and plain scalars). Enough to check references; not a YAML parser.

export type YamlNode = string | null | YamlNode[] | { [key: string]: YamlNode };

export interface UnityObject {
  classId: number;
  fileId: string;
  type: string;
  body: { [key: string]: YamlNode };
}

export interface UnityFile {
  directives: string[];
  objects: UnityObject[];
}

interface Line {
  indent: number;
  text: string;
  number: number;
}

const DOCUMENT = /^--- !u!(\d+) &(-?\d+)( stripped)?$/;
const KEY = /^([^\s:#{}[\]\-'"][^:]*?|-[^\s:][^:]*?):(?:\s+(.*))?$/;

/** Parses a Unity YAML file; throws an Error naming the line on anything outside the subset. */
export function parseUnityYaml(text: string): UnityFile {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const directives: string[] = [];
  const objects: UnityObject[] = [];
  let i = 0;
  while (i < lines.length && lines[i].startsWith('%')) directives.push(lines[i++]);
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    const header = DOCUMENT.exec(lines[i]);
    if (!header) throw new Error(`line ${i + 1}: expected a "--- !u!<class> &<fileID>" document header, got "${lines[i]}"`);
    const start = ++i;
    while (i < lines.length && !lines[i].startsWith('--- ')) i++;
    const block: Line[] = [];
    for (let j = start; j < i; j++) {
      if (lines[j].trim() === '' || lines[j].trimStart().startsWith('#')) continue;
      block.push({ indent: lines[j].length - lines[j].trimStart().length, text: lines[j].trim(), number: j + 1 });
    }
    const root = parseBlock(block, 0, 0)[0];
    if (!root || typeof root !== 'object' || Array.isArray(root) || Object.keys(root).length !== 1) {
      throw new Error(`line ${start}: a document holds exactly one "TypeName:" mapping`);
    }
    const [type] = Object.keys(root);
    const body = root[type];
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error(`line ${start}: ${type} has no fields`);
    objects.push({ classId: Number(header[1]), fileId: header[2], type, body });
  }
  return { directives, objects };
}

// A mapping or sequence starting at lines[i] with this indentation; returns the node and the next line.
function parseBlock(lines: Line[], i: number, indent: number): [YamlNode, number] {
  if (i >= lines.length) return [null, i];
  if (lines[i].indent === indent && isItem(lines[i].text)) return parseSequence(lines, i, indent);
  return parseMapping(lines, i, indent);
}

function isItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function parseSequence(lines: Line[], i: number, indent: number): [YamlNode[], number] {
  const items: YamlNode[] = [];
  while (i < lines.length && lines[i].indent === indent && isItem(lines[i].text)) {
    const rest = lines[i].text.slice(1).trimStart();
    if (rest === '') {
      const [child, next] = parseBlock(lines, i + 1, lines[i + 1]?.indent ?? indent + 2);
      items.push(child);
      i = next;
    } else if (KEY.test(rest) && !rest.startsWith('{') && !rest.startsWith('[')) {
      // "- key: value" starts a mapping whose other keys sit two columns in.
      const inner: Line[] = [{ indent: indent + 2, text: rest, number: lines[i].number }];
      let j = i + 1;
      while (j < lines.length && lines[j].indent > indent) inner.push(lines[j++]);
      items.push(parseMapping(inner, 0, indent + 2)[0]);
      i = j;
    } else {
      items.push(parseInline(rest, lines[i].number));
      i++;
    }
  }
  return [items, i];
}

function parseMapping(lines: Line[], i: number, indent: number): [{ [key: string]: YamlNode }, number] {
  const map: { [key: string]: YamlNode } = {};
  while (i < lines.length && lines[i].indent >= indent) {
    const line = lines[i];
    if (line.indent > indent) throw new Error(`line ${line.number}: unexpected indentation`);
    if (isItem(line.text)) break;
    const match = KEY.exec(line.text);
    if (!match) throw new Error(`line ${line.number}: expected "key: value", got "${line.text}"`);
    const key = match[1];
    if (Object.prototype.hasOwnProperty.call(map, key)) throw new Error(`line ${line.number}: duplicate key "${key}"`);
    const value = match[2] ?? '';
    i++;
    if (value === '') {
      const next = lines[i];
      if (next && (next.indent > indent || (next.indent === indent && isItem(next.text)))) {
        const [child, after] = parseBlock(lines, i, next.indent);
        map[key] = child;
        i = after;
      } else {
        map[key] = null;
      }
      continue;
    }
    // Long plain scalars continue on more-indented lines.
    let text = value;
    while (i < lines.length && lines[i].indent > indent && !value.startsWith('{') && !value.startsWith('[')) text += ' ' + lines[i++].text;
    map[key] = parseInline(text, line.number);
  }
  return [map, i];
}

/** A flow mapping, flow sequence, quoted or plain scalar. */
export function parseInline(text: string, lineNumber = 0): YamlNode {
  let position = 0;
  const fail = (what: string): never => {
    throw new Error(`line ${lineNumber}: ${what} in "${text}"`);
  };
  const skip = () => {
    while (text[position] === ' ') position++;
  };
  const scalar = (stops: string): string => {
    skip();
    const quote = text[position];
    if (quote === '"' || quote === "'") {
      let out = '';
      position++;
      while (position < text.length) {
        const c = text[position++];
        if (c === quote) {
          if (quote === "'" && text[position] === "'") {
            out += "'";
            position++;
            continue;
          }
          return out;
        }
        if (c === '\\' && quote === '"') {
          const e = text[position++];
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          continue;
        }
        out += c;
      }
      return fail('unterminated quoted string');
    }
    const start = position;
    while (position < text.length && !stops.includes(text[position])) position++;
    return text.slice(start, position).trim();
  };
  const value = (stops: string): YamlNode => {
    skip();
    if (text[position] === '{') {
      position++;
      const map: { [key: string]: YamlNode } = {};
      skip();
      if (text[position] === '}') {
        position++;
        return map;
      }
      for (;;) {
        const key = scalar(':');
        if (text[position] !== ':') fail('expected ":" in a flow mapping');
        position++;
        map[key] = value(',}');
        skip();
        if (text[position] === ',') {
          position++;
          continue;
        }
        if (text[position] === '}') {
          position++;
          return map;
        }
        fail('expected "," or "}"');
      }
    }
    if (text[position] === '[') {
      position++;
      const list: YamlNode[] = [];
      skip();
      if (text[position] === ']') {
        position++;
        return list;
      }
      for (;;) {
        list.push(value(',]'));
        skip();
        if (text[position] === ',') {
          position++;
          continue;
        }
        if (text[position] === ']') {
          position++;
          return list;
        }
        fail('expected "," or "]"');
      }
    }
    return scalar(stops);
  };
  const result = value('');
  skip();
  if (position < text.length) fail('unexpected text after the value');
  return result;
}

/** Every `{fileID: …}` reference in a node, with the key path that holds it. */
export function references(node: YamlNode, path = ''): { path: string; fileID: string; guid?: string; type?: string }[] {
  if (node === null || typeof node === 'string') return [];
  if (Array.isArray(node)) return node.flatMap((item, index) => references(item, `${path}[${index}]`));
  if (typeof node.fileID === 'string') {
    const ref = { path, fileID: node.fileID, guid: typeof node.guid === 'string' ? node.guid : undefined, type: typeof node.type === 'string' ? node.type : undefined };
    return [ref];
  }
  return Object.entries(node).flatMap(([key, child]) => references(child, path ? `${path}.${key}` : key));
}
