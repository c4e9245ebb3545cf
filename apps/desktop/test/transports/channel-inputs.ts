import fc from 'fast-check';
import { z } from 'zod';

/** Strings a channel may well be handed: the plausible, the empty, and the hostile. */
export interface InputVocabulary {
  /** Loopback addresses of real test servers and of a closed port; never anything else. */
  urls: readonly string[];
  /** Keys to try, valid ones included, so that some calls get past the proxy's check. */
  keys: readonly string[];
}

const PLAUSIBLE = ['litellm', 'openrouter', 'custom:box', 'box', 'my-vllm', 'gpt-4o', 'openai/*', 'My endpoint', 'stored', 'none', 'provided'];

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\0', '\r\n', '\u0007\u007f', '\u202e', '\uFEFF', '\uD800', '../../etc/passwd', '%00', '__proto__', 'constructor', '${env:HOME}', '<script>'),
  fc.integer({ min: 1_000, max: 200_000 }).map((length) => 'x'.repeat(length)),
);

function stringAround(vocabulary: InputVocabulary): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: fc.constantFrom(...PLAUSIBLE, ...vocabulary.urls, ...vocabulary.keys), weight: 2 }, { arbitrary: hostileString, weight: 1 });
}

const numberAround = fc.oneof(
  fc.integer({ min: 1, max: 2_000_000 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1, 1e308, -0, 2 ** 60, Number.MAX_SAFE_INTEGER + 2, 100_000_001, Number.NaN, Number.POSITIVE_INFINITY),
);

/** Any value of the wrong type, as JSON or structured clone could carry it. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  numberAround,
  hostileString,
  fc.array(fc.jsonValue(), { maxLength: 4 }),
  fc.dictionary(hostileString, fc.jsonValue(), { maxKeys: 4 }),
);

/** An object or array nested hundreds or thousands deep. */
const deeplyNested: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 100, max: 3_000 }), fc.boolean())
  .map(([depth, asArray]) => {
    let value: unknown = 'bottom';
    for (let level = 0; level < depth; level += 1) value = asArray ? [value] : { key: value };
    return value;
  });

/**
 * Values shaped like `schema`, with every part sometimes right and sometimes
 * wrong: fields dropped or added, strings hostile, numbers out of range,
 * unions given another branch's shape. Walks the zod schema, so a channel
 * added to the contract later is covered as it is declared.
 */
function around(schema: z.ZodType, vocabulary: InputVocabulary, depth = 0): fc.Arbitrary<unknown> {
  const wrong = depth > 3 ? fc.constant(null) : wrongType;
  const likely = (shaped: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: shaped, weight: 9 }, { arbitrary: wrong, weight: 1 });
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return fc.oneof(
      { arbitrary: around(schema.unwrap() as z.ZodType, vocabulary, depth), weight: 3 },
      { arbitrary: fc.constantFrom(undefined, null), weight: 1 },
    );
  }
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const fields = Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, around(field, vocabulary, depth + 1)]));
    const record = fc.oneof({ arbitrary: fc.record(fields), weight: 3 }, { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 1 });
    const extra = fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
    return likely(fc.tuple(record, extra, fc.boolean()).map(([base, more, withExtra]) => (withExtra ? { ...more, ...base } : base)));
  }
  if (schema instanceof z.ZodUnion) {
    return fc.oneof(...(schema.options as z.ZodType[]).map((option) => around(option, vocabulary, depth)));
  }
  if (schema instanceof z.ZodLiteral) return likely(fc.oneof(fc.constantFrom(...[...schema.values]), stringAround(vocabulary)));
  if (schema instanceof z.ZodEnum) return likely(fc.oneof(fc.constantFrom(...schema.options), stringAround(vocabulary)));
  if (schema instanceof z.ZodString) return likely(stringAround(vocabulary));
  if (schema instanceof z.ZodNumber) return likely(numberAround);
  if (schema instanceof z.ZodBoolean) return likely(fc.boolean());
  if (schema instanceof z.ZodUndefined) return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: wrong, weight: 1 });
  if (schema instanceof z.ZodArray) return likely(fc.array(around(schema.element as z.ZodType, vocabulary, depth + 1), { maxLength: 5 }));
  if (schema instanceof z.ZodRecord) {
    return likely(fc.dictionary(stringAround(vocabulary), around(schema.valueType as z.ZodType, vocabulary, depth + 1), { maxKeys: 4 }));
  }
  if (schema instanceof z.ZodPipe) return around(schema.in as z.ZodType, vocabulary, depth);
  // A kind of schema this walker does not know yet: anything at all still has to be refused politely.
  return fc.anything();
}

/** Everything a channel is tried with: mostly shaped by its schema, the rest anything at all. */
export function inputsFor(schema: z.ZodType, vocabulary: InputVocabulary): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: around(schema, vocabulary), weight: 6 },
    { arbitrary: fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }), weight: 2 },
    { arbitrary: wrongType, weight: 1 },
    { arbitrary: deeplyNested, weight: 1 },
  );
}

/**
 * The typed key inside an input, when it is one a refusal or an answer must
 * never repeat: long enough to be a key, and appearing nowhere else in the
 * input (a URL field holding the same text may be quoted back as the URL).
 */
export function keyIn(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const key: unknown = (input as { key?: unknown }).key;
  // Only a key given as `provided` is one: under `none` or `stored` a stray `value` is never read, let alone sent.
  if (typeof key !== 'object' || key === null || (key as { mode?: unknown }).mode !== 'provided') return null;
  const raw: unknown = (key as { value?: unknown }).value;
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  // Shaped like a key (letters and digits, as every real key is): a generated "openrouter" is a word the app says itself.
  if (value.length < 8 || new Set(value).size < 4 || !/\d/.test(value) || !/[A-Za-z]/.test(value)) return null;
  const whole = JSON.stringify(input) ?? '';
  return whole.split(JSON.stringify(value).slice(1, -1)).length === 2 ? value : null;
}
