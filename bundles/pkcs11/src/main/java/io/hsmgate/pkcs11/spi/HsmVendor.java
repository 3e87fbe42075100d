package io.hsmgate.pkcs11.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type for a {@link VendorAdapter} component: {@code @HsmVendor("luna")} gives the service the
 * property {@code hsm.vendor=luna}, the id a connection's configured {@code vendor} is matched against.
 *
 * <p>This is a single-element annotation without a {@code PREFIX_} field, so Declarative Services (1.4 and later,
 * compendium 112.8.2.1) derives the property name from the simple type name: a dot between a lower-case and an
 * upper-case letter, then lower case, so {@code HsmVendor} becomes {@value #PROPERTY}. Renaming this type renames
 * the property.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface HsmVendor {

    /** The service property this annotation produces, for filters such as {@code (hsm.vendor=luna)}. */
    String PROPERTY = "hsm.vendor";

    /** @return the vendor id, lower case, equal to the adapter profile's {@link VendorProfile#name()} */
    String value();
}
