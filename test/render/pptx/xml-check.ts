/**
 * A strict XML 1.0 well-formedness check (no DTDs): legal characters, one root, matched and
 * properly nested tags, quoted unique attributes, known entities. Returns the first problem.
 */

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/;

function illegalChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    if (c === 0xfffe || c === 0xffff) return i;
  }
  return -1;
}

function checkText(text: string, at: number): string | undefined {
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    if (!ENTITY.test(text.slice(i))) return `bad entity at ${at + i}`;
  }
  if (text.includes('<')) return `stray < at ${at}`;
  return undefined;
}

function checkAttributes(source: string, at: number): string | undefined {
  const seen = new Set<string>();
  let rest = source.trim();
  while (rest !== '') {
    const name = NAME.exec(rest)?.[0];
    if (!name) return `bad attribute name at ${at}: ${rest.slice(0, 20)}`;
    if (seen.has(name)) return `duplicate attribute ${name} at ${at}`;
    seen.add(name);
    const m = /^\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest.slice(name.length));
    if (!m) return `unquoted attribute ${name} at ${at}`;
    const problem = checkText(m[2] ?? m[3] ?? '', at);
    if (problem) return problem;
    const after = rest.slice(name.length + m[0].length);
    if (after !== '' && !/^\s/.test(after)) return `attributes not separated at ${at}`;
    rest = after.trim();
  }
  return undefined;
}

export function xmlProblem(xml: string): string | undefined {
  const bad = illegalChar(xml);
  if (bad !== -1) return `illegal character U+${xml.charCodeAt(bad).toString(16)} at ${bad}`;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') return `text outside the root at ${i}`;
    const problem = checkText(text, i);
    if (problem) return problem;
    if (lt === -1) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) return `unclosed processing instruction at ${lt}`;
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) return `unclosed comment at ${lt}`;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end === -1 || stack.length === 0) return `bad CDATA at ${lt}`;
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      return `DTD or declaration at ${lt}`;
    } else {
      const gt = xml.indexOf('>', lt);
      if (gt === -1) return `unclosed tag at ${lt}`;
      const body = xml.slice(lt + 1, gt);
      if (body.startsWith('/')) {
        const name = body.slice(1).trim();
        const open = stack.pop();
        if (open !== name) return `</${name}> closes <${open}> at ${lt}`;
      } else {
        const selfClosing = body.endsWith('/');
        const inner = selfClosing ? body.slice(0, -1) : body;
        const name = NAME.exec(inner)?.[0];
        if (!name) return `bad tag name at ${lt}`;
        const attrs = inner.slice(name.length);
        if (attrs !== '' && !/^\s/.test(attrs)) return `bad tag at ${lt}`;
        const problem = checkAttributes(attrs, lt);
        if (problem) return problem;
        if (stack.length === 0) roots++;
        if (roots > 1) return `second root element at ${lt}`;
        if (!selfClosing) stack.push(name);
      }
      i = gt + 1;
    }
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`;
  if (roots !== 1) return 'no root element';
  return undefined;
}
