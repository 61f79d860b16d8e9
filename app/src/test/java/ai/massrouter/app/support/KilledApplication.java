package ai.massrouter.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What {@code kill -9} of the application leaves behind: a JVM that started the embedded PostgreSQL
 * on a data folder is killed, its PostgreSQL server keeps running with nobody to stop it.
 */
public final class KilledApplication {

    private KilledApplication() {
    }

    /** Starts a JVM that runs the embedded PostgreSQL on {@code dataDir}, kills it, returns the server's pid. */
    public static long leaveDatabaseRunning(Path dataDir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledApplication.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        var reader = jvm.inputReader();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            out.append(line).append('\n');
            if (line.startsWith("POSTMASTER ")) {
                jvm.destroyForcibly();
                jvm.waitFor(30, TimeUnit.SECONDS);
                return Long.parseLong(line.substring("POSTMASTER ".length()).trim());
            }
        }
        throw new IllegalStateException("The embedded PostgreSQL did not start:\n" + out);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        String pid = java.nio.file.Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim();
        System.out.println("POSTMASTER " + pid);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
