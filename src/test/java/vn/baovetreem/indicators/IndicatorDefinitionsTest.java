package vn.baovetreem.indicators;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.baovetreem.indicators.IndicatorCatalogue.Indicator;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue and the SQL definitions name the same computable indicators, checked without starting the service. */
class IndicatorDefinitionsTest {

    private final IndicatorCatalogue shipped = new IndicatorCatalogue(new ObjectMapper(), null);

    @Test
    void everyComputableIndicatorOfTheShippedCatalogueHasADefinition() {
        assertThat(shipped.all()).filteredOn(Indicator::computable).isNotEmpty()
                .allSatisfy(i -> assertThat(IndicatorDefinitions.of(i.key())).isNotNull());
    }

    @Test
    void aComputableIndicatorWithoutADefinitionStopsTheServiceFromStarting() {
        List<Indicator> indicators = new ArrayList<>(shipped.all());
        Indicator model = indicators.getFirst();
        indicators.add(new Indicator("no-such-indicator", null, model.group(), "x", "x", model.kind(), null, "x", null,
                List.of(), List.of(), null, null, true, null, "LOW", false, null, null));
        assertThatThrownBy(() -> IndicatorDefinitions.agreeWith(indicators))
                .hasMessageContaining("computable without a definition [no-such-indicator]");
    }

    @Test
    void aDefinitionTheCatalogueDoesNotComputeStopsTheServiceFromStarting() {
        List<Indicator> indicators = new ArrayList<>(shipped.all());
        Indicator computed = indicators.stream().filter(Indicator::computable).findFirst().orElseThrow();
        indicators.remove(computed);
        assertThatThrownBy(() -> IndicatorDefinitions.agreeWith(indicators))
                .hasMessageContaining("defined but not computable in the catalogue [" + computed.key() + "]");
    }
}
