package ai.massrouter.app.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server that outlived its application (killed with {@code kill -9}, a crash) still
 * holds the data folder, and a new server cannot start on it. Its {@code postmaster.pid} names its
 * process and data folder: when that process is alive and serves this folder, it is asked to shut
 * down (SIGTERM, PostgreSQL's smart shutdown: its clients died with the application) and awaited.
 */
final class OrphanPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private OrphanPostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !sameFolder(dataDir, lines.get(1).trim())) {
            return;
        }
        Optional<ProcessHandle> process = parse(lines.get(0)).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL server (pid {}) left running by a previous start still serves {}: stopping it",
                process.get().pid(), dataDir);
        process.get().destroy();
        try {
            process.get().onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL server left running on " + dataDir + " (pid "
                    + process.get().pid() + ") did not stop within " + PATIENCE.toSeconds() + " s; stop it by hand");
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the PostgreSQL server left running on " + dataDir, e);
        }
    }

    private static boolean sameFolder(Path dataDir, String recorded) {
        try {
            return Files.isSameFile(dataDir, Path.of(recorded));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Long> parse(String pid) {
        try {
            return Optional.of(Long.parseLong(pid.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
