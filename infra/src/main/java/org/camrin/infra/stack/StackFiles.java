package org.camrin.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on the data directories and files of the launchers. */
final class StackFiles {

    private StackFiles() {
    }

    /**
     * Creates {@code directory} with its parents if needed and checks that it can be written.
     *
     * @param description what the directory is for, such as "PostgreSQL data directory"
     * @throws StackStartException when the directory cannot be created or written
     */
    static void requireWritableDirectory(Path directory, String description) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new StackStartException(description + " " + directory
                    + " is a file, not a directory: remove it or choose another path.");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StackStartException(description + " " + directory + " cannot be created: " + e, e);
        }
        if (!Files.isWritable(directory)) {
            throw new StackStartException(description + " " + directory
                    + " is not writable by this user: fix its permissions or choose another path.");
        }
    }
}
