/**
 * The `evidence` option of the briefing's PDF and HTML editions: the file name of its companion
 * evidence document (a PDF document with `variant: evidence`), which the sources list names and
 * the HTML edition links to. A plain relative path: no folder above out/, no scheme, no spaces.
 */
import { z } from 'zod';

export const CompanionFile = z
  .string()
  .regex(/^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/u, 'a relative file name such as briefing-evidence.pdf')
  .describe(
    "The companion evidence file (a PDF document with `variant: evidence`), relative to the folder of this document's output: the chart data and the quoted sentences go there and the sources list names it. Without it they are the briefing's own annex.",
  );
