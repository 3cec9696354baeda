package org.postbinder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postbinder.support.Launcher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;

/**
 * The web page of {@code postbinder serve} works end to end in a real browser: a headless Chromium
 * (Debian's {@code chromium}, driven by Selenium through {@code chromedriver}) logs in as an
 * operator, starts the bundled demo job with "Run now", watches the run's page reload itself until
 * the run is COMPLETED, and downloads the run's PDF through the browser; the downloaded bytes are
 * the published PDF, and its cover page carries the demo's title. The server is a separate JVM
 * with its own database, output and jobs folder, and the demo reads its pages from disk (no network).
 */
class ServePageE2EIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static final String USER = "otto";
    private static final String PASSWORD = "lighthouse-keeper-e2e";

    /** The demo is about 30 pages from disk; this leaves room for a slow CI machine. */
    private static final Duration RUN_FINISHES = Duration.ofMinutes(2);
    private static final Duration PAGE_LOADS = Duration.ofSeconds(20);
    private static final Duration DOWNLOAD_FINISHES = Duration.ofSeconds(30);

    /** Where the README's screenshots are taken from. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Set<String> UNFINISHED = Set.of("STARTING", "STARTED", "STOPPING");

    @TempDir
    Path home;

    @TempDir
    Path downloads;

    private Launcher launcher;
    private Process server;
    private ChromeDriverService driverService;
    private WebDriver browser;

    @BeforeEach
    void chromiumIsInstalled() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("This end-to-end test drives a real headless Chromium: it needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian/Ubuntu: apt-get install chromium chromium-driver)");
        }
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (driverService != null) {
                driverService.stop();
            }
            if (server != null) {
                server.destroy();
                if (!server.waitFor(1, TimeUnit.MINUTES)) {
                    server.destroyForcibly();
                    server.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void anOperatorLogsInRunsTheDemoWatchesItFinishAndDownloadsItsPdf() throws Exception {
        // given: `serve` with the demo job in its jobs folder and one operator, and a headless Chromium
        String baseUrl = startServerWithTheDemoJob();
        browser = headlessChromium();
        WebDriverWait pageLoads = new WebDriverWait(browser, PAGE_LOADS);

        // when: the operator opens the page, which asks them to log in first
        browser.get(baseUrl);
        pageLoads.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(USER);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        // then: the jobs page lists the demo, with its title and a "Run now" button
        pageLoads.until(ExpectedConditions.textToBe(By.tagName("h1"), "Jobs"));
        WebElement demo = browser.findElement(By.xpath("//tr[td[@data-label='Job']/a[normalize-space()='demo']]"));
        assertThat(demo.findElement(By.cssSelector("td[data-label=Job] .sub")).getText()).contains("Harbour Lights");
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).isEqualTo(USER);
        screenshot("serve-jobs.png");

        // when: the operator runs the demo now
        demo.findElement(By.xpath(".//button[normalize-space()='Run now']")).click();

        // then: the browser is on the new run's page, which reloads itself until the run has finished
        pageLoads.until(ExpectedConditions.urlMatches("/jobs/demo/runs/[A-Za-z0-9_-]+$"));
        String run = runId(browser.getCurrentUrl());
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Run " + run + " started.");
        assertThat(browser.findElement(By.cssSelector("h1 .status")).getText()).isEqualTo("STARTED");
        assertThat(browser.findElement(By.id("live")).getText()).contains("reloads itself");
        screenshot("serve-run-live.png");
        // (the test never reloads the page: only the page's own refresh can show the run finished)
        String status = new WebDriverWait(browser, RUN_FINISHES)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .withMessage(() -> "run " + run + " did not finish in " + RUN_FINISHES + "; the server printed:\n" + serverLog())
                .until(page -> {
                    String shown = page.findElement(By.cssSelector("h1 .status")).getText().strip();
                    return UNFINISHED.contains(shown) ? null : shown;
                });
        assertThat(status).as("the run's status on its page; the server printed:\n" + serverLog()).isEqualTo("COMPLETED");
        assertThat(browser.findElements(By.id("live"))).as("a finished run's page no longer says it reloads").isEmpty();
        assertThat(Integer.parseInt(browser.findElement(By.id("stored")).getText().strip())).as("posts stored").isPositive();
        String pdfName = "demo-" + run + ".pdf";
        List<String> files = browser.findElements(By.cssSelector("table.files a[download]")).stream()
                .map(WebElement::getText).toList();
        assertThat(files).contains(pdfName, "posts.csv");
        assertThat(browser.findElement(By.linkText("Download all as ZIP")).getDomAttribute("href"))
                .endsWith("/jobs/demo/runs/" + run + "/archive.zip");
        screenshot("serve-run.png");

        // when: the operator downloads the PDF through the browser
        browser.findElement(By.linkText(pdfName)).click();
        Path downloaded = awaitDownload(pdfName);

        // then: the bytes are the published PDF, with pages, and the demo's title on its cover
        byte[] pdf = Files.readAllBytes(downloaded);
        assertThat(pdf).isEqualTo(Files.readAllBytes(launcher.output().resolve("demo").resolve(run).resolve(pdfName)));
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            assertThat(document.getNumberOfPages()).isPositive();
            assertThat(PdfTextExtractor.getTextFromPage(document.getFirstPage())).contains("Harbour Lights");
        }

        // when: the operator opens the job's page
        browser.get(baseUrl + "jobs/demo");

        // then: its nightly schedule, and the run in its history
        pageLoads.until(ExpectedConditions.textToBe(By.tagName("h1"), "demo"));
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("0 30 3 * * *", "UTC");
        WebElement listed = browser.findElement(By.xpath("//tr[td[@data-label='Run']/a[normalize-space()='" + run + "']]"));
        assertThat(listed.findElement(By.cssSelector("td[data-label=Status]")).getText()).isEqualTo("COMPLETED");
        screenshot("serve-job.png");

        // and on a phone's screen, the run's page still shows its figures and files
        browser.manage().window().setSize(new Dimension(390, 844));
        listed.findElement(By.linkText(run)).click();
        pageLoads.until(ExpectedConditions.urlContains("/runs/" + run));
        assertThat(browser.findElement(By.linkText(pdfName)).isDisplayed()).isTrue();
        assertThat(horizontalOverflow()).as("nothing wider than the phone's screen").isLessThanOrEqualTo(0L);
        screenshot("serve-phone.png");
    }

    /** How many pixels the page is wider than the window (0 or less: it fits). */
    private long horizontalOverflow() {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    /** Starts {@code serve} on a free port with a copy of the bundled demo job; returns its root URL. */
    private String startServerWithTheDemoJob() throws IOException, InterruptedException {
        Path jobs = home.resolve("jobs");
        copy(Path.of("jobs", "demo-site"), jobs.resolve("demo-site"));
        Files.copy(Path.of("jobs", "demo.yml"), jobs.resolve("demo.yml"));
        int port = freePort();
        launcher = new Launcher(home);
        server = launcher.start("serve",
                "--server.port=" + port,
                "--postbinder.schedule.jobs-dir=" + jobs.toAbsolutePath(),
                "--postbinder.serve.users[0].name=" + USER,
                "--postbinder.serve.users[0].password-hash=" + new BCryptPasswordEncoder().encode(PASSWORD),
                "--postbinder.serve.users[0].role=OPERATOR");
        launcher.awaitPrinted("Postbinder is serving on http://127.0.0.1:" + port + "/", 1, server);
        return "http://127.0.0.1:" + port + "/";
    }

    /** Headless Chromium from the system's packages; Selenium Manager is never asked to download a driver. */
    private WebDriver headlessChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                // a machine without internet: Chromium's own calls home would only fail, many at a time
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false,
                "download.directory_upgrade", true));
        driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(driverService, options);
    }

    /** Waits until Chromium has written the whole file (no {@code .crdownload} left) and returns it. */
    private Path awaitDownload(String name) throws IOException, InterruptedException {
        Path file = downloads.resolve(name);
        long deadline = System.nanoTime() + DOWNLOAD_FINISHES.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(file) && Files.size(file) > 0 && !anyPartialDownload()) {
                return file;
            }
            Thread.sleep(100);
        }
        try (Stream<Path> present = Files.list(downloads)) {
            throw new AssertionError("Chromium did not download " + name + " in " + DOWNLOAD_FINISHES
                    + "; the download folder holds " + present.map(Path::getFileName).toList());
        }
    }

    private boolean anyPartialDownload() throws IOException {
        try (Stream<Path> present = Files.list(downloads)) {
            return present.anyMatch(path -> path.getFileName().toString().endsWith(".crdownload"));
        }
    }

    /** A screenshot for the README; a test is not failed for a picture that could not be saved. */
    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | WebDriverException | ClassCastException e) {
            System.err.println("could not save the screenshot " + name + ": " + e);
        }
    }

    private static String runId(String url) {
        Matcher run = Pattern.compile("/jobs/demo/runs/([A-Za-z0-9_-]+)$").matcher(url);
        assertThat(run.find()).as("a run's page: " + url).isTrue();
        return run.group(1);
    }

    private String serverLog() {
        try {
            return launcher.printedSince(0);
        } catch (IOException e) {
            return "(cannot read " + launcher.log() + ": " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : (Iterable<Path>) tree::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
