package vn.baovetreem.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** HTTP behaviour shared by every endpoint ({@code cp.http.*}). */
@ConfigMapping(prefix = "cp.http")
public interface HttpConfig {

    /** How long a used Idempotency-Key is remembered. */
    @WithDefault("PT24H")
    Duration idempotencyKeyTtl();

    /** Largest accepted request body in bytes; larger ones answer 413. */
    @WithDefault("1048576")
    long maxBodySize();

    /** Largest accepted import file ({@code POST /imports}) in bytes. */
    @WithDefault("52428800")
    long maxImportSize();
}
