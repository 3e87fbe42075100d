package io.hsmgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * The distribution's bundle set, provisioned by Pax Exam with the distribution's own start levels and
 * framework properties: every bundle must be ACTIVE and the HSM console page must be protected.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionBundlesIT {

    private static final String PORT_PROPERTY = DistributionOptions.PORT_PROPERTY;
    private static final String DATA_PROPERTY = DistributionOptions.DATA_PROPERTY;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        return DistributionOptions.of("bundles").toArray(new Option[0]);
    }

    @Test
    public void everyBundleIsActive() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> notActive;
        do {
            notActive = new ArrayList<>();
            for (Bundle b : context.getBundles()) {
                boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
                int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
                if (b.getState() != expected) {
                    notActive.add(b.getSymbolicName() + " (state " + b.getState() + ")");
                }
            }
            if (notActive.isEmpty()) {
                break;
            }
            Thread.sleep(100); // poll interval; the loop checks the condition against a deadline
        } while (System.nanoTime() < deadline);
        assertEquals("bundles not active: " + notActive, List.of(), notActive);
        List<String> hsmgate = List.of(context.getBundles()).stream()
                .map(Bundle::getSymbolicName).filter(n -> n.startsWith("io.hsmgate.")).collect(Collectors.toList());
        assertTrue("hsmgate bundles provisioned: " + hsmgate, hsmgate.contains("io.hsmgate.webconsole"));
    }

    @Test
    public void consolePageNeedsTheAdministratorPassword() throws Exception {
        String url = "http://127.0.0.1:" + context.getProperty(PORT_PROPERTY) + "/system/console/hsm";
        Http.awaitResponse(url, null, null, Duration.ofSeconds(30), r -> r.statusCode() == 401);

        Path initial = Path.of(context.getProperty(DATA_PROPERTY), "initial-admin-password");
        String password = Files.readString(initial).trim();
        assertEquals(401, Http.get(url, "admin", "admin").statusCode());
        assertEquals(401, Http.get(url, "admin", password + "x").statusCode());

        HttpResponse<String> page = Http.get(url, "admin", password);
        assertEquals(200, page.statusCode());
        assertTrue(page.body(), page.body().contains("hsmgate version"));
        assertTrue(page.body(), page.body().contains("io.hsmgate.webconsole"));
        assertTrue(page.body(), page.body().contains("ACTIVE"));
    }
}
