package io.hsmgate.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackoffAndMetricsTest {

    @Test
    void backoffDoublesUpToItsCapAndJittersWithinTheUpperHalf() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(1), b.ceiling());
        assertEquals(Duration.ofSeconds(2), b.next().ceiling());
        assertEquals(Duration.ofSeconds(16), b.next().next().next().next().ceiling());
        Backoff late = b;
        for (int i = 0; i < 40; i++) {
            late = late.next();
        }
        assertEquals(Duration.ofSeconds(30), late.ceiling());
        for (int i = 0; i < 100; i++) {
            long d = late.delay().toMillis();
            assertTrue(d >= 15_000 && d <= 30_000, "delay " + d);
        }
    }

    @Test
    void histogramIsCumulativeWithInfinityLast() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(40_000);        // 40 us  -> first bucket
        h.record(700_000);       // 0.7 ms -> 1 ms bucket
        h.record(20_000_000_000L); // 20 s -> +Inf only
        long[] c = h.cumulative();
        assertEquals(LatencyHistogram.BOUNDS.length + 1, c.length);
        assertEquals(1, c[0]);
        assertEquals(2, c[4]);
        assertEquals(2, c[c.length - 2]);
        assertEquals(3, c[c.length - 1]);
        assertEquals(3, h.count());
        assertEquals(20.00074, h.sumSeconds(), 1e-9);
    }

    @Test
    void prometheusTextEscapesLabelValues() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("connection", "a \"quoted\"\\name\nx");
        String text = new PrometheusText().family("hsmgate_sign_total", "counter", "Signatures made")
                .sample("hsmgate_sign_total", labels, 42).toString();
        assertArrayEquals(new String[] {
            "# HELP hsmgate_sign_total Signatures made",
            "# TYPE hsmgate_sign_total counter",
            "hsmgate_sign_total{connection=\"a \\\"quoted\\\"\\\\name\\nx\"} 42"
        }, text.split("\n"));
        assertEquals("0.25", PrometheusText.format(0.25));
    }
}
