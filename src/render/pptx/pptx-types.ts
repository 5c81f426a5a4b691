/**
 * The pptxgenjs boundary: its ESM build has only a default export whose type TypeScript
 * cannot `new` (TS2351, STACK.md), so the constructor is cast once here.
 */
import type p from 'pptxgenjs';

export type Pptx = InstanceType<typeof p.default>;
export type PptxSlide = ReturnType<Pptx['addSlide']>;
export type TextProps = p.default.TextProps;
export type TextPropsOptions = p.default.TextPropsOptions;
export type ChartOpts = p.default.IChartOpts;
export type TableRow = p.default.TableRow;
export type TableCell = p.default.TableCell;
export type PptxConstructor = new () => Pptx;

/** Imported on first use: a command that makes no deck does not pay for pptxgenjs. */
export async function loadPptxGenJS(): Promise<PptxConstructor> {
  const module = await import('pptxgenjs');
  return module.default as unknown as PptxConstructor;
}

/** "#0B3C5D" → "0B3C5D", the form pptxgenjs takes. */
export const hex = (colour: string): string => colour.replace(/^#/, '').toUpperCase();
