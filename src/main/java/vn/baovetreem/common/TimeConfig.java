package vn.baovetreem.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The service's notion of "today": dates such as a unit's validity are calendar dates in
 * Vietnam, whatever the server's own time zone.
 */
@ConfigMapping(prefix = "cp.time")
public interface TimeConfig {

    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    /**
     * Produces the clock every service reads "now" and "today" from. It ticks in microseconds, the
     * precision PostgreSQL keeps, so a time the service hands out (in a cursor, an ETag-bearing
     * record) is the time read back.
     */
    class ClockProducer {
        @Produces
        @Singleton
        Clock clock(TimeConfig config) {
            return Clock.tick(Clock.system(config.zone()), Duration.ofNanos(1_000));
        }
    }
}
