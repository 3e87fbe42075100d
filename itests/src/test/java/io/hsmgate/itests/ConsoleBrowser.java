package io.hsmgate.itests;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the Debian packages driven by Selenium, with the console's Basic credentials in the URL.
 * Selenium is pointed at /usr/bin/chromium and /usr/bin/chromedriver so it never downloads a browser or driver;
 * when they are missing the test fails and says what to install.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final Path screenshots;
    private final String base;
    private int shot;

    private ConsoleBrowser(WebDriver driver, ChromeDriverService service, Path profile, Path screenshots, String base) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.screenshots = screenshots;
        this.base = base;
    }

    static ConsoleBrowser open(RunningServer server, Path screenshots) throws IOException {
        for (Path tool : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(tool)) {
                throw new AssertionError(tool + " is missing: the console browser tests need Chromium and its driver"
                        + " (apt-get install chromium chromium-driver)");
            }
        }
        Files.createDirectories(screenshots);
        Path profile = Files.createTempDirectory("hsmgate-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        String credentials = URLEncoder.encode(RunningServer.ADMIN, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(server.password(), StandardCharsets.UTF_8).replace("+", "%20");
        String base = server.url("").replace("http://", "http://" + credentials + "@");
        return new ConsoleBrowser(driver, service, profile, screenshots, base);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a console page by its path, e.g. "/system/console/hsm?add". */
    void open(String path) {
        driver.get(base + path);
    }

    WebDriverWait await(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    }

    /** Saves a PNG of the current page as NN-name.png. */
    void screenshot(String name) throws IOException {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++shot, name)),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
