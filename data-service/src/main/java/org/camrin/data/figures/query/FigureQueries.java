package org.camrin.data.figures.query;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camrin.data.figures.query.WaitingListFigures.TestFigures;
import org.camrin.data.imports.api.Counts;
import org.camrin.data.organisation.Organisations;
import org.camrin.data.organisation.Organisations.Basis;
import org.camrin.support.network.NetworkTrust;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Figures per trust and for the network, computed from the per-organisation documents. Every
 * read is a lookup by {@code _id}: a month of the whole network costs about 30 lookups (14
 * organisations for the month and the month before).
 */
@Service
public class FigureQueries {

    /** The code that stands for the 12 trusts together. */
    public static final String NETWORK = "NETWORK";
    public static final String NETWORK_NAME = "Cheshire and Merseyside Radiology Imaging Network (12 trusts)";

    private final MongoTemplate mongo;
    private final Organisations organisations;
    private final StandardProperties standard;

    FigureQueries(MongoTemplate mongo, Organisations organisations, StandardProperties standard) {
        this.mongo = mongo;
        this.organisations = organisations;
        this.standard = standard;
    }

    /** Months that have figures, oldest first. */
    public List<String> periods() {
        PeriodIndex index = mongo.findById(PeriodIndex.ID, PeriodIndex.class);
        return index == null || index.periods() == null ? List.of() : index.periods().stream().sorted().toList();
    }

    public Optional<YearMonth> latestPeriod() {
        List<String> periods = periods();
        return periods.isEmpty() ? Optional.empty() : Optional.of(YearMonth.parse(periods.get(periods.size() - 1)));
    }

    /** Each trust's figures for a month, in the order of {@link NetworkTrust}, and the network's. */
    public List<WaitingListFigures> month(YearMonth period, Basis basis) {
        List<WaitingListFigures> result = new ArrayList<>();
        for (NetworkTrust trust : NetworkTrust.values()) {
            result.add(trustMonth(trust, period, basis));
        }
        result.add(networkMonth(period, basis));
        return result;
    }

    public WaitingListFigures trustMonth(NetworkTrust trust, YearMonth period, Basis basis) {
        return derive(trust.odsCode(), trust.trustName(), period, combine(trust, period, basis),
                combine(trust, period.minusMonths(1), basis), null);
    }

    public WaitingListFigures networkMonth(YearMonth period, Basis basis) {
        Combined current = combineNetwork(period, basis);
        return derive(NETWORK, NETWORK_NAME, period, current, combineNetwork(period.minusMonths(1), basis),
                current.trustsReporting());
    }

    /** One trust's months from {@code from} to {@code to}, both included. */
    public List<WaitingListFigures> trustSeries(NetworkTrust trust, YearMonth from, YearMonth to, Basis basis) {
        List<WaitingListFigures> result = new ArrayList<>();
        Combined previous = combine(trust, from.minusMonths(1), basis);
        for (YearMonth period = from; !period.isAfter(to); period = period.plusMonths(1)) {
            Combined current = combine(trust, period, basis);
            result.add(derive(trust.odsCode(), trust.trustName(), period, current, previous, null));
            previous = current;
        }
        return result;
    }

    public List<WaitingListFigures> networkSeries(YearMonth from, YearMonth to, Basis basis) {
        List<WaitingListFigures> result = new ArrayList<>();
        Combined previous = combineNetwork(from.minusMonths(1), basis);
        for (YearMonth period = from; !period.isAfter(to); period = period.plusMonths(1)) {
            Combined current = combineNetwork(period, basis);
            result.add(derive(NETWORK, NETWORK_NAME, period, current, previous, current.trustsReporting()));
            previous = current;
        }
        return result;
    }

    /** The figures of one organisation-month as stored, or empty when none were imported. */
    public Optional<OrganisationMonthView> organisationMonth(String odsCode, YearMonth period) {
        return Optional.ofNullable(mongo.findById(OrganisationMonthView.idOf(odsCode, period.toString()),
                OrganisationMonthView.class));
    }

    /** Counts of a trust, or of its predecessors, added up. */
    private record Combined(Counts total, Map<String, Counts> tests, List<String> includes, int trustsReporting) {

        static Combined none() {
            return new Combined(null, Map.of(), List.of(), 0);
        }
    }

