package fob.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountIcon;
import fob.vault.AccountKind;
import fob.vault.VaultException;
import org.junit.jupiter.api.Test;

class IconsTest {
    private static Account account(String issuer, String name) throws Exception {
        return Account.fromLink("a", new OtpAuthLink(issuer, name, OtpAuthLink.parse(
                "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP").parameters()), AccountKind.STANDARD, 1);
    }

    /** simple-icons' own slugs for these titles (from its data file). */
    @Test
    void slugsAsTheSetNamesThem() {
        assertEquals("github", IconSlug.of("GitHub"));
        assertEquals("dotenv", IconSlug.of(".ENV"));
        assertEquals("notepadplusplus", IconSlug.of("Notepad++"));
        assertEquals("atandt", IconSlug.of("AT&T"));
        assertEquals("societegenerale", IconSlug.of("Société Générale"));
        assertEquals("skoda", IconSlug.of("Škoda"));
        assertEquals("", IconSlug.of("   "));
    }

    /** FNV-1a of each slug was computed apart from Fob (Python); the server's test pins the same two. */
    @Test
    void shardsAsTheServerSplitsTheSet() {
        assertEquals(50, IconShard.of("github"));
        assertEquals(6, IconShard.of("google"));
        assertEquals(15, IconShard.of("dotenv"));
        assertEquals("icons/set/06.json", IconShard.file(6));
        assertEquals("icons/set/50.json", IconShard.file(50));
    }

    @Test
    void lettersAndColours() throws Exception {
        assertEquals("G", IconLook.letter(account("github", "octocat")));
        assertEquals("O", IconLook.letter(account("", "octocat")));
        assertEquals("É", IconLook.letter(account("  élan", "")));
        assertEquals("?", IconLook.letter(account("", "")));
        assertEquals(IconLook.colour(account("GitHub", "a")), IconLook.colour(account("github", "b")));
        assertEquals("github", IconLook.slugToFind(account("GitHub", "a")));
        assertNull(IconLook.slugToFind(account("GitHub", "a").withIcon(AccountIcon.LETTER, 2)));
        assertEquals("gitlab", IconLook.slugToFind(account("GitHub", "a").withIcon(AccountIcon.fromSet("gitlab"), 2)));
    }

    @Test
    void inkOnBrandColours() {
        assertFalse(IconLook.needsDarkInk("181717"), "GitHub's near-black takes white");
        assertTrue(IconLook.needsDarkInk("ECD53F"), ".ENV's yellow takes black");
        assertTrue(IconLook.needsDarkInk("FFFFFF"));
    }

    @Test
    void ownImagesArePngsOfAFewKilobytes() {
        assertThrows(VaultException.class, () -> AccountIcon.image(new byte[] {'<', 's', 'v', 'g', ' ', 'o', 'n', 'l'}));
        byte[] big = new byte[AccountIcon.MAX_IMAGE_BYTES + 1];
        big[0] = (byte) 0x89;
        big[1] = 'P';
        big[2] = 'N';
        big[3] = 'G';
        assertThrows(VaultException.class, () -> AccountIcon.image(big));
        assertThrows(VaultException.class, () -> AccountIcon.fromSet("Git-Hub"));
    }
}
