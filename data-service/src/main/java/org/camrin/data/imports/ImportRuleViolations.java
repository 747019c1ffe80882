package org.camrin.data.imports;

import org.camrin.support.web.RuleViolationException;

/** Import requests refused in the current state; each answers 409. */
final class ImportRuleViolations {

    private ImportRuleViolations() {
    }

    static final class ImportAlreadyRunningException extends RuleViolationException {
        ImportAlreadyRunningException(String importId) {
            super("The same file (import " + importId + ") is being imported now. Follow its progress at "
                    + "/api/data/imports/" + importId + ".");
        }
    }
}
