/** An array or a plain object that JSON.stringify would write member by member. */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * `JSON.stringify(value, null, 2)` of a value written at `indent`. Raw line breaks in its
 * output are only ever layout (line breaks in strings are escaped), so re-indenting is exact.
 */
function stringifyAt(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined || indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

function* containerChunks(
  value: Record<string, unknown> | unknown[],
  levels: number,
  indent: string,
): Generator<string> {
  const inner = `${indent}  `;
  const split = (member: unknown): member is Record<string, unknown> | unknown[] =>
    levels > 1 && isContainer(member);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (const [i, element] of value.entries()) {
      yield `${i === 0 ? '[' : ','}\n${inner}`;
      // An array keeps a place for what JSON has no value for (undefined, a function).
      if (split(element)) yield* containerChunks(element, levels - 1, inner);
      else yield stringifyAt(element, inner) ?? 'null';
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = value[key];
    let body: Iterable<string>;
    if (split(member)) body = containerChunks(member, levels - 1, inner);
    else {
      const text = stringifyAt(member, inner);
      // An object leaves out a member JSON has no value for.
      if (text === undefined) continue;
      body = [text];
    }
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* body;
  }
  yield first ? '{}' : `\n${indent}}`;
}

/**
 * The text of `JSON.stringify(value, null, 2)`, byte for byte, in pieces, so that no single
 * string has to hold a document larger than V8 allows one string to be (about 512 MiB). The
 * arrays and plain objects of the first `levels` levels (the value itself is level 1) are
 * written member by member; everything below them is one `JSON.stringify` each, re-indented.
 */
export function* jsonChunks(value: unknown, levels: number): Generator<string> {
  if (levels > 0 && isContainer(value)) yield* containerChunks(value, levels, '');
  else {
    const text = stringifyAt(value, '');
    if (text !== undefined) yield text;
  }
}
