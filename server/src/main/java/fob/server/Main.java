package fob.server;

import fob.server.store.jdbc.Stores;
import fob.server.web.Assets;

/** Starts Fob: {@code java -jar fob-server.jar [--help]}. */
public final class Main {
    /** The exit code for settings Fob cannot start with, as for other command-line usage errors. */
    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.parse(args, System.getenv());
        } catch (Config.HelpRequested help) {
            System.out.print(help.getMessage());
            return;
        } catch (ConfigException e) {
            System.err.println("fob: " + e.getMessage());
            System.err.println("Run with --help to see the options.");
            System.exit(USAGE);
            return;
        }
        try {
            FobServer server = new FobServer(config, Stores.open(config.dbUrl, config.dbUser, config.dbPassword),
                    Assets.load()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println("fob: while stopping: " + e.getMessage());
                }
            }, "fob-shutdown"));
            System.out.println("Fob is running at " + server.origin() + " (data in " + config.dataDir.toAbsolutePath()
                    + ")");
        } catch (Exception e) {
            System.err.println("fob: cannot start: " + e.getMessage());
            System.exit(1);
        }
    }
}
