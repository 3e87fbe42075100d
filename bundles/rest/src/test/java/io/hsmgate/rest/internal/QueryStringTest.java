package io.hsmgate.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void decodesNamesAndValues() throws Exception {
        Map<String, String[]> query = QueryString.parse("libraryPath=%2Fusr%2Flib%2Fx.so&limit=5&limit=6&flag");
        assertArrayEquals(new String[] {"/usr/lib/x.so"}, query.get("libraryPath"));
        assertArrayEquals(new String[] {"5", "6"}, query.get("limit"));
        assertArrayEquals(new String[] {""}, query.get("flag"));
        assertEquals(0, QueryString.parse(null).size());
    }

    @Test
    void aBrokenEscapeIsA400() {
        assertEquals(400, assertThrows(ApiException.class, () -> QueryString.parse("limit=%zz")).status());
    }
}