    private Combined combine(NetworkTrust trust, YearMonth period, Basis basis) {
        Counts total = null;
        Map<String, Counts> tests = new LinkedHashMap<>();
        List<String> includes = new ArrayList<>();
        for (String odsCode : organisations.organisationsOf(trust)) {
            if (organisations.trustFor(odsCode, period, basis).filter(trust::equals).isEmpty()) {
                continue;
            }
            Optional<OrganisationMonthView> view = organisationMonth(odsCode, period);
            if (view.isEmpty() || view.get().total().totalWaitingList() == null) {
                continue;
            }
            total = total == null ? view.get().total() : addStrictly(total, view.get().total());
            view.get().tests().forEach(test -> tests.merge(test.test(), test.counts(), FigureQueries::addStrictly));
            if (!odsCode.equals(trust.odsCode())) {
                includes.add(odsCode);
            }
        }
        return total == null ? Combined.none() : new Combined(total, tests, includes, 1);
    }

    /**
     * Adds up the 12 trusts' counts for a month. The counts are null unless every trust has
     * figures for the month, and each count is null unless every trust has it.
     */
    private Combined combineNetwork(YearMonth period, Basis basis) {
        Counts total = null;
        Map<String, Counts> tests = new LinkedHashMap<>();
        List<String> includes = new ArrayList<>();
        int reporting = 0;
        for (NetworkTrust trust : NetworkTrust.values()) {
            Combined combined = combine(trust, period, basis);
            if (combined.total() == null) {
                continue;
            }
            reporting++;
            total = total == null ? combined.total() : addStrictly(total, combined.total());
            combined.tests().forEach((test, counts) -> tests.merge(test, counts, FigureQueries::addStrictly));
            includes.addAll(combined.includes());
        }
        if (reporting < NetworkTrust.values().length) {
            // A sum over part of the network would read as a network-wide fall, so only the count is shown.
            return new Combined(null, Map.of(), List.copyOf(includes), reporting);
        }
        return new Combined(total, tests, includes, reporting);
    }

    /**
     * Adds counts of two organisations; a field is null unless both have it, so a sum never
     * passes off one organisation's count as the total of two.
     */
    private static Counts addStrictly(Counts left, Counts right) {
        return new Counts(both(left.totalWaitingList(), right.totalWaitingList()),
                both(left.waiting6PlusWeeks(), right.waiting6PlusWeeks()),
                both(left.waiting13PlusWeeks(), right.waiting13PlusWeeks()),
                both(left.totalActivity(), right.totalActivity()));
    }

    private static Long both(Long left, Long right) {
        return left == null || right == null ? null : left + right;
    }

    private WaitingListFigures derive(String code, String name, YearMonth period, Combined current, Combined previous,
            Integer trustsReporting) {
        double standardShare = standard.shareFor(period);
        Counts counts = current.total() == null ? Counts.NONE : current.total();
        Counts before = previous.total() == null ? Counts.NONE : previous.total();

        Double share6 = share(counts.waiting6PlusWeeks(), counts.totalWaitingList());
        Long change = difference(counts.totalWaitingList(), before.totalWaitingList());
        List<TestFigures> tests = new ArrayList<>();
        current.tests().forEach((test, testCounts) -> tests.add(testFigures(test, testCounts,
                previous.tests().getOrDefault(test, Counts.NONE))));

        return new WaitingListFigures(code, name, period.toString(), current.includes(), trustsReporting,
                counts.totalWaitingList(), counts.waiting6PlusWeeks(), share6,
                counts.waiting13PlusWeeks(), share(counts.waiting13PlusWeeks(), counts.totalWaitingList()),
                standardShare, share6 == null ? null : share6 <= standardShare,
                share6 == null ? null : share6 - standardShare,
                counts.totalActivity(), demand(counts.totalActivity(), change), change,
                change == null || before.totalWaitingList() == 0 ? null : (double) change / before.totalWaitingList(),
                List.copyOf(tests));
    }

    private static TestFigures testFigures(String test, Counts counts, Counts before) {
        Long change = difference(counts.totalWaitingList(), before.totalWaitingList());
        return new TestFigures(test, counts.totalWaitingList(), counts.waiting6PlusWeeks(),
                share(counts.waiting6PlusWeeks(), counts.totalWaitingList()), counts.waiting13PlusWeeks(),
                share(counts.waiting13PlusWeeks(), counts.totalWaitingList()), counts.totalActivity(),
                demand(counts.totalActivity(), change), change);
    }

    private static Double share(Long part, Long whole) {
        return part == null || whole == null || whole == 0 ? null : (double) part / whole;
    }

    private static Long difference(Long current, Long before) {
        return current == null || before == null ? null : current - before;
    }

    private static Long demand(Long activity, Long change) {
        return activity == null || change == null ? null : activity + change;
    }
}
