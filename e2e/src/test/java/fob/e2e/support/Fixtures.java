package fob.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The files of ../shared/fixtures, and the eight accounts its README lists, as links. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path path(String relative) {
        Path file = Paths.get(System.getProperty("fob.fixtures", "../../shared/fixtures"), relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("Missing fixture " + file + ": is ../shared beside the repository?");
        }
        return file.toAbsolutePath().normalize();
    }

    public static List<String> accountLinks() throws IOException {
        List<String> links = new ArrayList<>(Files.readString(path("aegis-importers/plain.txt")).strip().lines().toList());
        links.add("otpauth://totp/Battle.net:US-2211-2050-3346?secret=BMGRXPGFARQQF4GMT25JATL2VYLAHDBI"
                + "&issuer=Battle.net&digits=8");
        return links;
    }
}
