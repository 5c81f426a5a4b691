/**
 * On a log axis a figure is a dot, not a bar (scale-rule.ts), so its amount can sit beside the dot
 * instead of in a column at the plot's right edge: the plot then takes the chart's width less the
 * label column, where the column of amounts had left it a third of the chart (the Korea budgets:
 * 173 px of 520). A spec opts in with `usermeta.briefkit.scale.valuesBesideDots`; its text layer
 * that stands at the plot's edge (`"x": {"value": {"expr": "width"}}`) moves to the dot, on the
 * dot's right in the plot's left half and on its left in the right half, so no amount runs off
 * the plot. A linear chart keeps the column: its text would otherwise fall on its own bar.
 */
import { isObject, type JsonObject } from './spec-file.js';

/** Air between a dot (120 px² point) and its amount, px. */
const GAP = 10;

function atPlotEdge(node: JsonObject): boolean {
  const mark = node.mark;
  const type = typeof mark === 'string' ? mark : isObject(mark) ? mark.type : undefined;
  if (type !== 'text' || !isObject(node.encoding)) return false;
  const x = node.encoding.x;
  return isObject(x) && isObject(x.value) && x.value.expr === 'width';
}

/** The layer with its amount beside its dot, or the layer as it was when it is not an edge text. */
export function besideDot(node: JsonObject, field: string): JsonObject {
  if (!atPlotEdge(node) || !isObject(node.encoding)) return node;
  const right = `scale('x', datum[${JSON.stringify(field)}]) > width / 2`;
  const mark = isObject(node.mark) ? node.mark : {};
  return {
    ...node,
    mark: {
      ...mark,
      align: { expr: `${right} ? 'right' : 'left'` },
      dx: { expr: `${right} ? ${-GAP} : ${GAP}` },
    },
    encoding: { ...node.encoding, x: { field, type: 'quantitative' } },
  };
}
