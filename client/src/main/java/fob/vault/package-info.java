/**
 * The vault as a value: the accounts in the person's order, their groups and icons, the vault's settings,
 * deletions (tombstones and Recently deleted), its JSON form (docs/formats.md), the account form's checks, and the
 * changes a person makes ({@link fob.vault.AccountEdits}). Immutable throughout; nothing here stores or sends.
 *
 * How two copies of a vault merge ({@link fob.vault.VaultMerge}) is here too: a rule about vaults, which backups
 * and imports use.
 *
 * <p>May use fob.otp, fob.link, fob.codec, fob.json and fob.text.
 */
package fob.vault;
