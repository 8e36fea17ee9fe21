/** Where rule docs live; the one place a documentation URL is derived from a rule id. */
export const DOCS_BASE_URL = 'https://github.com/apigate/apigate/blob/main/docs/rules/';

export function ruleDocumentationUrl(ruleId: string): string | undefined {
  return ruleId.startsWith('apigate-') ? `${DOCS_BASE_URL}${ruleId}.md` : undefined;
}
