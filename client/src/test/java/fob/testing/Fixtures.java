package fob.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The real export files in ../shared/fixtures, beside the repository. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path path(String relative) {
        String root = System.getProperty("fob.fixtures");
        if (root == null) {
            throw new IllegalStateException("The system property fob.fixtures is not set (the pom sets it)");
        }
        Path file = Paths.get(root, relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("Missing fixture " + file + ": is ../shared beside the repository?");
        }
        return file;
    }

    /**
     * The eight accounts of ../shared/fixtures/README.md as otpauth links: plain.txt holds the first seven, and
     * the eighth is written from the README's table.
     */
    public static List<String> accountLinks() throws IOException {
        List<String> links = new ArrayList<>(text("aegis-importers/plain.txt").strip().lines().toList());
        links.add("otpauth://totp/Battle.net:US-2211-2050-3346?secret=BMGRXPGFARQQF4GMT25JATL2VYLAHDBI"
                + "&issuer=Battle.net&digits=8");
        return links;
    }

    public static String text(String relative) throws IOException {
        return new String(Files.readAllBytes(path(relative)), StandardCharsets.UTF_8);
    }
}
