package vn.baovetreem.common.http;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that may run only in its {@link Share} of the service: at most that share's
 * number at once on an instance, so that many of them (a district exporting every commune at
 * once) leave connections and CPU for the cheap reads and the writes. A request that finds its
 * share full waits briefly, then answers 503 {@code SERVICE_BUSY} with {@code Retry-After}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Limited {

    @Nonbinding Share value();

    enum Share {
        /** Indicator values, exports, workbooks, uploads: seconds of CPU and database each. */
        HEAVY,
        /** Searches and pages of up to 200 records. */
        LISTS,
        /** Batches of offline changes: each holds a worker thread while its operations run as requests of their own. */
        BATCHES
    }
}
