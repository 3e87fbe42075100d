package io.hsmgate.pkcs11.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hsmgate.pkcs11.spi.EnvironmentRequirement;
import io.hsmgate.pkcs11.spi.HsmVendor;
import io.hsmgate.pkcs11.spi.VendorAdapter;
import io.hsmgate.pkcs11.spi.VendorProfile;
import io.hsmgate.pkcs11.spi.VendorReturnCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What every vendor adapter bundle must satisfy, for the adapters' unit tests: the Declarative Services
 * descriptor bnd generated registers a {@link VendorAdapter} with {@code hsm.vendor=<id>}, the profile carries the
 * same id, its well-known locations are detected by its own file name patterns, it claims no other known vendor's
 * library, and its data is usable in the core's messages.
 *
 * <p>The descriptor is read from {@code OSGI-INF/<component class>.xml} on the test class path (the module's
 * {@code target/classes}, where bnd-maven-plugin writes it before tests run).
 */
public final class VendorAdapterContract {

    /** Library file names of the vendors hsmgate ships adapters for, by vendor id (from shared/docs/vendors.md). */
    public static final Map<String, List<String>> KNOWN_LIBRARY_FILES = Map.of(
            "softhsm", List.of("libsofthsm2.so"),
            "thales", List.of("libcknfast.so"),
            "luna", List.of("libCryptoki2_64.so"),
            "utimaco", List.of("libcs_pkcs11_R2.so", "libcs_pkcs11_R3.so"),
            "futurex", List.of("libfxpkcs11.so", "fxpkcs11.so"));

    private static final String DS_PROVIDE = "provide";
    private static final String DS_PROPERTY = "property";

    private VendorAdapterContract() {
    }

    /** Asserts every rule of this contract for {@code adapter}, which must be registered as {@code vendorId}. */
    public static void verify(VendorAdapter adapter, String vendorId) {
        ComponentDescriptor descriptor = descriptor(adapter.getClass());
        assertEquals(List.of(VendorAdapter.class.getName()), descriptor.services(),
                "the component registers exactly the VendorAdapter service");
        assertEquals(vendorId, descriptor.properties().get(HsmVendor.PROPERTY),
                "service property " + HsmVendor.PROPERTY + " in " + descriptor.resource());

        VendorProfile profile = adapter.profile();
        assertEquals(vendorId, profile.name(), "the profile name is the vendor id");
        assertWellKnownLocationsDetected(profile);
        assertClaimsOnlyItsOwnLibraries(profile, vendorId);
        assertEnvironmentPurposesNameTheirVariable(profile);
        assertReturnCodesNamed(profile);
    }

    /** Asserts that probing a well-known location also detects the vendor by file name. */
    public static void assertWellKnownLocationsDetected(VendorProfile profile) {
        for (Path location : profile.libraryLocations()) {
            assertTrue(location.isAbsolute(), location + " is absolute");
            assertTrue(profile.matchesFileName(location), location + " matches " + profile.libraryFilePatterns());
        }
    }

    /** Asserts the profile matches its own known library names and no other vendor's. */
    public static void assertClaimsOnlyItsOwnLibraries(VendorProfile profile, String vendorId) {
        KNOWN_LIBRARY_FILES.forEach((vendor, files) -> {
            for (String file : files) {
                Path library = Path.of("/opt/any/dir", file);
                assertEquals(vendor.equals(vendorId), profile.matchesFileName(library),
                        "profile '" + vendorId + "' on " + vendor + "'s " + file);
            }
        });
    }

    /** Asserts each environment requirement's purpose names its variable, so the core's refusal is actionable. */
    public static void assertEnvironmentPurposesNameTheirVariable(VendorProfile profile) {
        for (EnvironmentRequirement requirement : profile.environment()) {
            assertTrue(requirement.purpose().contains(requirement.variable()),
                    "purpose of " + requirement.variable() + ": '" + requirement.purpose() + "'");
        }
    }

    /** Asserts every vendor return code has a CKR_ name and is filed under its own value. */
    public static void assertReturnCodesNamed(VendorProfile profile) {
        profile.returnCodes().forEach((code, vendorCode) -> {
            assertEquals(code.longValue(), vendorCode.code());
            assertTrue(vendorCode.name().startsWith("CKR_"), vendorCode.name());
            assertFalse(vendorCode.name().isBlank());
        });
    }

    /** @return the code's entry in the profile, failing when the profile lacks it */
    public static VendorReturnCode returnCode(VendorProfile profile, long code) {
        VendorReturnCode vendorCode = profile.returnCodes().get(code);
        assertNotNull(vendorCode, "profile '" + profile.name() + "' names 0x" + Long.toHexString(code));
        return vendorCode;
    }

    /** The parts of a generated DS component descriptor the contract checks. */
    public record ComponentDescriptor(String resource, List<String> services, Map<String, String> properties) {
    }

    /**
     * @return the services and single-valued properties of the DS descriptor bnd generated for {@code component}
     * @throws AssertionError if there is no descriptor on the class path
     */
    public static ComponentDescriptor descriptor(Class<?> component) {
        String resource = "OSGI-INF/" + component.getName() + ".xml";
        try (InputStream in = component.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " on the class path (is bnd-maven-plugin configured?)");
            Document xml = parser().parse(in);
            // bnd writes the children of the namespaced scr:component root without a namespace
            List<String> services = new ArrayList<>();
            NodeList provides = xml.getElementsByTagName(DS_PROVIDE);
            for (int i = 0; i < provides.getLength(); i++) {
                services.add(((Element) provides.item(i)).getAttribute("interface"));
            }
            Map<String, String> properties = new HashMap<>();
            NodeList props = xml.getElementsByTagName(DS_PROPERTY);
            for (int i = 0; i < props.getLength(); i++) {
                Element property = (Element) props.item(i);
                properties.put(property.getAttribute("name"), property.getAttribute("value"));
            }
            return new ComponentDescriptor(resource, List.copyOf(services), Map.copyOf(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError(resource + " is not valid XML: " + e.getMessage(), e);
        }
    }

    private static javax.xml.parsers.DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }
}
