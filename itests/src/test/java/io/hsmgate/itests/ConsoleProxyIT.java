package io.hsmgate.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.hsmgate.pkcs11.testing.SoftHsmFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A proxy server configured through the console in a real headless Chromium against the real distribution and a
 * SoftHSM token: a TLS listener saved with a bad port (the model's error under the port input, nothing else
 * lost), fixed, pushed, shown RUNNING with its address; then a JDK TLS client handshakes with it, is shown the
 * token's certificate and reaches the backend through it, and the console counts the handshake. With the proxy
 * bundle stopped the page still shows the configuration and says that bundle is not running.
 */
class ConsoleProxyIT {

    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final String CONNECTION = "softhsm-proxy";
    private static final String CERTIFICATE = "tls ec256 in hsm";
    private static final String PROXY = "web proxy";
    private static final String BODY = "hello through the console's proxy";

    private static RunningServer server;
    private static ConsoleBrowser browser;
    private static HttpServer backend;
    private static String library;

    @BeforeAll
    static void start() throws Exception {
        library = SoftHsmFixture.shared().library().toString();
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        backend.createContext("/", exchange -> {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        server = RunningServer.start("console-proxy");
        browser = ConsoleBrowser.open(server, Path.of("target", "screenshots"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            try {
                if (server != null) {
                    server.close();
                }
            } finally {
                if (backend != null) {
                    backend.stop(0);
                }
            }
        }
    }

    @Test
    void administratorConfiguresATlsListenerAndSeesItRunWithTheTokensCertificate() throws Exception {
        WebDriver d = browser.driver();
        createAndStartConnection(d);
        createCertificate(d);
        int backendPort = backend.getAddress().getPort();
        int port = freePort();

        // the add form: both listener fieldsets, unticked, with the model's defaults
        browser.open("/system/console/hsm-proxy-servers?add");
        assertTrue(d.findElement(By.id("tls-listener")).getText().contains("TLS listener"));
        assertTrue(d.findElement(By.id("ssh-listener")).getText().contains("SSH listener"));
        assertFalse(d.findElement(By.id("field-tlsListener")).isSelected());
        assertFalse(d.findElement(By.id("field-tlsListener.port")).isDisplayed(), "fields hidden while unticked");
        type(d, "field-name", PROXY);
        new Select(d.findElement(By.id("field-hsmConnectionId"))).selectByVisibleText(CONNECTION);
        new Select(d.findElement(By.id("field-tlsCertificateId"))).selectByVisibleText(CERTIFICATE);
        d.findElement(By.id("field-tlsListener")).click();
        assertEquals("127.0.0.1", value(d, "field-tlsListener.bindHost"));
        assertTrue(d.findElement(By.id("field-tlsListener.protocols.TLSv1.2")).isSelected());
        assertTrue(d.findElement(By.id("field-tlsListener.protocols.TLSv1.3")).isSelected());

        // a port out of range: the model's message under the port input, every other value kept
        type(d, "field-tlsListener.port", "70000");
        type(d, "field-tlsListener.backendHost", "127.0.0.1");
        type(d, "field-tlsListener.backendPort", Integer.toString(backendPort));
        d.findElement(By.id("save-item")).click();
        WebElement error = browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//tr[@id='row-tlsListener.port']//ul[@id='error-tlsListener.port']")));
        assertTrue(error.getText().contains("between 1 and 65535"), error.getText());
        assertEquals("true", d.findElement(By.id("field-tlsListener.port")).getAttribute("aria-invalid"));
        assertEquals("70000", value(d, "field-tlsListener.port"));
        assertEquals(PROXY, value(d, "field-name"));
        assertTrue(d.findElement(By.id("field-tlsListener")).isSelected(), "the listener stays ticked");
        assertEquals("127.0.0.1", value(d, "field-tlsListener.backendHost"));
        assertEquals(Integer.toString(backendPort), value(d, "field-tlsListener.backendPort"));
        assertTrue(d.findElement(By.id("field-tlsListener.protocols.TLSv1.3")).isSelected());
        assertEquals(CERTIFICATE, new Select(d.findElement(By.id("field-tlsCertificateId")))
                .getFirstSelectedOption().getText());
        browser.screenshot("proxy-port-error");

        // fixed: saved, and the details show the listener as configured
        type(d, "field-tlsListener.port", Integer.toString(port));
        d.findElement(By.id("save-item")).click();
        WebElement details = browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("item-details")));
        String proxyId = idFrom(d.getCurrentUrl());
        String listener = "TLS 127.0.0.1:" + port + " \u2192 127.0.0.1:" + backendPort + " (TLSv1.2, TLSv1.3)";
        assertTrue(details.getText().contains(listener), details.getText());
        assertTrue(d.findElement(By.id("proxy-state")).getText().contains("not in the running revision"));

        // push; the proxy starts on the running connection and the page shows it listening
        push(d);
        browser.open("/system/console/hsm-proxy-servers?id=" + proxyId);
        awaitProxyState(d, proxyId, "RUNNING");
        WebElement tls = d.findElement(By.id("listener-tls"));
        assertEquals("127.0.0.1:" + port, tls.findElement(By.className("listener-address")).getText());
        assertEquals("yes", tls.findElement(By.className("listener-listening")).getText());

        // a TLS client: the certificate presented is the token's, and the backend answers through the listener
        X509Certificate onToken = SoftHsmFixture.shared().certificate(SoftHsmFixture.EC_256);
        try (SSLSocket socket = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.startHandshake();
            Certificate[] presented = socket.getSession().getPeerCertificates();
            assertEquals(onToken, presented[0], "the certificate presented is the one on the token");
            assertTrue(List.of("TLSv1.2", "TLSv1.3").contains(socket.getSession().getProtocol()));
            socket.getOutputStream().write("GET / HTTP/1.0\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = readAll(socket);
            assertTrue(answer.startsWith("HTTP/1.") && answer.endsWith(BODY), answer);
        }

        // the console counts the handshake; the list shows the listener and the state too
        browser.await(PAGE).until(driver -> {
            driver.navigate().refresh();
            List<WebElement> handshakes = driver.findElements(By.cssSelector("#listener-tls .listener-handshakes"));
            return !handshakes.isEmpty() && Long.parseLong(handshakes.get(0).getText()) >= 1;
        });
        assertEquals("0", d.findElement(By.cssSelector("#listener-tls .listener-hsm-unavailable")).getText());
        browser.screenshot("proxy-running");
        browser.open("/system/console/hsm-proxy-servers");
        WebElement row = d.findElement(By.cssSelector("tr.item[data-id='" + proxyId + "']"));
        assertTrue(row.getText().contains(listener), row.getText());
        assertEquals("RUNNING", row.findElement(By.className("proxy-state")).getText().strip());
        browser.screenshot("proxy-list");

        // the proxy bundle stopped: the page still works and says so; started again, the live status is back
        bundleAction("stop");
        browser.open("/system/console/hsm-proxy-servers?id=" + proxyId);
        browser.await(PAGE).until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("proxy-state")).getText().contains("proxy bundle not running");
        });
        assertTrue(d.findElement(By.id("item-details")).getText().contains(listener), "the configuration is still shown");
        browser.screenshot("proxy-bundle-stopped");
        bundleAction("start");
        awaitProxyState(d, proxyId, "RUNNING");

