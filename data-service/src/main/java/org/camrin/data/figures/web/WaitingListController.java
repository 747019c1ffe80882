package org.camrin.data.figures.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.camrin.data.access.FigureAccess;
import org.camrin.data.figures.query.FigureQueries;
import org.camrin.data.figures.query.WaitingListFigures;
import org.camrin.data.organisation.Organisations.Basis;
import org.camrin.support.network.NetworkTrust;
import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Waiting-list figures per trust and for the network, as JSON or, on request, CSV. Data
 * analysts, programme managers and network admins read every trust; other users read their own
 * trust and the network.
 */
@RestController
@RequestMapping("/api/data")
class WaitingListController {

    static final int MAX_SERIES_MONTHS = 240;

    private final FigureQueries figures;

    WaitingListController(FigureQueries figures) {
        this.figures = figures;
    }

    /** One month of figures: the trusts the user may read, by ODS code, and the network. */
    record MonthResponse(String period, Basis basis, List<WaitingListFigures> trusts, WaitingListFigures network) {
    }

    /** One trust's, or the network's, monthly series. */
    record SeriesResponse(String odsCode, String name, String from, String to, Basis basis,
            List<WaitingListFigures> months) {
    }

    @GetMapping("/periods")
    List<String> periods() {
        return figures.periods();
    }

    @GetMapping("/waiting-list")
    ResponseEntity<?> month(@RequestParam(required = false) YearMonth period,
            @RequestParam(required = false) String basis, @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        YearMonth month = period != null ? period : figures.latestPeriod().orElseThrow(() -> new NotFoundException(
                "No figures have been imported yet. Import a DM01 file with POST /api/data/imports."));
        Basis chosen = basis(basis);
        if (!figures.periods().contains(month.toString())) {
            throw new NotFoundException("No figures for " + month + ". Months with figures: " + figures.periods() + ".");
        }

        List<WaitingListFigures> all = figures.month(month, chosen);
        List<WaitingListFigures> trusts = all.stream()
                .filter(row -> !row.odsCode().equals(FigureQueries.NETWORK))
                .filter(row -> FigureAccess.mayRead(row.odsCode()))
                .toList();
        WaitingListFigures network = all.get(all.size() - 1);

        if (CsvResponses.wantsCsv(format, accept)) {
            List<WaitingListFigures> rows = new java.util.ArrayList<>(trusts);
            rows.add(network);
            return CsvResponses.figures(rows, "waiting-list-" + month + ".csv");
        }
        return ResponseEntity.ok(new MonthResponse(month.toString(), chosen, trusts, network));
    }

    @GetMapping("/waiting-list/{odsCode}")
    ResponseEntity<?> series(@PathVariable String odsCode, @RequestParam(required = false) YearMonth from,
            @RequestParam(required = false) YearMonth to, @RequestParam(required = false) String basis,
            @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        boolean network = odsCode.equalsIgnoreCase(FigureQueries.NETWORK);
        NetworkTrust trust = network ? null : NetworkTrust.fromOdsCode(odsCode).orElseThrow(() -> new InvalidInputException(
                "odsCode", "'" + odsCode + "' is not the ODS code of a network trust. Use one of "
                        + NetworkTrust.odsCodes() + ", or NETWORK for the 12 trusts together."));
        if (!network) {
            FigureAccess.requireRead(trust.odsCode());
        }
        List<String> periods = figures.periods();
        if (periods.isEmpty()) {
            throw new NotFoundException("No figures have been imported yet. Import a DM01 file with POST /api/data/imports.");
        }
        YearMonth start = from != null ? from : YearMonth.parse(periods.get(0));
        YearMonth end = to != null ? to : YearMonth.parse(periods.get(periods.size() - 1));
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "Must not be before 'from' (" + start + ").");
        }
        if (start.plusMonths(MAX_SERIES_MONTHS).isBefore(end.plusMonths(1))) {
            throw new InvalidInputException("to", "A series covers at most " + MAX_SERIES_MONTHS + " months: "
                    + "choose 'from' and 'to' closer together.");
        }
        Basis chosen = basis(basis);

        List<WaitingListFigures> months = network
                ? figures.networkSeries(start, end, chosen)
                : figures.trustSeries(trust, start, end, chosen);
        if (CsvResponses.wantsCsv(format, accept)) {
            return CsvResponses.figures(months, "waiting-list-" + (network ? "network" : trust.odsCode()) + ".csv");
        }
        return ResponseEntity.ok(new SeriesResponse(network ? FigureQueries.NETWORK : trust.odsCode(),
                network ? FigureQueries.NETWORK_NAME : trust.trustName(), start.toString(), end.toString(), chosen,
                months));
    }

    static Basis basis(String value) {
        if (value == null || value.isBlank()) {
            return Basis.REPORTED;
        }
        try {
            return Basis.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("basis", "'" + value + "' is not a basis: send 'reported' (organisations "
                    + "as they were each month) or 'current' (predecessors always added to their successor).");
        }
    }
}
