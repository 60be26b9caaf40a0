package vn.baovetreem.interventions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The questions behind a commune plan's support target and budget: of the children in special
 * circumstances during a period, how many received support; and how much support cost, by
 * funding source and type.
 */
@ApplicationScoped
public class CoverageService {

    /** Unsupported children listed at most; the counts always cover all of them. */
    static final int MAX_LISTED = 500;

    private final CoverageRepository repository;
    private final AccessPolicy access;
    private final UnitDirectory units;
    private final Clock clock;

    CoverageService(CoverageRepository repository, AccessPolicy access, UnitDirectory units, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    public record Period(String unit, LocalDate from, LocalDate to) {
    }

    public record GroupCoverage(String group, long children, long supported) {
    }

    public record TypeCoverage(String type, long children) {
    }

    public record UnsupportedChild(UUID id, String fullName, LocalDate dateOfBirth, String villageCode, List<String> groups) {
    }

    /** Schema {@code SupportCoverage}. */
    public record Coverage(Period period, long childrenInSpecialCircumstances, long supported, BigDecimal share,
                           List<GroupCoverage> byGroup, List<TypeCoverage> bySupportType, long unsupported,
                           List<UnsupportedChild> unsupportedChildren, boolean unsupportedChildrenTruncated) {
    }

    @Transactional
    public Coverage coverage(String unitCode, LocalDate from, LocalDate to) {
        CurrentUser.Resolved user = access.check(Operation.READ_INTERVENTIONS);
        Period period = period(unitCode, from, to, user);
        CoverageRepository.Where where = where(period, user);
        CoverageRepository.Totals totals = repository.totals(where);
        List<UnsupportedChild> missing = repository.unsupported(where, MAX_LISTED + 1);
        BigDecimal share = totals.children() == 0 ? null
                : BigDecimal.valueOf(totals.supported() * 100).divide(BigDecimal.valueOf(totals.children()), 1, RoundingMode.HALF_UP);
        return new Coverage(period, totals.children(), totals.supported(), share, repository.byGroup(where),
                repository.bySupportType(where), totals.children() - totals.supported(),
                missing.stream().limit(MAX_LISTED).toList(), missing.size() > MAX_LISTED);
    }

    public record FundingLine(String fundingSource, String type, long interventions, long amountVnd) {
    }

    public record FundingTotal(String fundingSource, long amountVnd) {
    }

    /** Schema {@code FundingSummary}. */
    public record Funding(Period period, long totalVnd, List<FundingTotal> byFundingSource, List<FundingLine> lines) {
    }

    /**
     * Spending in the period: a monthly amount counts once for each calendar month of the period
     * the support runs in; any other amount counts in the period its support starts in. Cancelled
     * supports count nothing.
     */
    @Transactional
    public Funding funding(String unitCode, LocalDate from, LocalDate to) {
        CurrentUser.Resolved user = access.check(Operation.READ_INTERVENTIONS);
        Period period = period(unitCode, from, to, user);
        List<FundingLine> lines = repository.funding(where(period, user));
        Map<String, Long> bySource = new TreeMap<>();
        lines.forEach(l -> bySource.merge(l.fundingSource(), l.amountVnd(), Long::sum));
        return new Funding(period, lines.stream().mapToLong(FundingLine::amountVnd).sum(),
                bySource.entrySet().stream().map(e -> new FundingTotal(e.getKey(), e.getValue())).toList(), lines);
    }

    /** The unit (default the caller's) and period (default this year to today), checked against the scope. */
    private Period period(String unitCode, LocalDate from, LocalDate to, CurrentUser.Resolved user) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        LocalDate end = to != null ? to : today;
        if (end.isBefore(start)) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "to", "to must not be before from.");
        }
        String code = unitCode != null ? unitCode : user.unit() != null ? user.unit().code() : null;
        if (code == null) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "unit", "unit is required for a caller without a unit.");
        }
        UnitDirectory.UnitSummary unit = units.find(code).orElseThrow(() -> new ApiException.NotFound("Administrative unit", code));
        if (units.scope(unit.code()).paths().stream().noneMatch(user.scope()::contains)) {
            throw new ApiException.NotFound("Administrative unit", code);
        }
        return new Period(code, start, end);
    }

    private CoverageRepository.Where where(Period period, CurrentUser.Resolved user) {
        return new CoverageRepository.Where(units.scope(period.unit()), user.scope(), period.from(), period.to());
    }
}
