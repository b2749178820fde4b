package fob.screen;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.link.OtpAuthLink;
import fob.text.Text;
import fob.vault.Account;
import fob.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * "Export": what each kind holds (an encrypted Fob file, a plain list of links, or a QR code per account), the
 * files' names, and what is refused before anything is written.
 */
public final class Export {
    /** Argon2id at the export setting of docs/formats.md: 64 MiB, 3 passes, 1 lane. */
    public static final int MEMORY_KIB = 65536;
    public static final int ITERATIONS = 3;
    public static final int PARALLELISM = 1;
    static final int MIN_PASSWORD = 8;
    private static final int SALT_BYTES = 16;

    private Export() {
    }

    /** Argon2id of a password, 32 bytes (the page runs it in its worker). */
    public interface PasswordKey<E extends Exception> {
        byte[] derive(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism) throws E;
    }

    /** Why nothing can be exported, or null. */
    public static String refusal(Vault vault) {
        return vault.isEmpty() ? Text.t("There are no accounts to export") : null;
    }

    /** What is wrong with the encrypted export's password and its repetition, or null. */
    public static String passwordProblem(String password, String repeated) {
        if (password.length() < MIN_PASSWORD) {
            return Text.t("Choose a password of at least {0} characters", MIN_PASSWORD);
        }
        return password.equals(repeated) ? null : Text.t("The two passwords differ");
    }

    /** The accounts that links and QR codes hold: all but placeholders, which have no secret to give. */
    public static List<Account> withSecrets(Vault vault) {
        List<Account> accounts = new ArrayList<>();
        for (Account account : vault.accounts()) {
            if (!account.isPlaceholder()) {
                accounts.add(account);
            }
        }
        return accounts;
    }

    /** The otpauth link of an account that has its secret. */
    public static String link(Account account) {
        return new OtpAuthLink(account.issuer(), account.name(), account.otp()).format();
    }

    /** The links file: a link per line, in the list's order. */
    public static String links(Vault vault) {
        StringBuilder text = new StringBuilder();
        for (Account account : withSecrets(vault)) {
            text.append(link(account)).append('\n');
        }
        return text.toString();
    }

    /** {@code isoDate}: today, "2025-01-31". */
    public static String linksFileName(String isoDate) {
        return "fob-links-" + isoDate + ".txt";
    }

    public static String encryptedFileName(String isoDate) {
        return "fob-export-" + isoDate + ".json";
    }

    /** What the page says once the links file is saved. */
    public static String linksSaved(int links) {
        return Text.count("Saved {0} link. Delete the file once you are done with it.",
                "Saved {0} links. Delete the file once you are done with it.", links);
    }

    /** What the page says once the encrypted file is saved, {@code millis} after it began. */
    public static String exported(Vault vault, long millis) {
        return Text.count("Exported {0} account in {1} ms.", "Exported {0} accounts in {1} ms.",
                vault.accounts().size(), millis);
    }

    /**
     * The encrypted export file: the vault (work or school accounts as placeholders) sealed under a new key, which
     * one password slot holds, at the export's Argon2id setting with a new {@code salt} of 16 random bytes.
     */
    public static <E extends Exception> String encrypted(BackupCodec codec, byte[] salt, PasswordKey<E> passwordKey,
            String password, Vault vault, long now) throws E, BackupException {
        if (salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("The salt has " + salt.length + " bytes");
        }
        byte[] vaultKey = codec.newVaultKey();
        byte[] key = passwordKey.derive(password.getBytes(StandardCharsets.UTF_8), salt, MEMORY_KIB, ITERATIONS,
                PARALLELISM);
        return codec.seal(vaultKey, List.of(codec.passwordSlot(vaultKey, key, MEMORY_KIB, ITERATIONS, PARALLELISM,
                salt)), BackupPayload.export(vault, now).toBytes()).toJson();
    }
}
