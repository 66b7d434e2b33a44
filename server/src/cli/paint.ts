// Terminal colours, only when wanted (a TTY without NO_COLOR, or --color).
export type Paint = (text: string) => string;

export function paint(enabled: boolean) {
  const wrap = (open: number, close: number): Paint => (text) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    cyan: wrap(36, 39),
  };
}

export function wantsColor(option: boolean | undefined, stream: { isTTY?: boolean }): boolean {
  if (option !== undefined) return option;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
