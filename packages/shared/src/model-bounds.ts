/**
 * What a server may say about a model and still be believed. Anything
 * outside these bounds is a server's mistake (or an attack): the field is
 * unknown, the rest of the model is kept.
 */

/** No model reads or writes more tokens than this; a limit beyond it would land in an agent's config as nonsense. */
export const MAX_TOKEN_LIMIT = 100_000_000;

/** USD per million tokens; today's most expensive models cost hundreds, not hundreds of thousands. */
export const MAX_PRICE_PER_MILLION = 100_000;

/** The longest model id Switchboard will offer, save or write into a config. */
export const MAX_MODEL_ID_LENGTH = 512;

/** The longest display name, mode or provider name taken from a server. */
export const MAX_LABEL_LENGTH = 200;

/** The longest model description taken from a server: a sentence or two, not a document. */
export const MAX_DESCRIPTION_LENGTH = 1_000;
