/**
 * The HTML validator the browser tests share: html-validate with its recommended rules (the
 * WHATWG content models plus its accessibility and style checks), run on a whole document.
 */
import { HtmlValidate, type RuleConfig } from 'html-validate';

export interface ValidationMessage {
  rule: string;
  message: string;
  line: number;
  column: number;
}

/**
 * Every message html-validate gives for a document; `rules` switches single rules off or on
 * for one caller (say so in a comment where you do).
 */
export async function validateHtml(html: string, rules: RuleConfig = {}): Promise<ValidationMessage[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules });
  const report = await validator.validateString(html);
  return report.results.flatMap((result) =>
    result.messages.map((m) => ({ rule: m.ruleId, message: m.message, line: m.line, column: m.column })),
  );
}

/** The messages as lines a failed expectation can show. */
export function formatMessages(messages: ValidationMessage[]): string {
  return messages.map((m) => `${m.line}:${m.column} ${m.rule}: ${m.message}`).join('\n');
}
