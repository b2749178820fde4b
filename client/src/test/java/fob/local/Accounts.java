package fob.local;

import fob.codec.Base32;
import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Accounts for the storage tests: each with a secret of its own, named by its issuer. */
final class Accounts {
    private Accounts() {
    }

    static Account named(String issuer, Random random, long now) throws Exception {
        byte[] secret = new byte[10];
        random.nextBytes(secret);
        return Account.fromLink("id-" + issuer, OtpAuthLink.parse("otpauth://totp/" + issuer + ":x?secret="
                + Base32.encode(secret) + "&issuer=" + issuer), AccountKind.STANDARD, now);
    }

    static List<String> issuers(Vault vault) {
        List<String> issuers = new ArrayList<>();
        for (Account account : vault.accounts()) {
            issuers.add(account.issuer());
        }
        return issuers;
    }
}
