/** The code with every non-ASCII character escaped, outside the raw text of tagged templates (see ascii-only.mjs). */
export function asciiOnly(code: string, file?: string): string
