package fob.server;

import fob.server.web.ClientAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The server's settings, from environment variables and command-line flags (a flag wins). Every setting has
 * both forms: {@code FOB_PORT} and {@code --port}.
 */
public final class Config {
    /** 8 MiB: a backup of 10,000 accounts, compressed, is about a tenth of it (docs/benchmarks.md). */
    static final long DEFAULT_BACKUP_MAX_BYTES = 8 << 20;
    /**
     * Live-sync streams one server holds: about 12 KiB of heap each (docs/benchmarks.md,
     * live_sync.heap_1000_streams), so 10,000 take about 115 MiB, within the default heap of a 1 GiB machine.
     */
    static final int DEFAULT_MAX_STREAMS = 10_000;
    /**
     * New recovery accounts an hour on the whole server (every server on the database): a hundred times what one
     * address may make is the size of a launch day's busiest hour for a small public server, while the accounts
     * that addresses beyond number can make stay bounded (2,400 a day).
     */
    static final int DEFAULT_SIGNUPS_PER_HOUR = 100;
    /** {@code --storage-max-bytes} unset: worked out at start (see {@link StorageLimit}). */
    public static final long STORAGE_DEFAULT = -1;
    /** A household's or an office's browsers behind one address, each holding one stream. */
    static final int DEFAULT_MAX_STREAMS_PER_ADDRESS = 64;
    /** Each setting: flag, environment variable, default shown in --help, and what it means. */
    private static final String[][] OPTIONS = {
        {"--port", "FOB_PORT", "8080", "TCP port to listen on (0 picks a free one)"},
        {"--data-dir", "FOB_DATA_DIR", "./data", "where the SQLite database lives"},
        {"--origin", "FOB_ORIGIN", "http://localhost:<port>", "the public origin that passkeys are bound to"},
        {"--db-url", "FOB_DB_URL", "the SQLite file in the data dir", "JDBC URL of the database"},
        {"--db-user", "FOB_DB_USER", "", "database user (PostgreSQL)"},
        {"--db-password", "FOB_DB_PASSWORD", "", "database password (PostgreSQL)"},
        {"--backup-max-bytes", "FOB_BACKUP_MAX_BYTES", String.valueOf(DEFAULT_BACKUP_MAX_BYTES),
            "largest backup accepted, in bytes"},
        {"--history", "FOB_HISTORY", "20", "backup versions kept per account, the newest"},
        {"--history-days", "FOB_HISTORY_DAYS", "30", "besides those, the last version of each of this many days"
            + " (UTC, today included) is kept, within the account's quota (0: none); a key rotation deletes them"},
        {"--rate-limit", "FOB_RATE_LIMIT", "30", "sign-in and registration requests per minute per client address,"
            + " shared by every server on the database; 0 turns off every rate limit"},
        {"--host", "FOB_HOST", "127.0.0.1 for a localhost origin, else every interface", "address to listen on"},
        {"--trusted-proxies", "FOB_TRUSTED_PROXIES", "", "comma-separated addresses and CIDR ranges of your proxies;"
            + " only from them is --client-ip-header believed"},
        {"--client-ip-header", "FOB_CLIENT_IP_HEADER", "", "the one header your proxies write the client's address"
            + " in: X-Forwarded-For (Caddy, nginx, HAProxy, Traefik), Forwarded or X-Real-IP; needed with"
            + " --trusted-proxies, read right to left, every other such header ignored"},
        {"--ipv6-prefix", "FOB_IPV6_PREFIX", "64", "limits count an IPv6 client by this many leading bits of its"
            + " address (one subscriber holds a /64), 1 to 128"},
        {"--accounts-per-hour", "FOB_ACCOUNTS_PER_HOUR", "20", "new recovery accounts per client address per hour"
            + " (0: no quota)"},
        {"--signups-per-hour", "FOB_SIGNUPS_PER_HOUR", String.valueOf(DEFAULT_SIGNUPS_PER_HOUR), "new recovery"
            + " accounts per hour on the whole server, from every address, counted in the database (0: no cap)"},
        {"--account-max-bytes", "FOB_ACCOUNT_MAX_BYTES", "backup-max-bytes times history", "bytes of backups one"
            + " recovery account keeps, current and history; the oldest history goes first, a kept day's last version"
            + " after the others"},
        {"--storage-max-bytes", "FOB_STORAGE_MAX_BYTES", "SQLite: the stored backups and the free space of the"
            + " database's disk, less a tenth of the disk or 1 GiB, whichever is more; PostgreSQL: 10 GiB",
            "bytes of backups all accounts together keep, or 'unlimited' for no quota"},
        {"--max-streams", "FOB_MAX_STREAMS", String.valueOf(DEFAULT_MAX_STREAMS), "live-sync streams this server"
            + " holds at once (about 12 KiB of heap each); past it pages poll"},
        {"--max-streams-per-address", "FOB_MAX_STREAMS_PER_ADDRESS", String.valueOf(DEFAULT_MAX_STREAMS_PER_ADDRESS),
            "live-sync streams one client address holds on this server; past it its pages poll"},
        {"--activity-days", "FOB_ACTIVITY_DAYS", "90", "days an activity event (with its client address) is kept"},
        {"--metrics-port", "FOB_METRICS_PORT", "0", "port for Prometheus metrics at /metrics (0: no metrics)"},
        {"--metrics-host", "FOB_METRICS_HOST", "127.0.0.1", "address the metrics port listens on"},
    };

