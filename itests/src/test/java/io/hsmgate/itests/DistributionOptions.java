package io.hsmgate.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that reproduce the distribution: its bundles at its start levels and the framework
 * properties bin/hsmgate would set, with a fresh data dir, a free HTTP port and a private deploy/ folder.
 */
final class DistributionOptions {

    static final String PORT_PROPERTY = "org.osgi.service.http.port";
    static final String DATA_PROPERTY = "hsmgate.data.dir";
    static final String DEPLOY_PROPERTY = "felix.fileinstall.dir";

    private DistributionOptions() {
    }

    static List<Option> of(String runName) throws IOException {
        DistributionLayout dist = DistributionLayout.fromSystemProperty();
        Path runs = Files.createDirectories(Path.of(System.getProperty("hsmgate.itest.dir")));
        Path data = Files.createTempDirectory(runs, runName + "-data-");
        List<Option> options = new ArrayList<>();
        for (DistributionLayout.StartedBundle b : dist.bundles()) {
            options.add(bundle(b.file().toUri().toString()).startLevel(b.startLevel()).start());
        }
        options.add(frameworkStartLevel(dist.beginningStartLevel()));
        options.add(frameworkProperty(DATA_PROPERTY).value(data.toString()));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(frameworkProperty(PORT_PROPERTY).value(Integer.toString(freePort())));
        for (String key : List.of("felix.webconsole.security.providers", "felix.webconsole.manager.root",
                "org.osgi.framework.bootdelegation", "felix.fileinstall.poll", "felix.fileinstall.start.level",
                "felix.fileinstall.bundles.new.start")) {
            options.add(frameworkProperty(key).value(dist.property(key)));
        }
        options.add(frameworkProperty("felix.cm.dir").value(data.resolve("config").toString()));
        options.add(frameworkProperty(DEPLOY_PROPERTY).value(Files.createDirectories(data.resolve("deploy")).toString()));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        options.add(frameworkProperty("hsmgate.itest.dist.dir").value(dist.home().toString()));
        options.add(systemProperty("jna.tmpdir").value(Files.createDirectories(data.resolve("jna")).toString()));
        options.add(junitBundles());
        return options;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
