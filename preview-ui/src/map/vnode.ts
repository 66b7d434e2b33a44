// The map is drawn once as a small tree of SVG element descriptions, then made into DOM nodes
// (the page: createElementNS, setAttribute, textContent) or into markup (the command line's SVG
// export: every attribute value and text escaped). One drawing, two outputs, and neither parses
// user text as markup.

export interface VNode {
  readonly tag: string;
  readonly attrs?: Readonly<Record<string, string | number | undefined>>;
  /** Text content (set with textContent, or escaped into markup). */
  readonly text?: string;
  readonly children?: readonly VNode[];
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function h(tag: string, attrs?: VNode['attrs'], children?: readonly VNode[] | string): VNode {
  return typeof children === 'string' ? { tag, attrs, text: children } : { tag, attrs, children };
}

export function toDom(node: VNode, doc: Document = document): Element {
  const element = doc.createElementNS(SVG_NS, node.tag);
  if (node.attrs) for (const [name, value] of Object.entries(node.attrs)) if (value !== undefined) element.setAttribute(name, String(value));
  if (node.text !== undefined) element.textContent = node.text;
  if (node.children) for (const child of node.children) element.append(toDom(child, doc));
  return element;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for markup: `&`, `<`, `>` and quotes as entities; characters XML cannot hold at all are dropped. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export function toMarkup(node: VNode): string {
  const attrs = node.attrs
    ? Object.entries(node.attrs)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
        .join('')
    : '';
  const inner = node.text !== undefined ? escapeXml(node.text) : (node.children ?? []).map(toMarkup).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}
