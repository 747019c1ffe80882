package org.camrin.data.imports.api;

import java.time.Instant;

/**
 * What recording an import did: stored the file's figures, or found the same file already
 * imported and changed nothing.
 *
 * @param importedBefore when the earlier import of the same file was stored; null for a new import
 */
public record ImportOutcome(String importId, boolean alreadyImported, String earlierFileName, Instant importedBefore) {

    public static ImportOutcome imported(String importId) {
        return new ImportOutcome(importId, false, null, null);
    }

    public static ImportOutcome alreadyImported(String importId, String earlierFileName, Instant importedBefore) {
        return new ImportOutcome(importId, true, earlierFileName, importedBefore);
    }
}
