package org.camrin.pathway.definition.command;

import java.time.LocalDate;
import java.util.List;

import org.camrin.support.web.RuleViolationException;

/** Commands a pathway definition rejects in its current state; each is returned as 409 with its own problem type. */
final class DefinitionRuleViolations {

    private DefinitionRuleViolations() {
    }

    static final class NoDraftToPublishException extends RuleViolationException {
        NoDraftToPublishException(String code, int latestVersion) {
            super("Pathway " + code + " has no draft to publish; version " + latestVersion
                    + " is already published. Revise the pathway to draft a new version first.");
        }
    }

    static final class VersionInUseException extends RuleViolationException {
        VersionInUseException(String code, int version, List<String> trusts) {
            super("Version " + version + " of pathway " + code + " is adopted by " + trusts
                    + ", so it cannot be retired. Those trusts must adopt another version first.");
        }
    }

    static final class VersionNotAdoptableException extends RuleViolationException {
        VersionNotAdoptableException(String code, int version) {
            super("Version " + version + " of pathway " + code + " is retired, so it cannot be adopted.");
        }
    }

    static final class AdoptionBackdatedException extends RuleViolationException {
        AdoptionBackdatedException(String trust, LocalDate requestedFrom, int currentVersion, LocalDate currentFrom) {
            super("effectiveFrom " + requestedFrom + " is before the current adoption: trust " + trust
                    + " uses version " + currentVersion + " from " + currentFrom + ". An adoption cannot be "
                    + "back-dated, so send an effectiveFrom of " + currentFrom + " or later.");
        }
    }
}
