package io.hsmgate.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's path through the console in a real headless Chromium against the real distribution and a
 * SoftHSM token: add an HSM connection with a validation error and fix it, discover the token, test the unsaved
 * values, push, stop and start, validate an HSM-held key, and delete the connection (refused while a private key
 * uses it, done after the key is gone). Screenshots of every page land in target/screenshots.
 */
class ConsoleBrowserIT {

    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final String NAME = "softhsm-a";
    private static final String KEY_NAME = "ssh host key ec256";
    private static final String CERTIFICATE_NAME = "tls ec256";

    private static RunningServer server;
    private static ConsoleBrowser browser;
    private static String library;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        library = SoftHsmFixture.shared().library().toString();
        server = RunningServer.start("console");
        browser = ConsoleBrowser.open(server, Path.of("target", "screenshots"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void administratorAddsTestsPushesStartsValidatesAndDeletesAnHsmConnection() throws Exception {
        WebDriver d = browser.driver();

        // log in (Basic credentials in the URL) and see the HSM page with the bundle states
        browser.open("/system/console/hsm");
        assertTrue(text(d, By.id("hsmgate-version")).startsWith("0."), "version shown");
        assertTrue(d.findElement(By.id("hsmgate-bundles")).getText().contains("io.hsmgate.webconsole"));
        browser.screenshot("hsm-empty");

        // the add form has the defaults filled in
        d.findElement(By.id("add-connection")).click();
        assertEquals("1024", value(d, "field-maxSessions"));
        assertEquals("30", value(d, "field-connectionTimeoutSeconds"));
        assertTrue(d.findElement(By.id("field-authenticate")).isSelected());
        assertEquals("USER", new Select(d.findElement(By.id("field-userType"))).getFirstSelectedOption().getAttribute("value"));
        type(d, "field-name", NAME);
        type(d, "field-description", "SoftHSM token A for the browser test");
        type(d, "field-libraryPath", library);

        // token discovery: list the library's tokens and fill the serial number from one click
        d.findElement(By.id("discover-tokens")).click();
        WebElement row = browser.await(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//table[@id='token-table']//tr[td[@class='token-label' and text()='" + SoftHsmFixture.TOKEN_A + "']]")));
        String serial = row.findElement(By.className("token-serial")).getText();
        assertFalse(serial.isBlank());
        browser.screenshot("hsm-token-discovery");
        row.findElement(By.className("hsmgate-use-token")).click();
        assertEquals(serial, value(d, "field-tokenSerialNumber"));

        // a validation error: two token identifiers; the model's message shows next to the fields
        type(d, "field-tokenLabel", SoftHsmFixture.TOKEN_A);
        type(d, "field-pin", SoftHsmFixture.USER_PIN);
        d.findElement(By.id("save-connection")).click();
        WebElement error = browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("error-tokenLabel")));
        assertTrue(error.getText().contains("exactly one"), error.getText());
        assertEquals("", value(d, "field-pin"), "the PIN is never sent back to the browser");
        assertEquals(NAME, value(d, "field-name"), "the other values are kept");
        browser.screenshot("hsm-validation-error");

        // fix it and test the unsaved values against SoftHSM: every step passes
        d.findElement(By.id("field-tokenLabel")).clear();
        type(d, "field-pin", SoftHsmFixture.USER_PIN);
        d.findElement(By.id("test-connection")).click();
        WebElement report = browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("test-report")));
        List<WebElement> steps = report.findElements(By.className("test-step"));
        assertTrue(steps.size() >= 4, "test steps shown: " + report.getText());
        for (WebElement step : steps) {
            assertTrue(step.getText().contains("OK"), "step failed: " + step.getText());
        }
        assertTrue(report.findElement(By.tagName("h3")).getText().contains("PASSED"));
        browser.screenshot("hsm-test-passed");

