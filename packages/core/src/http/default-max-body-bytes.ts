/** 1 MiB: far above any provider's documented payload, small enough to refuse floods. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
