/**
 * Reading other authenticators' exports, Fob's own export and pasted or scanned links into
 * {@link fob.imports.ImportEntry ImportEntries}, and what adding them to the vault does
 * ({@link fob.imports.ImportPlan}: one rule for "already in Fob", for the import dialog and the paste box alike).
 * {@link fob.imports.Kdf} is the importers' own port, not a general primitive: it runs scrypt, PBKDF2 and Argon2id
 * only within limits a crafted file cannot push past, and refuses with an ImportException in the file's terms.
 *
 * <p>May use fob.backup (Fob's encrypted export is a backup envelope), fob.crypto, fob.kdf, fob.vault, fob.link,
 * fob.otp, fob.json, fob.codec and fob.text.
 */
package fob.imports;
