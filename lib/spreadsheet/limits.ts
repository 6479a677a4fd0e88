// Limits shown to the operator before a file is parsed, and enforced by the readers.
// The browser holds the whole file, its decoded text and the parsed grid at once, so
// these bound the tab's memory as much as the server's work.

/** Largest file accepted at all (CSV or XLSX), in bytes. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Most data rows (header excluded) one import may hold. */
export const MAX_DATA_ROWS = 100_000;

/**
 * An XLSX is a ZIP: a 1 MB file can inflate to gigabytes of XML (ASVS 5.2.3). The sheet XML
 * of 100,000 rows x 30 columns is roughly 150 MB, so 200 MB of declared uncompressed XML is
 * the ceiling checked before anything is inflated.
 */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

/** A real workbook has tens of entries; thousands mean a crafted archive. */
export const MAX_XLSX_ENTRIES = 2_000;

/** How many rows from the top the header detector looks at (title rows sit above). */
export const HEADER_SCAN_ROWS = 20;

export const ACCEPTED_EXTENSIONS = [".csv", ".tsv", ".txt", ".xlsx"] as const;
