package org.camrin.gateway.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed JSON whose objects read a missing field as null in templates. Services leave null fields
 * out of their JSON, and Spring's expression language fails on a map without the key, so each
 * object becomes a map that reports every text key as present.
 */
final class LenientJson {

    private LenientJson() {
    }

    static Object wrap(Object value) {
        if (value instanceof Map<?, ?> map) {
            LenientMap copy = new LenientMap();
            map.forEach((key, item) -> copy.put(String.valueOf(key), wrap(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(wrap(item)));
            return copy;
        }
        return value;
    }

    /** A JSON object whose absent fields read as null in templates. */
    static final class LenientMap extends LinkedHashMap<String, Object> {

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String;
        }
    }
}
