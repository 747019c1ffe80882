package org.camrin.data.imports.parsing;

import java.util.Arrays;

/**
 * An open-addressing map from 64-bit key hashes to line numbers. It keeps duplicate detection at
 * 16 to 32 bytes per row, where a set of key strings would cost several times the row itself.
 */
final class LongLongMap {

    private static final long EMPTY = 0;

    private long[] keys = new long[1 << 12];
    private long[] values = new long[1 << 12];
    private int size;

    /** Stores the value under the key unless the key is present; returns the earlier value or -1. */
    long putIfAbsent(long key, long value) {
        long stored = key == EMPTY ? 1 : key;
        int mask = keys.length - 1;
        int slot = (int) (mix(stored) & mask);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == stored) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = stored;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldValues.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = (int) (mix(oldKeys[i]) & mask);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    /** FNV-1a, 64 bit, over the string's characters. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
