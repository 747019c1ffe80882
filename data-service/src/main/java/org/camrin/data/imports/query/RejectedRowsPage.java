package org.camrin.data.imports.query;

import java.util.List;

import org.camrin.data.imports.parsing.RowRejection;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Up to {@link ImportStatusStore#PAGE_SIZE} rejected rows of an import run, read by
 * {@code importId|page}, pages numbered from 1.
 */
@Document(RejectedRowsPage.COLLECTION)
public record RejectedRowsPage(@Id String id, String importId, int page, List<RowRejection> rows) {

    static final String COLLECTION = "import_rejected_rows";

    static String idOf(String importId, int page) {
        return importId + "|" + page;
    }
}
