/**
 * What belongs to this browser alone and is never backed up: its preferences (the idle lock, masking codes, the
 * language, whether App lock was offered, whether the storage warning was dismissed) and their JSON form. The
 * vault's own choices are fob.vault.Settings.
 *
 * <p>May use fob.lock (the idle lock's choices), fob.json and fob.text.
 */
package fob.device;