        // an SSH listener with bad authorized keys: each error under the text area names the key's line
        d.findElement(By.id("edit-item")).click();
        assertTrue(d.findElement(By.id("field-tlsListener")).isSelected(), "the stored TLS listener is shown ticked");
        assertEquals(Integer.toString(port), value(d, "field-tlsListener.port"));
        d.findElement(By.id("field-sshListener")).click();
        assertEquals("127.0.0.1", value(d, "field-sshListener.bindHost"));
        type(d, "field-sshListener.port", Integer.toString(freePort()));
        type(d, "field-sshListener.backendHost", "127.0.0.1");
        type(d, "field-sshListener.backendPort", Integer.toString(backendPort));
        type(d, "field-sshListener.authorizedKeys", "bogus-one AAAA\n\nbogus-two AAAA");
        d.findElement(By.id("save-item")).click();
        WebElement keyErrors = browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//tr[@id='row-sshListener.authorizedKeys']//ul[@id='error-sshListener.authorizedKeys']")));
        assertTrue(keyErrors.getText().contains("line 1"), keyErrors.getText());
        assertTrue(keyErrors.getText().contains("line 3"), keyErrors.getText());
        assertTrue(d.findElement(By.id("error-sshListener")).getText().contains("sshHostKeyId"),
                "no host key chosen: said under the SSH listener's checkbox");
        assertEquals("bogus-one AAAA\n\nbogus-two AAAA", value(d, "field-sshListener.authorizedKeys"));
        browser.screenshot("proxy-ssh-key-errors");
    }

    /** Stops or starts the proxy bundle through the Web Console's bundles plugin, as its page's button does. */
    private static void bundleAction(String action) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((RunningServer.ADMIN + ":" + server.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/system/console/bundles/io.hsmgate.proxy")))
                .timeout(PAGE).header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=" + action)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "bundle " + action + ": " + response.body());
    }

    /** Adds the SoftHSM connection, pushes and starts it, and waits until it is RUNNING. */
    private static void createAndStartConnection(WebDriver d) {
        browser.open("/system/console/hsm?add");
        type(d, "field-name", CONNECTION);
        type(d, "field-libraryPath", library);
        type(d, "field-tokenLabel", SoftHsmFixture.TOKEN_A);
        type(d, "field-pin", SoftHsmFixture.USER_PIN);
        d.findElement(By.id("save-connection")).click();
        browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("connection-details")));
        String id = idFrom(d.getCurrentUrl());
        push(d);
        browser.open("/system/console/hsm-status?tab=connections");
        d.findElement(By.id("start-" + id)).click();
        browser.await(PAGE).until(driver -> {
            driver.navigate().to(driver.getCurrentUrl().replaceAll("[?].*$", "") + "?tab=connections");
            List<WebElement> badge = driver.findElements(By.cssSelector("#status-" + id + " .state"));
            return !badge.isEmpty() && badge.get(0).getText().strip().equals("RUNNING");
        });
    }

    /** A TLS certificate whose key and certificate are on the token (ec256, CKA_ID 02). */
    private static void createCertificate(WebDriver d) {
        browser.open("/system/console/hsm-tls-certificates?add");
        type(d, "field-name", CERTIFICATE);
        new Select(d.findElement(By.id("field-hsmConnectionId"))).selectByVisibleText(CONNECTION);
        type(d, "field-ckaId", "02");
        type(d, "field-ckaLabel", SoftHsmFixture.EC_256);
        d.findElement(By.id("save-item")).click();
        browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("item-details")));
    }

    private static void push(WebDriver d) {
        browser.open("/system/console/hsm-status?tab=configuration");
        d.findElement(By.id("push-configuration")).click();
        browser.await(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("no-changes")));
    }

    /** Reloads the proxy server's details until its live state badge says {@code state}. */
    private static void awaitProxyState(WebDriver d, String proxyId, String state) {
        browser.await(PAGE).until(driver -> {
            driver.navigate().to(driver.getCurrentUrl().replaceAll("[?].*$", "") + "?id=" + proxyId);
            List<WebElement> badge = driver.findElements(By.cssSelector("#proxy-state .hsmgate-badge"));
            return !badge.isEmpty() && badge.get(0).getText().strip().equals(state);
        });
    }

    /** A client that accepts any server certificate: the test compares the presented one itself. */
    private static SSLContext trustAll() throws Exception {
        X509TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, new SecureRandom());
        return context;
    }

    private static String readAll(SSLSocket socket) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        socket.getInputStream().transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String idFrom(String url) {
        Matcher m = Pattern.compile("[?&]id=([0-9a-f-]{36})").matcher(url);
        assertTrue(m.find(), "no id in " + url);
        return m.group(1);
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
