package vn.baovetreem.indicators;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The indicator catalogue shipped as {@code indicators/catalogue.json}: what each indicator means,
 * how sure the project is of it, whether this service computes it and, if not, who holds it. An
 * official Circular 13/2021 code is given only where the text was read; every other indicator is
 * {@code provisional} and is marked so wherever it appears.
 */
@ApplicationScoped
public class IndicatorCatalogue {

    static final String RESOURCE = "indicators/catalogue.json";

    /** Which part of the Circular an indicator belongs to; {@code SERVICE} is this service's own. */
    public enum Appendix { SITUATION, ABUSE, SERVICE }

    public enum Kind { COUNT, PERCENT, RATE_PER_100000 }

    public record Group(String code, Appendix appendix, String nameVi, String nameEn) {
    }

    /** An age band [from, to) in completed years. */
    public record AgeBand(String code, int from, int to) {
    }

    public record Disaggregation(String code, String nameVi, String nameEn, String codeList, List<String> categories) {
    }

    /**
     * Schema {@code Indicator}. {@code unitVi}: the unit a rate is printed in, where it is not what
     * its kind says (‰ of live births, boys per 100 girls).
     */
    public record Indicator(String key, String officialCode, Group group, String nameVi, String nameEn, Kind kind, String unitVi,
                            String numerator, String denominator, List<String> disaggregations, List<AgeBand> ageBands,
                            String ageAt, String periodType, boolean computable, String heldBy, String confidence,
                            boolean usesUnitFacts, String note, String legalBasis) {

        /** True unless the official code was read in the Circular itself. */
        @JsonProperty("provisional")
        public boolean provisional() {
            return officialCode == null;
        }
    }

    /** Schema {@code IndicatorCatalogue}. */
    public record Catalogue(String version, String source, List<Disaggregation> disaggregations, List<Indicator> indicators) {
    }

    private final Catalogue catalogue;
    private final Map<String, Indicator> byKey;
    private final AccessPolicy access;

    IndicatorCatalogue(ObjectMapper mapper, AccessPolicy access) {
        this.access = access;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            this.catalogue = mapper.readValue(in, Catalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        this.byKey = catalogue.indicators().stream().collect(Collectors.toMap(Indicator::key, Function.identity()));
        IndicatorDefinitions.agreeWith(catalogue.indicators());
    }

    /** The whole catalogue, for any reader of indicators. */
    public Catalogue read() {
        access.check(Operation.READ_INDICATORS);
        return catalogue;
    }

    public Indicator read(String key) {
        access.check(Operation.READ_INDICATORS);
        return find(key).orElseThrow(() -> new ApiException.NotFound("Indicator", key));
    }

    String version() {
        return catalogue.version();
    }

    public Optional<Indicator> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    List<Indicator> all() {
        return catalogue.indicators();
    }

    public List<Disaggregation> disaggregations() {
        return catalogue.disaggregations();
    }
}
