/**
 * The backup envelope (docs/formats.md): the payload it seals, its header and slots (password, recovery code,
 * passkey, sealed passkey), sealing and opening them ({@link fob.backup.BackupCodec}), the check every way into a
 * backup takes before its key is used ({@link fob.backup.VaultKeyCheck}), and the payload's compression. It decides
 * what a backup is, not when one is written: that is fob.sync's job.
 *
 * <p>May use fob.crypto, fob.vault, fob.json, fob.codec and fob.text.
 */
package fob.backup;