    public final int port;
    public final Path dataDir;
    /** Null until the port is known when it is 0; see {@link #origin(int)}. */
    private final String origin;
    public final String dbUrl;
    public final String dbUser;
    public final String dbPassword;
    public final long backupMaxBytes;
    public final int history;
    public final int rateLimit;
    /** Null: the default (see {@link #listenHost()}). */
    private final String host;
    public final ClientAddress clientAddress;
    public final int accountsPerHour;
    /** 0: no cap. */
    public final int signupsPerHour;
    /** 0: no daily versions kept. */
    public final int historyDays;
    public final long accountMaxBytes;
    /** {@link #STORAGE_DEFAULT}: worked out at start; {@link StorageLimit#UNLIMITED}: no total quota. */
    public final long storageMaxBytes;
    public final int activityDays;
    /** The IPv6 prefix length limits count by. */
    public final int ipv6Prefix;
    public final int maxStreams;
    public final int maxStreamsPerAddress;
    /** 0: no metrics served. */
    public final int metricsPort;
    public final String metricsHost;

    private Config(int port, Path dataDir, String origin, String dbUrl, String dbUser, String dbPassword,
            long backupMaxBytes, int history, int rateLimit, String host, ClientAddress clientAddress,
            int accountsPerHour, long accountMaxBytes, long storageMaxBytes, int activityDays, int metricsPort,
            String metricsHost, int ipv6Prefix, int maxStreams, int maxStreamsPerAddress, int signupsPerHour,
            int historyDays) {
        this.port = port;
        this.dataDir = dataDir;
        this.origin = origin;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.backupMaxBytes = backupMaxBytes;
        this.history = history;
        this.rateLimit = rateLimit;
        this.host = host;
        this.clientAddress = clientAddress;
        this.accountsPerHour = accountsPerHour;
        this.accountMaxBytes = accountMaxBytes;
        this.storageMaxBytes = storageMaxBytes;
        this.activityDays = activityDays;
        this.metricsPort = metricsPort;
        this.metricsHost = metricsHost;
        this.ipv6Prefix = ipv6Prefix;
        this.maxStreams = maxStreams;
        this.maxStreamsPerAddress = maxStreamsPerAddress;
        this.signupsPerHour = signupsPerHour;
        this.historyDays = historyDays;
    }

    /** Thrown for --help: not an error, but nothing to start. */
    public static final class HelpRequested extends Exception {
        HelpRequested() {
            super(usage());
        }
    }

