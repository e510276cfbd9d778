package org.alliancegraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
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
 *   <li>{@code NEO4J_PORT}: the Bolt port (default: a free port, chosen at start; a port already in
 *       use stops the launcher with one line saying so);</li>
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
 * {@code <home>/logs/}; the launcher's messages go to stderr. A start that fails says why in one line
 * (no stack trace), exits 1 and deletes its temporary data folder: the clean-up is registered before
 * the database is built, so it runs on every exit.
 */
public final class Neo4jLauncher {
    private Neo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        String requested = System.getenv("NEO4J_PORT");
        int port;
        if (requested == null || requested.isBlank()) {
            port = freePort();
        } else {
            port = Integer.parseInt(requested.trim());
            if (!portFree(port)) {
                System.err.println("neo4j-launcher: port " + port + " on 127.0.0.1 is already in use (another Neo4j,"
                    + " such as Neo4j Desktop?): set NEO4J_PORT to a free port, or leave it unset to pick one");
                System.exit(1);
            }
        }
        String password = envOr("NEO4J_PASSWORD", generatedPassword());
        long pageCacheMb = Long.parseLong(envOr("NEO4J_PAGECACHE_MB", "256"));
        String keptHome = System.getenv("NEO4J_HOME_DIR");
        boolean temporary = keptHome == null || keptHome.isBlank();
        Path home = temporary
            ? Files.createTempDirectory("alliance-graph-neo4j-")
            : Files.createDirectories(Paths.get(keptHome).toAbsolutePath());
        System.err.println("neo4j-launcher: Neo4j home " + home + (temporary ? " (deleted on exit)" : " (kept)"));

        // Registered before build(): whatever ends the process from here on (a failed build, a failed
        // first query, SIGTERM) stops the database if it started and deletes a temporary home.
        AtomicReference<DatabaseManagementService> started = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService running = started.get();
            if (running != null) {
                System.err.println("neo4j-launcher: stopping");
                try {
                    running.shutdown();
                } catch (RuntimeException e) {
                    System.err.println("neo4j-launcher: shutdown failed: " + e);
                }
            }
            if (temporary) deleteTree(home);
            if (running != null) System.err.println("neo4j-launcher: stopped");
            stopped.countDown();
        }, "neo4j-launcher-shutdown"));

        SocketAddress bolt = new SocketAddress("127.0.0.1", port);
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
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
        } catch (RuntimeException e) {
            Throwable cause = rootCause(e);
            boolean taken = cause instanceof BindException
                || String.valueOf(cause.getMessage()).contains("Address already in use");
            System.err.println(taken
                ? "neo4j-launcher: port " + port + " on 127.0.0.1 is already in use: set NEO4J_PORT to a free port, or leave it unset to pick one"
                : "neo4j-launcher: Neo4j did not start: " + oneLine(cause)
                    + (temporary ? "" : " (its log: " + home.resolve("logs") + ")"));
            System.exit(1); // runs the shutdown hook: a temporary home is deleted
            return;
        }
        started.set(dbms);

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
            System.err.println("neo4j-launcher: start-up failed: " + oneLine(rootCause(e)));
            System.exit(1); // runs the shutdown hook: the database stops, a temporary home is deleted
        }

        System.out.println("NEO4J_URI=neo4j://127.0.0.1:" + port);
        System.out.println("NEO4J_USER=neo4j");
        System.out.println("NEO4J_PASSWORD=" + password);
        System.out.flush();
        stopped.await();
    }

    /** A port the system says is free on 127.0.0.1 now (Neo4j binds it a moment later). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String oneLine(Throwable t) {
        String message = String.valueOf(t.getMessage()).split("\\R", 2)[0];
        return t.getClass().getSimpleName() + ": " + message;
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
