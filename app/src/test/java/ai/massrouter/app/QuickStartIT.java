package ai.massrouter.app;

import ai.massrouter.app.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start, run as a newcomer would: a fresh application with no administrator
 * configured, the {@code export} line it prints at its first start pasted into a shell, then
 * every {@code bash} block between the README's quick-start markers, in order, with bash, curl and jq.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuickStartIT {

    private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```");
    private static final Pattern EXPORT_LINE = Pattern.compile("(?m)^export MR_ADMIN_EMAIL=\\S+ MR_ADMIN_PASSWORD=(\\S+)$");

    static List<String> quickStartBlocks() throws IOException {
        String readme = Files.readString(readme());
        int begin = readme.indexOf("<!-- quick-start:begin");
        int end = readme.indexOf("<!-- quick-start:end -->");
        assertThat(begin).as("README quick-start markers").isPositive();
        assertThat(end).isGreaterThan(begin);
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BASH_BLOCK.matcher(readme.substring(begin, end));
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    private static Path readme() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("README.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("README.md");
    }

    @Test
    void readmeQuickStart_endsInAChargedCall_fromTheFirstStartsAdministrator(CapturedOutput output) throws Exception {
        List<String> blocks = quickStartBlocks();
        // step 1 (run) is the README's command 1; steps 2 to 5 are pasted
        assertThat(blocks).hasSizeBetween(1, 4);

        String databaseUrl = TestDatabase.create();
        Path dataDir = Files.createTempDirectory("massrouter-quickstart");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MassRouterApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--massrouter.data-dir=" + dataDir, "--massrouter.admin.email=", "--massrouter.admin.password=",
                "--spring.datasource.hikari.maximum-pool-size=8", "--spring.datasource.hikari.minimum-idle=1")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

            Matcher printed = EXPORT_LINE.matcher(output.getOut());
            assertThat(printed.find()).as("the first start prints the administrator's export line").isTrue();
            String exportLine = printed.group();
            String password = printed.group(1);
            assertThat(printed.find()).as("printed once").isFalse();
            // the one-time password is in the log only: the event log holds a hash
            Long leaks = app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domainevententry "
                    + "WHERE position(convert_to(?, 'UTF8') in payload) > 0", Long.class, password);
            assertThat(leaks).isZero();

            String script = "set -euo pipefail\n" + exportLine + "\n"
                    + String.join("\n", blocks).replace("localhost:8080", "localhost:" + port);
            Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
            boolean done = bash.waitFor(120, TimeUnit.SECONDS);
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(done).as(out).isTrue();
            assertThat(bash.exitValue()).as("the quick start failed:\n" + out).isZero();
            assertThat(out).contains("Hello, MassRouter", "\"type\": \"consumption\"", "\"model\": \"mock/echo\"");
        }
    }
}