        // save: the details view with the metadata
        type(d, "field-pin", SoftHsmFixture.USER_PIN);
        d.findElement(By.id("save-connection")).click();
        WebElement details = browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("connection-details")));
        String connectionId = idFrom(d.getCurrentUrl());
        assertTrue(details.getText().contains(connectionId));
        assertTrue(details.getText().contains("Created At"));
        assertTrue(details.getText().contains("NOT PUSHED"));
        browser.screenshot("hsm-details");

        // push from Monitoring > Status: the preview lists the new connection
        browser.open("/system/console/hsm-status?tab=configuration");
        assertTrue(d.findElement(By.id("preview")).getText().contains(NAME));
        browser.screenshot("status-configuration-preview");
        d.findElement(By.id("push-configuration")).click();
        browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("no-changes")));
        assertTrue(text(d, By.id("running-revision")).contains("Running revision 1"), text(d, By.id("running-revision")));

        // stop, then start: the state badge follows
        browser.open("/system/console/hsm-status?tab=connections");
        awaitState(d, connectionId, "RUNNING");
        d.findElement(By.id("stop-" + connectionId)).click();
        awaitState(d, connectionId, "STOPPED");
        d.findElement(By.id("start-" + connectionId)).click();
        awaitState(d, connectionId, "RUNNING");
        browser.screenshot("status-connection-running");

        // a private key stored in the HSM on this connection (ec256, CKA_ID 02), pushed, then validated
        browser.open("/system/console/hsm-private-keys?add");
        type(d, "field-name", KEY_NAME);
        assertTrue(d.findElement(By.id("field-storeInHsm")).isSelected(), "Store in HSM is the default");
        new Select(d.findElement(By.id("field-hsmConnectionId"))).selectByVisibleText(NAME);
        type(d, "field-ckaId", "02");
        type(d, "field-ckaLabel", SoftHsmFixture.EC_256);
        browser.screenshot("private-key-form");
        d.findElement(By.id("save-item")).click();
        browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("item-details")));
        String keyId = idFrom(d.getCurrentUrl());

        browser.open("/system/console/hsm-tls-certificates?add");
        type(d, "field-name", CERTIFICATE_NAME);
        new Select(d.findElement(By.id("field-hsmConnectionId"))).selectByVisibleText(NAME);
        type(d, "field-ckaId", "02");
        d.findElement(By.id("save-item")).click();
        WebElement certificate = browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("item-details")));
        assertTrue(certificate.getText().contains(NAME), certificate.getText());
        String certificateId = idFrom(d.getCurrentUrl());
        browser.screenshot("tls-certificate-details");

        browser.open("/system/console/hsm-status?tab=configuration");
        d.findElement(By.id("field-restartAffected")).click();
        d.findElement(By.id("push-configuration")).click();
        browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("no-changes")));
        browser.open("/system/console/hsm-status?tab=connections");
        awaitState(d, connectionId, "RUNNING");
        d.findElement(By.id("validate-" + connectionId)).click();
        WebElement validation = browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("validation-report")));
        WebElement check = validation.findElement(By.xpath(".//tr[contains(@class,'credential-check')][td[text()='" + KEY_NAME + "']]"));
        assertTrue(check.getText().contains("OK"), check.getText());
        assertTrue(check.getText().contains("EC"), check.getText());
        WebElement certificateCheck = validation.findElement(By.xpath(
                ".//tr[contains(@class,'credential-check')][td[text()='" + CERTIFICATE_NAME + "']]"));
        assertTrue(certificateCheck.getText().contains("TLS certificate"), certificateCheck.getText());
        browser.screenshot("status-validation");

        // delete refused while the key references the connection; the referrer is listed
        browser.open("/system/console/hsm?delete=" + connectionId);
        d.findElement(By.id("confirm-delete")).click();
        WebElement refused = browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("delete-refused")));
        assertTrue(refused.findElement(By.id("referrers")).getText().contains(KEY_NAME), refused.getText());
        assertTrue(refused.findElement(By.id("referrers")).getText().contains(CERTIFICATE_NAME), refused.getText());
        browser.screenshot("hsm-delete-refused");

        // unreference (delete the key and the certificate), then the delete goes through
        browser.open("/system/console/hsm-private-keys?delete=" + keyId);
        d.findElement(By.id("confirm-delete")).click();
        browser.await(PAGE).until(ExpectedConditions.urlContains("done=deleted"));
        browser.open("/system/console/hsm-tls-certificates?delete=" + certificateId);
        d.findElement(By.id("confirm-delete")).click();
        browser.await(PAGE).until(ExpectedConditions.urlContains("done=deleted"));
        browser.open("/system/console/hsm?delete=" + connectionId);
        d.findElement(By.id("confirm-delete")).click();
        browser.await(PAGE).until(ExpectedConditions.urlContains("done=deleted"));
        assertTrue(d.findElements(By.cssSelector("tr.connection[data-id='" + connectionId + "']")).isEmpty());
        browser.screenshot("hsm-deleted");
    }

    /** Reloads the HSM Connection tab until the connection's state badge says {@code state}. */
    private static void awaitState(WebDriver d, String connectionId, String state) {
        browser.await(PAGE).until(driver -> {
            driver.navigate().to(driver.getCurrentUrl().replaceAll("[?].*$", "") + "?tab=connections");
            List<WebElement> badge = driver.findElements(By.cssSelector("#status-" + connectionId + " .state"));
            return !badge.isEmpty() && badge.get(0).getText().strip().equals(state);
        });
    }

    private static String idFrom(String url) {
        Matcher m = Pattern.compile("[?&]id=([0-9a-f-]{36})").matcher(url);
        assertTrue(m.find(), "no id in " + url);
        return m.group(1);
    }

    private static String text(WebDriver d, By by) {
        return d.findElement(by).getText();
    }

    private static String value(WebDriver d, String id) {
        return d.findElement(By.id(id)).getAttribute("value");
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement field = d.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
