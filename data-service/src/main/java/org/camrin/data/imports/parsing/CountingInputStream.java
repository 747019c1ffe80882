package org.camrin.data.imports.parsing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it, for the progress of an import. */
final class CountingInputStream extends FilterInputStream {

    private long count;

    CountingInputStream(InputStream input) {
        super(input);
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            count++;
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            count += read;
        }
        return read;
    }

    @Override
    public long skip(long length) throws IOException {
        long skipped = super.skip(length);
        count += skipped;
        return skipped;
    }

    long count() {
        return count;
    }
}
