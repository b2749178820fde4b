package fob.imports;

import fob.codec.TextSplit;
import fob.link.InvalidLinkException;
import fob.link.OtpAuthLink;
import fob.text.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the accounts in text that a person pasted or a QR code held: otpauth links and Google Authenticator
 * export links, one per line. Blank lines and lines starting with '#' are skipped. Ente Auth's tags become groups.
 */
public final class LinkReader {
    /** More than any real list of links; a bound on what a paste can make Fob parse. */
    public static final int MAX_CHARS = 4 << 20;

    private LinkReader() {
    }

    public static List<ImportEntry> read(String text) throws ImportException {
        if (text == null || text.trim().isEmpty()) {
            throw new ImportException(Text.t("There is nothing to read"));
        }
        if (text.length() > MAX_CHARS) {
            throw new ImportException(Text.t("The text is too long to hold account links"));
        }
        List<ImportEntry> entries = new ArrayList<>();
        int lineNumber = 0;
        for (String line : TextSplit.lines(text)) {
            lineNumber++;
            String link = line.trim();
            if (link.isEmpty() || link.startsWith("#")) {
                continue;
            }
            if (GoogleMigration.isMigrationLink(link)) {
                try {
                    entries.addAll(GoogleMigration.parse(link));
                } catch (ImportException e) {
                    entries.add(ImportEntry.unusable(Text.t("Line {0}", lineNumber), e.getMessage()));
                }
            } else {
                try {
                    entries.add(ImportEntry.of(OtpAuthLink.parse(link)).inGroups(EnteTags.of(link)));
                } catch (InvalidLinkException e) {
                    entries.add(ImportEntry.unusable(Text.t("Line {0}", lineNumber), e.getMessage()));
                }
            }
        }
        if (entries.isEmpty()) {
            throw new ImportException(Text.t("There is nothing to read"));
        }
        return entries;
    }
}
