// Caps on what the attestations feature reads and returns: whatever a registry or a layer
// holds is untrusted, so a document over the cap is refused with a clear error, not parsed.

/** The most bytes one signature, statement or SBOM may have to be parsed (32 MiB). */
export const MAX_DECODE_BYTES = 32 * 1024 * 1024

/** Layers one manifest may list for decoding; more are reported, not read. */
export const MAX_DECODED_LAYERS = 64

/** Lines of an in-toto .jsonl file decoded. */
export const MAX_JSONL_LINES = 256

/** Packages returned per SBOM; the total is still counted. */
export const MAX_SBOM_PACKAGES = 100_000

/** Characters of a raw preview shown beside the reason a part was not decoded. */
export const MAX_RAW_PREVIEW = 4096

/** Certificates read from one chain annotation. */
export const MAX_CHAIN_CERTIFICATES = 10
