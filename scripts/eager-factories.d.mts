/** The chunk with its eligible arrow module factories written as function expressions (see eager-factories.mjs). */
export function eagerFactories(code: string, file?: string): string
