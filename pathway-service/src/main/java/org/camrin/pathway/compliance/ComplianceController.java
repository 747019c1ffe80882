package org.camrin.pathway.compliance;

import java.util.List;

import org.camrin.identity.security.CamrinRoles;
import org.camrin.identity.security.CamrinUser;
import org.camrin.identity.security.CurrentUser;
import org.camrin.pathway.definition.query.DefinitionQueries;
import org.camrin.pathway.definition.query.PathwayDefinitionView.Status;
import org.camrin.pathway.definition.query.PathwayDefinitionView.Version;
import org.camrin.support.network.NetworkTrust;
import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compliance with a pathway version. The Cancer Alliance, network admins, programme managers and
 * data analysts read every trust and the network totals; other staff read their own trust only.
 */
@RestController
@RequestMapping("/api/pathways/compliance/{code}/versions/{version}")
class ComplianceController {

    private static final String[] NETWORK_READERS = {CamrinRoles.CANCER_ALLIANCE, CamrinRoles.NETWORK_ADMIN,
            CamrinRoles.PROGRAMME_MANAGER, CamrinRoles.DATA_ANALYST};

    private final ComplianceQueries compliance;
    private final DefinitionQueries definitions;

    ComplianceController(ComplianceQueries compliance, DefinitionQueries definitions) {
        this.compliance = compliance;
        this.definitions = definitions;
    }

    /** Every trust and the network totals. */
    record NetworkCompliance(ComplianceReport network, List<ComplianceReport> trusts) {
    }

    @GetMapping
    NetworkCompliance network(@PathVariable String code, @PathVariable int version) {
        if (!CurrentUser.get().hasAnyRole(NETWORK_READERS)) {
            throw new AccessDeniedException("Network-wide compliance is for the Cancer Alliance and network roles");
        }
        Version found = requireVersion(code, version);
        return new NetworkCompliance(compliance.forNetwork(code, version, found.steps()),
                compliance.forEveryTrust(code, version, found.steps()));
    }

    @GetMapping("/trusts/{trust}")
    ComplianceReport trust(@PathVariable String code, @PathVariable int version, @PathVariable String trust) {
        String odsCode = NetworkTrust.fromOdsCode(trust).map(NetworkTrust::odsCode)
                .orElseThrow(() -> new InvalidInputException("trust", "'" + trust
                        + "' is not the ODS code of a network trust. Use one of " + NetworkTrust.odsCodes() + "."));
        CamrinUser user = CurrentUser.get();
        if (!user.hasAnyRole(NETWORK_READERS) && !user.belongsTo(odsCode)) {
            throw new AccessDeniedException("Staff read compliance of their own trust only");
        }
        return compliance.forTrust(odsCode, code, version, requireVersion(code, version).steps());
    }

    private Version requireVersion(String code, int version) {
        return definitions.find(code)
                .flatMap(definition -> definition.version(version))
                .filter(found -> found.status() != Status.DRAFT)
                .orElseThrow(() -> new NotFoundException("Pathway " + code + " has no published version " + version
                        + "."));
    }
}
