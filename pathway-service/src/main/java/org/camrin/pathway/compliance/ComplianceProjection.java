package org.camrin.pathway.compliance;

import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayCancelledEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayCompletedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayErasedEvent;
import org.camrin.pathway.patient.api.PatientEvents.StepCompletedEvent;
import org.camrin.pathway.patient.api.PatientEvents.StepTargetMeasuredEvent;
import org.camrin.pathway.patient.api.PatientEvents.TargetBreachedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Collects step timings and open breaches per trust and pathway version into one document
 * ({@code _id} like {@code REM|NOLCP-IMAGING|1}). Every write sets or unsets a field keyed by
 * pathway id and step, so an event handled twice changes nothing.
 *
 * <p>Timings are kept one per pathway and step, because exact medians and 90th percentiles need
 * every value.
 */
@Component
@ProcessingGroup(ComplianceProjection.PROCESSING_GROUP)
class ComplianceProjection {

    static final String PROCESSING_GROUP = "pathway-compliance";
    static final String COLLECTION = "pathway_compliance";

    private static final Logger log = LoggerFactory.getLogger(ComplianceProjection.class);

    private final MongoTemplate mongo;

    ComplianceProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(String trust, String code, int version) {
        return trust + "|" + code + "|" + version;
    }

    @EventHandler
    void on(StepCompletedEvent event) {
        if (event.withinTarget() == null) {
            return;
        }
        // NOTE: the document grows by one entry per measured step. At an estimated 200 bytes an
        // entry, it nears MongoDB's 16 MB limit at about 80,000 measured steps of one trust and version.
        Update update = new Update()
                .set("steps." + event.stepKey() + "." + event.pathwayId(),
                        Map.of("elapsedSeconds", event.elapsed().toSeconds(), "withinTarget", event.withinTarget()))
                .unset("openBreaches." + event.pathwayId() + "." + event.stepKey());
        write(event.trust(), event.pathwayCode(), event.pathwayVersion(), update);
    }

    @EventHandler
    void on(StepTargetMeasuredEvent event) {
        Update update = new Update()
                .set("steps." + event.stepKey() + "." + event.pathwayId(),
                        Map.of("elapsedSeconds", event.elapsed().toSeconds(), "withinTarget", event.withinTarget()))
                .unset("openBreaches." + event.pathwayId() + "." + event.stepKey());
        write(event.trust(), event.pathwayCode(), event.pathwayVersion(), update);
    }

    @EventHandler
    void on(TargetBreachedEvent event) {
        write(event.trust(), event.pathwayCode(), event.pathwayVersion(), new Update()
                .set("openBreaches." + event.pathwayId() + "." + event.stepKey(), event.dueAt().toString()));
    }

    @EventHandler
    void on(PatientPathwayCompletedEvent event) {
        closeBreaches(event.trust(), event.pathwayCode(), event.pathwayVersion(), event.pathwayId());
    }

    @EventHandler
    void on(PatientPathwayCancelledEvent event) {
        closeBreaches(event.trust(), event.pathwayCode(), event.pathwayVersion(), event.pathwayId());
    }

    @EventHandler
    void on(PatientPathwayErasedEvent event) {
        closeBreaches(event.trust(), event.pathwayCode(), event.pathwayVersion(), event.pathwayId());
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
        log.info("Compliance query models dropped for a replay");
    }

    /** Closes the open breaches of a closed pathway; its timings still count. */
    private void closeBreaches(String trust, String code, int version, String pathwayId) {
        write(trust, code, version, new Update().unset("openBreaches." + pathwayId));
    }

    private void write(String trust, String code, int version, Update update) {
        update.set("trust", trust).set("pathwayCode", code).set("pathwayVersion", version);
        mongo.upsert(Query.query(Criteria.where("_id").is(id(trust, code, version))), update, COLLECTION);
    }
}