    public static Config parse(String[] args, Map<String, String> env) throws ConfigException, HelpRequested {
        Map<String, String> values = new LinkedHashMap<>();
        for (String[] option : OPTIONS) {
            String fromEnv = env.get(option[1]);
            if (fromEnv != null && !fromEnv.isEmpty()) {
                values.put(option[0], fromEnv);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!isOption(name)) {
                throw new ConfigException("unknown option '" + name + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new ConfigException(name + " needs a value");
                }
                value = args[++i];
            }
            values.put(name, value);
        }

        int port = (int) number(values, "--port", 8080, 0, 65535);
        Path dataDir = Paths.get(values.getOrDefault("--data-dir", "./data"));
        String origin = values.containsKey("--origin") ? checkOrigin(values.get("--origin")) : null;
        String dbUrl = values.getOrDefault("--db-url", "jdbc:sqlite:" + dataDir.resolve("fob.db"));
        if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("--db-url must be a jdbc:sqlite: or jdbc:postgresql: URL");
        }
        long maxBytes = number(values, "--backup-max-bytes", DEFAULT_BACKUP_MAX_BYTES, 1024, 64L << 20);
        int history = (int) number(values, "--history", 20, 1, 1000);
        int rateLimit = (int) number(values, "--rate-limit", 30, 0, 100_000);
        String host = values.containsKey("--host") ? values.get("--host").strip() : null;
        if (host != null && host.isEmpty()) {
            throw new ConfigException("--host must name an address, such as 0.0.0.0 or ::");
        }
        int ipv6Prefix = (int) number(values, "--ipv6-prefix", 64, 1, 128);
        ClientAddress clientAddress;
        try {
            clientAddress = ClientAddress.configure(values.getOrDefault("--trusted-proxies", ""),
                    values.getOrDefault("--client-ip-header", ""), ipv6Prefix);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        int maxStreams = (int) number(values, "--max-streams", DEFAULT_MAX_STREAMS, 1, 10_000_000);
        int maxStreamsPerAddress = (int) number(values, "--max-streams-per-address", DEFAULT_MAX_STREAMS_PER_ADDRESS,
                1, 10_000_000);
        int accountsPerHour = (int) number(values, "--accounts-per-hour", 20, 0, 1_000_000);
        long accountMaxBytes = number(values, "--account-max-bytes", maxBytes * history, 1024, Long.MAX_VALUE / 2);
        int signupsPerHour = (int) number(values, "--signups-per-hour", DEFAULT_SIGNUPS_PER_HOUR, 0, 1_000_000);
        int historyDays = (int) number(values, "--history-days", 30, 0, 3650);
        long storageMaxBytes = storageMaxBytes(values.get("--storage-max-bytes"));
        int activityDays = (int) number(values, "--activity-days", 90, 1, 100_000);
        int metricsPort = (int) number(values, "--metrics-port", 0, 0, 65535);
        if (metricsPort != 0 && metricsPort == port) {
            throw new ConfigException("--metrics-port must differ from --port: metrics are not for the public");
        }
        return new Config(port, dataDir, origin, dbUrl, values.getOrDefault("--db-user", ""),
                values.getOrDefault("--db-password", ""), maxBytes, history, rateLimit, host, clientAddress,
                accountsPerHour, accountMaxBytes, storageMaxBytes, activityDays, metricsPort,
                values.getOrDefault("--metrics-host", "127.0.0.1").strip(), ipv6Prefix, maxStreams,
                maxStreamsPerAddress, signupsPerHour, historyDays);
    }

    /** A number of bytes, 'unlimited', or unset (the default, worked out at start). 0 was once 'no quota'. */
    private static long storageMaxBytes(String text) throws ConfigException {
        if (text == null) {
            return STORAGE_DEFAULT;
        }
        if (text.strip().equalsIgnoreCase("unlimited")) {
            return StorageLimit.UNLIMITED;
        }
        if (text.strip().equals("0")) {
            throw new ConfigException("--storage-max-bytes 0 no longer means no quota: say 'unlimited' for that, or"
                    + " leave it unset for a default the data directory's disk can hold");
        }
        return number(Map.of("--storage-max-bytes", text), "--storage-max-bytes", 0, 1, Long.MAX_VALUE / 2);
    }

    /**
     * The address to listen on: {@code --host}, or by default loopback alone when the page is served only to
     * this machine, and every interface otherwise (null).
     */
    public String listenHost() {
        if (host != null) {
            return host;
        }
        return isLocalOnly() ? "127.0.0.1" : null;
    }

    /** The origin, or {@code http://localhost:<port>} when none was set. */
    public String origin(int boundPort) {
        return origin != null ? origin : "http://localhost:" + boundPort;
    }

    /** Whether the page is served only to this machine: then Fob listens on loopback alone. */
    public boolean isLocalOnly() {
        return origin == null || isLoopback(URI.create(origin).getHost());
    }

    public boolean isHttps() {
        return origin != null && origin.startsWith("https://");
    }

    private static boolean isOption(String name) {
        for (String[] option : OPTIONS) {
            if (option[0].equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static long number(Map<String, String> values, String name, long fallback, long min, long max)
            throws ConfigException {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, not '" + text + "'");
        }
        if (value < min || value > max) {
            throw new ConfigException(name + " must be from " + min + " to " + max + " (it is " + value + ")");
        }
        return value;
    }

    /**
     * An origin is scheme, host and port, nothing else. Browsers give passkeys, WebCrypto and service workers
     * only to secure contexts, so it must be https unless it is this machine.
     */
    static String checkOrigin(String text) throws ConfigException {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException("--origin '" + text + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ConfigException("--origin must start with https:// (or http:// for localhost)");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()
                || uri.getRawPath().equals("/"))) {
            throw new ConfigException("--origin must be only scheme, host and port, like https://fob.example.com");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new ConfigException("--origin must use https:// for " + host + ": browsers allow passkeys and"
                    + " the page's cryptography only on https, or on localhost");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http")
                && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("Usage: java -jar fob-server.jar [options]\n\n"
                + "Fob: a web authenticator, and the server for its end-to-end-encrypted backups.\n"
                + "Each option can also be set with its environment variable; an option given here wins.\n\n");
        for (String[] option : OPTIONS) {
            text.append(String.format("  %-20s %-22s %s (default: %s)%n", option[0] + " <value>", option[1],
                    option[3], option[2].isEmpty() ? "none" : option[2]));
        }
        text.append(String.format("  %-20s %-22s %s%n", "--help", "", "show this text"));
        return text.toString();
    }
}
