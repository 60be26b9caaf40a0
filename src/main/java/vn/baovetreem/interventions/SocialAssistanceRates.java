package vn.baovetreem.interventions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The standard social-assistance rate (mức chuẩn trợ giúp xã hội) as an effective-dated setting:
 * each rate holds from its date until the next. Provinces may set a higher local rate (Decree
 * 20/2021 Art. 4(3)); administrators add it here.
 */
@ApplicationScoped
public class SocialAssistanceRates {

    private final SocialAssistanceRateRepository rates;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;

    SocialAssistanceRates(SocialAssistanceRateRepository rates, AccessPolicy access, AuditTrail audit, RequestValidator validator) {
        this.rates = rates;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
    }

    /** Schema {@code SocialAssistanceRate}. */
    public record Rate(LocalDate validFrom, long monthlyVnd, String legalRef, boolean confirmed) {
    }

    /** Schema {@code SocialAssistanceRateList}. */
    public record RateList(List<Rate> items) {
    }

    @Transactional
    public RateList list() {
        access.check(Operation.READ_CODE_LISTS);
        return new RateList(rows());
    }

    @Transactional
    public Rate add(InterventionRequests.NewRate request) {
        CurrentUser.Resolved user = access.check(Operation.MANAGE_REFERENCE_DATA);
        validator.validate(request);
        Rate rate = new Rate(request.validFrom(), request.monthlyVnd(), Texts.clean(request.legalRef()),
                Boolean.TRUE.equals(request.confirmed()));
        if (!rates.insert(rate, user.username())) {
            throw new ApiException.Conflict(ProblemCode.RATE_EXISTS, "A rate already starts on " + rate.validFrom()
                    + "; rates are history and are not changed.");
        }
        audit.record("CREATE", "social-assistance-rate", rate.validFrom().toString(), null, null, rate);
        return rate;
    }

    /** Every rate, oldest first, read once for a page of supports. */
    public record Table(List<Rate> rates) {

        /** The rate in force on {@code date}, if any (none before 1 July 2021). */
        public Optional<Rate> on(LocalDate date) {
            Rate found = null;
            for (Rate rate : rates) {
                if (!rate.validFrom().isAfter(date)) {
                    found = rate;
                }
            }
            return Optional.ofNullable(found);
        }
    }

    Table table() {
        return new Table(rows());
    }

    private List<Rate> rows() {
        return rates.all();
    }
}
