/** Model ids a store must file like any other: names objects already have, a NUL (the drafts' separator), a line break, the longest allowed. */
export const UNUSUAL_MODEL_IDS: readonly string[] = ['__proto__', 'constructor', 'toString', 'a\u0000b', 'line\nbreak', 'x'.repeat(512)];
