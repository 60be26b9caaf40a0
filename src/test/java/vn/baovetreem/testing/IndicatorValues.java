package vn.baovetreem.testing;

import io.restassured.path.json.JsonPath;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Indicator values as the Yên Phúc officer reads them, for tests of the features the indicators count. */
public final class IndicatorValues {

    private IndicatorValues() {
    }

    public static JsonPath values(String unit, String period, String keys, String by) {
        var request = Api.as("commune.yenphuc").queryParam("unit", unit).queryParam("period", period).queryParam("keys", keys);
        if (by != null) {
            request.queryParam("by", by);
        }
        return request.get("/api/v1/indicator-values").then().statusCode(200).extract().jsonPath();
    }

    /** {numerator, denominator, value} of one row of one indicator. */
    public static List<Object> row(JsonPath json, String key, String unit, String dimension, String category) {
        String filter = "indicators.find { it.key == '" + key + "' }.values.find { it.unitCode == '" + unit + "' && it.disaggregation == "
                + (dimension == null ? "null" : "'" + dimension + "'") + " && it.category == "
                + (category == null ? "null" : "'" + category + "'") + " }";
        Map<String, Object> v = json.getMap(filter);
        assertThat(v).as(key + " " + unit + " " + dimension + " " + category).isNotNull();
        return Arrays.asList(v.get("numerator"), v.get("denominator"), v.get("value") == null ? null : v.get("value").toString());
    }
}
