package io.hsmgate.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Stands in for karaf-maven-plugin's verify goal, which needs a whole Karaf runtime: every bundle the
 * features file names must exist and be an OSGi bundle, and nothing is left unfiltered.
 */
class FeaturesFileTest {

    private static Document features;
    private static Path root;

    @BeforeAll
    static void parse() throws Exception {
        Path file = Path.of(System.getProperty("hsmgate.features.file"));
        String text = Files.readString(file);
        assertFalse(text.contains("${"), "unfiltered property left in " + file);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        features = factory.newDocumentBuilder().parse(file.toFile());
        root = Path.of(System.getProperty("hsmgate.root.dir")).toAbsolutePath().normalize();
    }

    @Test
    void everyNamedBundleExistsAndIsAnOsgiBundle() throws IOException {
        List<String> urls = bundleUrls(null);
        assertFalse(urls.isEmpty());
        for (String url : urls) {
            Path jar = resolve(url);
            assertTrue(Files.isRegularFile(jar), url + " resolves to " + jar + ", which does not exist");
            try (JarFile jarFile = new JarFile(jar.toFile())) {
                assertNotNull(jarFile.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"),
                        url + " is not an OSGi bundle");
            }
        }
    }

    @Test
    void everyHsmgateBundleOfTheDistributionHasAFeature() throws IOException {
        Set<String> inFeatures = new TreeSet<>();
        for (String url : bundleUrls(null)) {
            String[] gav = url.substring("mvn:".length()).split("/");
            if (gav[0].equals("io.hsmgate")) {
                inFeatures.add("io.hsmgate." + gav[1] + ".jar");
            }
        }
        Set<String> distributed = new TreeSet<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(root.resolve("distribution/target/hsmgate/bundle/hsmgate"), "*.jar")) {
            jars.forEach(j -> distributed.add(j.getFileName().toString()));
        }
        assertEquals(distributed, inFeatures);
    }

    @Test
    void consoleFeatureBuildsOnCore() {
        Element console = feature("hsmgate-console");
        NodeList deps = console.getElementsByTagNameNS("*", "feature");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            names.add(deps.item(i).getTextContent().trim());
        }
        assertTrue(names.contains("hsmgate-core"), names.toString());
    }

    private static Element feature(String name) {
        NodeList all = features.getDocumentElement().getElementsByTagNameNS("*", "feature");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (name.equals(e.getAttribute("name"))) {
                return e;
            }
        }
        throw new AssertionError("no feature " + name);
    }

    private static List<String> bundleUrls(String featureName) {
        NodeList bundles = (featureName == null ? features.getDocumentElement() : feature(featureName))
                .getElementsByTagNameNS("*", "bundle");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < bundles.getLength(); i++) {
            urls.add(bundles.item(i).getTextContent().trim());
        }
        return urls;
    }

    /** mvn:group/artifact/version: hsmgate's own from this build's target folders, others from the local repository. */
    private static Path resolve(String url) throws IOException {
        assertTrue(url.startsWith("mvn:"), url + " is not an mvn: URL");
        String[] gav = url.substring("mvn:".length()).split("/");
        assertEquals(3, gav.length, url + " must be mvn:group/artifact/version");
        String file = gav[1] + "-" + gav[2] + ".jar";
        if (gav[0].equals("io.hsmgate")) {
            assertEquals(System.getProperty("hsmgate.version"), gav[2], url);
            try (var modules = Files.find(root.resolve("bundles"), 4,
                    (p, a) -> p.getFileName().toString().equals(file) && p.getParent().getFileName().toString().equals("target"))) {
                return modules.findFirst().orElse(root.resolve("bundles").resolve(gav[1]).resolve("target").resolve(file));
            }
        }
        return Path.of(System.getProperty("hsmgate.local.repository"))
                .resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2]).resolve(file);
    }
}
