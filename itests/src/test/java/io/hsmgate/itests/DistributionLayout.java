package io.hsmgate.itests;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the assembled distribution (distribution/target/hsmgate) the way its launcher does, so the
 * Pax Exam tests provision exactly the bundles, in exactly the start levels, that bin/hsmgate runs.
 */
final class DistributionLayout {

    /** A bundle file and the start level the distribution starts it at. */
    record StartedBundle(Path file, int startLevel) {
    }

    private static final Pattern AUTO_START = Pattern.compile("felix\\.auto\\.start\\.(\\d+)");

    private final Path home;
    private final Properties config = new Properties();

    DistributionLayout(Path home) throws IOException {
        this.home = home;
        Path configFile = home.resolve("conf/config.properties");
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalStateException(configFile + " is missing: build the distribution first (mvn install)");
        }
        try (Reader in = Files.newBufferedReader(configFile)) {
            config.load(in);
        }
    }

    static DistributionLayout fromSystemProperty() throws IOException {
        String dir = System.getProperty("hsmgate.dist.dir");
        if (dir == null) {
            throw new IllegalStateException("system property hsmgate.dist.dir is not set (run through mvn verify)");
        }
        return new DistributionLayout(Path.of(dir).toAbsolutePath().normalize());
    }

    Path home() {
        return home;
    }

    int beginningStartLevel() {
        return Integer.parseInt(config.getProperty("org.osgi.framework.startlevel.beginning").trim());
    }

    String property(String key) {
        return config.getProperty(key);
    }

    List<StartedBundle> bundles() throws IOException {
        List<StartedBundle> bundles = new ArrayList<>();
        for (String key : config.stringPropertyNames()) {
            Matcher m = AUTO_START.matcher(key);
            if (m.matches()) {
                int level = Integer.parseInt(m.group(1));
                for (String url : config.getProperty(key).trim().split("\\s+")) {
                    bundles.add(new StartedBundle(resolve(url), level));
                }
            }
        }
        int deployLevel = Integer.parseInt(config.getProperty("felix.auto.deploy.startlevel").trim());
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(resolve(config.getProperty("felix.auto.deploy.dir")), "*.jar")) {
            for (Path jar : jars) {
                bundles.add(new StartedBundle(jar, deployLevel));
            }
        }
        for (StartedBundle b : bundles) {
            if (!Files.isRegularFile(b.file())) {
                throw new IllegalStateException("config.properties names " + b.file() + ", which is not in the distribution");
            }
        }
        bundles.sort((a, b) -> Integer.compare(a.startLevel(), b.startLevel()));
        return bundles;
    }

    private Path resolve(String location) {
        String path = location.trim().replace("${hsmgate.home}", home.toString());
        return Path.of(path.startsWith("file:") ? path.substring("file:".length()) : path);
    }
}
