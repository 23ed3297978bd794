// The process's total duration for the widget's timeline ("5 weeks"), from the steps' durations
// in words: only when every step has one of the form "<number> <unit>" in one unit (week/weeks,
// week/weken: the same first two letters). Anything else (a range, "a few days", mixed units)
// gives no total rather than a wrong one.
export function processTotal(durations: (string | undefined)[]): string | undefined {
  let sum = 0;
  let one: string | undefined;
  let many: string | undefined;
  for (const d of durations) {
    const m = /^(\d+)\s+(\p{L}+)$/u.exec(d?.trim() ?? '');
    if (!m || (one ?? many ?? m[2]).slice(0, 2).toLowerCase() !== m[2].slice(0, 2).toLowerCase()) return undefined;
    sum += +m[1];
    if (m[1] === '1') one = m[2];
    else many = m[2];
  }
  const unit = sum === 1 ? one : many;
  return sum && unit ? `${sum} ${unit}` : undefined;
}
