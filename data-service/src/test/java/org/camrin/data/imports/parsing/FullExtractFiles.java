package org.camrin.data.imports.parsing;

import java.util.ArrayList;
import java.util.List;

/** Builds rows of the DM01 full extract layout for tests and the benchmark. */
public final class FullExtractFiles {

    private FullExtractFiles() {
    }

    public static String header() {
        return String.join(",", FileFormat.DM01_FULL_EXTRACT.header()) + "\n";
    }

    /**
     * A row whose waiting list is spread over the bands so that the 6+ and 13+ week counts come
     * out as given: the rest of the list waits under 1 week, 6+ minus 13+ waits 6 to 7 weeks.
     */
    public static String row(String period, String provider, String commissioner, String test, long total,
            long sixPlus, long thirteenPlus, long activity) {
        List<String> values = new ArrayList<>(List.of(period, "Q99", "\"Region, North\"", provider,
                "\"Provider " + provider + ", NHS Trust\"", "Q98", "Commissioner parent", commissioner,
                "Commissioner " + commissioner, "1", test));
        long[] bands = new long[14];
        bands[0] = total - sixPlus;
        bands[6] = sixPlus - thirteenPlus;
        bands[13] = thirteenPlus;
        for (long band : bands) {
            values.add(Long.toString(band));
        }
        values.add(Long.toString(total));
        values.add(Long.toString(activity / 2));
        values.add(Long.toString(activity - activity / 2));
        values.add("0");
        values.add(Long.toString(activity));
        return String.join(",", values) + "\n";
    }
}
