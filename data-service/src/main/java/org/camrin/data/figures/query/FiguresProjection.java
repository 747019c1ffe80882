package org.camrin.data.figures.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.camrin.data.imports.api.ImportEvents.FileImportedEvent;
import org.camrin.data.imports.api.OrganisationFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the per-organisation monthly figures in MongoDB up to date from imported files.
 *
 * <p>Tokens and documents are written without a shared transaction, so after a crash a batch can
 * be handled again. Each document lists the imports merged into it and skips one it already has.
 */
@Component
@ProcessingGroup(FiguresProjection.PROCESSING_GROUP)
class FiguresProjection {

    static final String PROCESSING_GROUP = "figures-projection";

    private static final Logger log = LoggerFactory.getLogger(FiguresProjection.class);

    private final MongoTemplate mongo;

    FiguresProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(FileImportedEvent event) {
        for (OrganisationFigures figures : event.figures()) {
            String id = OrganisationMonthView.idOf(figures.odsCode(), figures.period());
            OrganisationMonthView view = mongo.findById(id, OrganisationMonthView.class);
            if (view == null) {
                view = OrganisationMonthView.empty(figures.odsCode(), figures.period());
            }
            if (view.appliedImports().contains(event.importId())) {
                continue;
            }
            mongo.save(view.merge(event.importId(), figures));
        }
        for (String period : event.periods()) {
            mongo.upsert(Query.query(Criteria.where("_id").is(PeriodIndex.ID)),
                    new Update().addToSet("periods", period), PeriodIndex.class);
        }
        log.info("Figures of import {} ({}) applied: {} organisation-months", event.importId(), event.fileName(),
                event.figures().size());
    }

    /** Empties the figures before a replay rebuilds them from the first import. */
    @ResetHandler
    void reset() {
        mongo.dropCollection(OrganisationMonthView.class);
        mongo.dropCollection(PeriodIndex.class);
        log.info("Figure query models dropped for a replay");
    }
}
