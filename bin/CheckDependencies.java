import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks OSV (api.osv.dev, which gathers GitHub's and the ecosystems' advisories) about every Maven dependency
 * the build resolves and the benchmark's npm packages. Run by bin/check-dependencies. Exit codes: 0 none
 * known, 1 some known, 3 OSV could not be reached (the machine's network), so nothing was checked.
 */
public final class CheckDependencies {
    public static void main(String[] args) throws Exception {
        Set<String> maven = new LinkedHashSet<>();
        // Lines of `mvn dependency:list`: "   group:artifact:type[:classifier]:version:scope".
        Pattern line = Pattern.compile("^\\s+([\\w.-]+):([\\w.-]+):[\\w-]+(?::[\\w-]+)?:([\\w.+-]+):(compile|runtime|provided|test)");
        for (String file : args[0].split(",")) {
            for (String text : Files.readAllLines(Path.of(file))) {
                Matcher m = line.matcher(text);
                if (m.find() && !m.group(1).equals("dev.fob")) {
                    maven.add(m.group(1) + ":" + m.group(2) + "@" + m.group(3));
                }
            }
        }
        Set<String> npm = new LinkedHashSet<>();
        Matcher lock = Pattern.compile("\"node_modules/([^\"]+)\":\\s*\\{\\s*\"version\":\\s*\"([^\"]+)\"")
                .matcher(Files.readString(Path.of(args[1])));
        while (lock.find()) {
            npm.add(lock.group(1) + "@" + lock.group(2));
        }
        List<String> packages = new ArrayList<>();
        StringBuilder queries = new StringBuilder("{\"queries\": [");
        for (String dependency : maven) {
            add(queries, packages, dependency, "Maven");
        }
        for (String dependency : npm) {
            add(queries, packages, dependency, "npm");
        }
        queries.append("]}");
        System.out.println("Checking " + maven.size() + " Maven and " + npm.size() + " npm packages with OSV");
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                    HttpRequest.newBuilder(URI.create("https://api.osv.dev/v1/querybatch"))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(queries.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            System.out.println("OSV could not be reached (" + e + "): nothing was checked. See docs/security.md.");
            System.exit(3);
            return;
        }
        if (response.statusCode() != 200) {
            System.out.println("OSV answered " + response.statusCode() + ": nothing was checked.");
            System.exit(3);
        }
        // One result per query, in order: {"vulns": [{"id": ...}]} or {}.
        String body = response.body();
        int start = body.indexOf('[');
        int found = 0;
        int index = 0;
        int depth = 0;
        StringBuilder result = new StringBuilder();
        for (int i = start + 1; i < body.length() && index < packages.size(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            }
            if (depth > 0) {
                result.append(c);
            }
            if (c == '}' && --depth == 0) {
                Matcher ids = Pattern.compile("\"id\":\\s*\"([^\"]+)\"").matcher(result);
                List<String> vulns = new ArrayList<>();
                while (ids.find()) {
                    vulns.add(ids.group(1));
                }
                if (!vulns.isEmpty()) {
                    found++;
                    System.out.println("KNOWN VULNERABILITIES in " + packages.get(index) + ": " + vulns);
                }
                result.setLength(0);
                index++;
            }
        }
        System.out.println(found == 0 ? "No known vulnerabilities." : found + " packages with known vulnerabilities.");
        System.exit(found == 0 ? 0 : 1);
    }

    private static void add(StringBuilder queries, List<String> packages, String dependency, String ecosystem) {
        int at = dependency.lastIndexOf('@');
        if (!packages.isEmpty()) {
            queries.append(',');
        }
        queries.append("{\"package\": {\"name\": \"").append(dependency, 0, at).append("\", \"ecosystem\": \"")
                .append(ecosystem).append("\"}, \"version\": \"").append(dependency.substring(at + 1)).append("\"}");
        packages.add(ecosystem + " " + dependency);
    }
}
