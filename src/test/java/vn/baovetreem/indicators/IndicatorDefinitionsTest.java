package vn.baovetreem.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import vn.baovetreem.indicators.IndicatorCatalogue.Indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue and the SQL definitions ({@code indicators/definitions.yaml}) name the same
 * computable indicators, and the definitions file is read as its header says, checked without
 * starting the service.
 */
class IndicatorDefinitionsTest {

    private final IndicatorCatalogue shipped = new IndicatorCatalogue(new ObjectMapper(), null);

    @Test
    void aStatementIsSizedForFewUnitsOrForMany() {
        String sql = "select 1 from t{FEW: join g on g.code = t.unit}{MANY: cross join lateral (select 1) x} where {FEW:t.a}{MANY:t.b}";
        assertThat(IndicatorDefinitions.sized(sql, true)).isEqualTo("select 1 from t join g on g.code = t.unit where t.a");
        assertThat(IndicatorDefinitions.sized(sql, false)).isEqualTo("select 1 from t cross join lateral (select 1) x where t.b");
    }

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

    @Test
    void eachKindOfSideBuildsItsSqlWithFragmentsReplacedAndTheChildDisaggregationsAdded() throws Exception {
        var definitions = IndicatorDefinitions.definitions(yaml("""
                fragments: {OPEN: "cc.closed_at is null"}
                childDims: {SEX: e.sex}
                indicators:
                  a:
                    numerator: {kids: "k.age >= 6", dims: {GROUP: "cross join lateral (select unnest(e.sc_groups) as dim) d"}}
                    denominator: {children: "select 1 from child c where ${OPEN}"}
                  b:
                    numerator: {subsetOf: a, where: "s.weight > 0"}
                    denominator: {sql: "select 2", weighted: true, dims: {KIND: e.kind}}
                """));

        IndicatorDefinitions.Source kids = definitions.get("a").numerator();
        assertThat(kids.kidsFilter()).isEqualTo("k.age >= 6");
        assertThat(kids.sql()).startsWith("select k.id as entity").endsWith("from kids k where k.age >= 6");
        assertThat(kids.dims()).containsOnlyKeys("SEX", "GROUP");
        assertThat(IndicatorDefinitions.Source.multiValued(kids.dim("GROUP").orElseThrow())).isTrue();
        assertThat(kids.breakdownSql()).isEqualTo(kids.sql().replace("from kids k", "from kids_categorised k"));
        assertThat(definitions.get("a").denominator().sql()).isEqualTo("select 1 from child c where cc.closed_at is null");
        assertThat(definitions.get("b").numerator().sql()).isEqualTo("select * from (" + kids.sql() + ") s where s.weight > 0");
        assertThat(definitions.get("b").denominator()).isEqualTo(new IndicatorDefinitions.Source("select 2", true, Map.of("KIND", "e.kind"), null));
        assertThat(definitions.get("b").denominator().breakdownSql()).isEqualTo("select 2");
    }

    @Test
    void aFilterOfThePopulationThatCouldTellAnEmptyArrayFromNullIsRefused() throws Exception {
        // The population's arrays are NULL when empty: "not cardinality(k.sc_groups) > 0" would count no child.
        for (String filter : List.of("not cardinality(k.sc_groups) > 0", "k.risk_categories is null", "coalesce(k.support_types, '{}') = '{}'",
                "k.age >= 6 AND NOT k.has_personal_id")) {
            assertThatThrownBy(() -> IndicatorDefinitions.definitions(yaml("""
                    fragments: {}
                    childDims: {}
                    indicators: {x: {numerator: {kids: "%s"}}}""".formatted(filter))))
                    .as(filter).hasMessageContaining("indicator x: the filter of a kids side must not use not, null");
        }
        assertThat(IndicatorDefinitions.definitions(yaml("""
                fragments: {}
                childDims: {}
                indicators: {x: {numerator: {kids: "cardinality(k.sc_groups) > 0 and k.notified"}}}""")).get("x").numerator().kidsFilter())
                .isEqualTo("cardinality(k.sc_groups) > 0 and k.notified");
    }

    @Test
    void aBreakdownOfThePopulationThatCouldCountAChildInNoCategoryIsRefused() throws Exception {
        // Such breakdowns read only the children in a group, risk category or support type.
        assertThatThrownBy(() -> IndicatorDefinitions.definitions(yaml("""
                fragments: {}
                childDims: {}
                indicators: {x: {numerator: {kids: "true", dims: {ALL: "cross join lateral (select e.sex as dim) d"}}}}""")))
                .hasMessageContaining("indicator x: the breakdown ALL of a kids side must unnest");
    }

    @Test
    void anUnknownFragmentOrKindOfSideOrALaterIndicatorIsRefusedNamingTheIndicator() throws Exception {
        assertThatThrownBy(() -> IndicatorDefinitions.definitions(yaml("""
                fragments: {}
                childDims: {}
                indicators: {x: {numerator: {sql: "select ${MISSING}"}}}""")))
                .hasMessageContaining("indicator x: no fragment MISSING");
        assertThatThrownBy(() -> IndicatorDefinitions.definitions(yaml("""
                fragments: {}
                childDims: {}
                indicators: {x: {numerator: {table: child}}}""")))
                .hasMessageContaining("indicator x: a side needs one of");
        assertThatThrownBy(() -> IndicatorDefinitions.definitions(yaml("""
                fragments: {}
                childDims: {}
                indicators: {x: {numerator: {subsetOf: y}}, y: {numerator: {sql: "select 1"}}}""")))
                .hasMessageContaining("indicator x: subsetOf names no earlier indicator");
    }

    private static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }
}
