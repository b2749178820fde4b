package fob.screen;

import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Vault;

/** Small vaults for the screens' tests. */
final class ScreenFixtures {
    private ScreenFixtures() {
    }

    static Vault oneAccount() throws Exception {
        return Vault.EMPTY.add(Account.fromLink("a", OtpAuthLink.parse("otpauth://totp/A:a?secret=AAAAAAAAAAAAAAAA"),
                AccountKind.STANDARD, 1));
    }
}
