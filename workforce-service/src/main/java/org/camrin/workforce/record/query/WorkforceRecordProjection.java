package org.camrin.workforce.record.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.camrin.workforce.record.api.MonthlyFigures;
import org.camrin.workforce.record.api.WorkforceRecordEvents.MonthlyReturnCorrectedEvent;
import org.camrin.workforce.record.api.WorkforceRecordEvents.MonthlyReturnRecordedEvent;
import org.camrin.workforce.record.api.WorkforceRecordId;
import org.camrin.workforce.record.query.WorkforceSeries.ReturnAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the monthly series of each trust and staff group in MongoDB up to date from the event
 * store. Each document stores the sequence number of the last event it applied, and an event at
 * or below it is skipped, so a batch handled again after a crash applies nothing twice.
 */
@Component
@ProcessingGroup(WorkforceRecordProjection.PROCESSING_GROUP)
class WorkforceRecordProjection {

    static final String PROCESSING_GROUP = "workforce-record-projection";

    private static final Logger log = LoggerFactory.getLogger(WorkforceRecordProjection.class);

    private final MongoTemplate mongo;

    WorkforceRecordProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(MonthlyReturnRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue("username") String username, @MetaDataValue("trust") String trust) {
        apply(event.recordId(), event.month(), event.figures(), sequence,
                new ReturnAudit(at, username, trust, false, null));
    }

    @EventHandler
    void on(MonthlyReturnCorrectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue("username") String username, @MetaDataValue("trust") String trust) {
        apply(event.recordId(), event.month(), event.figures(), sequence,
                new ReturnAudit(at, username, trust, true, event.reason()));
    }

    /** Empties the series before a replay rebuilds them from the first event. */
    @ResetHandler
    void reset() {
        mongo.dropCollection(WorkforceSeries.class);
        log.info("Workforce series dropped for a replay");
    }

    private void apply(WorkforceRecordId recordId, YearMonth month, MonthlyFigures figures, long sequence,
            ReturnAudit audit) {
        WorkforceSeries series = mongo.findById(recordId.toString(), WorkforceSeries.class);
        if (series != null && series.version() >= sequence) {
            return;
        }
        Map<String, MonthlyFigures> returns = new HashMap<>(series == null ? Map.of() : series.returns());
        Map<String, ReturnAudit> audits = new HashMap<>(series == null || series.audit() == null
                ? Map.of() : series.audit());
        returns.put(month.toString(), figures);
        audits.put(month.toString(), audit);
        mongo.save(new WorkforceSeries(recordId.toString(), recordId.trust(), recordId.staffGroup().id(), returns,
                audits, audit.storedAt(), sequence));
    }
}
