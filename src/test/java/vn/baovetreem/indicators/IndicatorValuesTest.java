package vn.baovetreem.indicators;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.baovetreem.areas.UnitDirectory.UnitSummary;
import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.indicators.IndicatorCatalogue.Indicator;
import vn.baovetreem.indicators.IndicatorEngine.Count;
import vn.baovetreem.indicators.IndicatorService.Value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How counts become the values of an indicator, without the service: small counts suppressed,
 * every unit below present even without a count, age bands in the order of age, percentages with
 * one decimal.
 */
class IndicatorValuesTest {

    private static final IndicatorCatalogue CATALOGUE = new IndicatorCatalogue(new ObjectMapper(), null);
    private static final Indicator SUPPORTED = CATALOGUE.find("sc-children-supported").orElseThrow();
    private static final UnitSummary YEN_PHUC = new UnitSummary("06298", "Yên Phúc", "Xã", UnitLevel.COMMUNE, "20.06298", null,
            null, null);

    @Test
    void aCountBelowTheThresholdIsSuppressedWithItsShareButZeroAndTheThresholdAreNot() {
        List<Value> values = IndicatorService.values(SUPPORTED, List.of(
                new Count(null, null, null, 3, 40L),
                new Count(null, "SEX", "FEMALE", 0, 20L),
                new Count(null, "SEX", "MALE", 5, 20L),
                new Count(null, "SC_GROUP", "HCDB_D", 4, 4L)), YEN_PHUC, List.of(), Map.of(), 5);

        assertThat(values).containsExactly(
                new Value("06298", "Yên Phúc", null, null, null, null, null, true),
                new Value("06298", "Yên Phúc", "SC_GROUP", "HCDB_D", null, null, null, true),
                new Value("06298", "Yên Phúc", "SEX", "FEMALE", 0L, 20L, new BigDecimal("0.0"), null),
                new Value("06298", "Yên Phúc", "SEX", "MALE", 5L, 20L, new BigDecimal("25.0"), null));
    }

    @Test
    void everyUnitBelowIsListedEvenWithoutACountAndAgeBandsFollowAge() {
        List<Value> values = IndicatorService.values(SUPPORTED, List.of(
                new Count(null, null, null, 2, 3L),
                new Count("06298_01", null, null, 2, 3L),
                new Count(null, "AGE_BAND", "AGE_11_15", 1, 1L),
                new Count(null, "AGE_BAND", "AGE_6_10", 1, 1L),
                new Count(null, "AGE_BAND", "AGE_0_5", 0, 1L)),
                YEN_PHUC, List.of("06298_01", "06298_02"), Map.of(), null);

        assertThat(values).extracting(Value::unitCode, Value::category, Value::numerator, Value::denominator, Value::value)
                .containsExactly(
                        tuple("06298", null, 2L, 3L, new BigDecimal("66.7")),
                        tuple("06298", "AGE_0_5", 0L, 1L, new BigDecimal("0.0")),
                        tuple("06298", "AGE_6_10", 1L, 1L, new BigDecimal("100.0")),
                        tuple("06298", "AGE_11_15", 1L, 1L, new BigDecimal("100.0")),
                        tuple("06298_01", null, 2L, 3L, new BigDecimal("66.7")),
                        tuple("06298_02", null, 0L, 0L, null));
    }
}
