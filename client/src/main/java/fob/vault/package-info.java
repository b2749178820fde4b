/**
 * The vault as a value: the accounts in the person's order, their groups and icons, the vault's settings,
 * deletions (tombstones and Recently deleted), its JSON form (docs/formats.md), the account form's checks, and the
 * changes a person makes ({@link fob.vault.AccountEdits}). Immutable throughout; nothing here stores or sends.
 *
 * <p>May use fob.otp, fob.link, fob.codec, fob.json and fob.text. {@link fob.vault.Additions} still reads
 * fob.imports' entries until fob.imports.ImportPlan takes it over (issue 25); nothing else here may.
 */
package fob.vault;
