package org.alliancegraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A Neo4j 5.26 community server for tests and development: Bolt only, on 127.0.0.1, auth on.
 *
 * <p>Environment:
 * <ul>
 *   <li>{@code NEO4J_PORT}: the Bolt port (default 7687);</li>
 *   <li>{@code NEO4J_PASSWORD}: the password of user {@code neo4j} (default: a generated one);</li>
 *   <li>{@code NEO4J_HOME_DIR}: keep the data in this folder, and keep it on exit (default: a fresh
 *       folder under the system temp dir, deleted on exit); lets a test stop and restart the server
 *       on the same data;</li>
 *   <li>{@code NEO4J_PAGECACHE_MB}: page cache size (default 256).</li>
 * </ul>
 *
 * <p>When the server answers it prints exactly three lines, {@code NEO4J_URI=neo4j://127.0.0.1:PORT},
 * {@code NEO4J_USER=neo4j}, {@code NEO4J_PASSWORD=...}, then runs until SIGTERM/SIGINT, when it shuts
 * the database down cleanly (and deletes a temporary data folder). Neo4j's own logs go to
 * {@code <home>/logs/}; the launcher's messages go to stderr.
 */
public final class Neo4jLauncher {
    private Neo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(envOr("NEO4J_PORT", "7687"));
        String password = envOr("NEO4J_PASSWORD", generatedPassword());
        long pageCacheMb = Long.parseLong(envOr("NEO4J_PAGECACHE_MB", "256"));
        String keptHome = System.getenv("NEO4J_HOME_DIR");
        boolean temporary = keptHome == null || keptHome.isBlank();
        Path home = temporary
            ? Files.createTempDirectory("alliance-graph-neo4j-")
            : Files.createDirectories(Paths.get(keptHome).toAbsolutePath());
        System.err.println("neo4j-launcher: Neo4j home " + home + (temporary ? " (deleted on exit)" : " (kept)"));

        SocketAddress bolt = new SocketAddress("127.0.0.1", port);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, bolt)
            .setConfig(BoltConnector.advertised_address, bolt)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
            .setConfig(GraphDatabaseSettings.tx_state_max_off_heap_memory, ByteUnit.mebiBytes(256))
            .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(1024))
            .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(5))
            .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
            .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("neo4j-launcher: stopping");
            try {
                dbms.shutdown();
            } catch (RuntimeException e) {
                System.err.println("neo4j-launcher: shutdown failed: " + e);
            }
            if (temporary) deleteTree(home);
            System.err.println("neo4j-launcher: stopped");
            stopped.countDown();
        }, "neo4j-launcher-shutdown"));

        try {
            // The initial user `neo4j` would have to change its password on first login: set it here
            // (a parameter, so any password works without quoting).
            try {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", password));
            } catch (RuntimeException e) {
                // A kept NEO4J_HOME_DIR restarted with the same password: nothing to change.
                if (!String.valueOf(rootCause(e).getMessage()).contains("Old password and new password cannot be the same")) throw e;
            }
            // The default database is up once it answers a query.
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            System.err.println("neo4j-launcher: start-up failed: " + e);
            System.exit(1); // runs the shutdown hook: the database stops, a temporary home is deleted
        }

        System.out.println("NEO4J_URI=neo4j://127.0.0.1:" + port);
        System.out.println("NEO4J_USER=neo4j");
        System.out.println("NEO4J_PASSWORD=" + password);
        System.out.flush();
        stopped.await();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String generatedPassword() {
        final String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder("ag-");
        for (int i = 0; i < 20; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("neo4j-launcher: could not delete " + root + ": " + e);
        }
    }
}
