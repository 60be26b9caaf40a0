package vn.baovetreem.indicators;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The counts by part behind computed values, with the stamps they were counted under, kept in
 * PostgreSQL ({@code indicator_tally}, changelog 040) as well as in {@link KeptValues}: after a
 * restart, or on another instance, a computation starts from them and counts again only the parts
 * written in since. Whatever instance saved a tally, its stamps say what it read, so it is valid
 * for every instance. A tally is found only by the indicators of the catalogue, the definitions as
 * resolved (their SQL) and the question it was counted for: after a release that changes any of
 * them, the engine would not find the sides it counted under the same names, and counts afresh.
 */
@ApplicationScoped
class TallyRepository {

    private static final Logger LOG = Logger.getLogger(TallyRepository.class);
    /** How a tally is written; a new one makes the tallies saved before it unread. */
    private static final String FORMAT = "1";

    /** What is saved: the stamps and {@link IndicatorEngine.Tallies#sides()}. */
    record Saved(IndicatorInputs.Stamps stamps, Map<String, Map<String, Map<String, Long>>> sides) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;
    /** What every tally of this release was counted by: the format, the catalogue's indicators, the definitions. */
    private final String counted;

    TallyRepository(EntityManager em, ObjectMapper mapper, IndicatorCatalogue catalogue) {
        this.em = em;
        this.mapper = mapper;
        this.counted = IndicatorDefinitions.digest(FORMAT + "\u0000" + catalogue.all() + "\u0000" + IndicatorDefinitions.DIGEST);
    }

    /**
     * The tally saved for {@code key}, whatever its stamps; its values are to be counted from it.
     * One that cannot be read is as none: the values are then counted afresh, and saved again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<KeptValues.Kept> find(KeptValues.Key key) {
        @SuppressWarnings("unchecked")
        List<byte[]> found = em.createNativeQuery("select tally from indicator_tally where key = ?1").setParameter(1, id(key))
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(found.getFirst()))) {
            Saved saved = mapper.readValue(in, Saved.class);
            return Optional.of(new KeptValues.Kept(saved.stamps(), new IndicatorEngine.Tallies(saved.sides()), null));
        } catch (IOException e) {
            LOG.warnf("An indicator tally could not be read and is counted afresh: %s", e);
            return Optional.empty();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void save(KeptValues.Key key, IndicatorInputs.Stamps stamps, IndicatorEngine.Tallies tallies, Instant now) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            mapper.writeValue(out, new Saved(stamps, tallies.sides()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        em.createNativeQuery("""
                        insert into indicator_tally (key, tally, saved_at) values (?1, ?2, ?3)
                        on conflict (key) do update set tally = excluded.tally, saved_at = excluded.saved_at""")
                .setParameter(1, id(key)).setParameter(2, bytes.toByteArray()).setParameter(3, now).executeUpdate();
    }

    /** Deletes the tallies last saved before {@code time}; answers how many. */
    @Transactional
    int forgetSavedBefore(Instant time) {
        return em.createNativeQuery("delete from indicator_tally where saved_at < ?1").setParameter(1, time).executeUpdate();
    }

    private String id(KeptValues.Key key) {
        return IndicatorDefinitions.digest(counted + "\u0000" + key);
    }
}
