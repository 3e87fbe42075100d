package io.hsmgate.pkcs11.spi;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything vendor-specific, as data. Build one with {@link #builder(String)}; {@link #generic()} is the
 * profile used when no adapter matches.
 *
 * @param name short vendor id, e.g. "softhsm"
 * @param libraryLocations well-known library paths, most likely first
 * @param libraryFilePatterns glob patterns on the file name, e.g. "libsofthsm2*.so"
 * @param manufacturerPrefixes C_GetInfo manufacturerID prefixes that identify the vendor (case-insensitive)
 * @param environment environment variables the library needs before it loads
 * @param requiredFiles files that must exist before the library loads
 * @param initialize initialise / finalise policy
 * @param login login policy and vendor user types
 * @param returnCodes vendor CK_RV values by code
 * @param quirks deviations to work around
 */
public record VendorProfile(String name, List<Path> libraryLocations, List<String> libraryFilePatterns,
                            List<String> manufacturerPrefixes, List<EnvironmentRequirement> environment,
                            List<Path> requiredFiles, InitializePolicy initialize, LoginPolicy login,
                            Map<Long, VendorReturnCode> returnCodes, Set<Quirk> quirks) {

    private static final VendorProfile GENERIC = builder("generic").build();

    public VendorProfile {
        Objects.requireNonNull(name, "name");
        libraryLocations = List.copyOf(libraryLocations);
        libraryFilePatterns = List.copyOf(libraryFilePatterns);
        manufacturerPrefixes = List.copyOf(manufacturerPrefixes);
        environment = List.copyOf(environment);
        requiredFiles = List.copyOf(requiredFiles);
        Objects.requireNonNull(initialize, "initialize");
        Objects.requireNonNull(login, "login");
        returnCodes = Map.copyOf(returnCodes);
        quirks = Set.copyOf(quirks);
    }

    /** @return the profile for a library no adapter claims: standard behaviour, no vendor codes, no quirks */
    public static VendorProfile generic() {
        return GENERIC;
    }

    /** @return true when {@code library}'s file name matches one of {@link #libraryFilePatterns()} */
    public boolean matchesFileName(Path library) {
        Path fileName = library.getFileName();
        if (fileName == null) {
            return false;
        }
        for (String pattern : libraryFilePatterns) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            if (matcher.matches(fileName)) {
                return true;
            }
        }
        return false;
    }

    /** @return true when C_GetInfo's manufacturerID starts with one of {@link #manufacturerPrefixes()} */
    public boolean matchesManufacturer(String manufacturerId) {
        String m = manufacturerId.strip().toLowerCase(Locale.ROOT);
        return manufacturerPrefixes.stream().anyMatch(p -> m.startsWith(p.toLowerCase(Locale.ROOT)));
    }

    /** @return true when the profile lists {@code quirk} */
    public boolean has(Quirk quirk) {
        return quirks.contains(quirk);
    }

    /** @return a builder with the standard policies and nothing else */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link VendorProfile}. */
    public static final class Builder {
        private final String name;
        private List<Path> locations = List.of();
        private List<String> patterns = List.of();
        private List<String> manufacturers = List.of();
        private List<EnvironmentRequirement> environment = List.of();
        private List<Path> files = List.of();
        private InitializePolicy initialize = InitializePolicy.standard();
        private LoginPolicy login = LoginPolicy.standard();
        private Map<Long, VendorReturnCode> codes = Map.of();
        private Set<Quirk> quirks = Set.of();

        private Builder(String name) {
            this.name = name;
        }

        public Builder libraryLocations(Path... paths) { this.locations = List.of(paths); return this; }
        public Builder libraryFilePatterns(String... globs) { this.patterns = List.of(globs); return this; }
        public Builder manufacturerPrefixes(String... prefixes) { this.manufacturers = List.of(prefixes); return this; }
        public Builder environment(EnvironmentRequirement... vars) { this.environment = List.of(vars); return this; }
        public Builder requiredFiles(Path... paths) { this.files = List.of(paths); return this; }
        public Builder initialize(InitializePolicy policy) { this.initialize = policy; return this; }
        public Builder login(LoginPolicy policy) { this.login = policy; return this; }
        public Builder quirks(Quirk... flags) { this.quirks = Set.of(flags); return this; }

        public Builder returnCodes(VendorReturnCode... vendorCodes) {
            this.codes = List.of(vendorCodes).stream()
                    .collect(Collectors.toMap(VendorReturnCode::code, Function.identity()));
            return this;
        }

        public VendorProfile build() {
            return new VendorProfile(name, locations, patterns, manufacturers, environment, files, initialize,
                    login, codes, quirks);
        }
    }
}
