package ai.massrouter.app.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, never a download)
 * with a fresh profile, pointed at the console, at a phone or a desktop width, and able to save a
 * full-page screenshot. Without Chromium it fails with what to install.
 */
final class Browser implements AutoCloseable {

    static final int PHONE = 390;
    static final int DESKTOP = 1366;

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private int width = DESKTOP;

    Browser(int port) throws IOException {
        File chrome = find("CHROME_BIN", "chromium", "chromium-browser", "google-chrome")
                .orElseThrow(() -> new IllegalStateException(missing("Chromium")));
        File chromedriver = find("CHROMEDRIVER", "chromedriver")
                .orElseThrow(() -> new IllegalStateException(missing("chromedriver")));
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        base = "http://localhost:" + port + "/";
        width(DESKTOP);
    }

    private static String missing(String what) {
        return what + " was not found: the console's browser test (ConsoleE2EIT) drives headless Chromium. "
                + "Install it with `apt-get install -y chromium chromium-driver` (.ci/run does so), or set "
                + "CHROME_BIN and CHROMEDRIVER to the binaries.";
    }

    private static Optional<File> find(String variable, String... names) {
        String set = System.getenv(variable);
        if (set != null && !set.isBlank()) {
            return Optional.of(new File(set)).filter(File::canExecute);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Stream.of(names)
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> new File(dir, name)))
                .filter(File::canExecute)
                .findFirst();
    }

    /** Lays the page out at this width (a phone's is emulated as a mobile screen). */
    void width(int pixels) {
        width = pixels;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", pixels,
                "height", pixels < 600 ? 844 : 900, "deviceScaleFactor", 1, "mobile", pixels < 600));
        // the console redraws its charts 150 ms after the last resize event (chart.js): a screenshot
        // taken sooner shows them at the old width
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens a console route, e.g. {@code #/billing}, and waits until nothing is loading. */
    void open(String route) {
        driver.get(base + route);
        settle();
    }

    /** Navigates inside the console (no reload: the live connection stays open). */
    void go(String route) {
        driver.executeScript("location.hash = arguments[0]", route);
        settle();
    }

    void settle() {
        until(d -> "complete".equals(script("return document.readyState"))
                && !driver.findElements(By.cssSelector("main > *")).isEmpty()
                && driver.findElements(By.cssSelector(".state.loading")).isEmpty());
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    WebElement find(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        WebElement element = find(css);
        until(ExpectedConditions.elementToBeClickable(element));
        element.click();
    }

    String text(String css) {
        find(css);
        return (String) script("return document.querySelector(arguments[0]).innerText", css);
    }

    /** Waits (up to 40 s: the build machine may be busy) until the text of css satisfies test; returns it. */
    String waitText(String css, java.util.function.Predicate<String> test) {
        // read in the page in one step: live data re-renders elements between a lookup and a read
        return until(d -> {
            @SuppressWarnings("unchecked")
            List<String> texts = (List<String>) script(
                    "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)", css);
            return texts.stream().filter(test).findFirst().orElse(null);
        });
    }

    <T> T until(Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(40), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    String hash() {
        return (String) script("return location.hash");
    }

    /** Saves the whole page (not just the screen) as a PNG. */
    void screenshot(Path file) throws IOException {
        Number height = (Number) script("return Math.ceil(document.documentElement.scrollHeight)");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", Math.max(height.intValue(), 400), "deviceScaleFactor", 1, "mobile", width < 600));
        @SuppressWarnings("unchecked")
        Map<String, Object> shot = (Map<String, Object>) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        width(width);
    }

    /** What a failed step leaves behind: a screenshot, the page's text and the browser's console. */
    void evidence(Path file) {
        try {
            screenshot(file);
        } catch (Exception e) {
            System.err.println("console test: no screenshot " + file + ": " + e);
        }
        try {
            System.err.println("console test: " + file.getFileName() + " at " + hash() + "\n"
                    + script("return document.body.innerText"));
            driver.manage().logs().get("browser").forEach(entry -> System.err.println("  browser: " + entry));
        } catch (Exception e) {
            System.err.println("console test: no page text: " + e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
