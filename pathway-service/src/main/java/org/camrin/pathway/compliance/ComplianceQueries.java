package org.camrin.pathway.compliance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.camrin.pathway.compliance.ComplianceReport.StepCompliance;
import org.camrin.pathway.definition.api.PathwayStep;
import org.camrin.support.network.NetworkTrust;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Works out compliance figures from the per-trust documents; each read is a lookup by {@code _id}. */
@Service
public class ComplianceQueries {

    public static final String NETWORK = "NETWORK";

    private final MongoTemplate mongo;

    ComplianceQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Compliance of one trust with the given steps of a pathway version. */
    public ComplianceReport forTrust(String trust, String code, int version, List<PathwayStep> steps) {
        return report(trust, code, version, steps, List.of(load(trust, code, version)));
    }

    /** Compliance of every network trust, in ODS code order. */
    public List<ComplianceReport> forEveryTrust(String code, int version, List<PathwayStep> steps) {
        List<ComplianceReport> reports = new ArrayList<>();
        for (NetworkTrust trust : NetworkTrust.values()) {
            reports.add(forTrust(trust.odsCode(), code, version, steps));
        }
        return reports;
    }

    /** Returns the network totals, pooling every trust's timings before working out the figures. */
    public ComplianceReport forNetwork(String code, int version, List<PathwayStep> steps) {
        List<Document> documents = new ArrayList<>();
        for (NetworkTrust trust : NetworkTrust.values()) {
            documents.add(load(trust.odsCode(), code, version));
        }
        return report(NETWORK, code, version, steps, documents);
    }

    private Document load(String trust, String code, int version) {
        Document document = mongo.findById(ComplianceProjection.id(trust, code, version), Document.class,
                ComplianceProjection.COLLECTION);
        return document == null ? new Document() : document;
    }

    private static ComplianceReport report(String trust, String code, int version, List<PathwayStep> steps,
            List<Document> documents) {
        List<StepCompliance> figures = new ArrayList<>();
        int totalOpen = 0;
        for (PathwayStep step : steps) {
            List<Long> elapsed = new ArrayList<>();
            int within = 0;
            int open = 0;
            for (Document document : documents) {
                Document measurements = nested(document, "steps", step.key());
                for (Object value : measurements.values()) {
                    Document measurement = (Document) value;
                    elapsed.add(((Number) measurement.get("elapsedSeconds")).longValue());
                    if (Boolean.TRUE.equals(measurement.getBoolean("withinTarget"))) {
                        within++;
                    }
                }
                for (Object breaches : nested(document, "openBreaches").values()) {
                    if (((Document) breaches).containsKey(step.key())) {
                        open++;
                    }
                }
            }
            elapsed.sort(null);
            figures.add(new StepCompliance(step.key(), step.name(), step.target(), elapsed.size(), within,
                    elapsed.isEmpty() ? null : (double) within / elapsed.size(),
                    nearestRank(elapsed, 50), nearestRank(elapsed, 90), open));
            totalOpen += open;
        }
        return new ComplianceReport(trust, code, version, figures, totalOpen);
    }

    /** Returns the nearest-rank percentile, the value at rank ceil(p/100 * n) of the sorted values. */
    static Duration nearestRank(List<Long> sortedSeconds, int percentile) {
        if (sortedSeconds.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedSeconds.size());
        return Duration.ofSeconds(sortedSeconds.get(Math.max(rank, 1) - 1));
    }

    private static Document nested(Document document, String... path) {
        Document current = document;
        for (String key : path) {
            Object next = current.get(key);
            if (!(next instanceof Document child)) {
                return new Document();
            }
            current = child;
        }
        return current;
    }
}
