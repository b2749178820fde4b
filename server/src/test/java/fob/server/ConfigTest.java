package fob.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {
    private static Config parse(Map<String, String> env, String... args) throws Exception {
        return Config.parse(args, env);
    }

    @Test
    void defaultsAreTheEmbeddedSetUp() throws Exception {
        Config config = parse(Map.of());
        assertEquals(8080, config.port);
        assertEquals(Paths.get("./data"), config.dataDir);
        assertEquals("http://localhost:8080", config.origin(8080));
        assertEquals("jdbc:sqlite:" + Paths.get("./data").resolve("fob.db"), config.dbUrl);
        assertEquals(8 << 20, config.backupMaxBytes, "10,000 accounts compressed, with room to spare");
        assertEquals(20, config.history);
        assertTrue(config.isLocalOnly());
        assertFalse(config.isHttps());
    }

    @Test
    void flagsWinOverTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("FOB_PORT", "9000", "FOB_DATA_DIR", "/env", "FOB_HISTORY", "5",
                "FOB_ORIGIN", "https://fob.example.com");
        Config fromEnv = parse(env);
        assertEquals(9000, fromEnv.port);
        assertEquals(5, fromEnv.history);
        assertEquals("https://fob.example.com", fromEnv.origin(9000));
        assertTrue(fromEnv.isHttps());
        assertFalse(fromEnv.isLocalOnly());
        Config flags = parse(env, "--port", "9100", "--data-dir=/flag", "--backup-max-bytes=2048");
        assertEquals(9100, flags.port);
        assertEquals(Paths.get("/flag"), flags.dataDir);
        assertEquals(2048, flags.backupMaxBytes);
        assertEquals("jdbc:sqlite:" + Paths.get("/flag").resolve("fob.db"), flags.dbUrl);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--nope|unknown option '--nope'",
        "--port|--port needs a value",
        "--port=eighty|--port must be a whole number",
        "--port=70000|--port must be from 0 to 65535",
        "--history=0|--history must be from 1",
        "--origin=http://fob.example.com|must use https:// for fob.example.com",
        "--origin=https://fob.example.com/app|only scheme, host and port",
        "--origin=ftp://x|must start with https://",
        "--db-url=jdbc:mysql://x|jdbc:sqlite: or jdbc:postgresql:"})
    void badSettingsSayWhatIsWrong(String arg, String reason) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(Map.of(), arg));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void originsAreNormalised() throws Exception {
        assertEquals("https://fob.example.com", Config.checkOrigin("HTTPS://Fob.Example.com:443/"));
        assertEquals("http://localhost:8080", Config.checkOrigin("http://localhost:8080"));
        assertEquals("https://fob.example.com:8443", Config.checkOrigin("https://fob.example.com:8443"));
    }

    @Test
    void helpListsEveryOptionAndItsVariable() {
        Config.HelpRequested help = assertThrows(Config.HelpRequested.class, () -> parse(Map.of(), "--help"));
        for (String name : new String[] {"--port", "FOB_PORT", "--data-dir", "FOB_DATA_DIR", "--origin", "FOB_ORIGIN",
            "--db-url", "FOB_DB_URL", "--db-user", "FOB_DB_USER", "--db-password", "FOB_DB_PASSWORD",
            "--backup-max-bytes", "FOB_BACKUP_MAX_BYTES", "--history", "FOB_HISTORY", "--host", "FOB_HOST",
            "--trusted-proxies", "FOB_TRUSTED_PROXIES", "--accounts-per-hour", "FOB_ACCOUNTS_PER_HOUR",
            "--account-max-bytes", "FOB_ACCOUNT_MAX_BYTES", "--storage-max-bytes", "FOB_STORAGE_MAX_BYTES",
            "--activity-days", "FOB_ACTIVITY_DAYS", "--metrics-port", "FOB_METRICS_PORT", "--metrics-host",
            "FOB_METRICS_HOST", "--client-ip-header", "FOB_CLIENT_IP_HEADER", "--ipv6-prefix", "FOB_IPV6_PREFIX",
            "--max-streams", "FOB_MAX_STREAMS", "--max-streams-per-address", "FOB_MAX_STREAMS_PER_ADDRESS",
            "--signups-per-hour", "FOB_SIGNUPS_PER_HOUR", "--history-days", "FOB_HISTORY_DAYS", "unlimited"}) {
            assertTrue(help.getMessage().contains(name), name);
        }
    }

    @Test
    void theListeningAddressFollowsTheOriginUnlessHostSaysOtherwise() throws Exception {
        assertEquals("127.0.0.1", parse(Map.of()).listenHost(), "a localhost origin: this machine only");
        assertEquals(null, parse(Map.of("FOB_ORIGIN", "https://fob.example.com")).listenHost(), "every interface");
        assertEquals("10.1.2.3", parse(Map.of("FOB_ORIGIN", "https://fob.example.com", "FOB_HOST", "10.1.2.3"))
                .listenHost());
        assertEquals("::", parse(Map.of(), "--host=::").listenHost());
    }

    @Test
    void quotasDefaultToAFullHistoryAndATotalWorkedOutAtStart() throws Exception {
        Config defaults = parse(Map.of());
        assertEquals(20, defaults.accountsPerHour);
        assertEquals((8 << 20) * 20L, defaults.accountMaxBytes);
        assertEquals(Config.STORAGE_DEFAULT, defaults.storageMaxBytes, "worked out at start (StorageLimit)");
        assertEquals(100, defaults.signupsPerHour);
        assertEquals(30, defaults.historyDays);
        assertEquals(90, defaults.activityDays);
        assertEquals(0, defaults.metricsPort, "no metrics unless asked for");
        assertEquals(4096 * 5L, parse(Map.of("FOB_BACKUP_MAX_BYTES", "4096", "FOB_HISTORY", "5")).accountMaxBytes);
    }

    @Test
    void noStorageQuotaOnlyWhenTheOperatorSaysUnlimited() throws Exception {
        assertEquals(StorageLimit.UNLIMITED, parse(Map.of("FOB_STORAGE_MAX_BYTES", "Unlimited")).storageMaxBytes);
        assertEquals(5_000_000_000L, parse(Map.of(), "--storage-max-bytes=5000000000").storageMaxBytes);
        ConfigException zero = assertThrows(ConfigException.class, () -> parse(Map.of("FOB_STORAGE_MAX_BYTES", "0")));
        assertTrue(zero.getMessage().contains("unlimited"), "0 once meant no quota: " + zero.getMessage());
        assertThrows(ConfigException.class, () -> parse(Map.of(), "--storage-max-bytes=lots"));
    }

    @Test
    void trustedProxiesNeedTheHeaderTheyWriteNamed() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(Map.of("FOB_TRUSTED_PROXIES",
                "127.0.0.1")));
        assertTrue(e.getMessage().contains("FOB_TRUSTED_PROXIES") && e.getMessage().contains("FOB_CLIENT_IP_HEADER"),
                e.getMessage());
        ConfigException other = assertThrows(ConfigException.class, () -> parse(Map.of(),
                "--trusted-proxies=127.0.0.1", "--client-ip-header=True-Client-IP"));
        assertTrue(other.getMessage().contains("True-Client-IP"), other.getMessage());
        parse(Map.of("FOB_TRUSTED_PROXIES", "127.0.0.1", "FOB_CLIENT_IP_HEADER", "x-real-ip"));
        parse(Map.of(), "--trusted-proxies=10.0.0.0/8", "--client-ip-header=FORWARDED");
        ConfigException noProxies = assertThrows(ConfigException.class, () -> parse(Map.of("FOB_CLIENT_IP_HEADER",
                "X-Forwarded-For")));
        assertTrue(noProxies.getMessage().contains("FOB_TRUSTED_PROXIES"), noProxies.getMessage());
    }

    @Test
    void streamCapsAndTheIpv6PrefixHaveDefaultsAndBounds() throws Exception {
        Config defaults = parse(Map.of());
        assertEquals(10_000, defaults.maxStreams);
        assertEquals(64, defaults.maxStreamsPerAddress);
        assertEquals(64, defaults.ipv6Prefix);
        assertThrows(ConfigException.class, () -> parse(Map.of(), "--ipv6-prefix=0"));
        assertThrows(ConfigException.class, () -> parse(Map.of(), "--ipv6-prefix=129"));
        assertThrows(ConfigException.class, () -> parse(Map.of(), "--max-streams=0"));
        assertThrows(ConfigException.class, () -> parse(Map.of(), "--max-streams-per-address=0"));
        assertEquals(48, parse(Map.of("FOB_IPV6_PREFIX", "48")).ipv6Prefix);
    }

    @Test
    void trustedProxiesMustBeAddressesAndMetricsAnotherPort() {
        ConfigException name = assertThrows(ConfigException.class, () -> parse(Map.of(),
                "--trusted-proxies=10.0.0.0/8,proxy.internal", "--client-ip-header=X-Forwarded-For"));
        assertTrue(name.getMessage().contains("proxy.internal"), name.getMessage());
        ConfigException samePort = assertThrows(ConfigException.class, () -> parse(Map.of(), "--port=9000",
                "--metrics-port=9000"));
        assertTrue(samePort.getMessage().contains("--metrics-port"), samePort.getMessage());
    }
}
