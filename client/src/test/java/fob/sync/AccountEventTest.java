package fob.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The recovery account's activity in words. */
class AccountEventTest {
    @Test
    void aKnownKindIsSaidInWordsWithItsDetail() {
        assertEquals("Keys rotated, earlier versions deleted, by Laptop",
                new AccountEvent(1, "keys_rotated", "10.0.0.1", "by Laptop").what());
        assertEquals("Device signed out", new AccountEvent(1, "session_ended", "10.0.0.1", "").what());
    }

    @Test
    void aKindThisPageDoesNotKnowShowsAsTheServerNamedIt() {
        assertEquals("passkey_renamed, Phone", new AccountEvent(1, "passkey_renamed", "", "Phone").what());
    }
}
