package vn.baovetreem.interventions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.interventions.SocialAssistanceRates.Rate;

import java.util.List;

/** The standard social-assistance rates in {@code social_assistance_rate}, one row per date a rate starts. */
@ApplicationScoped
public class SocialAssistanceRateRepository {

    private final EntityManager em;

    SocialAssistanceRateRepository(EntityManager em) {
        this.em = em;
    }

    /** Adds the rate; false when a rate already starts that day (rates are history and never change). */
    boolean insert(Rate rate, String by) {
        return em.createNativeQuery("""
                        insert into social_assistance_rate (valid_from, monthly_vnd, legal_ref, confirmed, created_by)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, rate.validFrom()).setParameter(2, rate.monthlyVnd()).setParameter(3, rate.legalRef())
                .setParameter(4, rate.confirmed()).setParameter(5, by)
                .executeUpdate() == 1;
    }

    /** Every rate, oldest first. */
    List<Rate> all() {
        return Row.all(em.createNativeQuery(
                        "select valid_from, monthly_vnd, legal_ref, confirmed from social_assistance_rate order by valid_from", Tuple.class))
                .stream().map(r -> new Rate(r.date("valid_from"), r.bigint("monthly_vnd"), r.text("legal_ref"), r.bool("confirmed")))
                .toList();
    }
}
