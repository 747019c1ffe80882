package org.camrin.data.imports.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.camrin.data.imports.parsing.RowRejection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Progress documents and rejected-row report pages of import runs. These record the work of a
 * run, not the imported figures, so a rejected file leaves its report here and nothing else.
 */
@Service
public class ImportStatusStore {

    public static final int PAGE_SIZE = 1_000;

    /** Rejected rows listed per run; further rejected rows are counted but not listed. */
    public static final int MAX_LISTED_REJECTIONS = 100_000;

    private final MongoTemplate mongo;

    ImportStatusStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<ImportStatusView> find(String importId) {
        return Optional.ofNullable(mongo.findById(importId, ImportStatusView.class));
    }

    public void save(ImportStatusView view) {
        mongo.save(view);
    }

    /** Reads, changes and writes the run's document; a run has one writer, its own worker. */
    public void update(String importId, UnaryOperator<ImportStatusView> change) {
        find(importId).map(change).ifPresent(mongo::save);
    }

    public List<RowRejection> rejectedRows(String importId, int page) {
        RejectedRowsPage stored = mongo.findById(RejectedRowsPage.idOf(importId, page), RejectedRowsPage.class);
        return stored == null ? List.of() : stored.rows();
    }

    /** Drops the report pages of an earlier run of the same file. */
    public void clearReport(String importId, long rowsListedBefore) {
        int pages = (int) ((rowsListedBefore + PAGE_SIZE - 1) / PAGE_SIZE);
        for (int page = 1; page <= pages; page++) {
            mongo.remove(Query.query(Criteria.where("_id").is(RejectedRowsPage.idOf(importId, page))),
                    RejectedRowsPage.class);
        }
    }

    /** Collects rejected rows in pages and stores each page when full. */
    public ReportWriter reportWriter(String importId) {
        return new ReportWriter(importId);
    }

    /** Writes one run's rejected rows page by page. */
    public final class ReportWriter {
        private final String importId;
        private final List<RowRejection> buffer = new ArrayList<>();
        private int page = 1;
        private long listed;

        private ReportWriter(String importId) {
            this.importId = importId;
        }

        public void add(RowRejection rejection) {
            if (listed >= MAX_LISTED_REJECTIONS) {
                return;
            }
            buffer.add(rejection);
            listed++;
            if (buffer.size() == PAGE_SIZE) {
                flush();
            }
        }

        public void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            mongo.save(new RejectedRowsPage(RejectedRowsPage.idOf(importId, page), importId, page, List.copyOf(buffer)));
            buffer.clear();
            page++;
        }

        public long listed() {
            return listed;
        }
    }
}
