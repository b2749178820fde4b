package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RowActionTest {
    static Account account(String link) throws Exception {
        return Account.fromLink("id", OtpAuthLink.parse(link), AccountKind.STANDARD, 1);
    }

    private static String menu(Account account, RowPlace place) {
        return RowAction.menu(account, place).stream().map(item -> item.action.label() + (item.enabled ? "" : " (off)"))
                .collect(Collectors.joining(", "));
    }

    @Test
    void aTimeBasedAccountInThePersonsOrder() throws Exception {
        Account totp = account("otpauth://totp/A:a?secret=AAAAAAAAAAAAAAAA");
        assertEquals("Edit, Delete, Move up, Move down", menu(totp, new RowPlace(1, 3, true)));
        assertEquals("Edit, Delete, Move up (off), Move down", menu(totp, new RowPlace(0, 3, true)));
        assertEquals("Edit, Delete, Move up, Move down (off)", menu(totp, new RowPlace(2, 3, true)));
        assertEquals("Edit, Delete, Move up (off), Move down (off)", menu(totp, new RowPlace(0, 1, true)));
    }

    @Test
    void sortedAnotherWayRowsDoNotMove() throws Exception {
        assertEquals("Edit, Delete", menu(account("otpauth://totp/A:a?secret=AAAAAAAAAAAAAAAA"),
                new RowPlace(1, 3, false)));
    }

    @Test
    void anHotpAccountOffersItsNextCodeAndAPlaceholderItsSetup() throws Exception {
        Account hotp = account("otpauth://hotp/C:c?secret=CCCCCCCCCCCCCCCC&counter=3");
        assertEquals("Next code, Edit, Delete", menu(hotp, new RowPlace(1, 3, false)));
        assertEquals(List.of(RowAction.FINISH_SETUP, RowAction.EDIT, RowAction.DELETE),
                RowAction.menu(hotp.asPlaceholder(), new RowPlace(1, 3, false)).stream().map(item -> item.action)
                        .collect(Collectors.toList()));
    }

    @Test
    void aRowFitsAnotherRenderingWhenItsEndsAndOrderAreTheSame() {
        assertEquals(new RowPlace(2, 5, true), new RowPlace(2, 9, true), "more rows below: the same row");
        assertNotEquals(new RowPlace(2, 3, true), new RowPlace(2, 4, true), "no longer the last");
        assertNotEquals(new RowPlace(2, 5, true), new RowPlace(2, 5, false));
        assertNotEquals(new RowPlace(1, 5, true), new RowPlace(2, 5, true));
        assertThrows(IllegalArgumentException.class, () -> new RowPlace(3, 3, true));
    }

    @Test
    void eachActionCallsWhatItSaysWithTheRowsAccount() throws Exception {
        Account account = account("otpauth://hotp/Example:x?secret=JBSWY3DPEHPK3PXP&counter=1");
        StringBuilder calls = new StringBuilder();
        RowAction.Handler handler = new RowAction.Handler() {
            @Override
            public void finishSetup(Account placeholder) {
                calls.append("finish ").append(placeholder.issuer()).append("; ");
            }

            @Override
            public void nextCode(Account which) {
                calls.append("next ").append(which.issuer()).append("; ");
            }

            @Override
            public void edit(Account which) {
                calls.append("edit ").append(which.issuer()).append("; ");
            }

            @Override
            public void delete(Account which) {
                calls.append("delete ").append(which.issuer()).append("; ");
            }

            @Override
            public void move(Account which, int offset) {
                calls.append("move ").append(which.issuer()).append(' ').append(offset).append("; ");
            }
        };
        for (RowAction action : RowAction.values()) {
            action.apply(handler, account);
        }
        assertEquals("finish Example; next Example; edit Example; delete Example; move Example -1; move Example 1; ",
                calls.toString());
    }
}
